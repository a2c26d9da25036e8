"""Figures in every notation: each one read, each one equal to the same figure written otherwise."""

from __future__ import annotations

import pytest

from plandiff.findings.figures.changes import number_changes
from plandiff.findings.figures.quantities import quantities
from plandiff.findings.rules import figures, mixed_digits, resolve
from plandiff.model.ruleset import RuleSet
from plandiff.wording.numerals import Notation, locale_decimal, numeral_value
from plandiff.wording.tokens import tokenize

RULES = resolve(RuleSet())

# (notation, six hundred thousand, eight hundred thousand)
GROUPINGS = [
    ("comma", "600,000", "800,000"),
    ("period", "600.000", "800.000"),
    ("space", "600 000", "800 000"),
    ("thin space", "600\u2009000", "800\u2009000"),
    ("no-break space", "600\u00a0000", "800\u00a0000"),
    ("narrow no-break space", "600\u202f000", "800\u202f000"),
    ("apostrophe", "600'000", "800'000"),
    ("right single quotation mark", "600\u2019000", "800\u2019000"),
    ("Indian grouping", "6,00,000", "8,00,000"),
    ("Arabic separator", "\u0666\u0660\u0660\u066c\u0660\u0660\u0660", "800,000"),
]


@pytest.mark.parametrize(("name", "six", "eight"), GROUPINGS, ids=[g[0] for g in GROUPINGS])
def test_each_grouping_is_read_whole_and_kept_in_one_token(name: str, six: str, eight: str) -> None:
    text = f"The armed forces will be limited to {six} personnel."
    assert [(q.value, q.unit) for q in quantities(text)] == [(600_000, "personnel")]
    assert six in tokenize(text)


@pytest.mark.parametrize(("name", "six", "eight"), GROUPINGS, ids=[g[0] for g in GROUPINGS])
def test_each_grouping_changes_by_the_right_amount(name: str, six: str, eight: str) -> None:
    (change,) = number_changes(f"limited to {six} personnel", f"limited to {eight} personnel")
    assert (change.change.old_value, change.change.new_value) == (600_000, 800_000)
    assert change.fields["change"] == "+200,000, +33%"


@pytest.mark.parametrize(("name", "six", "eight"), GROUPINGS, ids=[g[0] for g in GROUPINGS])
def test_each_grouping_equals_the_same_figure_with_commas_both_ways(
    name: str, six: str, eight: str
) -> None:
    written = f"limited to {six} personnel"
    usual = "limited to 600,000 personnel"
    assert number_changes(written, usual) == []
    assert number_changes(usual, written) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a loan of 2,5 million euros", 2.5e6),
        ("a loan of 1.234,5 million euros", 1.2345e9),
        ("a loan of 1 234,5 million euros", 1.2345e9),
        ("a loan of 0,75 million euros", 7.5e5),
        ("a loan of 1,234.5 million euros", 1.2345e9),
        ("a loan of 2.5 million euros", 2.5e6),
    ],
)
def test_a_decimal_comma_or_period_is_read(text: str, value: float) -> None:
    assert [(q.value, q.unit) for q in quantities(text)] == [(value, "eur")]


def test_a_decimal_comma_equals_a_decimal_period_both_ways() -> None:
    comma, period = "a loan of 2,5 million euros", "a loan of 2.5 million euros"
    assert number_changes(comma, period) == number_changes(period, comma) == []


@pytest.mark.parametrize(
    ("texts", "decimal"),
    [
        (["Costs of 2,5 million; 600.000 troops."], ","),  # a decimal comma shown
        (["Costs of 2.5 million; 600,000 troops."], "."),
        (["1.234.567 and 600.000"], ","),  # periods that can only group
        (["1,000,000 and 600.000"], "."),
        (["600.000 troops"], None),  # nothing tells
        (["2,5 and 2.5"], None),  # the text contradicts itself
    ],
)
def test_the_notation_is_read_from_the_text_s_own_figures(
    texts: list[str], decimal: str | None
) -> None:
    assert Notation.of(texts).decimal == decimal


def test_a_lone_separator_before_three_digits_follows_the_notation() -> None:
    assert numeral_value("1.500") == 1500  # nothing known: it groups
    assert numeral_value("1.500", decimal=".") == 1.5
    assert numeral_value("1.500", decimal=",") == 1500
    assert numeral_value("1,500", decimal=",") == 1.5
    # and the text's own figures decide before any locale does
    found = figures("2.5 km and 1.500 troops", "2.5 km and 1.800 troops", RULES, "p-1")
    assert [f.number.new_value for f in found if f.number] == [1.8]
    found = figures("2,5 km and 1.500 troops", "2,5 km and 1.800 troops", RULES, "p-1")
    assert [f.number.new_value for f in found if f.number] == [1800]


def test_a_locale_settles_what_the_text_leaves_open() -> None:
    assert locale_decimal("de") == ","
    assert locale_decimal("de-CH") == "."
    assert locale_decimal("en-GB") == "."
    old, new = "limited to 600.000 troops", "limited to 800.000 troops"
    (german,) = figures(old, new, RULES, "p-1", decimal=",")
    (english,) = figures(old, new, RULES, "p-1", decimal=".")
    assert german.number is not None and german.number.new_value == 800_000
    assert english.number is not None and english.number.new_value == 800


@pytest.mark.parametrize("numeral", ["1.2.3", "12,34,5", "1,5,000", "1.000,000.5"])
def test_groups_that_are_no_number_are_not_read(numeral: str) -> None:
    assert numeral_value(numeral) is None
    assert quantities(f"version {numeral} of the text") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("six hundred thousand troops", 600_000, "personnel"),
        ("шестьсот тысяч военнослужащих", 600_000, "personnel"),
        ("шістсот тисяч військовослужбовців", 600_000, "personnel"),
        ("п\u2019ятсот тисяч гривень", 500_000, "uah"),
        ("600 тысяч военнослужащих", 600_000, "personnel"),
        ("1,5 млрд долларов", 1.5e9, "usd"),
        ("100 млн. рублей", 1e8, "rub"),
        ("3 Milliarden Euro", 3e9, "eur"),
        ("军队人数上限为六十万人", 600_000, "personnel"),
        ("军队人数上限为60万人", 600_000, "personnel"),
        ("投入一亿五千万美元", 1.5e8, "usd"),
        ("自衛隊の定員は60万人とする", 600_000, "personnel"),
        ("利润的百分之五十", 50, "percent"),
    ],
)
def test_number_and_scale_words_are_read_in_each_language(
    text: str, value: float, unit: str
) -> None:
    assert [(q.value, q.unit) for q in quantities(text)] == [(value, unit)]


def test_the_same_figure_in_words_of_two_languages_is_no_change() -> None:
    assert number_changes("шестьсот тысяч военнослужащих", "600 000 военнослужащих") == []
    assert number_changes("军队上限为六十万人", "军队上限为60万人") == []


def test_a_chinese_figure_change_is_found_with_its_amount() -> None:
    (found,) = figures("军队人数上限为六十万人。", "军队人数上限为八十万人。", RULES, "p-1")
    assert found.message == "Personnel figure raised: 六十万人 → 八十万人 (+200,000, +33%)"


def test_a_figure_mixing_digit_scripts_is_a_finding_of_its_own() -> None:
    bengali_four = "\u09ea"  # looks like an 8
    old, new = "limited to 600,000 troops", f"limited to 60{bengali_four},000 troops"
    found = figures(old, new, RULES, "p-1")
    assert [f.rule for f in found] == ["figure-mixes-scripts", "number-changed"]
    assert (
        found[0].message
        == f"Figure mixes digits of ASCII and Bengali scripts: 60{bengali_four},000"
    )
    # digits of one script are a figure like any other, and an old mixture is no news
    assert mixed_digits("", "\u0666\u0660\u0660\u066c\u0660\u0660\u0660 جندي", RULES, "p") == []
    assert mixed_digits(new, new + " and more", RULES, "p") == []


# (language, text with the smaller figure, with the larger, the smaller's value, the larger's)
NUMBER_WORDS: list[tuple[str, str, str, float, float]] = [
    ("French", "limitées à six cent mille militaires", "limitées à huit cent mille militaires",
     600_000, 800_000),
    ("French twenties", "quatre-vingts observateurs", "quatre-vingt-dix observateurs", 80, 90),
    ("French et", "vingt et un observateurs", "soixante et onze observateurs", 21, 71),
    ("German", "auf sechshunderttausend Soldaten", "auf achthunderttausend Soldaten",
     600_000, 800_000),
    ("German und", "einundzwanzig Beobachter", "zweihundertfünfzigtausend Beobachter",
     21, 250_000),
    ("Spanish", "a seiscientos mil efectivos", "a ochocientos mil efectivos", 600_000, 800_000),
    ("Spanish y", "treinta y cinco observadores", "doscientos cincuenta mil observadores",
     35, 250_000),
    ("Russian", "шестьсот тысяч военнослужащих", "восемьсот тысяч военнослужащих",
     600_000, 800_000),
    ("Ukrainian", "шістсот тисяч військовослужбовців", "вісімсот тисяч військовослужбовців",
     600_000, 800_000),
]  # fmt: skip
SCALE_WORDS: list[tuple[str, str, str, float, float]] = [
    ("French", "un fonds de deux milliards d’euros", "un fonds de trois milliards d’euros",
     2e9, 3e9),
    ("French mille", "600 mille militaires", "800 mille militaires", 6e5, 8e5),
    ("German", "ein Fonds von zwei Millionen Euro", "ein Fonds von drei Milliarden Euro",
     2e6, 3e9),
    ("Spanish", "un fondo de mil millones de euros", "un fondo de dos mil millones de euros",
     1e9, 2e9),
    ("Spanish mil", "600 mil efectivos", "800 mil efectivos", 6e5, 8e5),
    ("Spanish billón", "un billón de dólares", "dos billones de dólares", 1e12, 2e12),
    ("Russian", "100 млн рублей", "2 млрд рублей", 1e8, 2e9),
    ("Ukrainian", "п’ятсот тисяч гривень", "два мільйони гривень", 5e5, 2e6),
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "low", "high", "low_value", "high_value"),
    NUMBER_WORDS + SCALE_WORDS,
    ids=[f"{'words' if c in NUMBER_WORDS else 'scale'}-{c[0]}" for c in NUMBER_WORDS + SCALE_WORDS],
)
def test_number_and_scale_words_of_each_language_change_both_ways(
    language: str, low: str, high: str, low_value: float, high_value: float
) -> None:
    (raised,) = number_changes(low, high)
    assert (raised.change.old_value, raised.change.new_value) == (low_value, high_value)
    assert raised.fields["direction"] == "raised"
    (lowered,) = number_changes(high, low)
    assert (lowered.change.old_value, lowered.change.new_value) == (high_value, low_value)
    assert lowered.fields["direction"] == "lowered"


def test_a_personnel_figure_in_words_is_named_so_in_each_language() -> None:
    for old, new in [NUMBER_WORDS[0][1:3], NUMBER_WORDS[3][1:3], NUMBER_WORDS[5][1:3]]:
        (found,) = figures(old, new, RULES, "p-1")
        assert found.message.startswith("Personnel figure raised:"), old
        assert found.message.endswith("(+200,000, +33%)"), old


@pytest.mark.parametrize(
    "text",
    [
        "once the ceasefire holds, UN troops will leave",  # Spanish 11 and French 1
        "the dos and don'ts of the Sept. meeting",  # Spanish 2, French 7
        "an elf, a mil-to-mil channel and ein Einsatz",  # German 11, Spanish 1,000, German 1
    ],
)
def test_a_number_word_that_is_also_another_word_counts_only_beside_another(text: str) -> None:
    assert quantities(text) == []
