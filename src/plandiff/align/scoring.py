"""Weighted word profiles of the provisions that still need pairing, built once per comparison."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence

from plandiff.align.candidates import lookup_keys
from plandiff.align.similarity import (
    Profile,
    containment,
    joined,
    profile,
    rarity,
    similarity,
    words_of,
)
from plandiff.model.plan import Provision

# Rarity is learned from the provisions being paired plus, in a short plan, the rest: with a
# handful of leftovers alone, every word would look rare.
_RARITY_SAMPLE = 400


class Scorer:
    """Profiles of chosen old and new provisions, weighted by rarity across both versions.

    Built once, then only read: every method is a pure lookup or computation (lookup keys are
    worked out on first request and remembered, since most provisions never need them).
    """

    def __init__(
        self,
        old: Sequence[Provision],
        new: Sequence[Provision],
        old_ids: Collection[int],
        new_ids: Collection[int],
    ) -> None:
        old_words = {i: words_of(old[i]) for i in sorted(old_ids)}
        new_words = {j: words_of(new[j]) for j in sorted(new_ids)}
        documents = [*old_words.values(), *new_words.values()]
        documents.extend(_sample(old, new, old_ids, new_ids, _RARITY_SAMPLE - len(documents)))
        self.weight = rarity(documents)
        self._old = {i: profile(w, self.weight) for i, w in old_words.items()}
        self._new = {j: profile(w, self.weight) for j, w in new_words.items()}
        self._rank: dict[str, int] = {}
        self._old_keys: dict[int, tuple[str, ...]] = {}
        self._new_keys: dict[int, tuple[str, ...]] = {}
        self._shared: frozenset[str] | None = None

    def old_keys(self, indices: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """The index lookup keys of these old provisions."""
        return self._keys(self._old, self._old_keys, indices)

    def new_keys(self, indices: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """The index lookup keys of these new provisions."""
        return self._keys(self._new, self._new_keys, indices)

    def shared_old_keys(self, indices: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """Lookup keys of these old provisions chosen among words the new side has too."""
        return self._shared_keys(self._old, indices)

    def shared_new_keys(self, indices: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """Lookup keys of these new provisions chosen among words the old side has too."""
        return self._shared_keys(self._new, indices)

    def _shared_keys(
        self, profiles: dict[int, Profile], indices: Iterable[int]
    ) -> dict[int, tuple[str, ...]]:
        # A rewritten provision's rarest words are often its own alone: as lookup keys they
        # find nothing. Its rarest words that the other version also uses find its partner.
        if self._shared is None:
            old_words = frozenset().union(*(p.words for p in self._old.values()))
            new_words = frozenset().union(*(p.words for p in self._new.values()))
            self._shared = old_words & new_words
        self._keys(profiles, {}, ())  # ranks the words once
        return {k: lookup_keys(profiles[k].words & self._shared, self._rank) for k in indices}

    def _keys(
        self,
        profiles: dict[int, Profile],
        known: dict[int, tuple[str, ...]],
        indices: Iterable[int],
    ) -> dict[int, tuple[str, ...]]:
        if not self._rank:
            rarest_first = sorted(self.weight, key=lambda w: (-self.weight[w], w))
            self._rank.update((w, r) for r, w in enumerate(rarest_first))
        found = {}
        for k in indices:
            keys = known.get(k)
            if keys is None:
                keys = known[k] = lookup_keys(profiles[k].words, self._rank)
            found[k] = keys
        return found

    def old(self, i: int) -> Profile:
        return self._old[i]

    def new(self, j: int) -> Profile:
        return self._new[j]

    def has(self, side: str, index: int) -> bool:
        return index in (self._old if side == "old" else self._new)

    def similarity(self, i: int, j: int) -> float:
        return similarity(self._old[i], self._new[j], self.weight)

    def group_similarity(self, olds: Sequence[int], news: Sequence[int]) -> float:
        """Similarity of several old provisions read as one text against several new ones."""
        return similarity(self._group(self._old, olds), self._group(self._new, news), self.weight)

    def old_in(self, i: int, news: Sequence[int]) -> float:
        """How much of old ``i`` is found in the new provisions ``news`` read together."""
        return containment(self._old[i], self._group(self._new, news), self.weight)

    def new_in(self, j: int, olds: Sequence[int]) -> float:
        """How much of new ``j`` is found in the old provisions ``olds`` read together."""
        return containment(self._new[j], self._group(self._old, olds), self.weight)

    def _group(self, profiles: dict[int, Profile], members: Sequence[int]) -> Profile:
        if len(members) == 1:
            return profiles[members[0]]
        return joined((profiles[k] for k in members), self.weight)


def _sample(
    old: Sequence[Provision],
    new: Sequence[Provision],
    old_ids: Collection[int],
    new_ids: Collection[int],
    room: int,
) -> list[frozenset[str]]:
    rest = [p for i, p in enumerate(old) if i not in old_ids]
    rest += [p for j, p in enumerate(new) if j not in new_ids]
    if room <= 0 or not rest:
        return []
    step = max(1, math.ceil(len(rest) / room))
    return [words_of(p) for p in rest[::step]]
