"""What the HTML report shows, computed: every string, class name and anchor the template needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from plandiff.changes import (
    ChangeKind,
    Comparison,
    Finding,
    PlanInfo,
    ProvisionChange,
    SubPointChange,
    WordEdit,
)
from plandiff.model import Completeness

KIND_LABELS = {
    ChangeKind.UNCHANGED: "Unchanged",
    ChangeKind.MODIFIED: "Modified",
    ChangeKind.RENUMBERED: "Renumbered",
    ChangeKind.MOVED: "Moved",
    ChangeKind.SPLIT: "Split",
    ChangeKind.MERGED: "Merged",
    ChangeKind.ADDED: "Added",
    ChangeKind.REMOVED: "Removed",
    ChangeKind.NOT_COVERED: "Not covered",
}


@dataclass(frozen=True)
class Run:
    """A stretch of text in a redline: kept, inserted or deleted."""

    op: Literal["eq", "ins", "del"]
    text: str


@dataclass(frozen=True)
class Redline:
    """The same word edits three ways: old side, new side, and both interleaved."""

    old: tuple[Run, ...]
    new: tuple[Run, ...]
    inline: tuple[Run, ...]


@dataclass(frozen=True)
class SubPointRow:
    label: str
    kind: str
    kind_label: str
    depth: int
    has_old: bool
    has_new: bool
    redline: Redline


@dataclass(frozen=True)
class FindingRow:
    severity: str
    severity_label: str
    message: str
    anchor: str
    where: str
    figures: str | None


@dataclass(frozen=True)
class Entry:
    """One item of the provision list: a provision, or the place a moved one left."""

    anchor: str
    kind: str
    kind_label: str
    classes: str
    title: str
    is_origin: bool = False
    link: str | None = None
    link_text: str | None = None
    aspects: tuple[str, ...] = ()
    old_heading: tuple[Run, ...] = ()
    new_heading: tuple[Run, ...] = ()
    inline_heading: tuple[Run, ...] = ()
    redline: Redline = Redline((), (), ())
    has_old: bool = True
    has_new: bool = True
    absent: str = ""
    subpoints: tuple[SubPointRow, ...] = ()
    topics: tuple[str, ...] = ()
    match: str | None = None
    note: str | None = None
    capped: bool = False
    findings: tuple[FindingRow, ...] = ()
    collapsed: bool = False


@dataclass(frozen=True)
class SourceRow:
    title: str
    publisher: str | None
    accessed: str | None
    url: str
    linkable: bool


@dataclass(frozen=True)
class PlanCard:
    role: str
    title: str
    version: str
    date: str
    partial: bool
    completeness: str
    parties: str | None
    provisions: int
    sources: tuple[SourceRow, ...]


@dataclass(frozen=True)
class Filter:
    """One filter switch: ``ident`` is the input's id, ``cls`` the class it keeps visible."""

    ident: str
    cls: str
    label: str
    count: int


@dataclass(frozen=True)
class HtmlView:
    title: str
    heading: str
    old: PlanCard
    new: PlanCard
    counts: tuple[tuple[str, str, int], ...]
    total: int
    findings: tuple[FindingRow, ...]
    topics: tuple[tuple[str, int, int, int], ...]
    kind_filters: tuple[Filter, ...]
    topic_filters: tuple[Filter, ...]
    entries: tuple[Entry, ...]
    metadata: tuple[tuple[str, str, str, str], ...]
    thresholds: tuple[tuple[str, str, str], ...]


def html_view(cmp: Comparison) -> HtmlView:
    """Everything the HTML template shows, in the order it shows it."""
    topic_ids = _topic_ids(cmp)
    by_change: dict[str, list[FindingRow]] = {}
    anchors = {c.id: _where(c) for c in cmp.changes}
    findings = tuple(_finding_row(f, anchors) for f in cmp.findings)
    for f, row in zip(cmp.findings, findings, strict=True):
        by_change.setdefault(f.change_id, []).append(row)
    present = [k for k in ChangeKind if any(c.kind is k for c in cmp.changes)]
    return HtmlView(
        title=f"{cmp.old.title} ({cmp.old.version}) → {cmp.new.title} ({cmp.new.version})",
        heading=f"{cmp.old.version} → {cmp.new.version}",
        old=_card("Old version", cmp.old),
        new=_card("New version", cmp.new),
        counts=tuple((c.kind.value, KIND_LABELS[c.kind], c.count) for c in cmp.counts if c.count),
        total=len(cmp.changes),
        findings=findings,
        topics=tuple((t.topic, t.changed, t.unchanged, t.findings) for t in cmp.topics),
        kind_filters=tuple(
            Filter(f"show-{k.value}", f"kind-{k.value}", KIND_LABELS[k],
                   sum(c.kind is k for c in cmp.changes))
            for k in present
        ),
        topic_filters=tuple(
            Filter(f"only-{ident}", ident, name, sum(name in c.topics for c in cmp.changes))
            for name, ident in topic_ids.items()
        ),
        entries=_entries(cmp, topic_ids, by_change),
        metadata=tuple((m.path, m.change, m.old or "", m.new or "") for m in cmp.metadata),
        thresholds=_thresholds(cmp),
    )


def redline(edits: tuple[WordEdit, ...]) -> Redline:
    """Split word edits into the old side, the new side and an interleaved reading."""
    old: list[Run] = []
    new: list[Run] = []
    inline: list[Run] = []
    for e in edits:
        if e.op == "equal":
            old.append(Run("eq", e.old))
            new.append(Run("eq", e.new))
            inline.append(Run("eq", e.new))
            continue
        if e.old:
            old.extend(_marked("del", e.old))
            inline.extend(_marked("del", e.old))
        if e.new:
            new.extend(_marked("ins", e.new))
            inline.extend(_marked("ins", e.new))
    return Redline(tuple(old), tuple(new), tuple(inline))


def _marked(op: Literal["ins", "del"], text: str) -> list[Run]:
    # Spaces at the edge of an edit belong to the sentence, not to the change: an
    # underlined leading space reads as a stray mark. A change of spacing alone stays marked.
    core = text.strip()
    if not core:
        return [Run(op, text)]
    start = text.index(core)
    runs = [Run("eq", text[:start])] if start else []
    runs.append(Run(op, core))
    if start + len(core) < len(text):
        runs.append(Run("eq", text[start + len(core):]))
    return runs


def _topic_ids(cmp: Comparison) -> dict[str, str]:
    # Topic names come from plan files; class names and ids are numbered instead so that
    # no text from a plan ever reaches the stylesheet.
    names = sorted({t.topic for t in cmp.topics} | {t for c in cmp.changes for t in c.topics})
    return {name: f"topic-{i}" for i, name in enumerate(names)}


def _where(c: ProvisionChange) -> str:
    side = c.new or c.old
    numbers = " + ".join(r.number for r in side)
    return f"provision {numbers}" if c.new else f"old provision {numbers}"


def _title(c: ProvisionChange) -> str:
    old = " + ".join(r.number for r in c.old)
    new = " + ".join(r.number for r in c.new)
    plural = "s" if len(c.old) > 1 or len(c.new) > 1 else ""
    if not c.new:
        return f"Provision{plural} {old}"
    if not c.old or old == new:
        return f"Provision{plural} {new}"
    return f"Provision{plural} {old} → {new}"


def _finding_row(f: Finding, anchors: dict[str, str]) -> FindingRow:
    figures = None
    n = f.number
    if n is not None:
        figures = f"{n.old_text or '—'} → {n.new_text or '—'}"
        if n.percent is not None:
            figures += f" ({n.percent:+.0f}%)"
    return FindingRow(
        severity=f.severity.value,
        severity_label=f.severity.value.capitalize(),
        message=f.message,
        anchor=f.change_id,
        where=anchors.get(f.change_id, f.change_id),
        figures=figures,
    )


def _aspects(c: ProvisionChange) -> tuple[str, ...]:
    flags = [
        ("reworded", c.reworded and c.kind is not ChangeKind.MODIFIED),
        ("renumbered", c.renumbered and c.kind is not ChangeKind.RENUMBERED),
        ("moved", c.moved and c.kind is not ChangeKind.MOVED),
        ("heading changed", c.heading_changed),
    ]
    return tuple(name for name, on in flags if on)


def _match(c: ProvisionChange) -> str | None:
    if c.matched_by is None:
        return None
    return f"matched by {c.matched_by.value}, confidence {c.confidence:.0%}"


def _absent(c: ProvisionChange) -> str:
    if c.kind is ChangeKind.NOT_COVERED:
        return "Not covered by the partial new version: its fate is unknown."
    if not c.new:
        return "Removed: not in the new version."
    if not c.old:
        return "Added: not in the old version."
    return ""


def _heading(c: ProvisionChange) -> Redline:
    old = " / ".join(r.heading for r in c.old if r.heading)
    new = " / ".join(r.heading for r in c.new if r.heading)
    if old == new:
        return Redline((Run("eq", old),), (Run("eq", new),), (Run("eq", new),)) if new else (
            Redline((), (), ())
        )
    return redline((WordEdit(op="replace", old=old, new=new),))


def _subpoints(
    items: tuple[SubPointChange, ...], depth: int = 0
) -> tuple[SubPointRow, ...]:
    rows: list[SubPointRow] = []
    for s in items:
        if s.old_label and s.new_label and s.old_label != s.new_label:
            label = f"{s.old_label} → {s.new_label}"
        else:
            label = s.new_label or s.old_label or ""
        rows.append(SubPointRow(
            label=label,
            kind=s.kind.value,
            kind_label=KIND_LABELS[s.kind],
            depth=depth,
            has_old=s.old_label is not None,
            has_new=s.new_label is not None,
            redline=redline(s.edits),
        ))
        rows.extend(_subpoints(s.children, depth + 1))
    return tuple(rows)


def _entry(
    c: ProvisionChange, topic_ids: dict[str, str], findings: tuple[FindingRow, ...]
) -> Entry:
    heading = _heading(c)
    topic_classes = " ".join(topic_ids[t] for t in c.topics if t in topic_ids)
    return Entry(
        anchor=c.id,
        kind=c.kind.value,
        kind_label=KIND_LABELS[c.kind],
        classes=f"kind-{c.kind.value} {topic_classes}".strip(),
        title=_title(c),
        link=f"{c.id}-origin" if c.kind is ChangeKind.MOVED and c.old else None,
        link_text=(
            f"Moved from where old provision {c.old[0].number} stood" if c.old else None
        ),
        aspects=_aspects(c),
        old_heading=heading.old,
        new_heading=heading.new,
        inline_heading=heading.inline,
        redline=redline(c.edits),
        has_old=bool(c.old),
        has_new=bool(c.new),
        absent=_absent(c),
        subpoints=_subpoints(c.subpoints),
        topics=c.topics,
        match=_match(c),
        note=c.note,
        capped=c.edits_capped,
        findings=findings,
        collapsed=c.kind is ChangeKind.UNCHANGED and not findings,
    )


def _origin(c: ProvisionChange, classes: str) -> Entry:
    new = " + ".join(r.number for r in c.new)
    return Entry(
        anchor=f"{c.id}-origin",
        kind=c.kind.value,
        kind_label=KIND_LABELS[c.kind],
        classes=classes,
        title=f"Old provision {c.old[0].number}",
        is_origin=True,
        link=c.id,
        link_text=f"Moved to provision {new}",
    )


def _entries(
    cmp: Comparison, topic_ids: dict[str, str], by_change: dict[str, list[FindingRow]]
) -> tuple[Entry, ...]:
    """Provisions in reading order, plus a marker where each moved provision used to stand.

    A marker goes right after the last unmoved provision that stood before the moved one
    in the old version, so that reading down the old column finds it in its old place.
    """
    rows = [_entry(c, topic_ids, tuple(by_change.get(c.id, ()))) for c in cmp.changes]
    markers: dict[int, list[Entry]] = {}
    for c, row in zip(cmp.changes, rows, strict=True):
        if c.kind is not ChangeKind.MOVED or not c.old:
            continue
        was = c.old[0].position
        slot = -1
        for i, other in enumerate(cmp.changes):
            if other.kind is ChangeKind.MOVED or not other.old:
                continue
            if max(r.position for r in other.old) < was:
                slot = i
        markers.setdefault(slot, []).append(_origin(c, row.classes))
    out: list[Entry] = list(markers.get(-1, ()))
    for i, row in enumerate(rows):
        out.append(row)
        out.extend(markers.get(i, ()))
    return tuple(out)


def _card(role: str, p: PlanInfo) -> PlanCard:
    partial = p.completeness is Completeness.PARTIAL
    completeness = "Partial text" if partial else "Full text"
    if p.completeness_note:
        completeness += f": {p.completeness_note}"
    return PlanCard(
        role=role,
        title=p.title,
        version=p.version,
        date=p.date.isoformat(),
        partial=partial,
        completeness=completeness,
        parties=", ".join(p.parties) or None,
        provisions=p.provision_count,
        sources=tuple(
            SourceRow(
                title=s.title,
                publisher=s.publisher,
                accessed=s.accessed.isoformat() if s.accessed else None,
                url=s.url,
                linkable=s.url.startswith(("https://", "http://")),
            )
            for s in p.sources
        ),
    )


def _thresholds(cmp: Comparison) -> tuple[tuple[str, str, str], ...]:
    rows = []
    options = cmp.options
    for name, field in type(options).model_fields.items():
        value = getattr(options, name)
        shown = f"{len(value)} pinned pair(s)" if name == "pins" else str(value)
        rows.append((name.replace("_", " "), shown, field.description or ""))
    return tuple(rows)
