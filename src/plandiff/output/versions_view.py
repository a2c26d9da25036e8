"""View-models for a provision's history and for the N-column synopsis, shared by every format.

Every label, figure and redline is decided here once; templates and the terminal renderer
only loop over these records. Plan text stays raw: each format escapes it for its medium.
"""

from __future__ import annotations

from dataclasses import dataclass

from plandiff.model.changes import (
    ChangeKind,
    Finding,
    NumberChange,
    PlanInfo,
    ProvisionChange,
    SubPointChange,
    joined_text,
)
from plandiff.model.lineage import Cell, ProvisionHistory, Synopsis
from plandiff.model.plan import SubPoint
from plandiff.output.kinds import KIND_LABELS
from plandiff.output.view import Segment, aspects, numbers, segments


@dataclass(frozen=True)
class VersionView:
    id: str
    title: str
    version: str
    date: str
    completeness: str
    is_partial: bool


@dataclass(frozen=True)
class SubLine:
    """A sub-point as shown in a cell or a step: ``depth`` 0 or 1, text as a redline."""

    depth: int
    label: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class EventView:
    """One change met on the way into a version, said in words, with its redline."""

    kind: str
    kind_label: str
    summary: str
    segments: tuple[Segment, ...]
    figures: tuple[str, ...]
    findings: tuple[str, ...]
    note: str | None
    subpoints: tuple[SubLine, ...] = ()  # the sub-points added, removed or changed


# What a step says when the lineage has no text in that version, by the cell's status.
_ABSENT = {
    "absent": "Not in this version.",
    "removed": "Removed in this version.",
    "not-covered": "Not covered by this partial version: its text here is unknown, not removed.",
}


@dataclass(frozen=True)
class StepView:
    """A lineage in one version: where it stands and the changes that brought it there."""

    version: VersionView
    numbers: str | None
    heading: str | None
    text: str
    subpoints: tuple[SubLine, ...]
    events: tuple[EventView, ...]
    absence: str = _ABSENT["absent"]  # what stands in for the text when there is none


@dataclass(frozen=True)
class HistoryRowView:
    id: str
    label: str
    steps: tuple[StepView, ...]


@dataclass(frozen=True)
class HistoryView:
    title: str
    query: str
    versions: tuple[VersionView, ...]
    rows: tuple[HistoryRowView, ...]


@dataclass(frozen=True)
class CellView:
    """One cell of the synopsis; ``status`` says why it is empty (removed, not covered)."""

    numbers: str | None
    kind_label: str | None
    segments: tuple[Segment, ...]
    subpoints: tuple[SubLine, ...]
    status: str | None


@dataclass(frozen=True)
class SynopsisRowView:
    id: str
    label: str
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class SynopsisView:
    title: str
    versions: tuple[VersionView, ...]
    rows: tuple[SynopsisRowView, ...]


def version_view(info: PlanInfo) -> VersionView:
    return VersionView(
        id=info.id,
        title=info.title,
        version=info.version,
        date=info.date.isoformat(),
        completeness=info.completeness.value,
        is_partial=info.completeness.value == "partial",
    )


def history_view(history: ProvisionHistory) -> HistoryView:
    """Every row of ``history`` as steps, skipping the versions where the lineage is absent."""
    versions = tuple(version_view(v) for v in history.versions)
    rows = []
    for row in history.rows:
        steps = [
            _step(versions[column], cell, column)
            for column, cell in enumerate(row.cells)
            if cell.provisions or cell.changes
        ]
        rows.append(HistoryRowView(id=row.id, label=row.label, steps=tuple(steps)))
    title = (
        f"History of topic {history.query.removeprefix('topic:')}"
        if history.query.startswith("topic:")
        else f"History of {rows[0].label if len(rows) == 1 else history.query}"
    )
    return HistoryView(title=title, query=history.query, versions=versions, rows=tuple(rows))


def _step(version: VersionView, cell: Cell, column: int) -> StepView:
    events = [_event(change, cell.findings, cell.bridged_from) for change in cell.changes]
    if column == 0 and cell.provisions:
        first = f"present in the first version as {numbers(cell.provisions)}"
        events.insert(0, EventView("present", "First version", first, (), (), (), None))
    return StepView(
        version=version,
        numbers=numbers(cell.provisions),
        heading=next((p.heading for p in cell.provisions if p.heading), None),
        text=joined_text(cell.provisions),
        subpoints=_plain_subpoints(cell.subpoints),
        events=tuple(events),
        absence=_ABSENT.get(cell.status, _ABSENT["absent"]),
    )


def _event(
    change: ProvisionChange, findings: tuple[Finding, ...], bridged_from: str | None = None
) -> EventView:
    mine = [f for f in findings if f.change_id == change.id]
    # A provision a partial version does not cover was not deleted: no struck-through text.
    unknown = change.kind is ChangeKind.NOT_COVERED
    shown = segments(change.edits) if _has_edits(change) and not unknown else ()
    across = f" (compared with {bridged_from}: the version before did not cover it)"
    return EventView(
        kind=change.kind.value,
        kind_label=KIND_LABELS[change.kind],
        summary=describe(change) + (across if bridged_from else ""),
        segments=shown,
        figures=tuple(figure(f.number) for f in mine if f.number and not _said(f)),
        findings=tuple(f"{f.severity.value}: {f.message}" for f in mine),
        note=change.note,
        subpoints=() if unknown else tuple(_subpoint_events(change.subpoints, 0)),
    )


def _subpoint_events(items: tuple[SubPointChange, ...], depth: int) -> list[SubLine]:
    """The sub-points a change added, removed or reworded, each with its redline."""
    lines: list[SubLine] = []
    for sub in items:
        if sub.kind is not ChangeKind.UNCHANGED:
            if sub.old_label is None:
                label = f"({sub.new_label}) added"
            elif sub.new_label is None:
                label = f"({sub.old_label}) removed"
            elif sub.old_label != sub.new_label:
                label = f"({sub.old_label}) → ({sub.new_label})"
            else:
                label = f"({sub.new_label})"
            lines.append(SubLine(depth, label, segments(sub.edits)))
        lines.extend(_subpoint_events(sub.children, depth + 1))
    return lines


def _said(finding: Finding) -> bool:
    """True when the finding's message already quotes its figures."""
    number = finding.number
    quoted = [t for t in (number.old_text, number.new_text) if t] if number else []
    return bool(quoted) and all(t in finding.message for t in quoted)


def describe(change: ProvisionChange) -> str:
    """The change in words after its kind: '10 → 10, 11', '26 is removed', '6; heading changed'."""
    old, new = numbers(change.old), numbers(change.new)
    kind = change.kind
    if kind is ChangeKind.ADDED:
        said = f"first appears as {new}"
    elif kind is ChangeKind.REMOVED:
        said = f"{old} is removed"
    elif kind is ChangeKind.NOT_COVERED:
        said = f"{old} is not in this partial version: its fate is unknown"
    elif old == new:
        said = f"{new}"
    else:
        said = f"{old} → {new}"
    extra = [a for a in aspects(change) if not a.startswith(("renumbered", "moved"))]
    if kind is ChangeKind.MODIFIED:
        extra = [a for a in extra if a != "reworded"]
    return "; ".join([said, *extra])


def figure(number: NumberChange) -> str:
    """'personnel: 600,000 → 800,000 (+200,000, +33.3%)'."""
    text = f"{number.quantity}: {number.old_text or '—'} → {number.new_text or '—'}"
    parts = []
    if number.delta is not None:
        whole = number.delta == int(number.delta)
        parts.append(f"{number.delta:+,.0f}" if whole else f"{number.delta:+,}")
    if number.percent is not None:
        parts.append(f"{number.percent:+.1f}%")
    return f"{text} ({', '.join(parts)})" if parts else text


def synopsis_view(synopsis: Synopsis) -> SynopsisView:
    versions = tuple(version_view(v) for v in synopsis.versions)
    rows = [
        SynopsisRowView(
            id=row.id,
            label=row.label,
            cells=tuple(_cell(cell, column) for column, cell in enumerate(row.cells)),
        )
        for row in synopsis.rows
    ]
    title = "Synopsis: " + " · ".join(v.version for v in versions)
    return SynopsisView(title=title, versions=versions, rows=tuple(rows))


def _cell(cell: Cell, column: int) -> CellView:
    status = None
    if not cell.provisions:
        gone = [c.kind for c in cell.changes]
        if ChangeKind.REMOVED in gone:
            status = "removed"
        elif ChangeKind.NOT_COVERED in gone:
            status = "not covered"
        return CellView(None, None, (), (), status)
    changed = [c for c in cell.changes if c.new]
    if column == 0 or not changed:
        text = joined_text(cell.provisions)
        return CellView(numbers(cell.provisions), None, (Segment("equal", text),),
                        _plain_subpoints(cell.subpoints), None)  # fmt: skip
    shown: list[Segment] = []
    subs: list[SubLine] = []
    for index, change in enumerate(changed):
        if index:
            shown.append(Segment("equal", " · "))
        redline = segments(change.edits)
        shown.extend(redline if "".join(r.text for r in redline).strip() else _whole(change))
        subs.extend(_changed_subpoints(change))
    kinds = sorted({KIND_LABELS[c.kind] for c in changed})
    label = None if kinds == [KIND_LABELS[ChangeKind.UNCHANGED]] else ", ".join(kinds)
    if cell.bridged_from:
        label = f"{label or 'Unchanged'} since {cell.bridged_from}"
    if not any(c.subpoints for c in changed):
        subs = list(_plain_subpoints(cell.subpoints))
    return CellView(numbers(cell.provisions), label, tuple(shown), tuple(subs), None)


def _whole(change: ProvisionChange) -> list[Segment]:
    return [Segment("equal", change.new_text)]


def _has_edits(change: ProvisionChange) -> bool:
    return any(e.op != "equal" for e in change.edits)


def _plain_subpoints(subpoints: tuple[SubPoint, ...], depth: int = 0) -> tuple[SubLine, ...]:
    lines: list[SubLine] = []
    for sub in subpoints:
        lines.append(SubLine(depth, sub.label, (Segment("equal", sub.text),)))
        lines.extend(_plain_subpoints(sub.subpoints, depth + 1))
    return tuple(lines)


def _changed_subpoints(change: ProvisionChange) -> list[SubLine]:
    lines: list[SubLine] = []

    def walk(items: tuple[SubPointChange, ...], depth: int) -> None:
        for sub in items:
            label = sub.new_label or sub.old_label or ""
            lines.append(SubLine(depth, label, segments(sub.edits)))
            walk(sub.children, depth + 1)

    walk(change.subpoints, 0)
    return lines
