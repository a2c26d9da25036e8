"""Quantities read from prose — figures, money, percentages, durations, ratios, dates — with
what each one counts.

>>> [(q.value, q.unit) for q in quantities("capped at six hundred thousand (600,000) personnel")]
[(600000.0, 'personnel')]
>>> [(q.value, q.unit) for q in quantities("a fund of US$100bn")]
[(100000000000.0, 'usd')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from plandiff.findings.figures.numwords import MONTHS, SMALL, parse_words, trim_words, words_among
from plandiff.model.units import (
    CURRENCIES,
    CURRENCY_NAMES,
    CURRENCY_SIGNS,
    PERCENT_NAMES,
    PERCENT_SIGN,
    SCALES,
    SHORT_SCALES,
    SIGN_SYMBOLS,
    UNIT_NAMES,
    UNITS,
    alternation,
    squeezed,
)

_DIGITS = r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SMALL_WORD = "|".join(sorted(SMALL, key=len, reverse=True))
_ANY_WORD = _SMALL_WORD + "|" + "|".join(SCALES)
# "two hundred and fifty": "and" may follow a scale word only; checked again when parsing.
_WORDS = rf"(?:{_SMALL_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_ANY_WORD}))*"
_MONTH = "|".join(m.capitalize() for m in MONTHS)
_SIGNS = [s for c in CURRENCIES for s in c.signs]
_CODES = [code for c in CURRENCIES for code in c.codes]
# A code may stand apart from the figure ("USD 5 million"); a sign stands next to it.
_CURRENCY_SIGN = "|".join(
    (alternation(_SIGNS), *(rf"{re.escape(code)}\s?" for code in sorted(_CODES)))
)

# One scan finds every number core; alternatives are ordered so that the longest reading of a
# position wins (a date before its day number, a doubled form before its word part).
_CORE = re.compile(
    rf"""
    (?P<date_dmy>\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})\b)
  | (?P<date_mdy>\b(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})\b)
  | (?P<date_iso>\b(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})\b)
  | (?P<month_year>\b(?P<m4>{_MONTH})\s+(?P<y4>\d{{4}})\b)
  | (?P<ratio>\b(?P<r1>\d{{1,3}})\s?[:/]\s?(?P<r2>\d{{1,3}})\b(?![:/]\d))
  | (?P<fifty>\b(?i:fifty-fifty)\b)
  | (?P<doubled_w>\b(?P<dw_words>(?i:{_WORDS}))\s*\(\s*(?P<dw_digits>{_DIGITS})\s*\))
  | (?P<doubled_d>(?<![\w.,])(?P<dd_digits>{_DIGITS})\s*\(\s*(?P<dd_words>(?i:{_WORDS}))\s*\))
  | (?P<money>(?P<sign>{_CURRENCY_SIGN})\s?(?P<m_digits>{_DIGITS})(?![\w.,]\d))
  | (?P<digits>(?<![\w.,])(?P<plain>{_DIGITS})(?![.,]\d))
  | (?P<words>\b(?i:{_WORDS})\b)
    """,
    re.VERBOSE,
)
# "hundred" follows only number words: "6 hundred" is not read.
_SCALE_WORDS = [w for w in (*SCALES, *SHORT_SCALES) if w != "hundred"]
_SCALE_AFTER = re.compile(rf"\s?-?\s?(?P<scale>{alternation(_SCALE_WORDS)})\b", re.IGNORECASE)
_PERCENT_AFTER = re.compile(
    rf"\s?(?:{re.escape(PERCENT_SIGN)}|(?:{alternation(PERCENT_NAMES)})\b)", re.IGNORECASE
)
_CURRENCY_AFTER = re.compile(
    rf"\s(?P<cur>{alternation(n for c in CURRENCIES for n in (*c.names, *c.codes))})\b",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    rf"(?:\s+[a-z]+\b)?\s*-?\s*(?P<unit>{alternation(n for u in UNITS for n in u.names)})\b",
    re.IGNORECASE,
)
_PERIOD_NAMES = [n for u in UNITS if u.period for n in u.names]
_TIME_UNIT_NEXT = re.compile(rf"[\s-]+(?P<unit>{alternation(_PERIOD_NAMES)})\b", re.I)
_REFERENCE_WORDS = (
    "article", "point", "paragraph", "section", "clause", "resolution", "item", "no.", "number",
    "chapter", "annex", "protocol", "phase", "stage", "part",
)  # fmt: skip
_REFERENCE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(map(re.escape, _REFERENCE_WORDS))})\s*$", re.IGNORECASE
)
_DEADLINE_WORDS = (
    "within", "by", "before", "until", "after", "in", "no later than", "not later than",
    "no earlier than", "not earlier than", "up to", "starting", "from", "on",
)  # fmt: skip
_DEADLINE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(_DEADLINE_WORDS)})\s+(?:the\s+)?(?:first\s+|next\s+)?$", re.IGNORECASE
)
# The letters those searches can end on (in either case): the text before most figures ends
# otherwise, and a look at its last character spares the search, which tries every position.
_REFERENCE_ENDS = frozenset(w[-1] for w in _REFERENCE_WORDS for w in (w, w.upper()))
_DEADLINE_ENDS = frozenset(w[-1] for w in (*_DEADLINE_WORDS, "the", "first", "next")
                           for w in (w, w.upper()))  # fmt: skip
_PERSONNEL_BEFORE = re.compile(
    r"\b(?:armed forces|army|troops|military|personnel|soldiers|servicemen|forces)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.;:!?]\s")
# Scanning with _CORE at every character is slow; these find the few places worth trying.
_SIGN_OR_DIGIT = re.compile(rf"[\d{re.escape(''.join(sorted(SIGN_SYMBOLS)))}]")
# What a sign writes before its symbol ("US" of "US$"), and the codes.
_SIGN_HEADS = [s[: min(s.index(c) for c in SIGN_SYMBOLS if c in s)] for s in _SIGNS]
_CODE_OR_MONTH_BEFORE = re.compile(
    rf"(?:\b(?:{alternation(h for h in _SIGN_HEADS if h)})"
    rf"|\b(?:{alternation(_CODES)})\s?|\b(?:{_MONTH})\s+)$"
)
_START_WORDS = frozenset(SMALL)

TIME_UNITS = frozenset({"date", "year", *(u.quantity for u in UNITS if u.period)})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a text: its value, what it counts, and where it stands."""

    value: float
    unit: str
    text: str
    start: int
    end: int
    deadline: bool = False


def _digits(text: str) -> float:
    return float(re.sub(r"[,\u00a0\u202f]", "", text))


def _date(year: str, month: str, day: str) -> dt.date | None:
    month_no = int(month) if month.isdigit() else MONTHS[month.lower()]
    try:
        return dt.date(int(year), month_no, int(day))
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> tuple[float, str, int] | None:
    """Value, preliminary unit and end of the core; None when the match is not a quantity."""
    kind = m.lastgroup
    end = m.end()
    if kind == "date_dmy":
        day = _date(m["y1"], m["m1"], m["d1"])
    elif kind == "date_mdy":
        day = _date(m["y2"], m["m2"], m["d2"])
    elif kind == "date_iso":
        day = _date(m["y3"], m["m3"], m["d3"])
    elif kind == "month_year":
        day = _date(m["y4"], m["m4"], "1")
    else:
        day = None
        if kind == "ratio":
            first, second = float(m["r1"]), float(m["r2"])
            return (100 * first / (first + second), "ratio", end) if first + second else None
        if kind == "fifty":
            return 50.0, "ratio", end
        if kind == "doubled_w":
            return _digits(m["dw_digits"]), "count", end
        if kind == "doubled_d":
            return _digits(m["dd_digits"]), "count", end
        if kind == "money":
            return _digits(m["m_digits"]), CURRENCY_SIGNS[squeezed(m["sign"])].quantity, end
        if kind == "digits":
            return _digits(m["plain"]), "count", end
        words = trim_words(m["words"])
        value = parse_words(words)
        if value is None:
            return None
        return value, "count", m.start() + len(words)
    if day is None:
        return None
    return float(day.toordinal()), "date", end


def _starts(text: str) -> list[int]:
    """Where a number can begin: digits and currency signs (or the currency code or month
    name before them), and — only when the text has any — number words."""
    starts = []
    for m in _SIGN_OR_DIGIT.finditer(text):
        at = m.start()
        # A digit right after a digit cannot begin a number: every reading of one needs a word
        # boundary or no word character before it (``\d`` is ``str.isdecimal``).
        if at and text[at].isdecimal() and text[at - 1].isdecimal():
            continue
        before = _CODE_OR_MONTH_BEFORE.search(text, max(0, at - 14), at)
        if before:
            # "C4" is no Canadian amount: when nothing reads from the letters, the digit is
            # tried on its own (a reading from the letters covers it and skips it).
            starts.append(before.start())
        starts.append(at)
    present = words_among(text, _START_WORDS)
    for word in present:
        starts += [m.start() for m in _word_pattern(word).finditer(text)]
    starts.sort()
    return starts


@lru_cache(maxsize=64)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{word}\b", re.IGNORECASE)


def quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order; references such as "Article 5" are left out.

    >>> [(q.text, q.unit, q.deadline) for q in quantities("elections within thirty (30) days")]
    [('thirty (30) days', 'days', True)]
    """
    found: list[Quantity] = []
    pos = 0
    for at in _starts(text):
        if at < pos:
            continue
        m = _CORE.match(text, at)
        if m is None:
            continue
        pos = m.end()
        read = _from_match(m)
        if read is None:
            continue
        value, unit, end = read
        pos = end
        start = m.start()
        before = text[max(0, start - 40) : start]
        if unit == "count" and _ends_like(before, _REFERENCE_ENDS, _REFERENCE_BEFORE):
            continue
        kind = m.lastgroup
        if unit not in {"date", "ratio"}:
            value, unit, end = _suffixes(text, value, unit, end, kind)
        if unit == "count" and kind == "words" and value == 1:
            continue  # "one of the parties" is not a figure anyone negotiates
        if unit == "count" and kind == "digits" and m["plain"].isdigit() and 1900 <= value <= 2100:
            unit = "year"
        if unit == "count":
            sentence = _SENTENCE_BREAK.split(text[max(0, start - 100) : start])[-1]
            if _PERSONNEL_BEFORE.search(sentence):
                unit = "personnel"
        deadline = unit in TIME_UNITS and _ends_like(before, _DEADLINE_ENDS, _DEADLINE_BEFORE)
        found.append(Quantity(value, unit, text[start:end], start, end, deadline))
    return found


def _ends_like(before: str, ends: frozenset[str], pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` (anchored at the end, trailing spaces allowed) matches ``before``."""
    last = before.rstrip()[-1:]
    return last in ends and pattern.search(before) is not None


def _suffixes(
    text: str, value: float, unit: str, end: int, kind: str | None
) -> tuple[float, str, int]:
    """Read scale words, percent signs, currencies and counted nouns after a number."""
    scale = _SCALE_AFTER.match(text, end)
    if scale:
        word = scale["scale"].lower()
        short = word in SHORT_SCALES and word not in SCALES
        # "5 m" is five metres unless money is being talked about.
        if not short or unit != "count" or _CURRENCY_AFTER.match(text, scale.end()):
            value *= SCALES.get(word) or SHORT_SCALES[word]
            end = scale.end()
    if unit == "count":
        percent = _PERCENT_AFTER.match(text, end)
        if percent:
            return value, "percent", percent.end()
        currency = _CURRENCY_AFTER.match(text, end)
        if currency:
            return value, CURRENCY_NAMES[squeezed(currency["cur"])].quantity, currency.end()
        counted = _UNIT_AFTER.match(text, end)
        if counted:
            found = UNIT_NAMES[squeezed(counted["unit"])]
            unit = found.quantity
            if found.period:
                value *= found.factor
                close = _TIME_UNIT_NEXT.match(text, end)
                if close:  # "100 days" reads better than "100" in a headline
                    end = close.end()
    return value, unit, end
