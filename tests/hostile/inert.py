"""Checks that rendered output is inert: each returns the list of problems it found (empty: safe).

They parse the output the way its reader would (an HTML parser, a CommonMark + GFM-tables
renderer, a terminal, a CI log) and look for anything plan text could have turned into markup,
links, control sequences or workflow commands.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib import resources

from markdown_it import MarkdownIt
from markdown_it.token import Token

# What a CI runner reads as a command: a line starting '::name ...::' after any white space
# (GitHub), or the older '##[name]', which the runner looks for anywhere in a line.
WORKFLOW = re.compile(r"^[^\S\n]*::|##\[", re.MULTILINE)
# Raw bytes a terminal obeys: C0 controls but tab and newline, DEL, C1 controls, and the
# characters that reorder text (bidi embeddings, overrides, isolates) or break lines.
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
# The colour plandiff itself writes: SGR sequences only.
SGR = re.compile(r"\x1b\[[0-9;]*m")


def workflow_problems(text: str) -> list[str]:
    return [f"workflow command line: {m.group()!r}..." for m in WORKFLOW.finditer(text)]


BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def terminal_problems(text: str, *, color: bool = False, bidi: bool = False) -> list[str]:
    """Raw control bytes in text printed to a terminal (plandiff's own SGR colours allowed).

    ``bidi`` allows bidirectional marks, for documents that keep them as data: the HTML page
    (which isolates them with dir="auto") and exported plan text.
    """
    plain = SGR.sub("", text) if color else text
    found = sorted(
        {f"U+{ord(c):04X}" for c in RAW_CONTROL.findall(plain) if not (bidi and c in BIDI)}
    )
    return [f"raw control character {c}" for c in found] + workflow_problems(text)


def _template_vocabulary() -> tuple[set[str], set[str]]:
    """The element and attribute names the HTML template itself writes."""
    source = (
        resources.files("plandiff.output").joinpath("templates/report.html.j2").read_text("utf-8")
    )
    source = re.sub(r"\{[{%#].*?[}%#]\}", "", source, flags=re.DOTALL)
    tags = set(re.findall(r"<([a-z][a-z0-9]*)", source))
    attributes = set(re.findall(r"\s([a-z][a-z-]*)=\"", source)) | {"checked"}
    return tags, attributes


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.comments: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def parse_html(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser


def html_problems(html: str) -> list[str]:
    """Elements, attributes, links or comments in the page that the template does not write."""
    tags, attributes = _template_vocabulary()
    page = parse_html(html)
    problems = [f"comment <!--{c[:30]}-->" for c in page.comments]
    for tag, attrs in page.elements:
        if tag not in tags:
            problems.append(f"element <{tag}>")
        for name, val in attrs:
            if name not in attributes or name.startswith("on") or name in ("src", "srcdoc"):
                problems.append(f"attribute {name}= on <{tag}>")
            if name == "href" and not (val or "").startswith(("#", "https://", "http://")):
                problems.append(f"link {val!r}")
            if val is not None and RAW_CONTROL.search(val):
                problems.append(f"control character in {name}= on <{tag}>")
    text = "".join(page.data)
    problems += [f"raw control character U+{ord(c):04X}" for c in set(_C0_C1.findall(text))]
    return problems


_C0_C1 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# HTML the Markdown templates write themselves; anything else in an HTML token came from text.
_OWN_HTML = re.compile(
    r'<a name="[A-Za-z0-9.-]+"></a>|<a name="[A-Za-z0-9.-]+">|</?(?:a|del|ins|sub|sup|details|'
    r"summary|br|b|strong|em|code)>|<!-- plandiff-report -->"
)


def markdown_tokens(text: str) -> list[Token]:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    flat: list[Token] = []
    for token in md.parse(text):
        flat.append(token)
        flat.extend(token.children or ())
    return flat


_SAFE_HREF = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+")


def markdown_problems(text: str) -> list[str]:
    """HTML, links, images, code or mentions that plan text could have produced."""
    problems = []
    shown = []
    for token in markdown_tokens(text):
        if token.type in ("html_block", "html_inline"):
            # Text between the template's own tags is fine as long as it holds no markup of
            # its own: escaped text (&lt;) is inert in HTML too.
            rest = _OWN_HTML.sub("", token.content)
            if re.search(r"[<>]", rest):
                problems.append(f"{token.type}: {rest.strip()[:60]!r}")
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            # A source's address is linked, percent-encoded: nothing in it can act.
            if not href.startswith("#") and not _SAFE_HREF.fullmatch(href):
                problems.append(f"link to {href!r}")
        elif token.type in ("image", "code_inline", "fence", "code_block"):
            problems.append(f"{token.type}: {token.content[:60]!r}")
        elif token.type == "text":
            shown.append(token.content)
    words = " ".join(shown)
    # GitHub links these in rendered text: mentions, issue references, bare addresses.
    for pattern, what in (
        (r"(?<![\w`])@[A-Za-z0-9]", "mention"),
        (r"(?<![\w&])#\d", "issue reference"),
        (r"(?i)\bgh-\d", "issue reference"),
        (r"(?i)\b(?:https?|javascript)://", "bare address"),
        (r"(?i)(?<![\w.])www\.", "bare www address"),
    ):
        problems += [f"{what}: {m.group()!r}" for m in re.finditer(pattern, words)]
    return problems + terminal_problems(text)


def markdown_text(text: str) -> str:
    """What a reader sees of a Markdown document: the text of every token, joined."""
    return "".join(t.content for t in markdown_tokens(text) if t.type == "text")
