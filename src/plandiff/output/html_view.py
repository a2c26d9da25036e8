"""What only the HTML report adds to the shared view: reading order, anchors, filters, columns."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from plandiff.model.changes import ChangeKind, Comparison, ProvisionChange, ProvisionRef
from plandiff.output.view import (
    HeadlineView,
    ReportView,
    RowView,
    Segment,
    SourceView,
    SubPointView,
    anchor_for,
    build_view,
    side_segments,
)

# The engine names changes 'p-6' and 'old-26'; those are the anchors readers link to. Any
# other id falls back to the shared, escaped anchor ('c-...'). The page's own ids never
# start with 'p-', 'old-', 'new-' or 'c-', so neither kind can collide with them.
PLAIN_ID = re.compile(r"(?:p|old|new)-[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class SourceLink:
    source: SourceView
    linkable: bool  # only http(s) addresses become links; anything else stays text


@dataclass(frozen=True)
class HeadlineLink:
    headline: HeadlineView
    href: str | None


class Mark(NamedTuple):
    """A run of redline text; ``edge`` marks the spaces around an insertion or deletion."""

    op: str  # 'equal', 'insert' or 'delete', as in the shared view's segments
    text: str
    edge: bool = False


@dataclass(frozen=True)
class SubEntry:
    """A sub-point: ``side`` is 'old' or 'new' when it stands on that side only."""

    sub: SubPointView
    side: str | None
    segments: tuple[Mark, ...]


class Entry(NamedTuple):
    """One item of the provision list: a provision (``row``), or where a moved one stood.

    The page holds one interleaved redline per provision and shows it in both columns:
    the stylesheet hides insertions in the old column and deletions in the new one, and
    the inline view shows one column with both. Two copies instead of three.
    """

    row: RowView | None
    anchor: str
    kind: str
    kind_label: str
    classes: str
    title: str
    link: str | None = None
    link_text: str | None = None
    collapsed: bool = False
    badges: tuple[str, ...] = ()
    heading: tuple[Mark, ...] = ()
    absent_old: str | None = None
    absent_new: str | None = None
    segments: tuple[Mark, ...] = ()
    subpoints: tuple[SubEntry, ...] = ()


@dataclass(frozen=True)
class MetaEntry:
    """A metadata change; a long value also gets a short opening to show folded."""

    path: str
    change: str
    old: str | None
    new: str | None
    old_short: str | None
    new_short: str | None


@dataclass(frozen=True)
class Filter:
    """A filter switch: ``ident`` is its input's id, ``cls`` the class it keeps visible."""

    ident: str
    cls: str
    label: str
    count: int


@dataclass(frozen=True)
class HtmlView:
    report: ReportView
    old_sources: tuple[SourceLink, ...]
    new_sources: tuple[SourceLink, ...]
    headlines: tuple[HeadlineLink, ...]
    entries: tuple[Entry, ...]
    metadata: tuple[MetaEntry, ...]
    kind_filters: tuple[Filter, ...]
    topic_filters: tuple[Filter, ...]


def html_view(cmp: Comparison) -> HtmlView:
    """The shared report view plus what the HTML page needs on top of it."""
    report = build_view(cmp)
    rows = {r.id: r for r in (*report.changed, *report.not_covered, *report.unchanged)}
    # Headlines link to their provisions; only those ids need the page's anchor worked out.
    hrefs = {anchor_for(i): html_anchor(i) for i in {f.change_id for f in cmp.findings}}
    topic_ids = _topic_ids(cmp)
    per_topic = Counter(t for c in cmp.changes for t in set(c.topics))
    return HtmlView(
        report=report,
        old_sources=_links(report.old.sources),
        new_sources=_links(report.new.sources),
        headlines=tuple(
            HeadlineLink(h, hrefs.get(h.anchor) if h.anchor else None) for h in report.headlines
        ),
        entries=_entries(cmp, rows, topic_ids),
        metadata=tuple(
            MetaEntry(m.path, m.change, m.old, m.new, _short(m.old), _short(m.new))
            for m in report.metadata
        ),
        kind_filters=tuple(
            Filter(f"show-{c.kind}", f"kind-{c.kind}", c.label, c.count) for c in report.counts
        ),
        topic_filters=tuple(
            Filter(f"only-{cls}", cls, name, per_topic[name]) for name, cls in topic_ids.items()
        ),
    )


def html_anchor(change_id: str) -> str:
    """The element id of a change: its own id when it is a plain engine id.

    >>> html_anchor("p-6"), html_anchor("old-26"), html_anchor("x y").startswith("c-")
    ('p-6', 'old-26', True)
    """
    return change_id if PLAIN_ID.fullmatch(change_id) else anchor_for(change_id)


def tidy(segments: tuple[Segment, ...]) -> tuple[Mark, ...]:
    """Mark the spaces at the edges of an insertion or deletion as edges.

    An edge space stays with its change (the old column hides it along with the insertion)
    but is drawn without underline or colour: an underlined leading space reads as a stray
    mark. A change of spacing alone is not an edge and stays fully marked.

    >>> [(m.op, m.text, m.edge) for m in tidy((Segment("insert", " in peacetime"),))]
    [('insert', ' ', True), ('insert', 'in peacetime', False)]
    """
    if len(segments) == 1 and segments[0].op == "equal":  # most rows of a large report
        return (Mark("equal", segments[0].text),)
    out: list[Mark] = []
    for s in segments:
        if s.op == "equal":
            out.append(Mark(s.op, s.text))
            continue
        core = s.text.strip()
        if not core or core == s.text:
            out.append(Mark(s.op, s.text))
            continue
        start = s.text.index(core)
        end = start + len(core)
        lead, trail = s.text[:start], s.text[end:]
        out.extend(
            [Mark(s.op, lead, edge=True)] * bool(lead)
            + [Mark(s.op, core)]
            + [Mark(s.op, trail, edge=True)] * bool(trail)
        )
    return tuple(out)


def _short(text: str | None, limit: int = 160) -> str | None:
    if text is None or len(text) <= limit:
        return None
    return text[: limit - 40].rstrip() + " …"


def _links(sources: tuple[SourceView, ...]) -> tuple[SourceLink, ...]:
    return tuple(SourceLink(s, s.url.startswith(("https://", "http://"))) for s in sources)


def _topic_ids(cmp: Comparison) -> dict[str, str]:
    # Topic names come from plan files; class names are numbered instead so that no text
    # from a plan ever reaches the stylesheet.
    names = sorted({t.topic for t in cmp.topics} | {t for c in cmp.changes for t in c.topics})
    return {name: f"topic-{i}" for i, name in enumerate(names)}


def _title(row: RowView) -> str:
    old, new = row.old_label, row.new_label
    if new is None or old is None or old == new:
        return f"Provision {new or old}"
    return f"Provision {old} → {new}"


# What a column says instead of a text when the provision is not on that side.
_ABSENT_OLD = {ChangeKind.ADDED: "Not in the old version."}
_ABSENT_NEW = {
    ChangeKind.NOT_COVERED: "Not covered by the partial new version: its fate is unknown.",
    ChangeKind.REMOVED: "Not in the new version.",
}


def _plain(segments: tuple[Segment, ...]) -> tuple[Mark, ...]:
    # The old text of a provision a partial version does not cover was not deleted: its
    # fate is unknown, so it must not be struck through.
    return tuple(Mark("equal", s.text) for s in segments)


def _sub(sub: SubPointView, unknown: bool) -> SubEntry:
    if unknown:
        return SubEntry(sub, None, _plain(side_segments(sub.edits, "old")))
    side = {ChangeKind.ADDED: "new", ChangeKind.REMOVED: "old", ChangeKind.NOT_COVERED: "old"}
    return SubEntry(sub, side.get(ChangeKind(sub.kind)), tidy(sub.segments))


def _headings(refs: tuple[ProvisionRef, ...]) -> str:
    if len(refs) == 1:  # nearly every row: no generator for one heading
        return refs[0].heading or ""
    return " / ".join(r.heading for r in refs if r.heading)


def _heading(c: ProvisionChange) -> tuple[Mark, ...]:
    old, new = _headings(c.old), _headings(c.new)
    if old == new or c.kind is ChangeKind.NOT_COVERED:
        return (Mark("equal", old or new),) if old or new else ()
    return (Mark("delete", old),) * bool(old) + (Mark("insert", new),) * bool(new)


def _quiet(c: ProvisionChange, row: RowView) -> bool:
    """True for a provision shown folded: nothing to read in it beyond its label and badge."""
    if row.findings:
        return False
    if c.kind in (ChangeKind.UNCHANGED, ChangeKind.NOT_COVERED):
        return True
    # Renumbered with the very same words: the new number is the whole news.
    return c.kind is ChangeKind.RENUMBERED and not c.reworded and not c.heading_changed


def _entry(c: ProvisionChange, row: RowView, topic_ids: dict[str, str]) -> Entry:
    topics = " ".join(topic_ids[t] for t in c.topics if t in topic_ids)
    moved_from = c.kind is ChangeKind.MOVED and bool(c.old)
    unknown = c.kind is ChangeKind.NOT_COVERED
    anchor = html_anchor(c.id)
    return Entry(
        row=row,
        anchor=anchor,
        kind=row.kind,
        kind_label=row.kind_label,
        classes=f"kind-{row.kind} {topics}" if topics else f"kind-{row.kind}",
        title=_title(row),
        link=f"was-{anchor}" if moved_from else None,
        link_text=f"Moved from where old provision {row.old_label} stood" if moved_from else None,
        collapsed=_quiet(c, row),
        badges=tuple(a for a in row.aspects if a.split()[0] != row.kind) if row.aspects else (),
        heading=_heading(c),
        absent_old=_ABSENT_OLD.get(c.kind),
        absent_new=_ABSENT_NEW.get(c.kind),
        segments=_plain(side_segments(row.edits, "old")) if unknown else tidy(row.segments),
        subpoints=tuple(_sub(s, unknown) for s in row.subpoints) if row.subpoints else (),
    )


def _origin(entry: Entry, old_label: str | None, new_label: str | None) -> Entry:
    return Entry(
        row=None,
        anchor=f"was-{entry.anchor}",
        kind=entry.kind,
        kind_label=entry.kind_label,
        classes=entry.classes,
        title=f"Old provision {old_label}",
        link=entry.anchor,
        link_text=f"Moved to provision {new_label}",
    )


def _entries(
    cmp: Comparison, rows: dict[str, RowView], topic_ids: dict[str, str]
) -> tuple[Entry, ...]:
    """Provisions in the comparison's reading order, plus a marker where each moved one stood.

    A marker goes right after the last unmoved provision that stood before the moved one in
    the old version, so that reading down the old column finds it in its old place.
    """
    entries = [_entry(c, rows[c.id], topic_ids) for c in cmp.changes]
    # (old position, list index) of every unmoved change that has an old side, sorted by
    # position; ``last[k]`` is the greatest list index among the first k + 1 of them.
    anchored = sorted(
        (max(r.position for r in c.old), i)
        for i, c in enumerate(cmp.changes)
        if c.old and c.kind is not ChangeKind.MOVED
    )
    positions = [pos for pos, _ in anchored]
    last = list(accumulate((i for _, i in anchored), max))
    markers: dict[int, list[Entry]] = {}
    for c, entry in zip(cmp.changes, entries, strict=True):
        if entry.link is None:
            continue
        before = bisect_left(positions, c.old[0].position)
        slot = last[before - 1] if before else -1
        markers.setdefault(slot, []).append(
            _origin(entry, rows[c.id].old_label, rows[c.id].new_label)
        )
    out: list[Entry] = list(markers.get(-1, ()))
    for i, entry in enumerate(entries):
        out.append(entry)
        out.extend(markers.get(i, ()))
    return tuple(out)
