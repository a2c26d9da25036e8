"""The options record: defaults as documented, variants by ``dataclasses.replace``, bounds held."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

from plandiff.model.options import CompareOptions


def test_a_variant_keeps_every_other_option() -> None:
    base = CompareOptions()
    loose = replace(base, move_threshold=0.1)
    assert loose.move_threshold == 0.1
    assert (loose.similarity_threshold, loose.max_parts, loose.rules) == (0.5, 4, base.rules)


def test_options_are_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        CompareOptions().max_parts = 9  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"similarity_threshold": 1.5}, "similarity_threshold must be between 0.0 and 1.0"),
        ({"move_threshold": -0.1}, "move_threshold must be between 0.0 and 1.0"),
        ({"max_parts": 1}, "max_parts must be between 2 and 10"),
        ({"word_diff_cap": 5}, "word_diff_cap must be at least 10"),
    ],
)
def test_a_value_out_of_bounds_is_refused(change: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        replace(CompareOptions(), **change)  # type: ignore[arg-type]
