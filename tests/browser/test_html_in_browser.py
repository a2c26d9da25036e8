"""The HTML report as people use it: in chromium, with script off, by mouse and keyboard."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

import comparisons as shared
from browser.html_comparisons import HOSTILE, hostile, varied
from plandiff.output.html import render_html

Open = Callable[..., Any]  # conftest.open_report


@pytest.fixture(scope="module")
def varied_html() -> str:
    return render_html(varied())


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(hostile())


PAGES = {
    "varied": varied,
    "representative": shared.representative,
    "hostile": hostile,
    "shared-hostile": shared.hostile,
}


@pytest.mark.parametrize(
    ("name", "scheme"),
    [
        ("varied", "light"),
        ("varied", "dark"),
        ("representative", "light"),
        ("shared-hostile", "light"),
    ],
)
def test_page_loads_quietly_and_fetches_nothing(open_report: Open, name: str, scheme: str) -> None:
    # Script on, so that a console error from a blocked script or style would show.
    seen = open_report(render_html(PAGES[name]()), java_script_enabled=True, color_scheme=scheme)
    assert seen.requests == []
    assert seen.console == []
    assert seen.errors == []
    assert seen.dialogs == []
    assert seen.page.locator("main .prov").count() >= 2


def test_redline_marks_are_shown(open_report: Open, varied_html: str) -> None:
    page = open_report(varied_html).page
    old_col, new_col = page.locator("#p-2 .col-old .text"), page.locator("#p-2 .col-new .text")
    marked = "ins:not(.edge):visible"  # edge spaces are drawn unmarked
    assert new_col.locator(marked).all_inner_texts() == ["800,000", "in peacetime"]
    assert old_col.locator("del:not(.edge):visible").all_inner_texts() == ["600,000"]
    assert old_col.locator("ins:visible").count() == 0
    assert new_col.locator("del:visible").count() == 0
    struck = old_col.locator("del").evaluate("e => getComputedStyle(e).textDecorationLine")
    underlined = new_col.locator("ins").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine"
    )
    assert (struck, underlined) == ("line-through", "underline")


def test_view_toggle_works_without_script(open_report: Open, varied_html: str) -> None:
    page = open_report(varied_html).page
    old_col, new_col = page.locator("#p-2 .col-old"), page.locator("#p-2 .col-new")
    assert old_col.is_visible() and new_col.is_visible()
    page.get_by_label("Inline").check()
    assert old_col.is_visible() and not new_col.is_visible()
    assert old_col.locator(".text del:not(.edge):visible").all_inner_texts() == ["600,000"]
    inserted = old_col.locator(".text ins:not(.edge):visible")
    assert inserted.all_inner_texts() == ["800,000", "in peacetime"]
    assert old_col.locator(".only-new:visible").count() == 1  # the added sub-point (b)
    # A provision with no old side shows its new text inline.
    assert page.locator("#p-6 .col-new .text").is_visible()
    assert not page.locator("#p-6 .col-old").is_visible()
    page.get_by_label("Side by side").check()
    assert new_col.is_visible() and old_col.locator("ins:visible").count() == 0


def test_kind_filter_hides_and_restores(open_report: Open, varied_html: str) -> None:
    page = open_report(varied_html).page
    modified = page.get_by_role("checkbox", name="Modified")
    modified.uncheck()
    assert not page.locator("#p-2").is_visible()
    assert page.locator("#old-3").is_visible()
    modified.check()
    assert page.locator("#p-2").is_visible()


def test_topic_filter_keeps_only_that_topic(open_report: Open, varied_html: str) -> None:
    page = open_report(varied_html).page
    page.get_by_role("radio", name="sanctions").check()
    assert page.locator("#p-4").is_visible()
    assert page.locator("#was-p-4").is_visible()
    for hidden in ("#p-1", "#p-2", "#old-3", "#p-5", "#p-6"):
        assert not page.locator(hidden).is_visible(), hidden
    page.get_by_role("radio", name="All").check()
    assert page.locator("#p-2").is_visible()


def test_headline_and_move_links_reach_their_anchors(open_report: Open, varied_html: str) -> None:
    page = open_report(varied_html).page
    page.get_by_role("link", name="→ provision 2", exact=True).click()
    assert page.url.endswith("#p-2")
    assert page.locator("#p-2:target").count() == 1
    page.get_by_role("link", name="Moved from where old provision 7 stood").click()
    assert page.url.endswith("#was-p-4")
    page.get_by_role("link", name="Moved to provision 4").click()
    assert page.url.endswith("#p-4")


def test_keyboard_reaches_and_works_the_controls(open_report: Open, varied_html: str) -> None:
    page = open_report(varied_html).page
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "view-side":
            break
    else:
        pytest.fail("Tab never reached the view switch")
    page.keyboard.press("ArrowRight")
    assert page.locator("#view-inline").is_checked()
    assert not page.locator("#p-2 .col-new").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "show-modified"
    page.keyboard.press("Space")
    assert not page.locator("#p-2").is_visible()


def test_hostile_plan_text_stays_text(open_report: Open, hostile_html: str) -> None:
    seen = open_report(hostile_html, java_script_enabled=True)
    page = seen.page
    assert seen.dialogs == [] and seen.errors == [] and seen.requests == []
    assert page.title() != "pwned"
    assert page.locator("script, img, iframe, object, embed").count() == 0
    assert page.locator("[onerror], [onload], [onclick]").count() == 0
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
    assert HOSTILE in page.locator("#p-1 .col-new .text").inner_text()
    assert HOSTILE in page.locator("h1").inner_text()


def test_print_hides_controls_and_opens_unchanged(open_report: Open, varied_html: str) -> None:
    page = open_report(varied_html).page
    unchanged_text = page.locator("#p-1 .text")
    assert not unchanged_text.is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".controls").is_visible()
    assert unchanged_text.is_visible()


@pytest.mark.parametrize(
    ("name", "scheme", "view"),
    [
        ("varied", "light", "view-side"),
        ("varied", "dark", "view-inline"),
        ("representative", "light", "view-inline"),
        ("representative", "dark", "view-side"),
    ],
)
def test_axe_finds_no_serious_violation(
    open_report: Open, axe_source: str, name: str, scheme: str, view: str
) -> None:
    # The page's policy forbids every script; only this test lifts it, to inject axe.
    page = open_report(
        render_html(PAGES[name]()), java_script_enabled=True, bypass_csp=True, color_scheme=scheme
    ).page
    page.locator(f"#{view}").check()
    page.add_script_tag(content=axe_source)
    result: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    serious = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], json.dumps(serious, indent=1)
