"""The words numbers are made of: number words and months (scales, units and currencies are in
``model/units.py``).

>>> parse_words("six hundred thousand")
600000.0
"""

from __future__ import annotations

import re
from functools import lru_cache

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


_ENGLISH = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Russian and Ukrainian cardinals in the forms that stand before a noun or a scale word
# ("шестьсот тысяч"); their hundreds are words of their own, so they add up like tens.
_RUSSIAN = {
    "ноль": 0, "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "три": 3, "четыре": 4,
    "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11,
    "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}  # fmt: skip
_UKRAINIAN = {
    "нуль": 0, "один": 1, "одна": 1, "одне": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4,
    "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10, "одинадцять": 11,
    "дванадцять": 12, "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15,
    "шістнадцять": 16, "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19,
    "двадцять": 20, "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60,
    "сімдесят": 70, "вісімдесят": 80, "дев'яносто": 90, "сто": 100, "двісті": 200,
    "триста": 300, "чотириста": 400, "п'ятсот": 500, "шістсот": 600, "сімсот": 700,
    "вісімсот": 800, "дев'ятсот": 900,
}  # fmt: skip
# Ukrainian writes its apostrophe three ways.
SMALL = _ENGLISH | {
    word.replace("'", mark): value
    for word, value in (_RUSSIAN | _UKRAINIAN).items()
    for mark in ("'", "\u2019", "\u02bc")
}
# The piece of each number word that ``words_among`` sees: it cuts at apostrophes.
START_WORDS = frozenset(word.translate(SEPARATORS).split()[0] for word in SMALL)
ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# Russian and Ukrainian months as a date writes them ("20 ноября 2025").
CYRILLIC_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
    "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
    "жовтня", "листопада", "грудня",
)  # fmt: skip
MONTHS = {
    name: number
    for names in (ENGLISH_MONTHS, CYRILLIC_MONTHS[:12], CYRILLIC_MONTHS[12:])
    for number, name in enumerate(names, start=1)
}

# Words that make a figure or give one its meaning: with none of them and no digit or sign, a
# changed run holds no figure.
_FIGURE_WORDS = frozenset(
    (*START_WORDS, *SCALES, *SHORT_SCALES, *MONTHS, "cent", "armed", "army", "forces", "military",
     *(w for names in (PERCENT_NAMES, *((*c.names, *c.codes) for c in CURRENCIES),
                       *(u.names for u in UNITS)) for n in names for w in n.lower().split()))
)  # fmt: skip
# Digits, signs, and the Chinese and Japanese numerals, which no word cut finds.
_CJK_NUMERALS = "".join((*CJK_DIGITS, *CJK_SMALL_UNITS, *CJK_LARGE_UNITS))
_SIGN_OR_DIGIT_ANYWHERE = re.compile(
    rf"[\d%{re.escape(''.join(sorted(SIGN_SYMBOLS)))}{_CJK_NUMERALS}]"
)


def may_hold_figures(text: str) -> bool:
    """False when ``text`` surely holds no figure and no word that gives one its meaning;
    a cheap test that lets unchanged figures go unread.

    >>> may_hold_figures("the parties agree"), may_hold_figures("within six months")
    (False, True)
    """
    if _SIGN_OR_DIGIT_ANYWHERE.search(text):
        return True
    return bool(words_among(text, _FIGURE_WORDS))


_WORD_BREAK = re.compile(r"[\s-]+")


def parse_words(phrase: str) -> float | None:
    """The value of a number written in words, or None when the words are not a number.

    >>> parse_words("two hundred and fifty thousand"), parse_words("шестьсот тысяч")
    (250000.0, 600000.0)
    """
    total, current, seen = 0.0, 0.0, False
    for word in _WORD_BREAK.split(phrase.lower()):
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


def cjk_value(numeral: str) -> float | None:
    """The value of a Chinese or Japanese numeral ("六十万", "一亿五千万", "二〇二五").

    >>> cjk_value("六十万"), cjk_value("一亿五千万"), cjk_value("二〇二五"), cjk_value("十")
    (600000.0, 150000000.0, 2025.0, 10.0)
    """
    total = section = number = 0.0
    digit_before = False
    largest = 0.0
    for ch in numeral:
        if ch in CJK_DIGITS:
            # Digits in a row are positional: 二〇二五 is 2025.
            number = number * 10 + CJK_DIGITS[ch] if digit_before else CJK_DIGITS[ch]
            digit_before = True
            continue
        digit_before = False
        if ch in CJK_SMALL_UNITS:
            section += (number or 1) * CJK_SMALL_UNITS[ch]
        elif ch in CJK_LARGE_UNITS:
            unit = CJK_LARGE_UNITS[ch]
            amount = section + number
            if unit > largest and total and not amount:
                total *= unit  # 一万亿: a myriad of hundred millions
            else:
                total += (amount or 1) * unit
            largest = max(largest, unit)
            section = 0.0
        else:
            return None
        number = 0.0
    return total + section + number
