"""Anchors (the longest in-order run of the pairs made) and the unpaired gaps between them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from plandiff.align.pairing import Match
from plandiff.util.order import longest_increasing


@dataclass(frozen=True, slots=True)
class Gaps:
    """The unpaired provisions between consecutive anchors.

    ``of_old`` and ``of_new`` give each free provision's gap number (a gap may have provisions
    on one side only); ``both`` lists the gaps that have some on each side, in order.
    """

    of_old: dict[int, int]
    of_new: dict[int, int]
    both: list[tuple[list[int], list[int]]]

    def same(self, i: int, j: int) -> bool:
        """Whether old ``i`` and new ``j`` lie between the same two anchors."""
        return i in self.of_old and self.of_old[i] == self.of_new.get(j)


def gaps(
    matches: Sequence[Match],
    n_old: int,
    n_new: int,
    free_old: Collection[int],
    free_new: Collection[int],
) -> Gaps:
    """Cut the free provisions at the anchors: the longest in-order run of ``matches``.

    >>> from plandiff.model.changes import MatchedBy
    >>> g = gaps([Match((1,), (1,), MatchedBy.TEXT, 1.0)], 3, 3, {0, 2}, {0, 2})
    >>> g.both
    [([0], [0]), ([2], [2])]
    """
    ordered = sorted(matches, key=lambda m: (min(m.old), min(m.new)))
    keep = longest_increasing([min(m.new) for m in ordered])
    anchors = [m for k, m in enumerate(ordered) if k in keep]
    bounds = [(-1, -1)] + [(max(m.old), max(m.new)) for m in anchors]
    starts = [(min(m.old), min(m.new)) for m in anchors] + [(n_old, n_new)]
    sorted_old, sorted_new = sorted(free_old), sorted(free_new)
    of_old: dict[int, int] = {}
    of_new: dict[int, int] = {}
    both = []
    for g, ((o_end, n_end), (o_next, n_next)) in enumerate(zip(bounds, starts, strict=True)):
        olds = sorted_old[bisect_right(sorted_old, o_end) : bisect_left(sorted_old, o_next)]
        news = sorted_new[bisect_right(sorted_new, n_end) : bisect_left(sorted_new, n_next)]
        for i in olds:
            of_old[i] = g
        for j in news:
            of_new[j] = g
        if olds and news:
            both.append((olds, news))
    return Gaps(of_old, of_new, both)
