"""Dates in an imported draft: ISO or as prose writes them, on a date line or in the title."""

from __future__ import annotations

import datetime

import pytest

from plandiff.documents.dates import find_date
from plandiff.documents.draft import Block, Draft
from plandiff.documents.outline import build
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


def test_the_files_own_title_and_date_are_taken_when_the_text_names_none() -> None:
    draft = Draft(
        (Block("1. First.", 1), Block("2. Second.", 2)),
        title="Leaked framework",
        date="2025-11-23T08:00:00Z",
    )
    result = build(draft, "leak.pdf")
    assert (result.plan.title, result.plan.date) == (
        "Leaked framework",
        datetime.date(2025, 11, 23),
    )
    assert sum("the file's properties" in d for d in result.defaults) == 2


def test_the_text_wins_over_the_files_properties() -> None:
    blocks = (Block("Framework", 1, heading=1), Block("date: 1 December 2025", 2))
    draft = Draft((*blocks, Block("1. First.", 3)), title="Untitled", date="2020-01-01")
    plan = build(draft, "leak.docx").plan
    assert (plan.title, plan.date) == ("Framework", datetime.date(2025, 12, 1))
