"""Tokens of plan text: words, whole numbers with their units, punctuation and white space."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import pairwise

from plandiff.model.units import (
    CJK_DIGITS,
    CJK_LARGE_UNITS,
    CJK_SMALL_UNITS,
    CURRENCIES,
    PERCENT_NAMES,
    SCALES,
    SHORT_SCALES,
    UNITS,
    alternation,
)
from plandiff.wording.charclasses import MARKS, UNSPACED
from plandiff.wording.numerals import NUMERAL

# A number keeps its currency, separators, decimals and unit in one token, so that a redline
# shows "600,000" → "800,000" and never "600" + ",000". The unit is glued by one ordinary or
# no-break space only: a line break ends the number.
_GLUE = "[ \u00a0]"
# Signs without a space in them; codes ("USD") are words of their own.
_SIGNS = [s for c in CURRENCIES for s in c.signs if " " not in s]
_CURRENCY = f"(?:{alternation(_SIGNS)})"
_DIGITS = f"(?:{NUMERAL})"
# Scale words after digits; the one-letter forms ("5 m") are too often something else.
_SCALES = [w for w in (*SCALES, *SHORT_SCALES) if len(w) > 1 and w != "hundred"]
_UNIT_NAMES = [n for u in UNITS if u.measure for n in u.names]
_UNIT_NAMES += [*PERCENT_NAMES, *(n for c in CURRENCIES for n in c.names)]


# Latin letters with their accents, general punctuation and currency signs: text made only of
# these (most plans) is tokenised by the patterns for ASCII, whose vocabulary it can hold.
_LATIN = re.compile("[\x00-\u02ff\u2000-\u20cf]*")


def latin(text: str) -> bool:
    """Whether ``text`` is written in Latin letters (with accents precomposed), punctuation
    and currency signs only: no combining marks, no other script.

    >>> latin("Élections à Kyiv — €5 million"), latin("Київ"), latin("上限")
    (True, False, False)
    """
    return text.isascii() or _LATIN.fullmatch(text) is not None


def _suffix(wide: bool) -> str:
    """A scale, unit or percent sign after the digits; Latin text needs only Latin words."""
    scales = _SCALES if wide else [w for w in _SCALES if latin(w)]
    units = _UNIT_NAMES if wide else [w for w in _UNIT_NAMES if latin(w)]
    scale, unit = f"(?:{alternation(scales)})", f"(?:{alternation(units, _GLUE)})"
    return rf"(?:%|{_GLUE}{scale}(?:{_GLUE}{unit})?|{_GLUE}{unit})?"


_NUMBER = rf"{_CURRENCY}?{_DIGITS}{_suffix(False)}(?!\w)"
# In text that is not ASCII a figure may carry a Chinese scale ("60万") and be followed by a
# Chinese or Japanese character; a letter or mark of a spaced script still ends no figure.
_CJK_SCALE = f"[{''.join(CJK_LARGE_UNITS)}千]"
_WIDE_NUMBER = rf"{_CURRENCY}?{_DIGITS}(?:{_CJK_SCALE}|{_suffix(True)})(?!\w|[{MARKS}])"
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

# Text beyond ASCII has more kinds of token. A word keeps its combining marks (Thai and
# Devanagari vowel signs, Arabic and Hebrew vowel points, accents written apart), which Python
# does not count as word characters. Scripts written without spaces (Chinese, Japanese, Thai,
# Lao, Khmer, Myanmar) have no word boundaries a tokenizer can see without a dictionary: each
# character (with its marks) is a token, and a run of Chinese numerals ("六十万") is one, so a
# redline shows 六十万 → 八十万 whole. Similarity reads those scripts by character pairs.
_CJK_NUMERALS = "".join((*CJK_DIGITS, *CJK_SMALL_UNITS, *CJK_LARGE_UNITS))
_CJK_NUMERAL = f"[{_CJK_NUMERALS}]+"
# A word of a spaced script: word characters and marks, joined by an apostrophe or hyphen
# before another word character. Each character class beyond Latin-1 costs Python's regular
# expression compiler a few milliseconds, so the marks are named once per pattern here.
_WIDE_WORD = rf"(?=\w)(?:\w|[{MARKS}]|['\u2019\-](?=\w))+"
_WIDE = rf"(?={_NUMBER_START}){_WIDE_NUMBER}|{_CJK_NUMERAL}|{_WIDE_WORD}"


# The patterns for text beyond ASCII are compiled on first use, one by one: each character
# class beyond Latin-1 costs Python's compiler a few milliseconds, which a plan in English
# never needs to spend. Text is first cut into runs of unspaced letters and the rest, so that
# the patterns for the rest need not name the unspaced letters.
@cache
def _runs() -> re.Pattern[str]:
    """Unspaced letters (Chinese numerals aside) with their marks; ``split`` keeps them."""
    return re.compile(rf"((?:(?![{_CJK_NUMERALS}])[{UNSPACED}][{MARKS}]*)+)")


@cache
def _similar_runs() -> re.Pattern[str]:
    """The same runs, numerals in them, for similarity: "六十万人" and "八十万人" share 十万."""
    return re.compile(rf"((?:[{UNSPACED}][{MARKS}]*)+)")


@cache
def _wide_token() -> re.Pattern[str]:
    return re.compile(rf"{_WIDE}|\s+|[^\w\s]", re.IGNORECASE)


@cache
def _wide_content() -> re.Pattern[str]:
    return re.compile(_WIDE, re.IGNORECASE)


@cache
def _wide_unit() -> re.Pattern[str]:
    return re.compile(rf"(?:{_WIDE}|[^\w\s]|)\s*", re.IGNORECASE)


def _letters(run: str) -> list[str]:
    """A run of unspaced letters as its letters, each with the marks after it."""
    out: list[str] = []
    for ch in run:
        if out and unicodedata.category(ch)[0] == "M":
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _wide_tokens(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Tokens (or diff units) of text beyond ASCII: letter by letter in unspaced runs."""
    parts = _runs().split(text)
    found: list[str] = []
    for k, part in enumerate(parts):
        if k % 2:
            found.extend(_letters(part))
        elif part:
            found.extend(pattern.findall(part))
    return found


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
    if latin(text):
        return tuple(_TOKEN.findall(text))
    return tuple(_wide_tokens(text, _wide_token()))


def diff_units(text: str) -> list[str]:
    """Split text into the units a word diff compares: a token with the white space after it.

    No token ends in white space, so ``unit.rstrip()`` is the token. Only text that starts
    with white space has a unit whose token is empty.

    >>> diff_units("Cap: 600,000 troops.")
    ['Cap', ': ', '600,000 ', 'troops', '.']
    """
    if not latin(text):
        return _wide_units(text)
    units = _UNIT_RE.findall(text)
    units.pop()  # the empty match at the very end
    return units


def _wide_units(text: str) -> list[str]:
    # White space after an unspaced run opens the next part: it joins the unit before it.
    units: list[str] = []
    for unit in _wide_tokens(text, _wide_unit()):
        if units and unit and unit.isspace():
            units[-1] += unit
        elif unit:
            units.append(unit)
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
    pattern = _NUMBER if latin(token) else _WIDE_NUMBER
    return any(ch.isdigit() for ch in token) and re.fullmatch(pattern, token, re.I) is not None


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
    >>> content_words("军队人数上限为六十万人")
    ['军队', '队人', '人数', '数上', '上限', '限为', '为六', '六十', '十万', '万人']
    """
    folded = normalize(text)
    if latin(folded):
        return [w for w in _CONTENT.findall(folded) if w not in STOPWORDS]
    found: list[str] = []
    for k, part in enumerate(_similar_runs().split(folded)):
        found.extend(pairs(part) if k % 2 else _wide_content().findall(part))
    return [w for w in found if w not in STOPWORDS]


def pairs(run: str) -> list[str]:
    """A run of characters of a script written without spaces, as the character pairs that
    similarity weighs (a lone character stands for itself).

    >>> pairs("上限为"), pairs("人")
    (['上限', '限为'], ['人'])
    """
    chars = _letters(run)
    if len(chars) < 2:
        return chars
    return [a + b for a, b in pairwise(chars)]


def unspaced_pairs(words: frozenset[str]) -> frozenset[str]:
    """``words`` with each run of an unspaced script cut into character pairs, the other
    words kept: "限为六十万人" shares "十万" with "限为八十万人", where whole they share nothing.

    >>> sorted(unspaced_pairs(frozenset({"nato", "上限为六十万人"})))
    ['nato', '万人', '上限', '为六', '六十', '十万', '限为']
    """
    if all(map(latin, words)):
        return words  # no unspaced script, and the pattern need not be compiled
    similar = _similar_runs()
    found: set[str] = set()
    cut = False
    for word in words:
        parts = similar.split(word)
        if len(parts) == 1:
            found.add(word)
            continue
        cut = True
        for k, part in enumerate(parts):
            if k % 2:
                found.update(pairs(part))
            elif part:
                found.add(part)
    return frozenset(found) if cut else words
