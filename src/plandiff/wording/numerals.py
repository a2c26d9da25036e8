"""Figures in digits, in every notation: how they are cut out of text and what they are worth.

Digits are grouped with a comma, a period, a space (plain, thin, no-break or narrow no-break),
an apostrophe or the Arabic thousands separator; the decimal separator is a period or a comma
(or the Arabic decimal separator). Which of period and comma is the decimal one is read from
the numeral when it tells (``1.234,5``, ``2,5``, ``1,000,000``), else from the text's other
numerals (``Notation``), else from a locale, else a single separator before three digits is
taken as grouping (``600.000`` is six hundred thousand). Indian grouping (``6,00,000``) is read
too. Digits of any script are read, and a figure that mixes scripts is flagged.

>>> numeral_value("600 000"), numeral_value("600.000"), numeral_value("6,00,000")
(600000.0, 600000.0, 600000.0)
>>> numeral_value("2,5"), numeral_value("1.234,56"), numeral_value("600.000", decimal=".")
(2.5, 1234.56, 600.0)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

# Grouping that is never a decimal separator. A space groups only groups of three digits after a
# first group of one to three ("2025 100" is two numbers), and it must not be a line break.
_SPACES: Final = " \u00a0\u2009\u202f"
_APOSTROPHES: Final = "'\u2019"
_ARABIC_GROUP: Final = "\u066c"
_ARABIC_DECIMAL: Final = "\u066b"
# The numeral as a regular expression: no two quantifiers can take the same characters, so a
# match costs time in proportion to its length. The caller adds the boundaries it needs.
NUMERAL: Final = (
    rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}}(?!\d))+(?:[.,{_ARABIC_DECIMAL}]\d+)?"
    rf"|\d+(?:[.,{_APOSTROPHES}{_ARABIC_GROUP}{_ARABIC_DECIMAL}]\d+)*"
)
_SEPARATOR = re.compile(rf"[.,{_SPACES}{_APOSTROPHES}{_ARABIC_GROUP}{_ARABIC_DECIMAL}]")
_NUMERAL_RE = re.compile(rf"(?<![\w.,])(?:{NUMERAL})")

# The decimal separator of a locale's language (a region may differ: de-CH writes 1'234.5).
_COMMA_LANGUAGES = frozenset({
    "af", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fo",
    "fr", "gl", "hr", "hu", "hy", "id", "is", "it", "ka", "kk", "ky", "lt", "lv", "mk", "mn",
    "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk",
    "uz", "vi",
})  # fmt: skip
_PERIOD_LANGUAGES = frozenset({
    "ar", "en", "fa", "ga", "he", "hi", "ja", "ko", "ms", "mt", "ta", "th", "ur", "zh",
})  # fmt: skip
_PERIOD_REGIONS = frozenset({"ch", "li"})


def locale_decimal(locale: str) -> str | None:
    """The decimal separator of a locale such as ``de``, ``de-CH``, ``en_GB`` (None if unknown).

    >>> locale_decimal("fr-FR"), locale_decimal("de_CH"), locale_decimal("en"), locale_decimal("xx")
    (',', '.', '.', None)
    """
    parts = re.split(r"[-_]", locale.strip().lower())
    language, region = parts[0], parts[1] if len(parts) > 1 else ""
    if language in _COMMA_LANGUAGES:
        return "." if region in _PERIOD_REGIONS else ","
    if language in _PERIOD_LANGUAGES:
        return "."
    return None


def _reading(numeral: str) -> tuple[str | None, str | None, bool]:
    """What ``numeral`` shows on its own: the decimal separator its text must use (None when it
    does not tell), the one it holds (None when every mark groups digits), and whether its one
    period or comma before three digits leaves both open ("600.000")."""
    marks = [ch for ch in numeral if ch in ".,"]
    if not marks:
        return None, None, False
    if "." in marks and "," in marks:
        return marks[-1], marks[-1], False
    if len(marks) > 1:
        return ("," if marks[0] == "." else "."), None, False
    mark = marks[0]
    head, _, tail = numeral.rpartition(mark)
    if any(ch in _SPACES for ch in head):
        return mark, mark, False  # "1 000,5": grouped by spaces, so the comma is decimal
    if len(tail) != 3 or head == "0" or len(head) > 3:
        return mark, mark, False
    return None, None, True


class Notation:
    """The decimal separator a text's figures use, read from those figures that tell.

    >>> Notation.of(["Costs of 2,5 million and 600.000 troops."]).decimal
    ','
    >>> Notation.of(["600.000 troops"], locale_hint=".").decimal
    '.'
    """

    __slots__ = ("decimal",)

    def __init__(self, decimal: str | None) -> None:
        self.decimal = decimal

    @classmethod
    def of(cls, texts: Iterable[str], locale_hint: str | None = None) -> Notation:
        """The notation of ``texts``: what their numerals show, else ``locale_hint``."""
        shown: set[str] = set()
        for text in texts:
            if "," not in text and "." not in text:
                continue
            for m in _NUMERAL_RE.finditer(text):
                decimal, _, _ = _reading(m.group())
                if decimal is not None:
                    shown.add(decimal)
                    if len(shown) > 1:
                        break
        if len(shown) == 1:
            return cls(shown.pop())
        return cls(locale_hint)


def numeral_value(numeral: str, decimal: str | None = None) -> float | None:
    """What a numeral matched by ``NUMERAL`` is worth; None when its groups are not a number
    ("1.2.3", "12,34,5"). ``decimal`` settles a lone period or comma before three digits."""
    _, own, open_question = _reading(numeral)
    if open_question:  # one period or comma before three digits: the notation decides
        mark = "," if "," in numeral else "."
        own = mark if decimal == mark else None
    integer, fraction = numeral.rsplit(own, 1) if own else (numeral, "")
    if _ARABIC_DECIMAL in integer:
        integer, _, fraction = integer.partition(_ARABIC_DECIMAL)
    groups = _SEPARATOR.split(integer)
    if len(groups) > 1 and (not _grouped(groups) or len(set(_SEPARATOR.findall(integer))) > 1):
        return None  # groups of odd sizes, or cut by two kinds of separator
    digits = "".join(groups)
    if not digits.isdecimal() or (fraction and not fraction.isdecimal()):
        return None
    return float(f"{_ascii(digits)}.{_ascii(fraction)}" if fraction else _ascii(digits))


def _grouped(groups: list[str]) -> bool:
    """Western groups (1-3 digits, then threes) or Indian ones (1-2 digits, twos, a last three)."""
    head, rest = groups[0], groups[1:]
    if not 1 <= len(head) <= 3 or len(rest[-1]) != 3:
        return False
    middle = {len(g) for g in rest[:-1]}
    return middle <= {3} or (middle == {2} and len(head) <= 2)


def _ascii(digits: str) -> str:
    if digits.isascii():
        return digits
    return "".join(str(unicodedata.digit(ch)) for ch in digits)


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def mixed_numerals(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each numeral of ``text`` whose digits come from more than one script, with the scripts.

    >>> mixed_numerals("caps of 60\u09ea,000 and \u0666\u0660\u0660 troops")
    [('60৪,000', ('ASCII', 'Bengali'))]
    """
    if text.isascii() or _OTHER_DIGIT.search(text) is None:
        return []
    found = []
    for m in _NUMERAL_RE.finditer(text):
        scripts = digit_scripts(m.group())
        if scripts:
            found.append((m.group(), scripts))
    return found


def digit_scripts(numeral: str) -> tuple[str, ...]:
    """The scripts of a numeral's digits, by the name of their zero, when there is more than one.

    A Bengali four (৪) looks like an 8: ``60৪,000`` reads as 604,000 but shows 608,000.

    >>> digit_scripts("60\u09ea,000"), digit_scripts("600,000"), digit_scripts("\u0666\u0660\u0660")
    (('ASCII', 'Bengali'), (), ())
    """
    if numeral.isascii():
        return ()
    zeros: dict[int, None] = {}
    for ch in numeral:
        if ch.isdecimal():
            zeros.setdefault(ord(ch) - unicodedata.digit(ch), None)
            if len(zeros) > 2:
                break
    if len(zeros) < 2:
        return ()
    return tuple(
        "ASCII" if z == 0x30 else unicodedata.name(chr(z)).removesuffix(" DIGIT ZERO").title()
        for z in zeros
    )
