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
    """A regular expression matching any of ``spellings``, the longest where several match,
    each space in them matched by ``space``.

    The spellings are merged into a tree by their first characters, so that matching costs
    one step per character whatever the number of spellings: a flat alternation of hundreds of
    number words is tried word by word at every place a figure may start.

    >>> print(alternation(["six", "sixty", "sixteen", "seven"]))
    s(?:even|ix(?:t(?:een|y))?)
    >>> print(alternation(["$", "US$", "U.S. $"]))
    \\$|U(?:\\.S\\.\\s?\\$|S\\$)
    """
    tree: _Tree = {}
    for spelling in set(spellings):
        node = tree
        for ch in spelling:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree, space)


_Tree = dict[str, "_Tree"]


def _branches(node: _Tree, space: str) -> str:
    parts = []
    for ch in sorted(k for k in node if k):
        shown = space if ch == " " else re.escape(ch)
        rest = _branches(node[ch], space)
        # A rest that is one way on, or already an optional group, needs no group of its own.
        alone = len(node[ch]) == 1 and "" not in node[ch]
        grouped = not rest or alone or rest.startswith("(?:")
        parts.append(shown + rest if grouped else f"{shown}(?:{rest})")
    joined = "|".join(parts)
    return f"(?:{joined})?" if "" in node and joined else joined


def squeezed(spelling: str) -> str:
    """A spelling as the lookup tables key it: lower case, without white space.

    >>> squeezed("Service  Members")
    'servicemembers'
    """
    return "".join(spelling.lower().split())


# Each currency and unit lists its names in the languages plandiff reads figures in: English,
# Russian and Ukrainian (the forms that follow a figure), Chinese and Japanese.
CURRENCIES = (
    Currency(
        "usd", "Amount in US dollars", signs=("US$", "U.S.$", "U.S. $", "$"), codes=("USD",),
        names=("US dollars", "US dollar", "dollars", "dollar", "долларов США", "долларов",
               "доллара", "доллар", "доларів США", "доларів", "долара", "долар", "美元",
               "米ドル", "ドル", "ดอลลาร์สหรัฐ", "ดอลลาร์", "δολάρια", "δολαρίων",
               "de dólares", "dólares", "dólar", "de dollars", "US-Dollar",
               "דולר", "دولار"),
        prefix="US$",
    ),
    Currency(
        "cad", "Amount in Canadian dollars", signs=("C$", "CA$"), codes=("CAD",),
        names=("Canadian dollars", "Canadian dollar", "加元", "カナダドル"), prefix="C$",
    ),
    Currency(
        "aud", "Amount in Australian dollars", signs=("A$", "AU$"), codes=("AUD",),
        names=("Australian dollars", "Australian dollar", "澳元"), prefix="A$",
    ),
    Currency("eur", "Amount in euros", signs=("€",), codes=("EUR",),
             names=("euros", "euro", "de euros", "d'euros", "d’euros", "евро", "євро", "欧元",
                    "ユーロ", "ευρώ", "אירו", "يورو", "ยูโร"),
             prefix="€"),
    Currency(
        "gbp", "Amount in pounds", signs=("£",), codes=("GBP",),
        names=("pounds sterling", "pound sterling", "фунтов стерлингов", "英镑", "ポンド"),
        prefix="£",
    ),
    Currency(
        "rub", "Amount in roubles", signs=("₽",), codes=("RUB",),
        names=("roubles", "rouble", "rubles", "ruble", "рублей", "рубля", "рубль", "руб",
               "рублів", "卢布", "ルーブル"),
        suffix=" roubles",
    ),
    Currency(
        "uah", "Amount in hryvnias", signs=("₴",), codes=("UAH",),
        names=("hryvnias", "hryvnia", "hryvnas", "гривен", "гривны", "гривна", "гривень",
               "гривні", "гривня", "грн", "格里夫纳", "フリヴニャ"),
        suffix=" hryvnias",
    ),
    # A bare ¥ is the yen in Japanese text and the yuan in Chinese: it is not told apart.
    Currency("jpy-cny", "Amount in yen or yuan", signs=("¥", "￥"), codes=(), names=(),
             prefix="¥"),
    Currency("jpy", "Amount in yen", signs=("JP¥",), codes=("JPY",),
             names=("yen", "иен", "日元", "円"), suffix=" yen"),
    Currency(
        "cny", "Amount in yuan", signs=("CN¥",), codes=("CNY", "RMB"),
        names=("yuan", "renminbi", "юаней", "人民币", "元"), suffix=" yuan",
    ),
)  # fmt: skip

UNITS = (
    Unit("days", "Period in days",
         ("days", "day", "дней", "дня", "день", "суток", "днів", "дні", "діб", "天", "日", "วัน",
          "ημέρες", "ημερών", "ימים", "يوم", "يوما",
          "أيام"),
         suffix=" days", period=True),
    Unit("days", "Period in days",
         ("weeks", "week", "недель", "недели", "неделя", "тижнів", "тижні", "тиждень", "周",
          "週間"),
         factor=7.0, suffix=" days", period=True),
    Unit("months", "Period in months",
         ("months", "month", "месяцев", "месяца", "месяц", "місяців", "місяці", "місяць",
          "个月", "個月", "か月", "ヶ月", "カ月", "เดือน", "μήνες", "μηνών", "חודשים", "أشهر",
          "شهر"),
         suffix=" months", period=True),
    Unit("years", "Period in years",
         ("years", "year", "лет", "года", "год", "років", "роки", "рік", "年", "ปี", "έτη", "ετών",
          "χρόνια", "שנים", "سنوات", "سنة", "أعوام", "عام"),
         suffix=" years", period=True),
    Unit("hours", "Period in hours",
         ("hours", "hour", "часов", "часа", "час", "годин", "小时", "時間"),
         suffix=" hours", period=True),
    Unit("minutes", "Period in minutes", ("minutes", "minute", "минут", "хвилин", "分钟"),
         suffix=" minutes", period=True),
    Unit("km", "Distance in km",
         ("km", "kilometres", "kilometre", "kilometers", "kilometer", "км", "километров",
          "кілометрів", "公里", "キロ"),
         suffix=" km"),
    Unit("miles", "Distance in miles", ("miles", "mile"), suffix=" miles"),
    Unit("metres", "Distance in metres", ("metres", "metre", "meters", "meter"),
         suffix=" metres"),
    Unit(
        "personnel", "Personnel figure",
        ("troops", "personnel", "soldiers", "soldier", "servicemen", "service members",
         "servicemembers", "военнослужащих", "военных", "солдат", "военнослужащие",
         "військовослужбовців", "військових", "солдатів", "名士兵", "名军人", "นาย", "στρατιώτες",
         "soldats", "militaires", "Soldaten", "soldados", "efectivos", "militares",
         "חיילים", "جندي", "جنود"),
        measure=False,
    ),
    Unit(
        "people", "Number of people",
        ("people", "persons", "person", "prisoners", "prisoner", "civilians", "civilian",
         "children", "detainees", "detainee", "человек", "людей", "осіб", "人", "名", "คน",
         "άτομα", "ατόμων", "אנשים", "أشخاص", "شخص", "فرد"),
        measure=False,
    ),
)  # fmt: skip

# Written after a figure, in words or as a sign.
PERCENT_SIGN = "%"
PERCENT_NAMES = ("per cent", "percent", "процентов", "процента", "відсотків", "відсотка")

# Scale words after digits and in numbers written in words: "1.5 million", "600 тысяч",
# "six hundred thousand". "hundred" multiplies only number words ("6 hundred" is not read).
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "tausend": 1e3, "mio": 1e6,
    "millionen": 1e6, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "millones": 1e6,
    "milioni": 1e6, "miliardi": 1e9,
    # French, German and Spanish ("six cent mille", "zwei Millionen", "mil millones"); their
    # "billion"/"billón" is a million millions, so the English word keeps its meaning.
    "mille": 1e3, "mil": 1e3, "millón": 1e6, "millon": 1e6,
    "millardo": 1e9, "millardos": 1e9, "billón": 1e12, "billones": 1e12,
    "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тыс": 1e3,
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млн": 1e6,
    "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9,
    "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12, "трлн": 1e12,
    "тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "тис": 1e3,
    "мільйон": 1e6, "мільйона": 1e6, "мільйони": 1e6, "мільйонів": 1e6,
    "мільярд": 1e9, "мільярда": 1e9, "мільярди": 1e9, "мільярдів": 1e9,
    "трильйон": 1e12, "трильйона": 1e12, "трильйони": 1e12, "трильйонів": 1e12,
    "χιλιάδες": 1e3, "εκατομμύρια": 1e6, "δισεκατομμύρια": 1e9,
    "אלף": 1e3, "מיליון": 1e6, "מיליארד": 1e9, "ألف": 1e3, "مليون": 1e6, "مليار": 1e9,
}  # fmt: skip
# Only after digits: "US$100bn", "$5m" (a lone "m" only where money is talked about).
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12}
# Chinese and Japanese numerals: digits, the small units (tens to thousands) and the large
# ones (myriads and up), written with no space after a figure ("60万") or alone ("六十万").
CJK_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CJK_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CJK_LARGE_UNITS = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
# Scale words of scripts without spaces, right after digits: "60万", "1.5亿", "5 ล้าน".
UNSPACED_SCALES = {
    **CJK_LARGE_UNITS, "千": 1e3, "ล้าน": 1e6, "แสน": 1e5, "หมื่น": 1e4, "พัน": 1e3,
}  # fmt: skip


def is_unspaced(spelling: str) -> bool:
    """Whether a name is written in a script without spaces (Chinese, Japanese, Thai), with no
    space or word boundary around it ("60万人", "600,000 นาย" or "600,000นาย").

    >>> is_unspaced("人"), is_unspaced("นาย"), is_unspaced("days")
    (True, True, False)
    """
    return all(
        "\u0e00" <= ch <= "\u0e7f" or "\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef"
        for ch in spelling
    )


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
