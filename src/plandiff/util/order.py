"""Order helpers: the longest in-order run of pairs, and where unpaired old items belong."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def longest_increasing(values: Sequence[int]) -> frozenset[int]:
    """Indices of one longest strictly increasing subsequence of ``values``.

    Patience sorting, O(n log n). Among equally long runs it keeps the one whose elements come
    earliest, so the choice is deterministic.

    >>> sorted(longest_increasing([0, 4, 1, 2, 3]))
    [0, 2, 3, 4]
    """
    tails: list[int] = []  # tails[k]: value ending the best run of length k + 1
    tail_at: list[int] = []  # index in ``values`` of that tail
    before: list[int] = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        before[i] = tail_at[k - 1] if k else -1
    chosen: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        chosen.add(i)
        i = before[i]
    return frozenset(chosen)


def interleave(rows: Sequence[tuple[int | None, T]], dropped: Sequence[tuple[int, T]]) -> list[T]:
    """Merge ``dropped`` items (old position, item) into ``rows`` (old position or None, item).

    ``rows`` are already in the new order; each dropped item goes right after the last row whose
    old position precedes its own, among rows that kept the old order (so a row moved far away
    does not drag removed neighbours with it).

    >>> interleave([(0, "a"), (None, "new"), (2, "c")], [(1, "b"), (3, "d")])
    ['a', 'b', 'new', 'c', 'd']
    """
    positions = [p for p, _ in rows if p is not None]
    in_order = longest_increasing(positions)
    anchor_old: list[int] = []  # increasing old positions of rows that kept their order
    anchor_row: list[int] = []
    k = 0
    for r, (p, _) in enumerate(rows):
        if p is None:
            continue
        if k in in_order:
            anchor_old.append(p)
            anchor_row.append(r)
        k += 1
    after: dict[int, list[T]] = {}
    for p, item in sorted(dropped, key=lambda d: d[0]):
        slot = bisect_left(anchor_old, p) - 1
        after.setdefault(anchor_row[slot] if slot >= 0 else -1, []).append(item)
    out = list(after.get(-1, []))
    for r, (_, item) in enumerate(rows):
        out.append(item)
        out.extend(after.get(r, []))
    return out
