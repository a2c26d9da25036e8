"""Parse Markdown as GitHub would (CommonMark, tables, strikethrough) and list what it became."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

# The only HTML plandiff writes itself; anything else in the output came from plan text.
OWN_TAGS = re.compile(
    r"<(?:/?(?:details|summary|del|ins|sub)|a name=\"c-[A-Za-z0-9.-]+\"|/a"
    r"|!-- plandiff-report --)>"
)
TAG = re.compile(r"<[^>]*>")
AUTOLINKABLE = re.compile(r"(?:https?|ftp)://|www\.|@\w|#\d|[\w.+-]+@[\w-]+\.", re.IGNORECASE)


@dataclass
class Rendered:
    """What a Markdown document turned into."""

    foreign_tags: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    images: int = 0
    autolinkable: list[str] = field(default_factory=list)
    # Raw cells per source line, one list per table. markdown-it pads or cuts a row to the
    # header's width, so the source lines are what show a cell that broke out.
    tables: list[list[int]] = field(default_factory=list)
    details_balance_ok: bool = True
    code: list[str] = field(default_factory=list)


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inspect(markdown: str) -> Rendered:
    tokens = parser().parse(markdown)
    lines = markdown.splitlines()
    found = Rendered()
    depth = 0
    for token in _walk(tokens):
        if token.type in ("html_block", "html_inline"):
            for tag in TAG.findall(token.content):
                if not OWN_TAGS.fullmatch(tag):
                    found.foreign_tags.append(tag)
                if tag == "<details>":
                    depth += 1
                elif tag == "</details>":
                    depth -= 1
                    found.details_balance_ok &= depth >= 0
        elif token.type == "link_open":
            found.links.append(str(token.attrGet("href")))
        elif token.type == "image":
            found.images += 1
        elif token.type == "text" and AUTOLINKABLE.search(token.content):
            found.autolinkable.append(token.content)
        elif token.type in ("code_inline", "code_block", "fence"):
            found.code.append(token.content)
        elif token.type == "table_open" and token.map:
            start, end = token.map
            # A line that still looks like a row right after the table means it broke early.
            stop = end + 1 if end < len(lines) and lines[end].startswith("|") else end
            found.tables.append([_cells(line) for line in lines[start:stop]])
    found.details_balance_ok &= depth == 0
    return found


def _cells(line: str) -> int:
    return len(re.split(r"(?<!\\)\|", line.strip().strip("|")))


def _walk(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if token.children:
            out.extend(_walk(token.children))
    return out
