"""The report view-model: every figure and label the Markdown and HTML templates show.

Templates only loop and branch over these frozen records; all counting, ordering, wording
and redline splitting happens here, once, for every format. Plan text stays raw here: each
template environment escapes it for its own medium.

>>> from plandiff.model.changes import WordEdit
>>> [(s.op, s.text) for s in segments((WordEdit(op="replace", old="600,000", new="800,000"),))]
[('delete', '600,000'), ('insert', '800,000')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal, NamedTuple

from plandiff.model.changes import (
    ChangeKind,
    Comparison,
    Facet,
    Finding,
    PlanInfo,
    ProvisionChange,
    ProvisionRef,
    SubPointChange,
    WordEdit,
)
from plandiff.model.plan import Completeness, Source
from plandiff.model.vocabulary import SEVERITY_LABELS, SEVERITY_RANK
from plandiff.output.kinds import FACET_LABELS, KIND_LABELS, KIND_ORDER
from plandiff.output.overview import metadata_summary, partial_short

THRESHOLD_LABELS = (
    ("similarity_threshold", "pairing by text similarity"),
    ("number_threshold", "pairing by equal number"),
    ("move_threshold", "reporting a move"),
    ("split_merge_threshold", "accepting a split or merge"),
)

_ANCHOR_SAFE = re.compile(r"[A-Za-z0-9-]*")
_WEB = re.compile(r"https?://", re.IGNORECASE)  # the only addresses a report links

# Longest whole record (a list or mapping, such as every source of a version: thousands of
# characters) a report's metadata table shows; longer ones are cut with '…' and the JSON
# report keeps them. Prose values (titles, notes) are always shown whole.
METADATA_WIDTH = 160

SegmentOp = Literal["equal", "insert", "delete"]

# The records made once per row or per run of a report (Segment, RowView here; Mark and
# Entry for the page) are named tuples rather than frozen dataclasses: just as immutable,
# and built 2-3x faster than by a frozen dataclass's attribute-by-attribute __init__, which
# was a tenth of the time of a report of 10,000 provisions.


class Segment(NamedTuple):
    """One run of a redline: text kept, inserted or deleted."""

    op: SegmentOp
    text: str


@dataclass(frozen=True)
class SourceView:
    title: str
    url: str
    publisher: str | None


@dataclass(frozen=True)
class SideView:
    """The header data of one version (``role`` is 'old' or 'new')."""

    role: str
    id: str
    title: str
    version: str
    date: str
    parties: tuple[str, ...]
    sources: tuple[SourceView, ...]
    completeness: str
    completeness_note: str | None
    is_partial: bool
    provision_count: int


@dataclass(frozen=True)
class CountRow:
    kind: str
    label: str
    count: int


@dataclass(frozen=True)
class FacetRow:
    """A facet's count with the others its provisions have too: '5 reworded, of which 2
    also renumbered'."""

    facet: str
    label: str
    count: int
    also: str  # "of which 2 also renumbered and 1 also moved", or ""
    text: str  # the whole phrase


@dataclass(frozen=True)
class HeadlineView:
    """One finding, ready to show; ``anchor`` is None when its provision is not in the report."""

    severity: str
    severity_label: str
    rule: str
    message: str
    figures: str | None
    anchor: str | None
    provision: str


@dataclass(frozen=True)
class SubPointView:
    """A sub-point row, flattened: ``depth`` 0 for a sub-point, 1 for a sub-sub-point."""

    depth: int
    kind: str
    kind_label: str
    label: str
    segments: tuple[Segment, ...]
    edits: tuple[WordEdit, ...]  # the redline's source; side_segments gives one column of it
    title: str  # as printed before the text: '(a)', '(a) → (b)', '(i) added', '(b) removed'
    old_label: str | None
    new_label: str | None
    old_text: str
    new_text: str


class RowView(NamedTuple):
    """One provision change as a report row."""

    anchor: str
    id: str
    kind: str
    kind_label: str
    label: str
    old_label: str | None
    new_label: str | None
    heading: str | None
    aspects: tuple[str, ...]
    matched: str | None
    note: str | None
    topics: tuple[str, ...]
    old_text: str
    new_text: str
    segments: tuple[Segment, ...]
    edits: tuple[WordEdit, ...]  # the redline's source; side_segments gives one column of it
    edits_capped: bool
    subpoints: tuple[SubPointView, ...]
    findings: tuple[HeadlineView, ...]
    summary: str  # aspects and how it was matched, e.g. 'reworded · moved · matched by text, ...'


@dataclass(frozen=True)
class MetadataRow:
    path: str
    change: str
    old: str | None
    new: str | None
    old_short: str | None  # records cut to METADATA_WIDTH characters; prose as it is
    new_short: str | None
    # A whole source added or removed, or a source's address changed: its title (or the
    # address) and its http(s) address, which a report may make a link; otherwise None.
    old_link: SourceLink | None = None
    new_link: SourceLink | None = None


class SourceLink(NamedTuple):
    text: str
    url: str


@dataclass(frozen=True)
class TopicRow:
    topic: str
    changed: int
    unchanged: int
    findings: int


@dataclass(frozen=True)
class ThresholdRow:
    name: str
    label: str
    value: str


@dataclass(frozen=True)
class ReportView:
    """Everything a report shows, in the order it shows it."""

    schema_version: str
    title: str
    old: SideView
    new: SideView
    has_differences: bool
    counts: tuple[CountRow, ...]
    facets: tuple[FacetRow, ...]
    facets_line: str  # e.g. '5 reworded, of which 2 also renumbered · 3 renumbered' or ''
    total: int
    changed_total: int
    summary_line: str
    headlines: tuple[HeadlineView, ...]
    partial_notice: str | None  # one sentence on partial versions, shown near the top
    partial_details: str | None  # the whole explanation, with each version's note
    metadata: tuple[MetadataRow, ...]
    metadata_summary: str  # the metadata changes in one line, '' when there are none
    changed: tuple[RowView, ...]
    not_covered: tuple[RowView, ...]
    not_covered_notice: str | None
    unchanged: tuple[RowView, ...]
    unchanged_summary: str
    topics: tuple[TopicRow, ...]
    thresholds: tuple[ThresholdRow, ...]
    word_diff_cap: int


def build_view(comparison: Comparison) -> ReportView:
    """Compute the whole report view of ``comparison``."""
    headlines_by_change: dict[str, list[HeadlineView]] = {}
    wanted = {f.change_id for f in comparison.findings}
    labels = {c.id: row_label(c) for c in comparison.changes if c.id in wanted}
    ordered = sort_findings(comparison.findings)
    headlines = tuple(_headline(f, labels.get(f.change_id)) for f in ordered)
    for finding, headline in zip(ordered, headlines, strict=True):
        headlines_by_change.setdefault(finding.change_id, []).append(headline)
    rows = [_row(c, tuple(headlines_by_change.get(c.id, ()))) for c in comparison.changes]
    counts = count_kinds(comparison)
    facets = facet_rows(comparison)
    total = len(comparison.changes)
    apart = (ChangeKind.UNCHANGED, ChangeKind.NOT_COVERED)  # looked up once, not per row
    unchanged = tuple(r for r in rows if r.kind == apart[0])
    not_covered = tuple(r for r in rows if r.kind == apart[1])
    changed = tuple(r for r in rows if r.kind not in apart)
    options = comparison.options
    return ReportView(
        schema_version=comparison.schema_version,
        title=f"{comparison.old.version} → {comparison.new.version}",
        old=_side("old", comparison.old),
        new=_side("new", comparison.new),
        has_differences=comparison.has_differences,
        counts=counts,
        facets=facets,
        facets_line=" · ".join(f.text for f in facets),
        total=total,
        changed_total=len(changed),
        summary_line=summary_line(counts),
        headlines=headlines,
        partial_notice=partial_short(
            comparison.old.completeness is Completeness.PARTIAL,
            comparison.new.completeness is Completeness.PARTIAL,
        ),
        partial_details=partial_notice(comparison),
        metadata=_metadata_rows(comparison),
        metadata_summary=metadata_summary(
            ((m.path, m.change, m.old, m.new) for m in comparison.metadata),
            _sizes(comparison.old),
            _sizes(comparison.new),
        ),
        changed=changed,
        not_covered=not_covered,
        not_covered_notice=_not_covered_notice(len(not_covered)),
        unchanged=unchanged,
        unchanged_summary=_plural(len(unchanged), "unchanged provision"),
        topics=tuple(
            TopicRow(topic=t.topic, changed=t.changed, unchanged=t.unchanged, findings=t.findings)
            for t in sorted(comparison.topics, key=lambda t: t.topic)
        ),
        thresholds=tuple(
            ThresholdRow(name=name, label=label, value=f"{getattr(options, name):.2f}")
            for name, label in THRESHOLD_LABELS
        ),
        word_diff_cap=options.word_diff_cap,
    )


def sort_findings(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Worst first; the engine's order is kept within one severity (the sort is stable)."""
    return tuple(sorted(findings, key=lambda f: SEVERITY_RANK[f.severity]))


def count_kinds(comparison: Comparison) -> tuple[CountRow, ...]:
    """Non-zero counts per kind, in the fixed report order, counted from the rows shown."""
    tally = Counter(c.kind for c in comparison.changes)
    return tuple(
        CountRow(kind=str(kind), label=KIND_LABELS[kind], count=tally[kind])
        for kind in KIND_ORDER
        if tally[kind]
    )


def facet_rows(comparison: Comparison) -> tuple[FacetRow, ...]:
    """Each facet's count, whatever the kind of its provisions (a renumbered provision that
    was reworded counts as reworded), with the other facets they share."""
    rows = []
    for facet in comparison.facets:
        # Only a rewording is told with what else happened to it: it is what a kind hides.
        shared = facet.also if facet.facet is Facet.REWORDED else ()
        also = [f"{a.count:,} also {FACET_LABELS[a.facet]}" for a in shared]
        said = f"of which {_spoken(also)}" if also else ""
        text = f"{facet.count:,} {FACET_LABELS[facet.facet]}" + (f", {said}" if said else "")
        rows.append(FacetRow(str(facet.facet), FACET_LABELS[facet.facet], facet.count, said, text))
    return tuple(rows)


def _spoken(parts: list[str]) -> str:
    return parts[-1] if len(parts) < 2 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def summary_line(counts: tuple[CountRow, ...]) -> str:
    """e.g. '3 modified · 1 added · 24 unchanged' ('no provisions' when empty)."""
    return " · ".join(f"{c.count} {c.label.lower()}" for c in counts) or "no provisions"


def shorten(value: str | None, width: int = METADATA_WIDTH) -> str | None:
    """``value`` cut to ``width`` characters when it is a written-out record ('{...}', '[...]').

    >>> shorten('{"a": 1, "b": 2}', 8), shorten("A long note stays whole.", 8)
    ('{"a": 1…', 'A long note stays whole.')
    """
    if value is None or len(value) <= width or not value.startswith(("{", "[")):
        return value
    return value[: width - 1] + "…"


def partial_notice(comparison: Comparison) -> str | None:
    """Plain words on what a partial version means for the reader, or None when both are full."""
    parts = []
    for role, info in (("old", comparison.old), ("new", comparison.new)):
        if info.completeness is Completeness.PARTIAL:
            note = f" {info.completeness_note}" if info.completeness_note else ""
            parts.append(
                f"The {role} version, {info.version}, is a partial text: "
                f"only what was reported of it is compared.{note}"
            )
    return " ".join(parts) or None


def _not_covered_notice(count: int) -> str | None:
    if not count:
        return None
    them = "it is" if count == 1 else "they are"
    return (
        f"{_plural(count, 'provision')} of the old version "
        f"{'does' if count == 1 else 'do'} not appear in the partial new version. "
        f"Whether {'it was' if count == 1 else 'they were'} kept, changed or dropped is unknown, "
        f"so {them} listed as not covered, not as removed."
    )


def _metadata_rows(comparison: Comparison) -> tuple[MetadataRow, ...]:
    old_sources = {s.id: s for s in comparison.old.sources}
    new_sources = {s.id: s for s in comparison.new.sources}
    rows = []
    for m in comparison.metadata:
        old_link = new_link = None
        if m.path.startswith("sources["):
            key, _, name = m.path[len("sources[") :].partition("]")
            old_link = _link(old_sources.get(key), name, m.old)
            new_link = _link(new_sources.get(key), name, m.new)
        rows.append(
            MetadataRow(
                path=m.path,
                change=m.change,
                old=m.old,
                new=m.new,
                old_short=shorten(m.old),
                new_short=shorten(m.new),
                old_link=old_link,
                new_link=new_link,
            )
        )
    return tuple(rows)


def _link(source: Source | None, field: str, value: str | None) -> SourceLink | None:
    """The link a metadata value about a source can be: a whole source, or its address."""
    if source is None or value is None:
        return None
    if field == "" and _WEB.match(source.url):
        return SourceLink(source.title, source.url)
    if field == ".url" and _WEB.match(value):
        return SourceLink(value, value)
    return None


def _sizes(info: PlanInfo) -> dict[str, int]:
    return {"sources": len(info.sources), "parties": len(info.parties)}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _side(role: str, info: PlanInfo) -> SideView:
    return SideView(
        role=role,
        id=info.id,
        title=info.title,
        version=info.version,
        date=info.date.isoformat(),
        parties=info.parties,
        sources=tuple(SourceView(s.title, s.url, s.publisher) for s in info.sources),
        completeness=str(info.completeness),
        completeness_note=info.completeness_note,
        is_partial=info.completeness is Completeness.PARTIAL,
        provision_count=info.provision_count,
    )


def _headline(finding: Finding, provision: str | None) -> HeadlineView:
    figures = None
    number = finding.number
    if number is not None and (number.old_text or number.new_text):
        # Only when the message does not already quote every figure there is.
        present = [t for t in (number.old_text, number.new_text) if t]
        if not all(t in finding.message for t in present):
            old, new = number.old_text or "none", number.new_text or "none"
            pct = f" ({number.percent:+.1f}%)" if number.percent is not None else ""
            figures = f"{old} → {new}{pct}"
    return HeadlineView(
        severity=str(finding.severity),
        severity_label=SEVERITY_LABELS[finding.severity],
        rule=finding.rule,
        message=finding.message,
        figures=figures,
        anchor=anchor_for(finding.change_id) if provision is not None else None,
        provision=provision or finding.change_id,
    )


def anchor_for(change_id: str) -> str:
    """A fragment identifier safe in HTML attributes and Markdown links, unique per id."""
    # Any other character becomes '.hex.'; dots appear only as those delimiters, so two
    # different ids can never share an anchor.
    if _ANCHOR_SAFE.fullmatch(change_id):
        return "c-" + change_id
    return "c-" + re.sub(r"[^A-Za-z0-9-]", lambda m: f".{ord(m.group()):x}.", change_id)


def numbers(refs: tuple[ProvisionRef, ...]) -> str | None:
    """'6', '3a, 3b' or None when there is no provision on that side."""
    if len(refs) == 1:  # nearly every row: no generator for one number
        return refs[0].number or None
    return ", ".join(r.number for r in refs) or None


def row_label(change: ProvisionChange) -> str:
    """How a report names a row: '6', '5 → 6', '3 → 3a, 3b', '29 (added)', '12 (removed)'."""
    return _label(change, numbers(change.old), numbers(change.new))


def _label(change: ProvisionChange, old: str | None, new: str | None) -> str:
    if old is None:
        return f"{new} (added)"
    if new is None:
        return f"{old} ({KIND_LABELS[change.kind].lower()})"
    return old if old == new else f"{old} → {new}"


def aspects(change: ProvisionChange) -> tuple[str, ...]:
    """Each aspect of a change said separately, so a move never hides a rewording."""
    return _aspects(change, numbers(change.old), numbers(change.new))


def _aspects(change: ProvisionChange, old: str | None, new: str | None) -> tuple[str, ...]:
    found = []
    if change.reworded:
        found.append("reworded")
    if change.renumbered:
        found.append(f"renumbered {old or '—'} → {new or '—'}")
    if change.moved:
        found.append("moved")
    if change.heading_changed:
        found.append("heading changed")
    if change.subpoints_changed:
        found.append("sub-points changed")
    if change.edits_capped:
        found.append("too long to compare word by word")
    return tuple(found)


def _matched(change: ProvisionChange) -> str | None:
    if change.matched_by is None:
        return None
    return f"matched by {change.matched_by}, confidence {change.confidence:.2f}"


def _summary(change: ProvisionChange, found: tuple[str, ...], matched: str | None) -> str:
    # The kind is shown beside the summary already, so an aspect that only repeats it goes.
    shown = [a for a in found if a != change.kind]
    return " · ".join((*shown, matched) if matched else shown)


def _heading(change: ProvisionChange) -> str | None:
    for refs in (change.new, change.old):
        for ref in refs:
            if ref.heading:
                return ref.heading
    return None


def _row(change: ProvisionChange, findings: tuple[HeadlineView, ...]) -> RowView:
    edits = row_edits(change)
    old, new = numbers(change.old), numbers(change.new)
    found = _aspects(change, old, new)
    matched = _matched(change)
    return RowView(
        anchor=anchor_for(change.id),
        id=change.id,
        kind=str(change.kind),
        kind_label=KIND_LABELS[change.kind],
        label=_label(change, old, new),
        old_label=old,
        new_label=new,
        heading=_heading(change),
        aspects=found,
        matched=matched,
        note=change.note,
        topics=change.topics,
        old_text=change.old_text,
        new_text=change.new_text,
        segments=segments(edits),
        edits=edits,
        edits_capped=change.edits_capped,
        subpoints=tuple(_flatten(change.subpoints, 0)),
        findings=findings,
        summary=_summary(change, found, matched),
    )


def row_edits(change: ProvisionChange) -> tuple[WordEdit, ...]:
    """The word edits a row's redline shows: the change's own, or its texts whole."""
    if change.edits:
        return change.edits
    # No word edits (unchanged, added, removed, or capped): show the texts whole.
    old, new = change.old_text, change.new_text
    if old == new:
        return (WordEdit(op="equal", old=old, new=new),) if old else ()
    return (WordEdit(op="replace", old=old, new=new),)


def segments(edits: tuple[WordEdit, ...]) -> tuple[Segment, ...]:
    """The inline redline: a replacement shows its deletion before its insertion."""
    if len(edits) == 1 and edits[0].op == "equal":  # most rows of a large report
        return (Segment("equal", edits[0].new),) if edits[0].new else ()
    pieces: list[tuple[SegmentOp, str]] = []
    for edit in edits:
        if edit.op == "equal":
            pieces.append(("equal", edit.new))
        else:
            pieces.append(("delete", edit.old))
            pieces.append(("insert", edit.new))
    return _runs(pieces)


def side_segments(edits: tuple[WordEdit, ...], side: Literal["old", "new"]) -> tuple[Segment, ...]:
    """One column of a side-by-side redline: old text with deletions, or new with insertions."""
    if side == "old":
        return _runs([("equal" if e.op == "equal" else "delete", e.old) for e in edits])
    return _runs([("equal" if e.op == "equal" else "insert", e.new) for e in edits])


def _runs(pieces: list[tuple[SegmentOp, str]]) -> tuple[Segment, ...]:
    """One segment per run of non-empty pieces of one kind."""
    # Each run is joined once: adding piece by piece to a growing text was quadratic in the
    # number of pieces of a run.
    out: list[Segment] = []
    op: SegmentOp = "equal"
    texts: list[str] = []
    for kind, text in pieces:
        if not text:
            continue
        if kind == op:
            texts.append(text)
            continue
        if texts:
            out.append(Segment(op, "".join(texts)))
        op, texts = kind, [text]
    if texts:
        out.append(Segment(op, "".join(texts)))
    return tuple(out)


def _flatten(subpoints: tuple[SubPointChange, ...], depth: int) -> list[SubPointView]:
    rows: list[SubPointView] = []
    for sp in subpoints:
        if sp.old_label is None:
            label, title = f"{sp.new_label} (added)", f"({sp.new_label}) added"
        elif sp.new_label is None:
            label, title = f"{sp.old_label} (removed)", f"({sp.old_label}) removed"
        elif sp.old_label == sp.new_label:
            label, title = sp.old_label, f"({sp.old_label})"
        else:
            label = f"{sp.old_label} → {sp.new_label}"
            title = f"({sp.old_label}) → ({sp.new_label})"
        rows.append(
            SubPointView(
                depth=depth,
                kind=str(sp.kind),
                kind_label=KIND_LABELS[sp.kind],
                label=label,
                segments=segments(sp.edits),
                edits=sp.edits,
                title=title,
                old_label=sp.old_label,
                new_label=sp.new_label,
                old_text=sp.old_text,
                new_text=sp.new_text,
            )
        )
        rows.extend(_flatten(sp.children, depth + 1))
    return rows
