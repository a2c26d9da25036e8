"""Turn a draft's blocks into a plan: numbered provisions, sub-points, metadata, and every block
that found no place, whatever format the draft came from.

The numbering a block opens with is read by ``documents/numbering.py``; this module decides
where each block belongs and assembles the plan, which the loader then validates in its own
words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from plandiff.documents.draft import Block, Draft, Imported, Unplaced
from plandiff.documents.numbering import (
    COMMENT,
    METADATA,
    Marker,
    kind_of,
    read_marker,
)

__all__ = ["Imported", "Unplaced", "build"]

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
    paragraphs: list[str] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Builder:
    name: str
    meta: dict[str, Any] = field(default_factory=dict)
    items: list[_Item] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    scheme: str | None = None
    pending_heading: tuple[int, str] | None = None
    current: _Item | None = None
    labelled_level: int | None = None  # the level of the first block the format numbered

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
) -> Imported:
    """Turn a draft into a plan; ``name`` (the file's) appears in errors and gives the default id.

    >>> from plandiff.documents.draft import Block
    >>> blocks = (Block("T", 1, heading=1), Block("date: 2025-01-02", 2), Block("1. Peace.", 4))
    >>> build(Draft(blocks), "t.txt").plan.provisions[0].text
    'Peace.'
    """
    builder = _Builder(name)
    blocks = list(draft.blocks)
    start = _read_preamble(builder, blocks)
    for block in blocks[start:]:
        _read_block(builder, block)
    if builder.pending_heading:
        builder.skip(*builder.pending_heading, "a heading with no provision after it")
    return _assemble(builder, provenance, draft)


def _read_preamble(builder: _Builder, blocks: list[Block]) -> int:
    """Take the title and the leading ``key: value`` lines; return where the body starts.

    A block whose first lines are metadata and the rest not is split there: the rest is body.
    """
    index = 0
    if blocks and blocks[0].heading == 1 and not blocks[0].plain:
        builder.meta["title"] = (blocks[0].line, _joined(blocks[0].text))
        index = 1
    while index < len(blocks):
        block = blocks[index]
        if block.heading is not None or block.label is not None or block.plain:
            break
        lines = block.text.split("\n")
        taken = 0
        for line in lines:
            found = METADATA.match(line.strip())
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
    key = META_KEYS[raw_key.strip().lower()]
    value = raw_value.strip()
    if key in ("parties", "sources"):
        builder.meta.setdefault(key, []).append((line, value))
    elif key == "note" and "note" in builder.meta:
        line_no, before = builder.meta["note"]
        builder.meta["note"] = (line_no, f"{before} {value}")
    else:
        builder.meta[key] = (line, value)


def _read_block(builder: _Builder, block: Block) -> None:
    text = block.text
    first = text.split("\n", 1)[0].strip()
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
        rest = "\n".join([marker.text, *text.split("\n")[1:]])
        _open(builder, block.line, level, marker, _joined(rest))
    else:
        _continue(builder, block)


def _open(builder: _Builder, line: int, level: int, marker: Marker, text: str) -> None:
    if marker.role == "provision":
        if builder.scheme is None:
            builder.scheme = marker.scheme
        _open_provision(builder, line, level, marker.label, marker.heading, text)
    else:
        _open_subpoint(builder, line, level, marker.label, text)


def _open_labelled(builder: _Builder, block: Block) -> None:
    """A block whose number the format holds: the shallowest numbered level is a provision."""
    assert block.label is not None
    level = block.level or 0
    if builder.labelled_level is None:
        builder.labelled_level = level
        builder.scheme = builder.scheme or "numbered by the format"
    if level <= builder.labelled_level:
        _open_provision(builder, block.line, level, block.label, "", _joined(block.text))
    else:
        _open_subpoint(builder, block.line, level, block.label, _joined(block.text))


def _read_heading(builder: _Builder, block: Block) -> None:
    text = _joined(block.text)
    marker = None if block.plain else read_marker(text, 0, builder.scheme)
    if marker is not None and marker.role == "provision":
        if builder.scheme is None:
            builder.scheme = marker.scheme
        heading = marker.heading or marker.text
        _open_provision(builder, block.line, 0, marker.label, heading, "")
        return
    if builder.pending_heading:
        builder.skip(*builder.pending_heading, "a heading followed by another heading")
    builder.pending_heading = (block.line, text)


def _open_provision(builder: _Builder, number: int, level: int, label: str, heading: str,
                    text: str) -> None:  # fmt: skip
    item = _Item(number, label, level, heading=heading or None)
    if builder.pending_heading:
        item.heading = item.heading or builder.pending_heading[1]
        builder.pending_heading = None
    if text:
        item.paragraphs.append(text)
    if any(other.label == label for other in builder.items):
        builder.skip(number, f"{label} {text}", f"provision number {label} is used twice")
        builder.current = None
        return
    builder.items.append(item)
    builder.current = item


def _open_subpoint(builder: _Builder, number: int, level: int, label: str, text: str) -> None:
    if not builder.items or builder.current is None:
        builder.skip(number, f"{label} {text}", "a sub-point outside any provision")
        return
    provision = builder.items[-1]
    parent = provision
    if provision.children:
        last = provision.children[-1]
        deeper = level > last.level
        same_column_new_kind = (
            level == last.level == 0
            and kind_of(label, None) != kind_of(provision.children[0].label, None)
            and kind_of(label, last.label) != kind_of(provision.children[0].label, None)
        )
        if deeper or same_column_new_kind:
            parent = last
    if any(child.label == label for child in parent.children):
        builder.skip(number, f"{label}. {text}", f"sub-point {label} repeats in the same provision")
        return
    item = _Item(number, label, level)
    if text:
        item.paragraphs.append(text)
    parent.children.append(item)
    builder.current = item


def _continue(builder: _Builder, block: Block) -> None:
    item = builder.current
    level = block.level or 0
    text = _joined(block.text)
    if item is None:
        builder.skip_block(block, "text outside any provision")
    elif not item.paragraphs:
        item.paragraphs.append(text)
    elif level < item.level:
        builder.skip_block(block, "a line less indented than the point before it")
    elif level > item.level:
        item.paragraphs.append(text)
    else:
        builder.skip_block(block, "an unindented paragraph after a provision's text")


def _joined(text: str) -> str:
    """A block's text with its soft breaks read as spaces."""
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


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

    meta, default_provenance, defaults = plan_metadata(builder.meta, builder.name, builder.skip)
    provisions = []
    for item in builder.items:
        if not item.paragraphs:
            builder.skip(item.line, item.label, f"provision {item.label} has no text of its own")
            continue
        provisions.append({
            "number": item.label,
            "heading": item.heading,
            "text": "\n\n".join(item.paragraphs),
            "subpoints": _subpoints(builder, item.children),
            "provenance": default_provenance or provenance,
            **item.attributes,
        })  # fmt: skip
    document = {**meta, "provisions": [_prune(p) for p in provisions]}
    # The loader's own checks and words: what import accepts, `validate` accepts.
    plan = load_plan_text(json.dumps(document, ensure_ascii=False), builder.name)
    unplaced = tuple(sorted(builder.unplaced, key=lambda u: u.line))
    return Imported(
        plan=plan,
        unplaced=unplaced,
        defaults=tuple(defaults),
        scheme=builder.scheme or "none",
        notes=draft.notes,
    )


def _subpoints(builder: _Builder, items: list[_Item]) -> list[dict[str, Any]]:
    kept = []
    for item in items:
        if not item.paragraphs:
            builder.skip(item.line, item.label, f"sub-point {item.label} has no text")
            continue
        kept.append({"label": item.label, "text": "\n\n".join(item.paragraphs),
                     "subpoints": _subpoints(builder, item.children)})  # fmt: skip
    return kept


def _prune(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if v is not None and v != []}
