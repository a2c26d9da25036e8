"""The HTML reports on a phone and on paper, measured in chromium: a 390-pixel-wide screen
(an iPhone 12 to 15 held upright) and an A4 page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from plandiff.documents.load import load_plan
from plandiff.output import render
from plandiff.output.versions import render_synopsis
from plandiff.pipeline.compare import compare
from plandiff.versions.synopsis import synopsis as line_up

Open = Callable[..., Any]  # conftest.open_report
ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
# An A4 page at 96 pixels to the inch, less chromium's default print margins of about 1 cm.
A4_PAGE = {"width": 718, "height": 1047}
OPEN_ALL = "document.querySelectorAll('details').forEach(d => { d.open = true; })"
WIDER_THAN_SCREEN = """(skip) => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(e => !(skip && e.closest(skip)))
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => e.tagName.toLowerCase() + '.' + e.className);
}"""


def _plans() -> tuple[Any, Any]:
    return (
        load_plan(ROOT / "plans" / "us-28-point-draft.json"),
        load_plan(ROOT / "plans" / "geneva-revision.json"),
    )


@pytest.fixture(scope="module")
def bundled_html() -> str:
    return render(compare(*_plans()), "html")


@pytest.fixture(scope="module")
def synopsis_html() -> str:
    return render_synopsis(line_up(list(_plans())), "html")


def test_the_report_fits_a_phone_with_everything_open(open_report: Open, bundled_html: str) -> None:
    page = open_report(bundled_html, viewport=PHONE).page
    page.evaluate(OPEN_ALL)
    assert page.evaluate(WIDER_THAN_SCREEN, None) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The metadata reads in lines of words, not a letter per line: each value has the width
    # of the screen, and the whole section stays a few screens tall (it was 95,000 pixels).
    widths = page.locator(".metadata td").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().width)"
    )
    assert widths and min(widths) > 300
    assert page.locator(".metadata").evaluate("e => e.getBoundingClientRect().height") < 15_000
    assert (
        page.locator(".metadata td").nth(1).evaluate("e => getComputedStyle(e, '::before').content")
        == '"Old: "'
    )


def test_the_headlines_are_on_the_first_printed_page(open_report: Open, bundled_html: str) -> None:
    page = open_report(bundled_html, viewport=A4_PAGE).page
    page.emulate_media(media="print")
    top = "e => e.getBoundingClientRect().top + window.scrollY"
    bottom = "e => e.getBoundingClientRect().bottom + window.scrollY"
    assert page.locator("#findings-title").evaluate(top) < A4_PAGE["height"] / 2
    assert page.locator(".finding").first.evaluate(bottom) < A4_PAGE["height"]
    assert not page.locator(".controls").is_visible()
    assert not page.locator(".metadata table").is_visible() or (
        page.locator(".metadata").evaluate(top) > page.locator(".list").evaluate(top)
    )


def test_printed_redlines_read_without_colour(open_report: Open, bundled_html: str) -> None:
    page = open_report(bundled_html, viewport=A4_PAGE).page
    page.emulate_media(media="print")
    deleted = page.locator("#p-6 .col-old del").first
    inserted = page.locator("#p-6 .col-new ins").first

    def look(mark: Any) -> list[str]:
        return list(
            mark.evaluate(
                "e => [getComputedStyle(e).textDecorationLine, getComputedStyle(e).color,"
                " getComputedStyle(e, '::before').content, getComputedStyle(e, '::after').content]"
            )
        )

    struck, underlined = look(deleted), look(inserted)
    assert struck[0] == "line-through" and underlined[0] == "underline"
    assert struck[1] == underlined[1] == "rgb(0, 0, 0)"  # black ink for both...
    assert struck[2:] == ['"[-"', '"-]"'] and underlined[2:] == ['"{+"', '"+}"']  # ...marked apart


def test_the_synopsis_scrolls_inside_its_frame(open_report: Open, synopsis_html: str) -> None:
    page = open_report(synopsis_html, viewport=PHONE).page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(WIDER_THAN_SCREEN, ".scroll") == []
    frame = page.locator(".scroll")
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth")
    assert page.locator(".scroll-hint").is_visible()
    assert page.locator(".synopsis td").first.evaluate("e => e.getBoundingClientRect().width") > 200
    # The provision column stays in view while the versions scroll past it.
    frame.evaluate("e => { e.scrollLeft = 300; }")
    left = "e => e.getBoundingClientRect().left"
    assert abs(page.locator(".synopsis th.row").first.evaluate(left) - frame.evaluate(left)) < 2


def test_the_synopsis_needs_no_hint_on_a_wide_screen(open_report: Open, synopsis_html: str) -> None:
    page = open_report(synopsis_html, viewport={"width": 1280, "height": 900}).page
    assert not page.locator(".scroll-hint").is_visible()
    assert page.locator(".scroll").evaluate("e => e.scrollWidth <= e.clientWidth")
