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
# French counts by twenties from sixty: "soixante-dix" adds (70), "quatre-vingts" multiplies
# (80, see ``MULTIPLIERS``), "vingt et un" joins with "et".
_FRENCH = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60,
}  # fmt: skip
# Spanish hundreds are words of their own, like Russian ones; "treinta y cinco" joins with "y".
_SPANISH = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiún": 21, "veintiuna": 21,
    "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
    "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}  # fmt: skip
# German writes a number below a million as one word ("zweihundertfünfzigtausend"): these are
# its parts, each also a word of its own ("zwei Millionen"), joined by "und", "hundert" and
# "tausend" ("einundzwanzig").
_GERMAN = {
    "ein": 1, "eins": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13,
    "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90,
}  # fmt: skip
GERMAN_PARTS = tuple(_GERMAN)
GERMAN_JOINS = ("und", "hundert", "tausend")
# Ukrainian writes its apostrophe three ways.
SMALL = (
    _ENGLISH
    | _FRENCH
    | _SPANISH
    | _GERMAN
    | {
        word.replace("'", mark): value
        for word, value in (_RUSSIAN | _UKRAINIAN).items()
        for mark in ("'", "\u2019", "\u02bc")
    }
)
# Words that multiply the number before them when it is smaller ("six cent" is 600,
# "quatre-vingts" 80) and otherwise count alone or add ("cent", "cent vingt", "vingt").
MULTIPLIERS = {"hundred": 100, "cent": 100, "cents": 100, "hundert": 100, "vingt": 20, "vingts": 20}
# Scale words that open a number without a number word before them ("mil millones", "mille").
OPENING_SCALES = ("mil", "mille", "tausend")
# Words that are a number only beside another number word: alone they are English or a name
# ("once the ceasefire holds", "UN troops", "dos and don'ts", "Sept." for September).
JOINED_ONLY = frozenset({"un", "une", "once", "dos", "sept", "elf", "mil", "ein"})
# Words that join two number words and count nothing: "and" (English, after a scale word),
# "et" (French, before "un" or "onze"), "y" (Spanish, after tens), "und" (German).
JOINERS = frozenset({"and", "et", "y", "und"})
SPANISH_TENS = ("treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
SPANISH_UNITS = tuple(w for w, v in _SPANISH.items() if v < 10)
FRENCH_TENS = ("vingt", "trente", "quarante", "cinquante", "soixante")
FRENCH_AFTER_ET = ("un", "une", "onze")
# The piece of each number word that ``words_among`` sees: it cuts at apostrophes.
START_WORDS = frozenset(word.translate(SEPARATORS).split()[0] for word in (*SMALL, *OPENING_SCALES))
# A German number of several parts in one word: any such word holds one of these.
_GERMAN_HINTS = ("hundert", "tausend", "zig", "ßig", "zehn")


def may_hold_german_number(text: str) -> bool:
    """Whether ``text`` may hold a German number of several parts in one word."""
    lower = text.lower()
    return any(hint in lower for hint in _GERMAN_HINTS)


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
    (*START_WORDS, *SCALES, *SHORT_SCALES, *MONTHS, *MULTIPLIERS, "armed", "army", "forces",
     "military",
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
_GERMAN_PART = re.compile(
    "|".join(sorted((*_GERMAN, *GERMAN_JOINS), key=len, reverse=True)), re.IGNORECASE
)
_GERMAN_WORD = re.compile(rf"(?:{_GERMAN_PART.pattern}){{2,}}+", re.IGNORECASE)
# Where such a word stands in a text: ``words_among`` sees it whole, not its parts.
GERMAN_NUMBER = re.compile(rf"\b{_GERMAN_WORD.pattern}\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def parse_words(phrase: str) -> float | None:
    """The value of a number written in words, or None when the words are not a number.

    >>> parse_words("two hundred and fifty thousand"), parse_words("шестьсот тысяч")
    (250000.0, 600000.0)
    >>> parse_words("quatre-vingt-dix"), parse_words("mil millones"), parse_words("einundzwanzig")
    (90.0, 1000000000.0, 21.0)
    """
    words = _WORD_BREAK.split(phrase.lower())
    if len(words) == 1 and words[0] in JOINED_ONLY:
        return None
    total, current, seen, largest = 0.0, 0.0, False, 0.0
    for word in _parts(words):
        if word in JOINERS:
            continue
        if word in MULTIPLIERS and (word not in SMALL or 0 < current < MULTIPLIERS[word]):
            current = (current or 1) * MULTIPLIERS[word]
        elif word in SMALL:
            current += SMALL[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale > largest and total and not current:
                total *= scale  # "mil millones", "two thousand million": a scale of scales
            else:
                total += (current or 1) * scale
            largest = max(largest, scale)
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _parts(words: list[str]) -> list[str]:
    """The words, each German number of several parts cut into them ("sechshunderttausend")."""
    out = []
    for word in words:
        if word not in SMALL and word not in SCALES and _GERMAN_WORD.fullmatch(word):
            out += [w.lower() for w in _GERMAN_PART.findall(word)]
        else:
            out.append(word)
    return out


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
