"""Read a saved web page or article (.html): its headings, paragraphs and list items in order.

The page's own structure is the outline: ``<h1>``-``<h6>`` are headings, and an ordered list's
numbering (``<ol start>``, ``type``, ``reversed``, ``<li value>``, nesting) becomes each item's
label, as a browser would number it. The article is the page's ``<main>``, else its longest
``<article>``, else the body; navigation, asides, page footers, forms, scripts, styles and
hidden elements are left out. Python's own HTML parser reads the bytes: nothing is fetched,
no script runs, and no entity or stylesheet is resolved beyond the HTML character references.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from plandiff.documents.draft import Block, Draft
from plandiff.model.errors import UsageError
from plandiff.util.inert import file_name

_SKIPPED = frozenset(
    (
        "script",
        "style",
        "template",
        "noscript",
        "nav",
        "aside",
        "footer",
        "form",
        "button",
        "select",
        "textarea",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "head",
    )
)
_BLOCKS = frozenset(
    (
        "p",
        "div",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "caption",
        "figcaption",
        "address",
        "section",
        "article",
        "main",
        "header",
        "summary",
        "details",
    )
)
_VOID = frozenset(
    (
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    )
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)


def read(data: bytes, name: str) -> Draft:
    """Read an HTML page into blocks: headings, paragraphs and list items with their numbers.

    >>> page = b"<h1>Plan</h1><ol start='4'><li>Peace.<ol type='a'><li>Now.</li></ol></li></ol>"
    >>> [(b.text, b.label, b.level, b.heading) for b in read(page, "p.html").blocks]
    [('Plan', None, None, 1), ('Peace.', '4', 0, None), ('Now.', 'a', 1, None)]
    """
    text = _decode(data, name)
    article = _Collector()
    article.feed(text)
    article.close()
    first, last = article.scope()
    blocks = tuple(article.blocks[first:last])
    left_out = len(article.blocks) - len(blocks)
    notes = (f"the page's main article read; {left_out} blocks around it left out",) * bool(
        left_out
    )
    # The page's <title> often carries the site's name too; a heading of its own is better.
    title = None if any(b.heading == 1 for b in blocks) else article.title
    return Draft(blocks=blocks, title=title, date=article.date, notes=notes)


def _decode(data: bytes, name: str) -> str:
    """The page's text: by its byte-order mark, else its declared charset, else UTF-8."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return _strict(data, codec, name).removeprefix("\ufeff")
    declared = _CHARSET.search(data[:4096])
    codec = "utf-8"
    if declared:
        with contextlib.suppress(LookupError):
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
    return _strict(data, codec, name).removeprefix("\ufeff")


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise UsageError(
            f"{file_name(name)}: the page is not valid {codec} text (byte {err.start}); "
            "save it again from the browser (Save Page As, HTML only)"
        ) from None


@dataclass
class _List:
    ordered: bool
    kind: str
    next: int
    reversed: bool = False
    start: int | None = None
    items: list[int] = field(default_factory=list)  # indices of its items' blocks


@dataclass
class _Collector(HTMLParser):
    """Gathers blocks while the parser walks the page (mutable only while one page is read)."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._skip_depth = 0
        self._stack: list[str] = []
        self._open: Counter[str] = Counter()  # the stack's tags, to ask "is it open?" at once
        self._lists: list[_List] = []
        self._text: list[str] = []
        self._start_line = 1
        self._label: str | None = None
        self._label_list: _List | None = None
        self._table = 0
        self._heading: int | None = None
        self._pre = 0
        self._in_title = False
        self._title_parts: list[str] = []
        self._scopes: list[tuple[str, int, int]] = []  # (tag, first block, text length)
        self._open_scopes: list[tuple[str, int, int]] = []

    # The parser calls these as it meets each tag.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "title":
            self._in_title = True
        if tag == "meta":
            self._meta(attributes)
        if tag in _VOID:
            if tag == "br" and not self._skip_depth:
                self._flush()
            return
        self._stack.append(tag)
        self._open[tag] += 1
        if self._skip_depth or tag in _SKIPPED or _hidden(attributes):
            self._skip_depth += 1
            return
        if tag == "time" and self.date is None and attributes.get("datetime"):
            self.date = attributes["datetime"]
        if tag in ("main", "article"):
            self._flush()
            self._open_scopes.append((tag, len(self.blocks), 0))
        if tag == "table":
            self._table += 1
        if tag in ("ol", "ul"):
            self._flush(force=True)
            self._lists.append(_new_list(tag, attributes))
        elif tag == "li":
            self._flush(force=True)
            self._open_item(attributes)
        elif tag in _BLOCKS:
            self._flush()
            self._heading = _HEADINGS.get(tag)
            if "MsoTitle" in (attributes.get("class") or "").split():
                self._heading = 1  # Word's "Save as Web Page" writes its Title style so
        if tag == "pre":
            self._pre += 1
        if tag in ("td", "th") and self._text:
            self._text.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            self.title = " ".join("".join(self._title_parts).split()) or None
        if tag in _VOID or not self._open[tag]:
            return
        while self._stack:  # close what the page left open inside this element
            open_tag = self._stack.pop()
            self._open[open_tag] -= 1
            self._close(open_tag)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
        if self._skip_depth:
            return
        if not self._text:
            self._start_line = self.getpos()[0]
        self._text.append(data)

    def close(self) -> None:
        super().close()
        while self._stack:
            self._close(self._stack.pop())
        self._flush()

    def scope(self) -> tuple[int, int]:
        """Blocks of the main article (first and past-last index), all when none is marked."""
        mains = [s for s in self._scopes if s[0] == "main"]
        candidates = mains or [s for s in self._scopes if s[0] == "article"]
        if not candidates:
            return 0, len(self.blocks)
        _, first, last = max(candidates, key=lambda s: self._length(s[1], s[2]))
        return first, last

    def _length(self, first: int, last: int) -> int:
        return sum(len(b.text) for b in self.blocks[first:last])

    def _close(self, tag: str) -> None:
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if tag == "table":
            self._flush()
            self._table = max(0, self._table - 1)
        if tag in ("ol", "ul"):
            self._flush(force=True)
            if self._lists:
                _renumber(self.blocks, self._lists.pop())
        elif tag in _BLOCKS:
            self._flush(force=tag == "li")
        if tag == "pre":
            self._pre -= 1
        if tag in ("main", "article") and self._open_scopes:
            self._flush()
            kind, first, _ = self._open_scopes.pop()
            self._scopes.append((kind, first, len(self.blocks)))

    def _open_item(self, attributes: dict[str, str | None]) -> None:
        if not self._lists:
            self._label = None
            return
        current = self._lists[-1]
        value = _number(attributes.get("value"))
        if value is not None:
            current.next = value
        self._label_list = current
        if current.ordered:
            self._label = _counter(current.next, attributes.get("type") or current.kind)
            current.next += -1 if current.reversed else 1
        else:
            self._label = "\u2022"

    def _flush(self, *, force: bool = False) -> None:
        """End the block being gathered; a list item's number waits for its first text
        (``<li><p>text``) unless ``force``, at the item's end."""
        raw = "".join(self._text)
        self._text = []
        text = raw.strip("\n") if self._pre else " ".join(raw.split())
        if not text and (self._label is None or not force):
            return
        if self._label_list is not None and self._label is not None:
            self._label_list.items.append(len(self.blocks))
        plain = self._table > 0 and self._label is None
        level = len(self._lists) - 1 if self._lists else None
        self.blocks.append(Block(text, self._start_line, level, self._label, self._heading, plain))
        self._label, self._heading, self._label_list = None, None, None

    def _meta(self, attributes: dict[str, str | None]) -> None:
        key = (attributes.get("name") or attributes.get("property") or "").lower()
        if key in ("date", "dc.date", "article:published_time", "dcterms.date") and not self.date:
            self.date = attributes.get("content") or None


def _hidden(attributes: dict[str, str | None]) -> bool:
    style = (attributes.get("style") or "").replace(" ", "").lower()
    return (
        "hidden" in attributes
        or attributes.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _new_list(tag: str, attributes: dict[str, str | None]) -> _List:
    if tag == "ul":
        return _List(ordered=False, kind="disc", next=1)
    start = _number(attributes.get("start"))
    return _List(ordered=True, kind=attributes.get("type") or "1",
                 next=start if start is not None else 1,
                 reversed="reversed" in attributes, start=start)  # fmt: skip


def _renumber(blocks: list[Block], closed: _List) -> None:
    """A reversed list without a start counts down to 1: its numbers are known at its end."""
    if not (closed.ordered and closed.reversed and closed.start is None):
        return
    for value, index in zip(range(len(closed.items), 0, -1), closed.items, strict=True):
        block = blocks[index]
        blocks[index] = Block(block.text, block.line, block.level,
                              _counter(value, closed.kind), block.heading, block.plain)  # fmt: skip


def _number(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if re.fullmatch(r"-?\d{1,9}", value) else None


def _counter(value: int, kind: str) -> str:
    """An ordered list's number as the browser shows it for ``type`` ``kind``.

    >>> [_counter(4, k) for k in ("1", "a", "A", "i", "I")]
    ['4', 'd', 'D', 'iv', 'IV']
    """
    if kind in ("a", "A") and value > 0:
        letters = ""
        while value > 0:  # a..z, then aa, ab, ..: bijective base 26, as browsers count
            value, digit = divmod(value - 1, 26)
            letters = chr(ord("a") + digit) + letters
        return letters if kind == "a" else letters.upper()
    if kind in ("i", "I") and 0 < value < 4000:
        from plandiff.documents.readers.word import _roman

        return _roman(value).lower() if kind == "i" else _roman(value)
    return str(value)
