"""Dates in an imported draft: ISO or as prose writes them, on a date line or in the title."""

from __future__ import annotations

import datetime

import pytest

from plandiff.documents.dates import find_date
from plandiff.documents.textimport import import_text
from plandiff.model.errors import PlanError


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2025-11-20", "2025-11-20"),
        ("20 November 2025", "2025-11-20"),
        ("20th of November, 2025", "2025-11-20"),
        ("Nov. 20, 2025", "2025-11-20"),
        ("November 20 2025", "2025-11-20"),
        ("20 Nov 2025", "2025-11-20"),
        ("20.11.2025", "2025-11-20"),
        ("3.1.2026", "2026-01-03"),
        ("sept 9, 2025", "2025-09-09"),
    ],
)
def test_a_date_is_read_as_drafts_write_it(written: str, iso: str) -> None:
    assert find_date(f"Dated {written}, in Geneva") == (iso, 6, 6 + len(written))


@pytest.mark.parametrize(
    "text", ["31 February 2025", "11/20/2025", "20 Novembre 2025", "November 2025", "2025"]
)
def test_what_is_no_single_calendar_date_is_not_read(text: str) -> None:
    assert find_date(text) is None


def test_an_impossible_date_does_not_hide_a_later_real_one() -> None:
    assert find_date("31.02.2025, revised 1.3.2025") == ("2025-03-01", 20, 28)


def test_a_prose_date_line_is_read_and_what_follows_is_not_placed() -> None:
    result = import_text("# T\ndate: Nov. 23, 2025 (Geneva)\n\n1. First.\n", "t.txt")
    assert result.plan.date == datetime.date(2025, 11, 23)
    assert [u.text for u in result.unplaced] == ["(Geneva)"]


def test_the_title_gives_the_date_when_no_line_does_and_says_so() -> None:
    result = import_text("# Draft framework, 20 November 2025\n\n1. First.\n", "t.txt")
    assert result.plan.date == datetime.date(2025, 11, 20)
    assert any("date" in d and "the title" in d for d in result.defaults)


def test_a_date_line_that_is_no_date_is_refused() -> None:
    with pytest.raises(PlanError, match=r"t.txt:2: the date must start with a date"):
        import_text("# T\ndate: soon\n\n1. First.\n", "t.txt")
