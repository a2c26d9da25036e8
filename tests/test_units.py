"""One table of currencies and units: the tokenizer, the figure reader and the findings agree."""

from __future__ import annotations

import pytest

from plandiff.findings.figures.changes import number_changes
from plandiff.findings.figures.numwords import may_hold_figures
from plandiff.findings.figures.quantities import quantities
from plandiff.model.units import CURRENCIES, QUANTITIES, UNITS, Currency, Unit, is_unspaced
from plandiff.wording.tokens import is_number, tokenize

SIGNED = [(c, s) for c in CURRENCIES for s in c.signs]
CODED = [(c, code) for c in CURRENCIES for code in c.codes]
NAMED = [(c, n) for c in CURRENCIES for n in c.names]


def ids(pairs: list[tuple[Currency, str]]) -> list[str]:
    return [f"{c.quantity}:{s}" for c, s in pairs]


@pytest.mark.parametrize(("currency", "sign"), SIGNED, ids=ids(SIGNED))
def test_every_sign_is_read_as_its_currency_and_kept_in_one_token(
    currency: Currency, sign: str
) -> None:
    text = f"a fund of {sign}100 billion for schools"
    assert [(q.value, q.unit) for q in quantities(text)] == [(1e11, currency.quantity)]
    if " " not in sign:
        assert f"{sign}100 billion" in tokenize(text)
        assert is_number(f"{sign}100 billion")
    assert may_hold_figures(sign + "5")


@pytest.mark.parametrize(("currency", "code"), CODED, ids=ids(CODED))
def test_every_code_is_read_before_and_after_the_figure(currency: Currency, code: str) -> None:
    for text in (f"a fund of {code} 5 million", f"a fund of 5 million {code}"):
        assert [(q.value, q.unit) for q in quantities(text)] == [(5e6, currency.quantity)], text


@pytest.mark.parametrize(("currency", "name"), NAMED, ids=ids(NAMED))
def test_every_name_is_read_after_the_figure_and_named_in_findings(
    currency: Currency, name: str
) -> None:
    (change,) = number_changes(f"grants of 20 million {name}", f"grants of 30 million {name}")
    assert change.change.quantity == currency.quantity
    assert change.fields["what"] == currency.label
    shown = f"{currency.prefix}10 million{currency.suffix}"
    assert change.fields["change"] == f"+{shown}, +50%"
    if not is_unspaced(name):  # a Chinese name is cut into its characters
        assert f"20 million {name}" in tokenize(f"grants of 20 million {name}.")


@pytest.mark.parametrize("unit", UNITS, ids=[u.names[0] for u in UNITS])
def test_every_unit_name_is_read_with_its_quantity(unit: Unit) -> None:
    for name in unit.names:
        (q,) = quantities(f"a total of 12 {name} at most")
        assert (q.value, q.unit) == (12 * unit.factor, unit.quantity), name
        if not is_unspaced(name):  # the characters of a Chinese unit are tokens of their own
            glued = f"12 {name}" in tokenize(f"a total of 12 {name} at most")
            assert glued is unit.measure, name


def test_every_quantity_a_reader_can_give_has_a_label() -> None:
    given = {c.quantity for c in CURRENCIES} | {u.quantity for u in UNITS}
    assert given | {"count", "percent", "ratio", "date", "year"} == set(QUANTITIES)
    assert all(shown.label for shown in QUANTITIES.values())


def test_a_month_or_code_before_a_digit_that_makes_nothing_leaves_the_digit_read() -> None:
    # "May 12" is no date without a year: the 12 is still a figure.
    assert [(q.value, q.unit) for q in quantities("In May 12 observers were sent")] == [
        (12, "count")
    ]
