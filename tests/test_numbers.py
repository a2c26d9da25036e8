"""Numbers read from prose: every written form, what it counts, and pairing across texts."""

from __future__ import annotations

import datetime as dt

import pytest

from plandiff.findings.figures.changes import number_changes
from plandiff.findings.figures.numwords import SEPARATORS, parse_words, words_among
from plandiff.findings.figures.quantities import quantities


def read(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("limit the armed forces to 600,000 personnel", [(600_000, "personnel")]),
        ("a growth rate of 1.5 million people", [(1_500_000, "people")]),
        ("a share of 2.75", [(2.75, "count")]),
        ("15% of the profits", [(15, "percent")]),
        ("15 per cent of the profits", [(15, "percent")]),
        ("50 percent", [(50, "percent")]),
        ("a fund of $100 billion", [(1e11, "usd")]),
        ("a fund of US$100bn", [(1e11, "usd")]),
        ("100 billion dollars", [(1e11, "usd")]),
        ("€5 million for schools", [(5e6, "eur")]),
        ("twenty million euros", [(2e7, "eur")]),
        ("a loan of $5m", [(5e6, "usd")]),
        ("six hundred thousand troops", [(600_000, "personnel")]),
        ("two hundred and fifty thousand", [(250_000, "count")]),
        ("twenty-five soldiers", [(25, "personnel")]),
        ("profits split fifty-fifty", [(50, "ratio")]),
        ("profits split 50:50", [(50, "ratio")]),
        ("a 60/40 division", [(60, "ratio")]),
        ("within thirty (30) days", [(30, "days")]),
        ("within 30 (thirty) days", [(30, "days")]),
        ("within 100 days", [(100, "days")]),
        ("in two weeks", [(14, "days")]),
        ("for 10 years", [(10, "years")]),
        ("an area of 30 km", [(30, "km")]),
        ("by 20 November 2025", [(dt.date(2025, 11, 20).toordinal(), "date")]),
        ("on November 20, 2025", [(dt.date(2025, 11, 20).toordinal(), "date")]),
        ("dated 2025-11-20", [(dt.date(2025, 11, 20).toordinal(), "date")]),
        ("by May 2026", [(dt.date(2026, 5, 1).toordinal(), "date")]),
        ("elections in 2026", [(2026, "year")]),
        ("the army will have 800,000", [(800_000, "personnel")]),
    ],
)
def test_each_written_form_is_read_with_what_it_counts(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert read(text) == expected


def test_the_doubled_legal_form_counts_once_and_keeps_its_wording() -> None:
    (q,) = quantities("elections within thirty (30) days of signing")
    assert (q.value, q.text, q.deadline) == (30, "thirty (30) days", True)


@pytest.mark.parametrize(
    "text",
    ["under Article 5 of the treaty", "see point 12", "Resolution 2202", "one of the parties",
     "no one objects"],
)  # fmt: skip
def test_references_and_non_figures_are_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_an_impossible_date_is_not_read_as_a_date() -> None:
    assert all(q.unit != "date" for q in quantities("on 31 February 2025"))


def test_deadline_words_mark_periods_and_dates() -> None:
    assert [q.deadline for q in quantities("no later than 1 March 2026, for 30 days")] == [
        True,
        False,
    ]


def test_number_words() -> None:
    assert parse_words("six hundred thousand") == 600_000
    assert parse_words("one million two hundred thousand") == 1_200_000
    assert parse_words("ninety-nine") == 99
    assert parse_words("several") is None


def test_a_cap_raised_gives_old_new_delta_and_percent() -> None:
    (fig,) = number_changes(
        "armed forces limited to 600,000 personnel", "armed forces limited to 800,000 personnel"
    )
    change = fig.change
    assert (change.quantity, change.old_value, change.new_value) == ("personnel", 6e5, 8e5)
    assert (change.delta, change.percent) == (200_000, 33.33)
    assert fig.fields["direction"] == "raised"
    assert fig.fields["change"] == "+200,000, +33%"


def test_a_figure_lowered_says_so() -> None:
    (fig,) = number_changes("a fund of $100 billion", "a fund of $50 billion")
    assert fig.change.delta == -5e10
    assert fig.fields["direction"] == "lowered"
    assert fig.fields["change"] == "-US$50 billion, -50%"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("600,000 troops", "six hundred thousand troops"),
        ("US$100bn", "$100 billion"),
        ("100 billion dollars", "$100 billion"),
        ("thirty (30) days", "30 days"),
        ("two weeks", "14 days"),
        ("50:50", "fifty-fifty"),
        ("20 November 2025", "November 20, 2025"),
        ("a cap of 600,000", "a cap of 600,000 personnel"),
        ("within 649 days", "within 649 at the latest days"),
    ],
)
def test_the_same_value_written_two_ways_is_no_change(old: str, new: str) -> None:
    assert number_changes(old, new) == []


@pytest.mark.parametrize(
    ("old", "new"), [("reduce by 50", "reduce by 50%"), ("pay 100", "pay $100")]
)
def test_a_sign_or_symbol_added_to_a_figure_is_a_change(old: str, new: str) -> None:
    assert len(number_changes(old, new)) == 2  # one vanished, one appeared


def test_a_figure_that_moved_within_the_text_is_no_change() -> None:
    assert number_changes("For 100 days, troops stay.", "Troops stay for 100 days.") == []


def test_appeared_and_vanished() -> None:
    (gone,) = number_changes("a fund of $100 billion is set up", "a fund is set up")
    assert (gone.change.old_value, gone.change.new_value) == (1e11, None)
    (came,) = number_changes("a fund is set up", "a fund of €5 million is set up")
    assert (came.change.quantity, came.change.new_text) == ("eur", "€5 million")


def test_figures_pair_by_what_they_count_not_by_position() -> None:
    changes = number_changes(
        "600,000 personnel; elections within 100 days",
        "elections within 60 days; 800,000 personnel",
    )
    assert sorted((c.change.quantity, c.change.old_value, c.change.new_value) for c in changes) == [
        ("days", 100, 60),
        ("personnel", 6e5, 8e5),
    ]


def test_figures_of_one_kind_pair_by_their_context() -> None:
    changes = number_changes(
        "US$100bn for reconstruction and US$10bn for schools",
        "US$10bn for schools and US$200bn for reconstruction",
    )
    assert [(c.change.old_value, c.change.new_value) for c in changes] == [(1e11, 2e11)]


def test_percentage_figures_change_in_points() -> None:
    (fig,) = number_changes("the US receives 50% of profits", "the US receives 60% of profits")
    assert fig.change.percent is None
    assert fig.fields["change"] == "+10 points"


def test_dates_change_in_days() -> None:
    (fig,) = number_changes("by 1 March 2026", "by 15 March 2026")
    assert fig.deadline and fig.change.delta == 14
    assert fig.fields["direction"] == "moved later"


@pytest.mark.parametrize("code", range(128))
def test_number_words_are_cut_alike_in_ascii_and_other_text(code: int) -> None:
    vocabulary = frozenset({"six", "month", "may", "ten"})
    text = f"Six{chr(code)}Month{chr(code)}May"
    expected = vocabulary.intersection(text.lower().translate(SEPARATORS).split())
    assert words_among(text, vocabulary) == expected
    assert words_among(text + " caf\u00e9 ten", vocabulary) == expected | {"ten"}


@pytest.mark.parametrize(
    ("old", "new", "what", "shown"),
    [
        ("a fund of C$100 billion", "a fund of C$200 billion", "Amount in Canadian dollars",
         "+C$100 billion, +100%"),
        ("A$5 million for schools", "A$6 million for schools", "Amount in Australian dollars",
         "+A$1 million, +20%"),
        ("a fund of $100 billion", "a fund of $200 billion", "Amount in US dollars",
         "+US$100 billion, +100%"),
    ],
)  # fmt: skip
def test_a_dollar_sign_after_a_country_letter_is_that_country_s_dollar(
    old: str, new: str, what: str, shown: str
) -> None:
    (change,) = number_changes(old, new)
    assert change.fields["what"] == what
    assert change.fields["change"] == shown
