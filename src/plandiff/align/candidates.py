"""Candidate partners for leftover provisions from an inverted index of rare words.

Scoring every old provision against every new one is quadratic (minutes at a thousand
provisions). Instead each leftover is looked up by its rarest words; a word found in more than
``DF_CAP`` of the provisions indexed is skipped as a lookup key. The cap is a fixed number on
purpose: a cap that grows with the input lets long posting lists back in and the cost becomes
super-linear again.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter

DF_CAP = 32
TOP_K = 5
# Lookup keys per provision: its rarest words. A few rare words pin a clause down; more keys
# only add work.
KEYS = 8


def lookup_keys(words: Iterable[str], rank: Mapping[str, int]) -> tuple[str, ...]:
    """The rarest ``KEYS`` words, by ``rank`` (0 = rarest; ties already broken by spelling)."""
    return tuple(sorted(words, key=rank.__getitem__)[:KEYS])


def candidates(
    old: Mapping[int, Sequence[str]], new: Mapping[int, Sequence[str]], *, k: int = TOP_K
) -> set[tuple[int, int]]:
    """Pairs (old index, new index) worth scoring: each side's top ``k`` by shared rare keys.

    ``old`` and ``new`` map provision indices to their lookup keys (``lookup_keys``).
    """
    pairs: set[tuple[int, int]] = set()
    for i, j in _top(old, new, k):
        pairs.add((i, j))
    for j, i in _top(new, old, k):
        pairs.add((i, j))
    return pairs


def _top(
    queries: Mapping[int, Sequence[str]], targets: Mapping[int, Sequence[str]], k: int
) -> list[tuple[int, int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for t in sorted(targets):
        for key in targets[t]:
            postings[key].append(t)
    short = {key: hits for key, hits in postings.items() if len(hits) <= DF_CAP}
    out: list[tuple[int, int]] = []
    empty: list[int] = []
    for q in sorted(queries):
        # Counting shared rare keys runs in C; ties keep the order of first appearance, which
        # follows the provisions' order, so the choice is deterministic.
        shared = Counter(chain.from_iterable(short.get(key, empty) for key in queries[q]))
        best = sorted(shared.items(), key=itemgetter(1), reverse=True)[
            :k
        ]  # stable: ties keep order
        out.extend((q, t) for t, _ in best)
    return out
