"""How every report shows each kind of change: its label, its place in the counts, its sign.

>>> KIND_LABELS[ChangeKind.NOT_COVERED], KIND_SIGNS["split"]
('Not covered', '<')
"""

from __future__ import annotations

from typing import NamedTuple

from plandiff.model.changes import ChangeKind, Facet


class KindShown(NamedTuple):
    """A kind as reports show it: ``label`` in badges and counts, ``sign`` in the terminal's
    margin (``~`` changed in place, ``<`` split, ``>`` merged, ``+``, ``-``, ``?`` unknown)."""

    label: str
    sign: str


# In the order the summary counts list them: a report never depends on dict order elsewhere.
KINDS: dict[ChangeKind, KindShown] = {
    ChangeKind.MODIFIED: KindShown("Modified", "~"),
    ChangeKind.RENUMBERED: KindShown("Renumbered", "~"),
    ChangeKind.MOVED: KindShown("Moved", "~"),
    ChangeKind.SPLIT: KindShown("Split", "<"),
    ChangeKind.MERGED: KindShown("Merged", ">"),
    ChangeKind.ADDED: KindShown("Added", "+"),
    ChangeKind.REMOVED: KindShown("Removed", "-"),
    ChangeKind.NOT_COVERED: KindShown("Not covered", "?"),
    ChangeKind.UNCHANGED: KindShown("Unchanged", "="),
}
KIND_ORDER = tuple(KINDS)
KIND_LABELS = {kind: shown.label for kind, shown in KINDS.items()}
# Keyed by the kind's value, which is what the view-models carry.
KIND_SIGNS = {kind.value: shown.sign for kind, shown in KINDS.items()}
# How each facet of a paired provision is named, in counts and beside a row.
FACET_LABELS = {
    Facet.REWORDED: "reworded",
    Facet.RENUMBERED: "renumbered",
    Facet.MOVED: "moved",
    Facet.HEADING_CHANGED: "heading changed",
    Facet.SUBPOINTS_CHANGED: "sub-points changed",
}
