"""The words numbers are made of: number words and months (scales, units and currencies are in
``model/units.py``).

>>> parse_words("six hundred thousand")
600000.0
"""

from __future__ import annotations

import re
from functools import lru_cache

from plandiff.model.units import (
    CURRENCIES,
    PERCENT_NAMES,
    SCALES,
    SHORT_SCALES,
    SIGN_SYMBOLS,
    UNITS,
)

# Punctuation that separates words when looking for number words.
_PUNCTUATION = "-,.;:()[]'\"!?/"
SEPARATORS = str.maketrans({c: " " for c in _PUNCTUATION})
# The same cut of ASCII text done on bytes, about twice as fast; ``str.split`` also splits at
# 0x1C-0x1F, which ``bytes.split`` keeps, so those become spaces.
_ASCII_CUT = bytes(
    32 if chr(b) in _PUNCTUATION or 0x1C <= b <= 0x1F else ord(chr(b).lower()) for b in range(256)
)


def words_among(text: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """The words of ``vocabulary`` that ``text`` holds, cut at spaces and ``SEPARATORS``.

    >>> sorted(words_among("Six-month (six) delay", frozenset({"six", "month", "year"})))
    ['month', 'six']
    """
    if text.isascii():
        cut = text.encode("ascii").translate(_ASCII_CUT).split()
        return frozenset(w.decode("ascii") for w in _ascii_vocabulary(vocabulary).intersection(cut))
    return vocabulary.intersection(text.lower().translate(SEPARATORS).split())


@lru_cache(maxsize=8)
def _ascii_vocabulary(vocabulary: frozenset[str]) -> frozenset[bytes]:
    return frozenset(w.encode("ascii") for w in vocabulary if w.isascii())


SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
MONTHS = {
    name: number
    for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        start=1,
    )
}  # fmt: skip

# Words that make a figure or give one its meaning: with none of them and no digit or sign, a
# changed run holds no figure.
_FIGURE_WORDS = frozenset(
    (*SMALL, *SCALES, *SHORT_SCALES, *MONTHS, "cent", "armed", "army", "forces", "military",
     *(w for names in (PERCENT_NAMES, *((*c.names, *c.codes) for c in CURRENCIES),
                       *(u.names for u in UNITS)) for n in names for w in n.lower().split()))
)  # fmt: skip
_SIGN_OR_DIGIT_ANYWHERE = re.compile(rf"[\d%{re.escape(''.join(sorted(SIGN_SYMBOLS)))}]")


def may_hold_figures(text: str) -> bool:
    """False when ``text`` surely holds no figure and no word that gives one its meaning;
    a cheap test that lets unchanged figures go unread.

    >>> may_hold_figures("the parties agree"), may_hold_figures("within six months")
    (False, True)
    """
    if _SIGN_OR_DIGIT_ANYWHERE.search(text):
        return True
    return bool(words_among(text, _FIGURE_WORDS))


def parse_words(phrase: str) -> float | None:
    """The value of a number written in words, or None when the words are not a number.

    >>> parse_words("two hundred and fifty thousand")
    250000.0
    """
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word == "and":
            continue
        if word in SMALL:
            current += SMALL[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def trim_words(text: str) -> str:
    """Cut a word number at an "and" that does not follow a scale word ("one and two")."""
    parts = re.split(r"(\s+and\s+)", text)
    kept = parts[0]
    for joiner, nxt in zip(parts[1::2], parts[2::2], strict=True):
        if kept.lower().rsplit(None, 1)[-1].split("-")[-1] not in SCALES:
            break
        kept += joiner + nxt
    return kept
