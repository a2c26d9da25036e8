"""Similarity of provisions by shared words, where rare words and numbers weigh most."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from plandiff.model import Provision
from plandiff.text import STOPWORDS

# Punctuation becomes a space, so "forces." and "forces" are one word. Separators inside numbers
# go too ("600,000" → "600 000"): the rare "600" still ties the two versions of a clause.
_SEPARATORS = str.maketrans(
    dict.fromkeys("!\"#&()*+,./:;<=>?@[\\]^_`{|}~'-\u2018\u2019\u201c\u201d\u2013\u2014\u00a0", " ")
)
# A shared number says more about a clause than a shared word of the same rarity.
_NUMBER_WEIGHT = 1.5


def words_of(provision: Provision) -> Counter[str]:
    """The folded words of a provision's heading, text and sub-points, without stop words."""
    parts = [provision.text]
    if provision.heading:
        parts.append(provision.heading)
    for sub in provision.subpoints:
        parts.append(sub.text)
        parts.extend(child.text for child in sub.subpoints)
    text = " ".join(parts)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    counts = Counter(text.lower().translate(_SEPARATORS).split())
    for stop in STOPWORDS & counts.keys():
        del counts[stop]
    return counts


@dataclass(frozen=True, slots=True)
class Profile:
    """A provision's words, each weighted by count x rarity; ``norm`` is the sum of weights."""

    weights: Mapping[str, float]
    norm: float


def rarity(documents: Iterable[Counter[str]]) -> dict[str, float]:
    """The weight of each word: inverse document frequency (the BM25 form), more for numbers.

    Boilerplate such as "Ukraine" or "agreement" appears in most provisions of a peace plan and
    so weighs almost nothing, while "amnesty" or "600" decides the match.
    """
    df: Counter[str] = Counter()
    n = 0
    for counts in documents:
        df.update(counts.keys())
        n += 1
    return {
        w: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) * (_NUMBER_WEIGHT if w[0].isdigit() else 1.0)
        for w, d in df.items()
    }


def profile(counts: Counter[str], weight: Mapping[str, float]) -> Profile:
    """Weigh each word of a count by ``weight`` (every word must be in it: see ``rarity``)."""
    weights = {w: c * weight[w] for w, c in counts.items()}
    return Profile(weights, sum(weights.values()))


def _shared(a: Profile, b: Profile) -> float:
    small, large = (
        (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    )
    total = 0.0
    for w, x in small.items():
        y = large.get(w)
        if y is not None:
            total += x if x < y else y
    return total


def similarity(a: Profile, b: Profile) -> float:
    """Weighted Dice coefficient in [0, 1]: the share of weight the two profiles have in common."""
    denominator = a.norm + b.norm
    return 2.0 * _shared(a, b) / denominator if denominator > 0 else 0.0


def containment(part: Profile, whole: Profile) -> float:
    """How much of ``part``'s weight is found in ``whole``, in [0, 1]."""
    return _shared(part, whole) / part.norm if part.norm > 0 else 0.0


def joined(profiles: Iterable[Profile]) -> Profile:
    """The profile of several provisions read as one text."""
    weights: Counter[str] = Counter()
    for p in profiles:
        weights.update(p.weights)
    return Profile(dict(weights), sum(weights.values()))
