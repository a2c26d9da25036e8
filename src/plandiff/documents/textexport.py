"""Write a plan as numbered text that ``plandiff import`` reads back to the same provisions."""

from __future__ import annotations

import json
import re

from plandiff.documents.numbering import opens_block
from plandiff.model.plan import Plan, Provision, SubPoint
from plandiff.model.record import document_of
from plandiff.util.inert import json_text, text_file_line

# Numbers written "7." ("2.1." would read as a sub-point of 2): any other gives "Point 7.".
PLAIN_NUMBER = re.compile(r"^\d+[A-Za-z]?$")
BARE_LABEL = re.compile(r"^(?:[a-z]|[A-Z]|[ivxlc]+|[IVXLC]+|\d{1,3})$")
INDENT = "   "


def export_text(plan: Plan) -> str:
    """The plan as numbered text: title, metadata lines, then one numbered point per provision.

    Every character reads back: what a line cannot hold as it is is escaped (``\\u{hex}``,
    see ``plandiff.util.inert.text_file_line``).

    >>> from plandiff.documents.textimport import import_text
    >>> plan = import_text("# P\\ndate: 2025-01-02\\n\\n1. Peace.\\n", "p.txt").plan
    >>> print(export_text(plan), end="")
    # P
    id: p
    version: p
    date: 2025-01-02
    completeness: full
    provenance: confirmed
    <BLANKLINE>
    1. Peace.
    """
    lines = [f"# {_flat(plan.title)}", f"id: {plan.id}", f"version: {_flat(plan.version)}",
             f"date: {plan.date.isoformat()}"]  # fmt: skip
    if plan.parent:
        lines.append(f"parent: {plan.parent}")
    lines += [f"party: {_flat(party)}" for party in plan.parties]
    lines += [f"source: {_flat(s.url)} — {_flat(s.title)} [{s.id}]" for s in plan.sources]
    lines.append(f"completeness: {plan.completeness.value}")
    if plan.completeness_note:
        lines.append(f"note: {_flat(plan.completeness_note)}")
    provenances = {p.provenance for p in plan.provisions}
    shared = provenances.pop() if len(provenances) == 1 else None
    if shared is not None:
        lines.append(f"provenance: {shared.value}")
    word_style = not all(PLAIN_NUMBER.match(p.number) for p in plan.provisions)
    for provision in plan.provisions:
        lines.append("")
        lines += _provision(provision, word_style, with_provenance=shared is None)
    return "\n".join(lines) + "\n"


def _provision(provision: Provision, word_style: bool, *, with_provenance: bool) -> list[str]:
    lines = []
    if provision.heading:
        lines.append(f"## {_escape(_flat(provision.heading))}")
    marker = f"Point {provision.number}." if word_style else f"{provision.number}."
    first, *rest = _paragraphs(provision.text)
    lines.append(f"{marker} {first}")
    wanted = set(_ATTRIBUTES) if with_provenance else set(_ATTRIBUTES) - {"provenance"}
    attributes = document_of(provision, include=wanted, exclude_defaults=True)
    if attributes:
        # In the JSON of an attribute comment, escapes read back exactly.
        encoded = json.dumps(attributes, ensure_ascii=False, sort_keys=True).replace(">", "\\u003e")
        encoded = json_text(encoded)
        lines.append(f"{INDENT}<!-- plandiff {encoded} -->")
    lines += _continuation(rest, INDENT)
    for sub in provision.subpoints:
        lines += _subpoint(sub, INDENT)
    return lines


_ATTRIBUTES = ("key", "topics", "provenance", "sources", "note")


def _subpoint(sub: SubPoint, indent: str) -> list[str]:
    marker = f"{sub.label}." if BARE_LABEL.match(sub.label) else f"({sub.label})"
    first, *rest = _paragraphs(sub.text)
    lines = [f"{indent}{marker} {first}"]
    lines += _continuation(rest, indent + INDENT)
    for child in sub.subpoints:
        lines += _subpoint(child, indent + INDENT)
    return lines


def _continuation(paragraphs: list[str], indent: str) -> list[str]:
    lines = []
    for paragraph in paragraphs:
        lines += ["", f"{indent}{_escape(paragraph)}"]
    return lines


def _paragraphs(text: str) -> list[str]:
    # Import joins paragraphs with one blank line; any other line break is written escaped.
    parts = text.split("\n\n")
    return [_flat(part) for part in parts] if all(parts) else [_flat(text)]


def _flat(text: str) -> str:
    # Exported text is printed and committed, and read back exactly: control characters and
    # line breaks, '##[' (a CI runner's command) and white space at either end are escaped in
    # the one scheme ``text_file_line`` documents and the text reader undoes.
    return text_file_line(text)


def _escape(line: str) -> str:
    """Prefix a backslash when a line of text would otherwise read as structure."""
    structural = (
        opens_block(line)
        or line.startswith("<!--")
        or line.startswith("::")  # a CI runner reads such a line as a command
    )
    return f"\\{line}" if structural else line


def plan_json(plan: Plan) -> str:
    """The plan as a JSON document like those in ``plans/`` (defaults left out)."""
    document = document_of(plan, exclude_defaults=True)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
