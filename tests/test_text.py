"""Tokens of plan text: whole numbers with units, and nothing lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plandiff.wording.tokens import content_words, diff_units, is_number, normalize, tokenize


@given(st.text())
def test_tokens_and_units_join_back_to_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text
    units = diff_units(text)
    assert "".join(units) == text
    # A unit is a token and the white space after it: its token is what rstrip leaves.
    tokens = [t for t in tokenize(text) if not t.isspace()]
    assert [unit.rstrip() for unit in units] == (["", *tokens] if text[:1].isspace() else tokens)


def test_numbers_with_separators_and_units_are_one_token() -> None:
    text = "Caps: 600,000 and 1.5 and 50% and $100 billion and US$100 within 100 days."
    numbers = [t for t in tokenize(text) if is_number(t)]
    assert numbers == ["600,000", "1.5", "50%", "$100 billion", "US$100", "100 days"]


def test_words_stay_whole() -> None:
    assert tokenize("long-range Russia's 10a") == ("long-range", " ", "Russia's", " ", "10a")
    assert not is_number("10a")


def test_a_full_stop_after_a_number_is_not_a_decimal_point() -> None:
    assert tokenize("within 100 days.") == ("within", " ", "100 days", ".")


def test_normalize_folds_case_space_and_typography() -> None:
    assert normalize("  NATO\u2019s  \u201cbar\u201d\n") == normalize('nato\'s "bar"')
    assert normalize("Caf\u00e9") == "caf\u00e9"


def test_content_words_drop_stop_words() -> None:
    assert content_words("The cap will be 600,000.") == ["cap", "600,000"]
