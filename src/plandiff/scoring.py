"""Weighted word profiles of the provisions that still need pairing, built once per comparison."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from plandiff.model import Provision
from plandiff.similarity import Profile, containment, joined, profile, rarity, similarity, words_of

# Rarity is learned from the provisions being paired plus, in a short plan, the rest: with a
# handful of leftovers alone, every word would look rare.
_RARITY_SAMPLE = 400


class Scorer:
    """Profiles of chosen old and new provisions, weighted by rarity across both versions.

    Built once, then only read: every method is a pure lookup or computation.
    """

    def __init__(
        self,
        old: Sequence[Provision],
        new: Sequence[Provision],
        old_ids: Collection[int],
        new_ids: Collection[int],
    ) -> None:
        old_counts = {i: words_of(old[i]) for i in sorted(old_ids)}
        new_counts = {j: words_of(new[j]) for j in sorted(new_ids)}
        documents = [*old_counts.values(), *new_counts.values()]
        documents.extend(_sample(old, new, old_ids, new_ids, _RARITY_SAMPLE - len(documents)))
        weight = rarity(documents)
        self._old = {i: profile(c, weight) for i, c in old_counts.items()}
        self._new = {j: profile(c, weight) for j, c in new_counts.items()}

    def old(self, i: int) -> Profile:
        return self._old[i]

    def new(self, j: int) -> Profile:
        return self._new[j]

    def has(self, side: str, index: int) -> bool:
        return index in (self._old if side == "old" else self._new)

    def similarity(self, i: int, j: int) -> float:
        return similarity(self._old[i], self._new[j])

    def group_similarity(self, olds: Iterable[int], news: Iterable[int]) -> float:
        """Similarity of several old provisions read as one text against several new ones."""
        return similarity(joined(self._old[i] for i in olds), joined(self._new[j] for j in news))

    def old_in(self, i: int, news: Iterable[int]) -> float:
        """How much of old ``i`` is found in the new provisions ``news`` read together."""
        return containment(self._old[i], joined(self._new[j] for j in news))

    def new_in(self, j: int, olds: Iterable[int]) -> float:
        """How much of new ``j`` is found in the old provisions ``olds`` read together."""
        return containment(self._new[j], joined(self._old[i] for i in olds))


def _sample(
    old: Sequence[Provision],
    new: Sequence[Provision],
    old_ids: Collection[int],
    new_ids: Collection[int],
    room: int,
) -> list[Counter[str]]:
    rest = [p for i, p in enumerate(old) if i not in old_ids]
    rest += [p for j, p in enumerate(new) if j not in new_ids]
    if room <= 0 or not rest:
        return []
    step = max(1, math.ceil(len(rest) / room))
    return [words_of(p) for p in rest[::step]]
