"""Candidate partners for leftover provisions from an inverted index of rare words.

Scoring every old provision against every new one is quadratic (minutes at a thousand
provisions). Instead each leftover is looked up by its rare words and word pairs; a word found
in more than ``DF_CAP`` leftovers is skipped as a lookup key. The cap is a fixed number on
purpose: a cap that grows with the input lets long posting lists back in and the cost becomes
super-linear again.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import pairwise

from plandiff.similarity import Profile

DF_CAP = 32
TOP_K = 5
_KEYS_PER_QUERY = 12


def _keys(profile: Profile) -> dict[str, float]:
    # Words are looked up alone and in pairs: on a large text with a small vocabulary single
    # words all exceed the cap, but pairs of rare-ish words still pin a clause down.
    words = sorted(profile.weights, key=lambda w: (-profile.weights[w], w))[:24]
    keys = {w: profile.weights[w] for w in words}
    for a, b in pairwise(words):
        keys[f"{a} {b}" if a < b else f"{b} {a}"] = profile.weights[a] + profile.weights[b]
    return keys


def candidates(
    old: Mapping[int, Profile], new: Mapping[int, Profile], *, k: int = TOP_K
) -> set[tuple[int, int]]:
    """Pairs (old index, new index) worth scoring: each side's top ``k`` by shared rare keys."""
    old_keys = {i: _keys(p) for i, p in sorted(old.items())}
    new_keys = {j: _keys(p) for j, p in sorted(new.items())}
    pairs: set[tuple[int, int]] = set()
    for i, j in _top(old_keys, new_keys, k):
        pairs.add((i, j))
    for j, i in _top(new_keys, old_keys, k):
        pairs.add((i, j))
    return pairs


def _top(
    queries: Mapping[int, dict[str, float]], targets: Mapping[int, dict[str, float]], k: int
) -> list[tuple[int, int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for t, keys in targets.items():
        for key in keys:
            postings[key].append(t)
    out: list[tuple[int, int]] = []
    for q, keys in queries.items():
        score: dict[int, float] = defaultdict(float)
        # The rarest keys first, and only a few of them: a key shared by few provisions says
        # much, and bounding the keys bounds the work per provision.
        usable = [(len(hits), key, hits) for key in keys if (hits := postings.get(key))]
        usable = [u for u in usable if u[0] <= DF_CAP]
        usable.sort()
        for _, key, hits in usable[:_KEYS_PER_QUERY]:
            weight = keys[key]
            for t in hits:
                score[t] += weight
        best: Sequence[tuple[float, int]] = heapq.nsmallest(k, ((-s, t) for t, s in score.items()))
        out.extend((q, t) for _, t in best)
    return out
