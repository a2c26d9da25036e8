"""Read numbered plain text or Markdown into a plan, reporting every line it cannot place."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from plandiff.model.errors import PlanError
from plandiff.model.plan import Plan

LABEL = r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*"
WORD_MARKER = re.compile(rf"^(?:article|art\.|point|section)\s+(?P<num>{LABEL})(?P<rest>.*)$", re.I)
NUMBER_MARKER = re.compile(r"^(?P<num>\d+[A-Za-z]?(?:\.\d+)*)[.)](?:\s+(?P<text>.*)|\s*)$")
SUB_MARKER = re.compile(
    rf"^(?:\((?P<paren>{LABEL})\)|(?P<bare>[a-z]|[A-Z]|[ivxlc]+|[IVXLC]+|\d{{1,3}})[.)])"
    r"(?:\s+(?P<text>.*)|\s*)$"
)
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*$")
COMMENT = re.compile(r"^<!--\s*plandiff\s+(?P<json>\{.*\})\s*-->$")
METADATA = re.compile(r"^(?P<key>[A-Za-z][A-Za-z _-]{0,30}):\s*(?P<value>.*)$")
ROMAN = re.compile(r"^(?:[ivxlc]+|[IVXLC]+)$")
ATTRIBUTES = ("key", "topics", "provenance", "sources", "note")
META_KEYS = {
    "id": "id", "title": "title", "version": "version", "date": "date", "parent": "parent",
    "party": "parties", "parties": "parties", "source": "sources", "sources": "sources",
    "coverage": "completeness", "completeness": "completeness", "note": "note",
    "provenance": "provenance",
}  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Unplaced:
    """A line of the input that found no place in the plan, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Imported:
    """What an import produced: the plan, the lines left out, and the defaults it took."""

    plan: Plan
    unplaced: tuple[Unplaced, ...]
    defaults: tuple[str, ...]


@dataclass
class _Item:
    """A provision or sub-point being assembled (mutable only while one file is read)."""

    line: int
    label: str
    indent: int
    heading: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Reader:
    name: str
    meta: dict[str, Any] = field(default_factory=dict)
    items: list[_Item] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    word_style: bool | None = None
    pending_heading: tuple[int, str] | None = None
    current: _Item | None = None
    blank_before: bool = False

    def skip(self, number: int, text: str, reason: str) -> None:
        self.unplaced.append(Unplaced(line=number, text=text.strip(), reason=reason))


def import_text(text: str, name: str, *, provenance: str = "confirmed") -> Imported:
    """Turn numbered text into a plan; the file ``name`` appears in errors and gives the default id.

    >>> doc = "# A plan\\ndate: 2025-01-02\\n\\n1. Peace.\\n2. Trade:\\n   a. goods\\n"
    >>> result = import_text(doc, "draft.txt")
    >>> [p.number for p in result.plan.provisions], result.plan.provisions[1].subpoints[0].text
    (['1', '2'], 'goods')
    """
    reader = _Reader(name)
    lines = text.removeprefix("\ufeff").splitlines()
    start = _read_preamble(reader, lines)
    for number, raw in enumerate(lines[start:], start=start + 1):
        _read_body_line(reader, number, raw.rstrip())
    if reader.pending_heading:
        reader.skip(*reader.pending_heading, "a heading with no provision after it")
    return _assemble(reader, provenance)


def _read_preamble(reader: _Reader, lines: list[str]) -> int:
    """Consume the title and the leading ``key: value`` lines; return where the body starts."""
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index < len(lines) and (title := re.match(r"^#\s+(.*\S)\s*$", lines[index])):
        reader.meta["title"] = (index + 1, title.group(1))
        index += 1
    while index < len(lines):
        line = lines[index].strip()
        found = METADATA.match(line)
        if line and not (found and found.group("key").strip().lower() in META_KEYS):
            break
        if found:
            key = META_KEYS[found.group("key").strip().lower()]
            value = found.group("value").strip()
            if key in ("parties", "sources"):
                reader.meta.setdefault(key, []).append((index + 1, value))
            elif key == "note" and "note" in reader.meta:
                line_no, before = reader.meta["note"]
                reader.meta["note"] = (line_no, f"{before} {value}")
            else:
                reader.meta[key] = (index + 1, value)
        index += 1
    return index


def _read_body_line(reader: _Reader, number: int, raw: str) -> None:
    line = raw.strip()
    indent = len(raw) - len(raw.lstrip())
    if not line:
        reader.blank_before = True
        return
    blank_before, reader.blank_before = reader.blank_before, False
    if comment := COMMENT.match(line):
        _attach_attributes(reader, number, line, comment.group("json"))
    elif heading := HEADING.match(line):
        _read_heading(reader, number, heading.group("text"))
    elif (provision := _provision_marker(reader, line, indent)) is not None:
        _open_provision(reader, number, indent, *provision)
    elif sub := SUB_MARKER.match(line):
        _open_subpoint(reader, number, indent, sub.group("paren") or sub.group("bare"),
                       sub.group("text") or "")  # fmt: skip
    else:
        _continue(reader, number, line, indent, blank_before)


def _provision_marker(reader: _Reader, line: str, indent: int) -> tuple[str, str, str] | None:
    """(number, heading, text) when ``line`` opens a provision, else None."""
    if word := WORD_MARKER.match(line):
        rest = word.group("rest")
        dash = re.match("^\\s*[\u2014\u2013-]\\s*(.*)$", rest)
        plain = re.match(r"^(?:[.:)]\s*|\s+|$)(.*)$", rest)
        if dash is None and plain is None:
            return None
        if reader.word_style is None:
            reader.word_style = True
        if dash:
            return word.group("num"), dash.group(1).strip(), ""
        assert plain is not None
        return word.group("num"), "", plain.group(1).strip()
    if reader.word_style or indent > 0:
        return None
    if bare := NUMBER_MARKER.match(line):
        reader.word_style = False
        return bare.group("num"), "", (bare.group("text") or "").strip()
    return None


def _read_heading(reader: _Reader, number: int, text: str) -> None:
    if (provision := _provision_marker(reader, text, 0)) is not None:
        label, heading, first = provision
        _open_provision(reader, number, 0, label, heading or first, "")
        return
    if reader.pending_heading:
        reader.skip(*reader.pending_heading, "a heading followed by another heading")
    reader.pending_heading = (number, _unescape(text))


def _open_provision(reader: _Reader, number: int, indent: int, label: str, heading: str,
                    text: str) -> None:  # fmt: skip
    item = _Item(number, label, indent, heading=heading or None)
    if reader.pending_heading:
        item.heading = item.heading or reader.pending_heading[1]
        reader.pending_heading = None
    if text:
        item.paragraphs.append(text)
    if any(other.label == label for other in reader.items):
        reader.skip(number, f"{label} {text}", f"provision number {label} is used twice")
        reader.current = None
        return
    reader.items.append(item)
    reader.current = item


def _open_subpoint(reader: _Reader, number: int, indent: int, label: str, text: str) -> None:
    if not reader.items or reader.current is None:
        reader.skip(number, f"{label} {text}", "a sub-point outside any provision")
        return
    provision = reader.items[-1]
    parent = provision
    if provision.children:
        last = provision.children[-1]
        deeper = indent > last.indent
        same_column_new_kind = (
            indent == last.indent == 0
            and _kind(label, None) != _kind(provision.children[0].label, None)
            and _kind(label, last.label) != _kind(provision.children[0].label, None)
        )
        if deeper or same_column_new_kind:
            parent = last
    if any(child.label == label for child in parent.children):
        reader.skip(number, f"{label}. {text}", f"sub-point {label} repeats in the same provision")
        return
    item = _Item(number, label, indent)
    if text:
        item.paragraphs.append(text)
    parent.children.append(item)
    reader.current = item


def _kind(label: str, previous: str | None) -> str:
    """'letter', 'roman' or 'digit'; 'i' after 'h' is a letter, on its own a roman numeral."""
    if label.isdigit():
        return "digit"
    follows = previous is not None and len(previous) == 1 and ord(label[0]) == ord(previous) + 1
    if ROMAN.match(label) and not (len(label) == 1 and follows):
        return "roman"
    return "letter"


def _continue(reader: _Reader, number: int, line: str, indent: int, blank_before: bool) -> None:
    item = reader.current
    if item is None:
        reader.skip(number, line, "text outside any provision")
    elif not item.paragraphs:
        item.paragraphs.append(_unescape(line))
    elif indent < item.indent:
        reader.skip(number, line, "a line less indented than the point before it")
    elif not blank_before:
        item.paragraphs[-1] = f"{item.paragraphs[-1]} {_unescape(line)}"
    elif indent > item.indent:
        item.paragraphs.append(_unescape(line))
    else:
        reader.skip(number, line, "an unindented paragraph after a provision's text")


def _unescape(line: str) -> str:
    return line[1:] if line.startswith("\\") else line


def _attach_attributes(reader: _Reader, number: int, line: str, raw: str) -> None:
    provision = reader.items[-1] if reader.items and reader.current else None
    try:
        attributes = json.loads(raw)
    except ValueError:
        attributes = None
    if provision is None or not isinstance(attributes, dict):
        reader.skip(number, line, "a plandiff comment that is not valid JSON after a provision")
        return
    unknown = sorted(set(attributes) - set(ATTRIBUTES))
    if unknown:
        reader.skip(number, line, f"unknown provision fields: {', '.join(unknown)}")
        return
    provision.attributes.update(attributes)


def _assemble(reader: _Reader, provenance: str) -> Imported:
    from plandiff.documents.textmeta import plan_metadata

    meta, default_provenance, defaults = plan_metadata(reader.meta, reader.name, reader.skip)
    provisions = []
    for item in reader.items:
        if not item.paragraphs:
            reader.skip(item.line, item.label, f"provision {item.label} has no text of its own")
            continue
        provisions.append({
            "number": item.label,
            "heading": item.heading,
            "text": "\n\n".join(item.paragraphs),
            "subpoints": _subpoints(reader, item.children),
            "provenance": default_provenance or provenance,
            **item.attributes,
        })  # fmt: skip
    document = {**meta, "provisions": [_prune(p) for p in provisions]}
    from pydantic import ValidationError

    from plandiff.model.planfile import Plan as PlanFile

    try:
        plan = PlanFile.model_validate_json(json.dumps(document)).to_record()
    except ValidationError as err:
        raise PlanError(
            [f"{reader.name}: {_where(e['loc'])}{e['msg']}" for e in err.errors()]
        ) from None
    unplaced = tuple(sorted(reader.unplaced, key=lambda u: u.line))
    return Imported(plan=plan, unplaced=unplaced, defaults=tuple(defaults))


def _subpoints(reader: _Reader, items: list[_Item]) -> list[dict[str, Any]]:
    kept = []
    for item in items:
        if not item.paragraphs:
            reader.skip(item.line, item.label, f"sub-point {item.label} has no text")
            continue
        kept.append({"label": item.label, "text": "\n\n".join(item.paragraphs),
                     "subpoints": _subpoints(reader, item.children)})  # fmt: skip
    return kept


def _prune(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if v is not None and v != []}


def _where(loc: tuple[int | str, ...]) -> str:
    return "/" + "/".join(str(part) for part in loc) + ": " if loc else ""
