"""The regular expressions that find figures, compiled from the one table of units and currencies.

Every pattern here runs in time proportional to the text it reads: no two quantifiers can take
the same characters (possessive ``++``/``*+`` where a run of blanks could otherwise be split
between two of them), and a run that may stand between a figure and its unit is bounded.

| pattern | why it cannot backtrack far |
|---|---|
| ``CORE`` | one alternative per notation; numerals are ``NUMERAL`` (disjoint groups);
  number words are joined by possessive runs, "and" only after a scale word |
| ``SCALE_AFTER``, ``PERCENT_AFTER`` | at most one blank, one hyphen, one blank |
| ``CURRENCY_AFTER`` | one blank (or none before a Chinese name), then a literal alternation |
| ``UNIT_AFTER`` | one optional word in possessive runs, then possessive blanks around one hyphen |
| ``TIME_UNIT_NEXT`` | a possessive run of blanks and hyphens, then a literal alternation |
| ``REFERENCE_BEFORE``, ``DEADLINE_BEFORE`` | searched in the 40 characters before a figure only |
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from plandiff.findings.figures.numwords import (
    CYRILLIC_MONTHS,
    ENGLISH_MONTHS,
    FRENCH_AFTER_ET,
    FRENCH_TENS,
    GERMAN_JOINS,
    GERMAN_PARTS,
    MULTIPLIERS,
    OPENING_SCALES,
    SMALL,
    SPANISH_TENS,
    SPANISH_UNITS,
)
from plandiff.model.units import (
    CJK_DIGITS,
    CJK_LARGE_UNITS,
    CJK_SMALL_UNITS,
    CURRENCIES,
    PERCENT_NAMES,
    SCALES,
    SHORT_SCALES,
    SIGN_SYMBOLS,
    UNITS,
    UNSPACED_SCALES,
    alternation,
    is_unspaced,
)
from plandiff.wording.numerals import NUMERAL
from plandiff.wording.tokens import latin

CJK_NUMERALS = "".join((*CJK_DIGITS, *CJK_SMALL_UNITS, *CJK_LARGE_UNITS))
# One character class, which the regular expression engine scans for fastest.
SIGN_OR_DIGIT = re.compile(rf"[\d{re.escape(''.join(sorted(SIGN_SYMBOLS)))}{CJK_NUMERALS}]")
SENTENCE_BREAK = re.compile(r"[.;:!?]\s|[。；！？]")

REFERENCE_WORDS = (
    "article", "point", "paragraph", "section", "clause", "resolution", "item", "no.", "number",
    "chapter", "annex", "protocol", "phase", "stage", "part", "пункт", "пункта", "пункте",
    "пунктом", "пункту", "статья", "статьи", "статье", "статьей", "стаття", "статті",
    "статтею", "раздел", "розділ", "глава", "приложение", "додаток", "п.", "ст.",
)  # fmt: skip
DEADLINE_WORDS = (
    "within", "by", "before", "until", "after", "in", "no later than", "not later than",
    "no earlier than", "not earlier than", "up to", "starting", "from", "on",
)  # fmt: skip
DEADLINE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(DEADLINE_WORDS)})\s+(?:the\s+)?(?:first\s+|next\s+)?$", re.IGNORECASE
)
# The characters those searches can end on (in either case): the text before most figures ends
# otherwise, and a look at its last character spares the search, which tries every position.
REFERENCE_ENDS = frozenset(w[-1] for w in (*REFERENCE_WORDS, "第") for w in (w, w.upper()))
DEADLINE_ENDS = frozenset(w[-1] for w in (*DEADLINE_WORDS, "the", "first", "next")
                          for w in (w, w.upper()))  # fmt: skip
_PERSONNEL_WORDS = (
    "armed forces", "army", "troops", "military", "personnel", "soldiers", "servicemen",
    "forces", "forces armées", "armée", "Streitkräfte", "Armee", "Truppen", "fuerzas armadas",
    "ejército", "tropas", "вооружённых сил", "вооруженных сил", "вооружённые силы",
    "вооруженные силы",
    "армии", "армия", "войск", "военнослужащих", "збройних сил", "збройні сили", "армії",
    "військ", "військовослужбовців", "ένοπλες δυνάμεις", "στρατός", "στρατού",
    "הכוחות המזוינים", "צבא", "القوات المسلحة", "الجيش",
)  # fmt: skip
_PERSONNEL_UNSPACED = ("军", "軍", "部队", "部隊", "兵力", "自衛隊", "กองทัพ", "ทหาร")
# Abbreviated scales keep their period ("600 тыс. человек"); a full word leaves the period
# of a sentence alone.
_ABBREVIATED = ("тыс", "млн", "млрд", "трлн", "тис", "mio", "mrd")
# Not right after a letter or digit of a spaced script, nor after a separator: "A5", "1.2"
# are no figures. After a Chinese, Japanese or Thai character a figure may start ("为60万人").
_LEFT = r"(?<![.,])(?<![^\W\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f])"
_N = f"(?:{NUMERAL})"
_NAME = re.compile(r"\(\?P<\w+>")


class Patterns(NamedTuple):
    """The patterns that read figures, for one range of text (see ``patterns``)."""

    core: re.Pattern[str]
    spelled: re.Pattern[str]  # the alternatives of ``core`` that begin with a number word
    scale_after: re.Pattern[str]
    percent_after: re.Pattern[str]
    currency_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    any_suffix: re.Pattern[str]  # any of the four before it: when it fails, none matches
    time_unit_next: re.Pattern[str]
    reference_before: re.Pattern[str]
    personnel_before: re.Pattern[str]
    code_or_month_before: re.Pattern[str]


@cache
def patterns(wide: bool) -> Patterns:
    """The patterns for Latin text (``wide`` False: only spellings in Latin letters, which
    compile in a fraction of the time; see ``wording.tokens.latin``) or for any text (every
    language's words), each compiled on first use."""

    def kept(names: Iterable[str]) -> list[str]:
        return list(names) if wide else [n for n in names if latin(n)]

    def split(names: Iterable[str]) -> tuple[str, str]:
        # Names of spaced scripts end at a word boundary; those of unspaced scripts end
        # anywhere and need no space before them ("60万人").
        names = kept(names)
        spaced = alternation(n for n in names if not is_unspaced(n)) or "(?!)"
        return spaced, alternation(n for n in names if is_unspaced(n)) or "(?!)"

    # A number word, a scale word that opens a number ("mil millones") or a German number of
    # several parts in one word ("sechshunderttausend"); then more of them.
    german = alternation((*GERMAN_PARTS, *GERMAN_JOINS))
    small = rf"{alternation(kept([*SMALL, *OPENING_SCALES]))}|(?:{german}){{2,}}+"
    word = alternation(kept([*SMALL, *SCALES, *MULTIPLIERS]))
    # "two hundred and fifty": "and" (English) only after a scale word, before a number word;
    # "vingt et un" (French) after tens, before one or eleven; "treinta y cinco" (Spanish)
    # after tens. Each joiner is read with the word before it, so no look behind is needed.
    english = alternation(w for w in SMALL if w.isascii())
    joined = (
        rf"(?:{alternation(w for w in SCALES if w.isascii())})\b"
        rf"(?:\s++and(?=[\s-]++(?:{english})\b))?"
        rf"|(?:{alternation(FRENCH_TENS)})\b"
        rf"(?:\s++et(?=[\s-]++(?:{alternation(FRENCH_AFTER_ET)})\b))?"
        rf"|(?:{alternation(SPANISH_TENS)})\b(?:\s++y(?=\s++(?:{alternation(SPANISH_UNITS)})\b))?"
    )
    words = rf"(?:{joined}|(?:{small})\b)(?:[\s-]++(?:{joined}|(?:{word})\b))*+"
    month = "|".join([*(m.capitalize() for m in ENGLISH_MONTHS), *kept(CYRILLIC_MONTHS)])
    signs = kept(s for c in CURRENCIES for s in c.signs)
    codes = [code for c in CURRENCIES for code in c.codes]
    # A code may stand apart from the figure ("USD 5 million"); a sign stands next to it.
    currency_sign = "|".join((alternation(signs), *(rf"{re.escape(c)}\s?" for c in sorted(codes))))
    cjk_run = f"[{CJK_NUMERALS}]++"
    unspaced = (
        rf"""
  | (?P<date_cjk>(?P<y5>\d{{4}})\s?年\s?(?P<m5>\d{{1,2}})\s?月\s?(?P<d5>\d{{1,2}})\s?日)
  | (?P<cjk_percent>百分之(?P<cp>{cjk_run}))
  | (?P<cjk>{cjk_run})"""
        if wide
        else ""
    )
    # One scan finds every number core; alternatives are ordered so that the longest reading
    # of a position wins (a date before its day number). The legal doubled form, "thirty (30)"
    # or "30 (thirty)", is read with the digits or words it begins with.
    fifty = r"(?P<fifty>\b(?i:fifty-fifty)\b)"
    spelled = rf"""(?P<words>\b(?P<spelled>(?i:{words}))
        (?:\s{{0,3}}\(\s{{0,3}}(?P<dw_digits>{_N})\s{{0,3}}\)|\b))"""
    core = re.compile(
        rf"""
    (?P<date_dmy>\b(?P<d1>\d{{1,2}})\s{{1,3}}(?P<m1>{month})\s{{1,3}}(?P<y1>\d{{4}})\b)
  | (?P<date_mdy>\b(?P<m2>{month})\s{{1,3}}(?P<d2>\d{{1,2}}),?\s{{1,3}}(?P<y2>\d{{4}})\b)
  | (?P<date_iso>\b(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})\b)
  | (?P<month_year>\b(?P<m4>{month})\s{{1,3}}(?P<y4>\d{{4}})\b)
  | (?P<ratio>\b(?P<r1>\d{{1,3}})\s?[:/]\s?(?P<r2>\d{{1,3}})\b(?![:/]\d))
  | {fifty}
  | (?P<money>(?P<sign>{currency_sign})\s?(?P<m_digits>{_N})(?![\w.,]\d))
  | (?P<digits>{_LEFT}(?P<plain>{_N})
        (?:\s{{0,3}}\(\s{{0,3}}(?i:{words})\s{{0,3}}\))?){unspaced}
  | {spelled}
        """,
        re.VERBOSE,
    )
    # "hundred" follows only number words: "6 hundred" is not read.
    scales, _ = split(w for w in (*SCALES, *SHORT_SCALES) if w != "hundred")
    percent, percent_unspaced = split([*PERCENT_NAMES, "パーセント"])
    currency, currency_unspaced = split(n for c in CURRENCIES for n in (*c.names, *c.codes))
    unit, unit_unspaced = split(n for u in UNITS for n in u.names)
    period, period_unspaced = split(n for u in UNITS if u.period for n in u.names)
    personnel = alternation(kept(_PERSONNEL_WORDS))
    personnel_unspaced = alternation(_PERSONNEL_UNSPACED) if wide else "(?!)"
    heads = [s[: min(s.index(c) for c in SIGN_SYMBOLS if c in s)] for s in signs]
    unspaced_scales = alternation(UNSPACED_SCALES) if wide else "(?!)"
    abbreviated = alternation(kept(_ABBREVIATED)) or "(?!)"
    scale_after = (
        rf"\s?-?\s?(?:(?P<abbr>{abbreviated})\.|(?P<scale>{scales})\b"
        rf"|(?P<cjk_scale>{unspaced_scales}))"
    )
    percent_after = rf"\s?(?:[%％]|(?:{percent})\b|{percent_unspaced})"
    currency_after = rf"\s(?P<cur>{currency})\b|\s?(?P<cjk_cur>{currency_unspaced})"
    unit_after = (
        rf"(?:\s++[^\W\d_]++\b)?\s{{0,3}}+-?\s{{0,3}}+"
        rf"(?:(?P<unit>{unit})\b|(?P<cjk_unit>{unit_unspaced}))"
    )
    suffixes = (scale_after, percent_after, currency_after, unit_after)
    return Patterns(
        core=core,
        # At a number word only these alternatives of ``core`` can match: no date, sign,
        # code or digit begins with one.
        spelled=re.compile(f"{fifty}|{spelled}", re.VERBOSE),
        scale_after=re.compile(scale_after, re.IGNORECASE),
        percent_after=re.compile(percent_after, re.IGNORECASE),
        currency_after=re.compile(currency_after, re.IGNORECASE),
        unit_after=re.compile(unit_after, re.IGNORECASE),
        any_suffix=re.compile(
            "|".join(f"(?:{_NAME.sub('(?:', p)})" for p in suffixes), re.IGNORECASE
        ),
        time_unit_next=re.compile(
            rf"[\s-]++(?:{period})\b|\s?(?:{period_unspaced})", re.IGNORECASE
        ),
        reference_before=re.compile(
            rf"(?:\b(?:{'|'.join(map(re.escape, kept(REFERENCE_WORDS)))})|第)\s*$", re.IGNORECASE
        ),
        personnel_before=re.compile(rf"\b(?:{personnel})\b|{personnel_unspaced}", re.IGNORECASE),
        code_or_month_before=re.compile(
            rf"(?:\b(?:{alternation(h for h in heads if h)})"
            rf"|\b(?:{alternation(codes)})\s?|\b(?:{month})\s{{1,3}})$"
        ),
    )
