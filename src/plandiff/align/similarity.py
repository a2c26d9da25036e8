"""Similarity of provisions by shared words, where rare words and numbers weigh most."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from plandiff.model.plan import Provision
from plandiff.wording.tokens import STOPWORDS, unspaced_pairs

# Punctuation becomes a space, so "forces." and "forces" are one word. Separators inside numbers
# go too ("600,000" → "600 000"): the rare "600" still ties the two versions of a clause.
_SEPARATORS = str.maketrans(
    dict.fromkeys("!\"#&()*+,./:;<=>?@[\\]^_`{|}~'-\u2018\u2019\u201c\u201d\u2013\u2014\u00a0", " ")
)
# A shared number says more about a clause than a shared word of the same rarity.
_NUMBER_WEIGHT = 1.5


def words_of(provision: Provision) -> frozenset[str]:
    """The distinct folded words of a provision's heading, text and sub-points, less stop words.

    A set, not a count: whether a clause names "sanctions" once or twice hardly changes what it
    is about, and set operations run in C, which keeps pairing linear and fast.
    """
    parts = [provision.text]
    if provision.heading:
        parts.append(provision.heading)
    for sub in provision.subpoints:
        parts.append(sub.text)
        parts.extend(child.text for child in sub.subpoints)
    text = " ".join(parts) if len(parts) > 1 else provision.text
    if text.isascii():
        return frozenset(text.lower().translate(_SEPARATORS).split()) - STOPWORDS
    text = unicodedata.normalize("NFKC", text)
    # Chinese, Japanese or Thai has no spaces: its runs are weighed by character pairs.
    return unspaced_pairs(frozenset(text.lower().translate(_SEPARATORS).split())) - STOPWORDS


@dataclass(frozen=True, slots=True)
class Profile:
    """A provision's distinct words and their total weight."""

    words: frozenset[str]
    norm: float


def rarity(documents: Iterable[frozenset[str]]) -> dict[str, float]:
    """The weight of each word: inverse document frequency (the BM25 form), more for numbers.

    Boilerplate such as "Ukraine" or "agreement" appears in most provisions of a peace plan and
    so weighs almost nothing, while "amnesty" or "600" decides the match.
    """
    df: Counter[str] = Counter()
    n = 0
    for words in documents:
        df.update(words)
        n += 1
    return {
        w: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) * (_NUMBER_WEIGHT if w[0].isdigit() else 1.0)
        for w, d in df.items()
    }


def profile(words: frozenset[str], weight: Mapping[str, float]) -> Profile:
    """Weigh a provision's words (every word must be in ``weight``: see ``rarity``)."""
    return Profile(words, math.fsum(map(weight.__getitem__, words)))


def _shared(a: Profile, b: Profile, weight: Mapping[str, float]) -> float:
    return math.fsum(map(weight.__getitem__, a.words & b.words))


def similarity(a: Profile, b: Profile, weight: Mapping[str, float]) -> float:
    """Weighted Dice coefficient in [0, 1]: the share of weight the two profiles have in common."""
    denominator = a.norm + b.norm
    return 2.0 * _shared(a, b, weight) / denominator if denominator > 0 else 0.0


def containment(part: Profile, whole: Profile, weight: Mapping[str, float]) -> float:
    """How much of ``part``'s weight is found in ``whole``, in [0, 1]."""
    return _shared(part, whole, weight) / part.norm if part.norm > 0 else 0.0


def joined(profiles: Iterable[Profile], weight: Mapping[str, float]) -> Profile:
    """The profile of several provisions read as one text."""
    return profile(frozenset().union(*(p.words for p in profiles)), weight)
