"""Plain text drafts: UTF-8 (with or without a byte-order mark) or UTF-16 with one, split into
blocks at blank lines, numbering markers, headings and a step back in indentation."""

from __future__ import annotations

import codecs
import re

from plandiff.documents.draft import SPACE, Block, Draft
from plandiff.documents.numbering import opens_block
from plandiff.model.errors import UsageError
from plandiff.util.inert import file_name

# The text of a heading: runs of other characters joined by runs of blanks, each run taken
# whole (possessive), so the trailing blanks are found in one pass; a lazy ``.*?`` before
# ``[ \t]*$`` re-read a run of blanks from each of its characters, quadratic in a long line.
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]++(?P<text>(?:[^ \t]|[ \t]++(?=[^ \t]))*+)[ \t]*+$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read(data: bytes, name: str) -> Draft:
    """The blocks of a text file.

    >>> draft = read(b"1. Peace\\n   and trade.\\n   a. goods\\n", "t.txt")
    >>> [(b.text, b.line, b.level) for b in draft.blocks]
    [('1. Peace\\nand trade.', 1, 0), ('a. goods', 3, 3)]
    """
    return Draft(blocks(decode(data, name)), escapes=True)


def decode(data: bytes, name: str) -> str:
    """The text of ``data``: UTF-8, UTF-8 after a byte-order mark, or UTF-16 after one."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding, start = ("utf-32", 0)
    elif data.startswith(codecs.BOM_UTF8):
        encoding, start = ("utf-8", len(codecs.BOM_UTF8))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, start = ("utf-16", 0)
    else:
        encoding, start = ("utf-8", 0)
    shown = file_name(name)
    if encoding == "utf-8" and start == 0 and b"\x00" in data:
        # No text holds a NUL byte; UTF-16 without its mark is full of them.
        raise UsageError(
            f"{shown}: holds NUL bytes, like UTF-16 text without a byte-order mark; "
            "save it as UTF-8 (or as UTF-16 with a byte-order mark)"
        )
    try:
        return data[start:].decode(encoding)
    except UnicodeDecodeError as err:
        raise UsageError(
            f"{shown}: not {encoding.upper()} text (byte {err.start + start}); save it as UTF-8"
        ) from None


def _literal(line: str) -> bool:
    """Whether a line starts with the backslash that asks for it to be read as text, not
    structure (``\\\\`` and ``\\u{...}`` are escapes of characters, not that backslash)."""
    return line.startswith("\\") and not line.startswith(("\\\\", "\\u{"))


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` at CR LF, CR or LF only: other separators are text."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def blocks(text: str) -> tuple[Block, ...]:
    """Group lines into blocks: a wrapped paragraph is one block, with its line breaks kept."""
    found: list[Block] = []
    lines: list[str] = []
    start = level = 0
    plain = False

    def close() -> None:
        nonlocal lines
        if lines:
            found.append(Block("\n".join(lines), start, level, plain=plain))
        lines = []

    for number, raw in enumerate(split_lines(text), start=1):
        stripped = raw.strip(SPACE)
        indent = len(raw) - len(raw.lstrip(SPACE))
        if not stripped:
            close()
            continue
        escaped = _literal(stripped)
        if not escaped and (heading := _HEADING.match(stripped)):
            close()
            rank, title = len(heading.group("hashes")), heading.group("text")
            literal = _literal(title)
            found.append(Block(title[literal:], number, indent, heading=rank, plain=literal))
            continue
        if not lines or (not escaped and opens_block(stripped)) or indent < level:
            close()
            start, level, plain = number, indent, escaped
        lines.append(stripped[1:] if escaped else stripped)
    close()
    return tuple(found)
