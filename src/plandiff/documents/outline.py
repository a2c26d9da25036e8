"""Turn a draft's blocks into a plan: numbered provisions, sub-points, metadata, and every block
that found no place, whatever format the draft came from.

The numbering a block opens with is read by ``documents/numbering.py``; this module decides
where each block belongs and assembles the plan, which the loader then validates in its own
words.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from plandiff.documents.draft import SPACE, Block, Draft, Imported, Unplaced
from plandiff.documents.numbering import COMMENT, METADATA, Marker, kind_of, read_marker
from plandiff.model.errors import PlanError
from plandiff.util.inert import text_file_value

__all__ = ["CLOSING", "PREAMBLE", "Imported", "Unplaced", "build"]

PREAMBLE, CLOSING = "preamble", "closing"
"""The numbers of a draft's unnumbered text before its first point and after its last."""

ATTRIBUTES = ("key", "topics", "provenance", "sources", "note")
META_KEYS = {
    "id": "id", "title": "title", "version": "version", "date": "date", "parent": "parent",
    "party": "parties", "parties": "parties", "source": "sources", "sources": "sources",
    "coverage": "completeness", "completeness": "completeness", "note": "note",
    "provenance": "provenance",
}  # fmt: skip


@dataclass
class _Item:
    """A provision or sub-point being assembled (mutable only while one draft is read)."""

    line: int
    label: str
    level: int
    heading: str | None = None
    open_body: bool = False  # its paragraphs need no indentation (a heading, a lone marker)
    paragraphs: list[str] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    # Each child's label and place among the children: a long draft asks for both per line.
    positions: dict[str, int] = field(default_factory=dict)

    def adopt(self, child: _Item) -> None:
        self.positions[child.label] = len(self.children)
        self.children.append(child)


@dataclass
class _Builder:
    name: str
    escapes: bool = False
    meta: dict[str, Any] = field(default_factory=dict)
    items: list[_Item] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    scheme: str | None = None
    pending_heading: tuple[int, str] | None = None
    current: _Item | None = None
    labelled_level: int | None = None  # the level of the first block the format numbered
    rejected: bool = False  # the last point opened was not placed: its lines are not either
    provision_open: bool = False  # the last provision opened was placed: sub-points go there
    heading_rank: int | None = None  # the rank of headings that number provisions, if any
    sub_styles: dict[str, None] = field(default_factory=dict)  # in order of first use
    unnumbered: list[str] = field(default_factory=list)
    # Paragraphs after a point's text that found no place yet: the draft's closing lines if
    # nothing follows them, else reported as not placed.
    tail: list[tuple[Block, str]] = field(default_factory=list)
    next_line: int = 0  # the line straight after the last block read
    # The labels of the provisions, how many of them are plain numbers, and the labels of every
    # sub-point of the last one: looked up for each line, so never found by walking the items.
    labels: set[str] = field(default_factory=set)
    numbered: int = 0
    sub_labels: set[str] = field(default_factory=set)

    def add_provision(self, item: _Item) -> None:
        self.items.append(item)
        self.labels.add(item.label)
        self.numbered += item.label.isdigit()
        self.sub_labels = set()

    def add_subpoint(self, parent: _Item, item: _Item) -> None:
        parent.adopt(item)
        self.sub_labels.add(item.label)

    def close_tail(self) -> None:
        for block, reason in self.tail:
            self.skip_block(block, reason)
        self.tail = []

    def unescaped(self, text: str) -> str:
        """Text with the escapes of plandiff's text form read back, when the draft has them."""
        return text_file_value(text) if self.escapes else text

    def text(self, raw: str) -> str:
        """A block's text as a field holds it: soft breaks read as spaces, escapes read."""
        return self.unescaped(_joined(raw))

    def skip(self, number: int, text: str, reason: str) -> None:
        self.unplaced.append(Unplaced(line=number, text=text.strip(), reason=reason))

    def skip_block(self, block: Block, reason: str) -> None:
        for offset, line in enumerate(block.text.split("\n")):
            if line.strip():
                self.skip(block.line + offset, line, reason)


def build(
    draft: Draft,
    name: str,
    *,
    provenance: str = "confirmed",
    given: Mapping[str, str | tuple[str, ...]] | None = None,
) -> Imported:
    """Turn a draft into a plan; ``name`` (the file's) appears in errors and gives the default id.

    >>> from plandiff.documents.draft import Block
    >>> blocks = (Block("T", 1, heading=1), Block("date: 2025-01-02", 2), Block("1. Peace.", 4))
    >>> build(Draft(blocks), "t.txt").plan.provisions[0].text
    'Peace.'
    """
    builder = _Builder(name, escapes=draft.escapes)
    blocks = list(draft.blocks)
    start = _read_preamble(builder, blocks)
    for block in blocks[start:]:
        _read_block(builder, block)
    _close(builder)
    if builder.pending_heading:
        builder.skip(*builder.pending_heading, "a heading with no provision after it")
    for key, value in (given or {}).items():
        # Set on the command line: it replaces what the text says.
        if isinstance(value, tuple):
            builder.meta[key] = [(0, v) for v in value]
        else:
            builder.meta[key] = (0, value)
    return _assemble(builder, provenance, draft)


def _close(builder: _Builder) -> None:
    """Paragraphs after the last point's text that found no place are the closing lines."""
    # A block the reader marked plain (a table row) is no sentence of a closing: said as it is.
    closing = [block for block, _ in builder.tail if not block.plain]
    builder.tail = [(block, why) for block, why in builder.tail if block.plain]
    builder.close_tail()
    if not closing or CLOSING in builder.labels:
        for block in closing:
            builder.skip_block(block, "text after the draft's closing lines")
        return
    first = closing[0]
    texts = [builder.text(block.text) for block in closing]
    builder.add_provision(_Item(first.line, CLOSING, first.level or 0, paragraphs=texts))
    builder.unnumbered.append(CLOSING)


def _read_preamble(builder: _Builder, blocks: list[Block]) -> int:
    """Take the title and the leading ``key: value`` lines; return where the body starts.

    A block whose first lines are metadata and the rest not is split there: the rest is body.
    """
    index = 0
    first = blocks[0] if blocks else None
    if first is not None and first.heading == 1 and first.label is None and not first.plain:
        builder.meta["title"] = (first.line, builder.text(first.text))
        index = 1
    while index < len(blocks):
        block = blocks[index]
        if block.heading is not None or block.label is not None or block.plain:
            break
        lines = block.text.split("\n")
        taken = 0
        for line in lines:
            found = METADATA.match(line.strip(SPACE))
            if not (found and found.group("key").strip().lower() in META_KEYS):
                break
            _take_metadata(builder, block.line + taken, found.group("key"), found.group("value"))
            taken += 1
        if taken < len(lines):
            if taken:
                rest = "\n".join(lines[taken:])
                blocks[index] = Block(rest, block.line + taken, block.level)
            break
        index += 1
    return index


def _take_metadata(builder: _Builder, line: int, raw_key: str, raw_value: str) -> None:
    said = raw_key.strip().lower()
    key = META_KEYS[said]
    value = raw_value.strip(SPACE)
    if key == "parties":
        # One party a 'party:' line, exactly (a name may hold ';'); 'parties:' lists several.
        names = [value] if said == "party" else [n.strip(SPACE) for n in value.split(";")]
        entries = [(line, builder.unescaped(n)) for n in names if n]
        builder.meta.setdefault(key, []).extend(entries)
    elif key == "sources":
        builder.meta.setdefault(key, []).append((line, value))
    elif key == "note" and "note" in builder.meta:
        line_no, before = builder.meta["note"]
        builder.meta["note"] = (line_no, f"{before} {builder.unescaped(value)}")
    elif key in builder.meta:
        first = builder.meta[key][0]
        why = f"{said} is given twice: the value on line {first} is kept"
        builder.skip(line, f"{raw_key.strip()}: {value}", why)
    else:
        builder.meta[key] = (line, builder.unescaped(value))


def _read_block(builder: _Builder, block: Block) -> None:
    text = block.text
    first = text.split("\n", 1)[0].strip(SPACE)
    level = block.level or 0
    if not text.strip():
        return
    if not block.plain and block.heading is None and (comment := COMMENT.match(text.strip())):
        _attach_attributes(builder, block.line, text.strip(), comment.group("json"))
    elif block.heading is not None:
        _read_heading(builder, block)
    elif block.label is not None:
        _open_labelled(builder, block)
    elif not block.plain and (marker := read_marker(first, level, builder.scheme)) is not None:
        if _a_figure(builder, marker):
            _carry_on(builder, block)
        else:
            rest = "\n".join([marker.text, *text.split("\n")[1:]])
            _open(builder, block.line, level, marker, builder.text(rest))
    else:
        _continue(builder, block)
    builder.next_line = block.line + text.count("\n") + 1


def _a_figure(builder: _Builder, marker: Marker) -> bool:
    """Whether a dotted number that opens a line is a figure in the text, not a label:
    "1.5 million people will return home." It is when a lower-case word follows it and it
    continues no numbering read so far (1.5 after 1.4, or 2.1 opening a level: "2.1 the
    parties shall ..." stays a sub-point)."""
    if marker.role != "dotted" or not marker.text[:1].islower():
        return False
    head, _, last = marker.label.rpartition(".")
    if int(last) == 1:
        return False
    previous = f"{head}.{int(last) - 1}"
    # What a dotted label can follow: a provision, or a sub-point of the last one.
    return previous not in builder.labels and previous not in builder.sub_labels


def _carry_on(builder: _Builder, block: Block) -> None:
    """A block that only looked like a new point: a line straight after the point's text
    wraps it (the reader split it off at what it took for a number), else a paragraph."""
    item = builder.current
    if item is not None and item.paragraphs and block.line == builder.next_line:
        item.paragraphs[-1] = f"{item.paragraphs[-1]} {builder.text(block.text)}"
    else:
        _continue(builder, block)


def _open(builder: _Builder, line: int, level: int, marker: Marker, text: str, *,
          heading: str = "", open_body: bool = False) -> None:  # fmt: skip
    role = marker.role
    if role == "dotted":
        role = _place_dotted(builder, marker.label)
    elif role == "bullet":
        role = "provision" if builder.scheme in (None, "bullets") and level == 0 else "bullet"
    if role == "provision":
        builder.scheme = builder.scheme or marker.style
        label = marker.label or str(builder.numbered + 1)
        heading = heading or builder.unescaped(marker.heading)
        # A marker alone on its line ("Article 1") or in a heading owns the paragraphs after it.
        owns = open_body or not (text or marker.text)
        _open_provision(builder, line, level, label, heading, text, open_body=owns)
    else:
        builder.sub_styles.setdefault(marker.style, None)
        _open_subpoint(builder, line, level, marker.label, text, dotted=role == "dotted-sub")


def _place_dotted(builder: _Builder, label: str) -> str:
    """'dotted-sub' when ``label`` (2.1, 2.1.3) extends the provision or sub-point it follows,
    else 'provision': a document numbered 1.1, 1.2, 2.1 throughout."""
    current = builder.items[-1] if builder.items and builder.current is not None else None
    if current is not None and label.startswith(current.label + "."):
        return "dotted-sub"
    if builder.scheme in (None, "1.1"):
        return "provision"
    return "dotted-sub" if current is not None else "provision"


def _open_labelled(builder: _Builder, block: Block) -> None:
    """A block whose number the format holds: the shallowest numbered level is a provision."""
    assert block.label is not None
    level = block.level or 0
    if builder.labelled_level is None:
        builder.labelled_level = level
        builder.scheme = builder.scheme or "numbered by the format"
    if level <= builder.labelled_level:
        _open_provision(builder, block.line, level, block.label, "", builder.text(block.text))
    else:
        builder.sub_styles.setdefault("numbered by the format", None)
        _open_subpoint(builder, block.line, level, block.label, builder.text(block.text))


def _read_heading(builder: _Builder, block: Block) -> None:
    text = _joined(block.text)  # escapes are read once the marker is
    # A heading stands at the top: a number in it numbers a provision, whatever the style.
    marker = None if block.plain else read_marker(text, 0, None)
    if marker is not None and marker.role in ("provision", "dotted"):
        heading = builder.unescaped(marker.heading or marker.text)
        if builder.scheme is None:
            builder.heading_rank = block.heading
        _open(builder, block.line, 0, marker, "", heading=heading, open_body=True)
        return
    if builder.pending_heading:
        builder.skip(*builder.pending_heading, "a heading followed by another heading")
    builder.pending_heading = (block.line, builder.unescaped(text))


def _open_provision(builder: _Builder, number: int, level: int, label: str, heading: str,
                    text: str, *, open_body: bool = False) -> None:  # fmt: skip
    builder.close_tail()
    if label in builder.labels:
        shown = " ".join(part for part in (label, heading, text) if part)
        builder.skip(number, shown, f"provision number {label} is used twice")
        builder.current = None
        builder.rejected = True
        builder.provision_open = False
        return
    item = _Item(number, label, level, heading=heading or None, open_body=open_body)
    if builder.pending_heading:
        item.heading = item.heading or builder.pending_heading[1]
        if item.heading != builder.pending_heading[1]:
            builder.skip(*builder.pending_heading, "a heading followed by a numbered heading")
        builder.pending_heading = None
    if text:
        item.paragraphs.append(text)
    builder.add_provision(item)
    builder.current = item
    builder.rejected = False
    builder.provision_open = True


def _open_subpoint(builder: _Builder, number: int, level: int, label: str, text: str, *,
                   dotted: bool = False) -> None:  # fmt: skip
    builder.close_tail()
    if not builder.items or not builder.provision_open:
        why = "continues a point that was not placed" if builder.rejected else None
        builder.skip(number, f"{label} {text}", why or "a sub-point outside any provision")
        return
    provision = builder.items[-1]
    parent = _dotted_parent(provision, label) if dotted else _parent(provision, level, label)
    if not label:  # a bullet: numbered by its place among its parent's items
        label = _free_label(parent, len(parent.children) + 1)
    if label in parent.positions:
        builder.skip(number, f"{label}. {text}", f"sub-point {label} repeats in the same provision")
        builder.current = None
        builder.rejected = True
        return
    item = _Item(number, label, level)
    if text:
        item.paragraphs.append(text)
    builder.add_subpoint(parent, item)
    builder.current = item
    builder.rejected = False


def _parent(provision: _Item, level: int, label: str) -> _Item:
    """Where a sub-point goes: under the provision, or under its last sub-point when it is
    deeper, or (at one column) of a new kind of numbering."""
    if not provision.children:
        return provision
    last = provision.children[-1]
    deeper = level > last.level
    same_column_new_kind = (
        label != ""
        and level == last.level == 0
        and kind_of(label, None) != kind_of(provision.children[0].label, None)
        and kind_of(label, last.label) != kind_of(provision.children[0].label, None)
    )
    return last if deeper or same_column_new_kind else provision


def _dotted_parent(provision: _Item, label: str) -> _Item:
    """The item a dotted label extends: 2.1 goes under 2, 2.1.3 under 2.1 (when it exists)."""
    parts = label.split(".")
    # Of the children whose label begins this one's, the last placed (as reading them back to
    # front would find first).
    places = [provision.positions.get(".".join(parts[:n])) for n in range(1, len(parts))]
    latest = max((p for p in places if p is not None), default=None)
    return provision if latest is None else provision.children[latest]


def _free_label(parent: _Item, wanted: int) -> str:
    taken = parent.positions
    label = str(wanted)
    while label in taken:
        wanted += 1
        label = str(wanted)
    return label


def _continue(builder: _Builder, block: Block) -> None:
    item = builder.current
    level = block.level or 0
    text = builder.text(block.text)
    if item is None and builder.rejected:
        builder.skip_block(block, "continues a point that was not placed")
    elif item is None and not builder.items and not block.plain:
        # Text before the first point: the draft's preamble, a provision of its own.
        _open_provision(builder, block.line, level, PREAMBLE, "", text, open_body=True)
        builder.unnumbered.append(PREAMBLE)
    elif item is None:
        builder.skip_block(block, "text outside any provision")
    elif not item.paragraphs:
        item.paragraphs.append(text)
    elif level < item.level and not item.open_body:
        builder.tail.append((block, "a line less indented than the point before it"))
    elif level > item.level or (item.open_body and level >= item.level):
        item.paragraphs.append(text)
    else:
        builder.tail.append((block, "a paragraph after a point's text, not indented under it"))


def _joined(text: str) -> str:
    """A block's text with its soft breaks read as spaces."""
    return " ".join(part.strip(SPACE) for part in text.split("\n") if part.strip(SPACE))


def _attach_attributes(builder: _Builder, number: int, line: str, raw: str) -> None:
    provision = builder.items[-1] if builder.items and builder.current else None
    try:
        attributes = json.loads(raw)
    except ValueError:
        attributes = None
    if provision is None or not isinstance(attributes, dict):
        builder.skip(number, line, "a plandiff comment that is not valid JSON after a provision")
        return
    unknown = sorted(set(attributes) - set(ATTRIBUTES))
    if unknown:
        builder.skip(number, line, f"unknown provision fields: {', '.join(unknown)}")
        return
    provision.attributes.update(attributes)


def _assemble(builder: _Builder, provenance: str, draft: Draft) -> Imported:
    from plandiff.documents.load import load_plan_text
    from plandiff.documents.textmeta import plan_metadata

    meta, default_provenance, defaults = plan_metadata(
        builder.meta, builder.name, builder.skip, title_hint=draft.title, date_hint=draft.date
    )
    provisions = []
    for item in builder.items:
        if not item.paragraphs and item.heading:
            # "Article 5 — Borders" over its sub-points: the heading is all the text it has.
            item.paragraphs, item.heading = [item.heading], None
        if not item.paragraphs:
            _skip_item(builder, item, f"provision {item.label} has no text of its own")
            continue
        provisions.append({
            "number": item.label,
            "heading": item.heading,
            "text": "\n\n".join(item.paragraphs),
            "subpoints": _subpoints(builder, item.children),
            "provenance": default_provenance or provenance,
            **item.attributes,
        })  # fmt: skip
    if all(p["number"] in (PREAMBLE, CLOSING) for p in provisions):
        raise PlanError([f"{builder.name}: {_NOTHING_NUMBERED}"])
    document = {**meta, "provisions": [_prune(p) for p in provisions]}
    # The loader's own checks and words: what import accepts, `validate` accepts.
    plan = load_plan_text(json.dumps(document, ensure_ascii=False), builder.name)
    unplaced = tuple(sorted(builder.unplaced, key=lambda u: u.line))
    return Imported(
        plan=plan,
        unplaced=unplaced,
        defaults=tuple(defaults),
        scheme=_scheme(builder),
        notes=draft.notes,
    )


_NOTHING_NUMBERED = (
    "no provision found: number the draft's points (1., (1), § 1, Article 1, Point 1, ...)"
)


def _scheme(builder: _Builder) -> str:
    """The numbering read, as the report says it: "Article 1 (sub-points (a), (i))"."""
    said = builder.scheme or "none"
    if builder.heading_rank is not None:
        said = f"{'#' * builder.heading_rank} {said}"
    more = []
    if builder.sub_styles:
        more.append("sub-points " + ", ".join(builder.sub_styles))
    if builder.unnumbered:
        more.append("unnumbered " + " and ".join(builder.unnumbered))
    return f"{said} ({'; '.join(more)})" if more else said


def _skip_item(builder: _Builder, item: _Item, reason: str) -> None:
    """Report an item that cannot be kept, and every sub-point under it, line by line."""
    builder.skip(item.line, item.label, reason)
    for child in item.children:
        _skip_item(builder, child, f"under {item.label}, which was not placed")
        for text in child.paragraphs:
            builder.skip(child.line, text, f"text of sub-point {child.label}, not placed")


def _subpoints(builder: _Builder, items: list[_Item]) -> list[dict[str, Any]]:
    kept = []
    for item in items:
        if not item.paragraphs:
            _skip_item(builder, item, f"sub-point {item.label} has no text")
            continue
        kept.append({"label": item.label, "text": "\n\n".join(item.paragraphs),
                     "subpoints": _subpoints(builder, item.children)})  # fmt: skip
    return kept


def _prune(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if v is not None and v != []}
