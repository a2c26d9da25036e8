"""Tokens of plan text: words, whole numbers with their units, punctuation and white space."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from plandiff.model.units import CURRENCIES, PERCENT_NAMES, SCALES, SHORT_SCALES, UNITS, alternation

# A number keeps its currency, separators, decimals and unit in one token, so that a redline
# shows "600,000" → "800,000" and never "600" + ",000". The unit is glued by one ordinary or
# no-break space only: a line break ends the number.
_GLUE = "[ \u00a0]"
# Signs without a space in them; codes ("USD") are words of their own.
_SIGNS = [s for c in CURRENCIES for s in c.signs if " " not in s]
_CURRENCY = f"(?:{alternation(_SIGNS)})"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Scale words after digits; the one-letter forms ("5 m") are too often something else.
_SCALE = f"(?:{alternation(w for w in (*SCALES, *SHORT_SCALES) if len(w) > 1 and w != 'hundred')})"
_UNIT_NAMES = [n for u in UNITS if u.measure for n in u.names]
_UNIT_NAMES += [*PERCENT_NAMES, *(n for c in CURRENCIES for n in c.names)]
_UNIT = f"(?:{alternation(_UNIT_NAMES, _GLUE)})"
_NUMBER = (
    rf"{_CURRENCY}?{_DIGITS}"
    rf"(?:%|[ \u00a0]{_SCALE}(?:[ \u00a0]{_UNIT})?|[ \u00a0]{_UNIT})?(?!\w)"
)
# Only these characters can start a number; checking first makes tokenising a third faster.
_FIRSTS = "".join(sorted({s[0] for s in _SIGNS} | {s[0].lower() for s in _SIGNS}))
_NUMBER_START = rf"[\d{re.escape(_FIRSTS)}]"
# Hyphenated compounds and possessives stay whole: an edit never splits a word.
_WORD = r"\w+(?:['\u2019\-]\w+)*"
_TOKEN = re.compile(rf"(?={_NUMBER_START}){_NUMBER}|{_WORD}|\s+|[^\w\s]", re.IGNORECASE)
_CONTENT = re.compile(rf"{_NUMBER}|{_WORD}", re.IGNORECASE)
# Units of the word diff: a token with the white space that follows it. Diffing bare tokens
# makes difflib quadratic (the single-space token recurs everywhere) and ten times slower.
_UNIT_RE = re.compile(rf"(?:(?={_NUMBER_START}){_NUMBER}|{_WORD}|[^\w\s]|)\s*", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
    | {"\u00a0": " "}
)

# Words that say nothing about what a clause is about. Rare-word weighting (IDF) already damps
# frequent words in a long plan; this list keeps short plans, where IDF is noisy, honest too.
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "shall",
        "that",
        "the",
        "their",
        "this",
        "these",
        "those",
        "to",
        "was",
        "were",
        "will",
        "with",
        "within",
        "which",
        "who",
        "whom",
        "would",
        "should",
        "must",
        "may",
        "can",
        "not",
        "no",
        "any",
        "all",
        "each",
        "other",
        "such",
        "than",
        "then",
        "there",
        "upon",
        "under",
    }
)


def tokenize(text: str) -> tuple[str, ...]:
    """Split text into tokens whose concatenation is the text again.

    >>> tokenize("A cap of 600,000 troops.")
    ('A', ' ', 'cap', ' ', 'of', ' ', '600,000', ' ', 'troops', '.')
    """
    return tuple(_TOKEN.findall(text))


def diff_units(text: str) -> list[str]:
    """Split text into the units a word diff compares: a token with the white space after it.

    No token ends in white space, so ``unit.rstrip()`` is the token. Only text that starts
    with white space has a unit whose token is empty.

    >>> diff_units("Cap: 600,000 troops.")
    ['Cap', ': ', '600,000 ', 'troops', '.']
    """
    units = _UNIT_RE.findall(text)
    units.pop()  # the empty match at the very end
    return units


def common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix, found by halving: each slice comparison runs in C,
    so this is fast on long texts.

    >>> common_prefix("600,000 troops", "600,500 troops")
    4
    """
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def is_number(token: str) -> bool:
    """True for a number token such as ``600,000``, ``50%`` or ``$100 billion``."""
    return _is_number(token)


@lru_cache(maxsize=4096)
def _is_number(token: str) -> bool:
    return any(ch.isdigit() for ch in token) and re.fullmatch(_NUMBER, token, re.I) is not None


def normalize(text: str) -> str:
    """Text as compared for identity: Unicode-folded, case-folded, white space collapsed.

    >>> normalize("  The   Parties\u2019 \u201cdeal\u201d ")
    'the parties\\' "deal"'
    """
    if text.isascii():
        return " ".join(text.lower().split())
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return " ".join(folded.split())


def content_words(text: str) -> list[str]:
    """The words and numbers of a text, folded, without stop words: what similarity weighs.

    >>> content_words("Ukraine will keep 600,000 troops.")
    ['ukraine', 'keep', '600,000', 'troops']
    """
    return [w for w in _CONTENT.findall(normalize(text)) if w not in STOPWORDS]
