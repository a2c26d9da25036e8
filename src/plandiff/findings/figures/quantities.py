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
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from plandiff.findings.figures.numwords import (
    GERMAN_NUMBER,
    MONTHS,
    START_WORDS,
    cjk_value,
    may_hold_german_number,
    parse_words,
    words_among,
)
from plandiff.findings.figures.patterns import (
    DEADLINE_BEFORE,
    DEADLINE_ENDS,
    REFERENCE_ENDS,
    SENTENCE_BREAK,
    SIGN_OR_DIGIT,
    Patterns,
    patterns,
)
from plandiff.findings.references import reference_numbers
from plandiff.model.units import (
    CJK_DIGITS,
    CJK_LARGE_UNITS,
    CJK_SMALL_UNITS,
    CURRENCY_NAMES,
    CURRENCY_SIGNS,
    SCALES,
    SHORT_SCALES,
    UNIT_NAMES,
    UNITS,
    UNSPACED_SCALES,
    squeezed,
)
from plandiff.wording.numerals import digit_scripts, numeral_value
from plandiff.wording.tokens import latin

TIME_UNITS = frozenset({"date", "year", *(u.quantity for u in UNITS if u.period)})
_CJK = frozenset((*CJK_DIGITS, *CJK_SMALL_UNITS, *CJK_LARGE_UNITS))
_SEPARATORS = frozenset(".,'\u2019\u066b\u066c")
# Names of years that follow a calendar year rather than count years ("2025 года", "2025年").
_CALENDAR_YEAR = frozenset({"года", "год", "году", "року", "рік", "年"})
# Nouns that count persons of any kind ("60万人", "600 тысяч человек"): personnel when the
# sentence is about armed forces, people otherwise.
_GENERIC_PEOPLE = frozenset(
    {"人", "名", "человек", "людей", "осіб", "คน", "άτομα", "ατόμων", "אנשים", "فرد", "شخص",
     "أشخاص"}
)  # fmt: skip
_PERSONS = "persons"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a text: its value, what it counts, and where it stands."""

    value: float
    unit: str
    text: str
    start: int
    end: int
    deadline: bool = False
    scripts: tuple[str, ...] = ()  # the digit scripts of a figure that mixes them


def _date(year: str, month: str, day: str) -> dt.date | None:
    month_no = int(month) if month.isdecimal() else MONTHS[month.lower()]
    try:
        return dt.date(int(year), month_no, int(day))
    except ValueError:
        return None


def _from_match(m: re.Match[str], decimal: str | None) -> tuple[float, str, int] | None:
    """Value, preliminary unit and end of the core; None when the match is not a quantity."""
    kind = m.lastgroup
    end = m.end()
    if kind == "words":
        # "thirty (30)" is read from its digits; the pattern lets "and" follow a scale word
        # only, so "one and two" is read as "one".
        digits = m["dw_digits"]
        value = numeral_value(digits, decimal) if digits else parse_words(m["spelled"])
        return (value, "count", end) if value is not None else None
    if kind in _DATES:
        year, month, day = (m[g] if g else "1" for g in _DATES[kind])
        found = _date(year, month, day)
        return (float(found.toordinal()), "date", end) if found else None
    if kind == "ratio":
        first, second = float(m["r1"]), float(m["r2"])
        return (100 * first / (first + second), "ratio", end) if first + second else None
    if kind == "fifty":
        return 50.0, "ratio", end
    if kind in _NUMERALS:
        value = numeral_value(m[_NUMERALS[kind]], decimal)
        if value is None:
            return None
        unit = CURRENCY_SIGNS[squeezed(m["sign"])].quantity if kind == "money" else "count"
        return value, unit, end
    if kind == "cjk_percent":
        value = cjk_value(m["cp"])
        return (value, "percent", end) if value is not None else None
    if kind == "cjk":
        value = cjk_value(m["cjk"])
        return (value, "count", end) if value is not None else None
    return None


# The groups of each kind of date (year, month, day), and the numeral group of each kind read
# from digits.
_DATES = {
    "date_dmy": ("y1", "m1", "d1"),
    "date_mdy": ("y2", "m2", "d2"),
    "date_iso": ("y3", "m3", "d3"),
    "date_cjk": ("y5", "m5", "d5"),
    "month_year": ("y4", "m4", None),
}
_NUMERALS = {"money": "m_digits", "digits": "plain"}


def _starts(text: str, pat: Patterns) -> list[tuple[int, bool]]:
    """Where a number can begin, in order: digits, currency signs and Chinese numerals (or the
    currency code or month name before them), and — only when the text has any — number
    words, each marked True (a number word, where only ``pat.spelled`` can match)."""
    starts = []
    for m in SIGN_OR_DIGIT.finditer(text):
        at = m.start()
        if at and _continues(text, at):
            continue
        # Only a letter (or a letter and a blank, or "U.S." before "$") can end a code or a
        # month: the search is spared at the groups of "1 000 000".
        last = text[at - 1 : at]
        if last.isspace():
            last = text[at - 2 : at - 1]
        before = (
            pat.code_or_month_before.search(text, max(0, at - 14), at)
            if last.isalpha() or (last == "." and not text[at].isdecimal())
            else None
        )
        if before:
            # "May 12 observers" holds no date: when nothing reads from the word before, the
            # digit is tried on its own (a reading from the word covers it and skips it).
            starts.append((before.start(), False))
        starts.append((at, False))
    spelled = [
        m.start() for w in words_among(text, START_WORDS) for m in _word_pattern(w).finditer(text)
    ]
    if may_hold_german_number(text):
        spelled += [m.start() for m in GERMAN_NUMBER.finditer(text)]
    if spelled:
        # A place that is also a code's or month's start ("März"? none today) reads in full.
        others = {at for at, _ in starts}
        starts += [(at, True) for at in spelled if at not in others]
    starts.sort()
    return starts


def _continues(text: str, at: int) -> bool:
    """Whether the digit or Chinese numeral at ``at`` goes on a number begun before it: right
    after a digit, or after a digit and a separator ("1.000"), or after another numeral. Every
    reading of a number needs no word character or separator before it."""
    ch, before = text[at], text[at - 1]
    if ch.isdecimal():
        return before.isdecimal() or (before in _SEPARATORS and text[at - 2 : at - 1].isdecimal())
    return ch in _CJK and before in _CJK


@lru_cache(maxsize=256)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


def quantities(text: str, decimal: str | None = None) -> list[Quantity]:
    """Every quantity in ``text``, in order; references such as "Article 5" are left out.

    ``decimal`` is the decimal separator of the text's notation when it is known (see
    ``wording.numerals.Notation``): it settles a lone period or comma before three digits.

    >>> [(q.text, q.unit, q.deadline) for q in quantities("elections within thirty (30) days")]
    [('thirty (30) days', 'days', True)]
    >>> [(q.value, q.unit) for q in quantities("численность армии — 600 000 военнослужащих")]
    [(600000.0, 'personnel')]
    >>> [(q.value, q.unit) for q in quantities("军队人数上限为六十万人")]
    [(600000.0, 'personnel')]
    """
    found: list[Quantity] = []
    pos = 0
    pat = patterns(not latin(text))
    referred = reference_numbers(text)
    for at, word in _starts(text, pat):
        if at < pos:
            continue
        m = (pat.spelled if word else pat.core).match(text, at)
        if m is None:
            continue
        pos = m.end()
        read = _from_match(m, decimal)
        if read is None:
            continue
        value, unit, end = read
        pos = end
        if value == 1 and word and m["dw_digits"] is None and not pat.any_suffix.match(text, end):
            continue  # a lone "one", which is kept only with a scale, sign or noun after it
        start = m.start()
        before = text[max(0, start - 40) : start]
        if unit == "count" and (
            _ends_like(before, REFERENCE_ENDS, pat.reference_before) or _within(referred, start)
        ):
            continue
        kind = m.lastgroup
        if unit not in {"date", "ratio", "percent"}:
            value, unit, end = _suffixes(text, value, unit, end, pat)
            pos = end  # "60万人": the scale and the noun are this figure's, not new ones
        doubled = kind == "words" and m["dw_digits"] is not None
        if unit == "count" and kind in ("words", "cjk") and value == 1 and not doubled:
            continue  # "one of the parties" is not a figure anyone negotiates
        if unit == "count" and kind == "cjk" and text[end : end + 1] == "分":
            continue  # 十分 is "very", not ten
        year_like = kind == "digits" and m["plain"].isdigit() and 1900 <= value <= 2100
        if year_like and (
            unit == "count" or (unit == "years" and _calendar_year(text, m.end(), pat))
        ):
            unit = "year"
        if unit in ("count", _PERSONS):
            sentence = SENTENCE_BREAK.split(text[max(0, start - 100) : start])[-1]
            if pat.personnel_before.search(sentence):
                unit = "personnel"
            elif unit == _PERSONS:
                unit = "people"
        deadline = unit in TIME_UNITS and _ends_like(before, DEADLINE_ENDS, DEADLINE_BEFORE)
        numeral = m[_NUMERALS[kind]] if kind in _NUMERALS else m["dw_digits"] if doubled else ""
        scripts = digit_scripts(numeral) if numeral and not numeral.isascii() else ()
        found.append(Quantity(value, unit, text[start:end], start, end, deadline, scripts))
    return found


def _within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` falls inside one of ``spans`` (sorted, not overlapping)."""
    k = bisect_right(spans, (at + 1, -1)) - 1  # the last span that starts at or before ``at``
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _calendar_year(text: str, end: int, pat: Patterns) -> bool:
    """Whether the years named right after ``end`` are a calendar year ("2025 года")."""
    named = pat.unit_after.match(text, end)
    return named is not None and squeezed(named["unit"] or named["cjk_unit"]) in _CALENDAR_YEAR


def _ends_like(before: str, ends: frozenset[str], pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` (anchored at the end, trailing spaces allowed) matches ``before``."""
    last = before.rstrip()[-1:]
    return last in ends and pattern.search(before) is not None


def _suffixes(
    text: str, value: float, unit: str, end: int, pat: Patterns
) -> tuple[float, str, int]:
    """Read scale words, percent signs, currencies and counted nouns after a number."""
    if not pat.any_suffix.match(text, end):
        return value, unit, end
    scale = pat.scale_after.match(text, end)
    if scale:
        word = (scale["scale"] or scale["abbr"] or "").lower()
        short = word in SHORT_SCALES and word not in SCALES
        # "5 m" is five metres unless money is being talked about.
        if not short or unit != "count" or pat.currency_after.match(text, scale.end()):
            value *= (
                UNSPACED_SCALES[scale["cjk_scale"]]
                if scale["cjk_scale"]
                else (SCALES.get(word) or SHORT_SCALES[word])
            )
            end = scale.end()
    if unit == "count":
        percent = pat.percent_after.match(text, end)
        if percent:
            return value, "percent", percent.end()
        currency = pat.currency_after.match(text, end)
        if currency:
            name = currency["cur"] or currency["cjk_cur"]
            return value, CURRENCY_NAMES[squeezed(name)].quantity, currency.end()
        counted = pat.unit_after.match(text, end)
        if counted:
            noun = squeezed(counted["unit"] or counted["cjk_unit"])
            found = UNIT_NAMES[noun]
            unit = _PERSONS if noun in _GENERIC_PEOPLE else found.quantity
            if found.period:
                value *= found.factor
                close = pat.time_unit_next.match(text, end)
                if close:  # "100 days" reads better than "100" in a headline
                    end = close.end()
            elif counted["cjk_unit"] and counted.start("cjk_unit") == end:
                end = counted.end()  # "六十万人" is one figure
    return value, unit, end
