"""The one table of currencies, units and scale words that every reader of figures builds from.

The word tokenizer keeps a figure with its sign and unit in one token, the figure reader says
what a figure counts, and a finding names it: all three read this module, so a currency or
unit is added once, here.

>>> QUANTITIES["cad"].label, QUANTITIES["cad"].prefix
('Amount in Canadian dollars', 'C$')
>>> UNIT_NAMES["weeks"].quantity, UNIT_NAMES["weeks"].factor
('days', 7.0)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Currency:
    """A currency as plan text writes it: signs before a figure, names after, ISO codes either
    side; ``quantity`` is what a finding's number record calls it."""

    quantity: str
    label: str
    signs: tuple[str, ...]
    codes: tuple[str, ...]
    names: tuple[str, ...]
    prefix: str = ""  # a changed amount is written prefix + figure ("+US$1 million") ...
    suffix: str = ""  # ... or figure + suffix ("+100 roubles")


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit or counted noun written after a figure ("30 days", "600,000 troops").

    A ``measure`` (days, km) stays in the figure's token in a word diff, so a redline shows
    "30 days" → "60 days"; a counted noun ("troops") is a word of its own.
    """

    quantity: str
    label: str
    names: tuple[str, ...]
    factor: float = 1.0  # "two weeks" is 14 days
    measure: bool = True
    suffix: str = ""
    period: bool = False  # a length of time, which a deadline word can introduce


@dataclass(frozen=True, slots=True)
class Shown:
    """How a finding names a quantity and writes a change of it."""

    label: str
    prefix: str = ""
    suffix: str = ""


def alternation(spellings: Iterable[str], space: str = r"\s?") -> str:
    """A regular-expression alternation of ``spellings``, longest first, each space in them
    matched by ``space``.

    >>> print(alternation(["$", "U.S. $", "A$"]))
    U\\.S\\.\\s?\\$|A\\$|\\$
    """
    ordered = sorted(set(spellings), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s).replace("\\ ", space) for s in ordered)


def squeezed(spelling: str) -> str:
    """A spelling as the lookup tables key it: lower case, without white space.

    >>> squeezed("Service  Members")
    'servicemembers'
    """
    return "".join(spelling.lower().split())


# Signs are listed longest first within a currency only for reading; every reader sorts them.
CURRENCIES = (
    Currency(
        "usd", "Amount in US dollars", signs=("US$", "U.S.$", "U.S. $", "$"), codes=("USD",),
        names=("US dollars", "US dollar", "dollars", "dollar"), prefix="US$",
    ),
    Currency(
        "cad", "Amount in Canadian dollars", signs=("C$", "CA$"), codes=("CAD",),
        names=("Canadian dollars", "Canadian dollar"), prefix="C$",
    ),
    Currency(
        "aud", "Amount in Australian dollars", signs=("A$", "AU$"), codes=("AUD",),
        names=("Australian dollars", "Australian dollar"), prefix="A$",
    ),
    Currency("eur", "Amount in euros", signs=("€",), codes=("EUR",), names=("euros", "euro"),
             prefix="€"),
    Currency(
        "gbp", "Amount in pounds", signs=("£",), codes=("GBP",),
        names=("pounds sterling", "pound sterling"), prefix="£",
    ),
    Currency(
        "rub", "Amount in roubles", signs=("₽",), codes=("RUB",),
        names=("roubles", "rouble", "rubles", "ruble"), suffix=" roubles",
    ),
    Currency(
        "uah", "Amount in hryvnias", signs=("₴",), codes=("UAH",),
        names=("hryvnias", "hryvnia", "hryvnas"), suffix=" hryvnias",
    ),
    # A bare ¥ is the yen in Japanese text and the yuan in Chinese: it is not told apart.
    Currency("jpy-cny", "Amount in yen or yuan", signs=("¥",), codes=(), names=(), prefix="¥"),
    Currency("jpy", "Amount in yen", signs=("JP¥",), codes=("JPY",), names=("yen",),
             suffix=" yen"),
    Currency(
        "cny", "Amount in yuan", signs=("CN¥",), codes=("CNY", "RMB"),
        names=("yuan", "renminbi"), suffix=" yuan",
    ),
)  # fmt: skip

UNITS = (
    Unit("days", "Period in days", ("days", "day"), suffix=" days", period=True),
    Unit("days", "Period in days", ("weeks", "week"), factor=7.0, suffix=" days", period=True),
    Unit("months", "Period in months", ("months", "month"), suffix=" months", period=True),
    Unit("years", "Period in years", ("years", "year"), suffix=" years", period=True),
    Unit("hours", "Period in hours", ("hours", "hour"), suffix=" hours", period=True),
    Unit("minutes", "Period in minutes", ("minutes", "minute"), suffix=" minutes", period=True),
    Unit("km", "Distance in km",
         ("km", "kilometres", "kilometre", "kilometers", "kilometer"), suffix=" km"),
    Unit("miles", "Distance in miles", ("miles", "mile"), suffix=" miles"),
    Unit("metres", "Distance in metres", ("metres", "metre", "meters", "meter"),
         suffix=" metres"),
    Unit(
        "personnel", "Personnel figure",
        ("troops", "personnel", "soldiers", "soldier", "servicemen", "service members",
         "servicemembers"),
        measure=False,
    ),
    Unit(
        "people", "Number of people",
        ("people", "persons", "person", "prisoners", "prisoner", "civilians", "civilian",
         "children", "detainees", "detainee"),
        measure=False,
    ),
)  # fmt: skip

# Written after a figure, in words or as a sign.
PERCENT_SIGN = "%"
PERCENT_NAMES = ("per cent", "percent")

# Scale words: "1.5 million", "six hundred thousand"; the short forms only after digits.
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12}

# Quantities that are neither a currency nor a unit, with how findings show them.
_OTHERS = {
    "count": Shown("Figure"),
    "percent": Shown("Percentage", suffix=" points"),
    "ratio": Shown("Ratio", suffix=" points"),
    "date": Shown("Date", suffix=" days"),
    "year": Shown("Year", suffix=" years"),
}


def _quantities() -> dict[str, Shown]:
    shown = dict(_OTHERS)
    for currency in CURRENCIES:
        shown[currency.quantity] = Shown(currency.label, currency.prefix, currency.suffix)
    for unit in UNITS:
        shown.setdefault(unit.quantity, Shown(unit.label, "", unit.suffix))
    return shown


QUANTITIES = _quantities()
# Each way of writing a currency or unit, ``squeezed`` -> what it stands for.
CURRENCY_SIGNS = {squeezed(s): c for c in CURRENCIES for s in (*c.signs, *c.codes)}
CURRENCY_NAMES = {squeezed(n): c for c in CURRENCIES for n in (*c.names, *c.codes)}
UNIT_NAMES = {squeezed(name): unit for unit in UNITS for name in unit.names}
# The characters that begin a currency sign and are no letter: $, €, £, ...
SIGN_SYMBOLS = frozenset(
    next(ch for ch in sign if not ch.isalnum() and ch not in ". ")
    for c in CURRENCIES
    for sign in c.signs
)
