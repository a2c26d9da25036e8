"""The outline builder: every numbering scheme of real drafts, nesting, bullets, unnumbered text,
and nothing lost on the way."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandiff.documents.draft import Block, Draft, Imported
from plandiff.documents.outline import build
from plandiff.documents.textimport import import_text
from plandiff.model.plan import Plan, SubPoint

HEAD = "date: 2025-01-01\n\n"


def read(body: str) -> Imported:
    return import_text(HEAD + body, "draft.txt")


def outline(plan: Plan) -> list[tuple[str, str, list[object]]]:
    def subs(items: tuple[SubPoint, ...]) -> list[object]:
        return [(s.label, s.text, subs(s.subpoints)) if s.subpoints else (s.label, s.text)
                for s in items]  # fmt: skip

    return [(p.number, p.text, subs(p.subpoints)) for p in plan.provisions]


@pytest.mark.parametrize(
    ("body", "scheme"),
    [
        ("1. Peace.\n2. Trade.\n", "1."),
        ("1) Peace.\n2) Trade.\n", "1)"),
        ("(1) Peace.\n(2) Trade.\n", "(1)"),
        ("1: Peace.\n2: Trade.\n", "1:"),
        ("1 - Peace.\n2 \u2013 Trade.\n", "1 -"),
        ("§ 1 Peace.\n§2. Trade.\n", "§ 1"),
        ("Article 1\nPeace.\n\nArticle 2\nTrade.\n", "Article 1"),
        ("Article I — Peace\nPeace.\nArticle II — Trade\nTrade.\n", "Article I"),
        ("Art. 1: Peace.\nArt. 2: Trade.\n", "Art. 1"),
        ("Point 1. Peace.\nPoint 2. Trade.\n", "Point 1"),
        ("Section 1 Peace.\nSection 2 Trade.\n", "Section 1"),
        ("Clause 1: Peace.\nClause 2: Trade.\n", "Clause 1"),
        ("**1.** Peace.\n\n**2.** Trade.\n", "**1.**"),
        ("- Peace.\n- Trade.\n", "bullets"),
    ],
)
def test_each_numbering_scheme_gives_the_same_two_provisions(body: str, scheme: str) -> None:
    result = read(body)
    assert result.unplaced == ()
    numbers = [p.number for p in result.plan.provisions]
    assert numbers in (["1", "2"], ["I", "II"])
    assert [p.text for p in result.plan.provisions] == ["Peace.", "Trade."]
    assert result.scheme == scheme


def test_markdown_headings_number_provisions_and_own_the_paragraphs_below() -> None:
    result = read("## 1. Peace\n\nThe parties agree.\n\nThey sign.\n\n## 2. Trade\n\nGoods move.\n")
    assert result.unplaced == ()
    assert result.scheme == "## 1."
    first, second = result.plan.provisions
    assert (first.heading, first.text) == ("Peace", "The parties agree.\n\nThey sign.")
    assert (second.heading, second.text) == ("Trade", "Goods move.")


def test_dotted_numbers_nest_as_sub_points_and_sub_sub_points() -> None:
    body = "1. Peace.\n1.1 Ceasefire.\n1.1.1 Monitored.\n1.2 Amnesty.\n2. Trade.\n2.1 Goods.\n"
    result = read(body)
    assert result.unplaced == ()
    assert outline(result.plan) == [
        ("1", "Peace.", [("1.1", "Ceasefire.", [("1.1.1", "Monitored.")]), ("1.2", "Amnesty.")]),
        ("2", "Trade.", [("2.1", "Goods.")]),
    ]
    assert result.scheme == "1. (sub-points 1.1)"


def test_a_draft_numbered_only_in_dotted_numbers_has_them_as_provisions() -> None:
    result = read("1.1 Peace.\n1.2 Trade.\n")
    assert [p.number for p in result.plan.provisions] == ["1.1", "1.2"]


def test_a_figure_that_wraps_to_the_start_of_a_line_stays_text() -> None:
    result = read(
        "1. Peace.\n2. Displaced people are helped home,\n1.5 million of them.\n3. Vote.\n"
    )
    assert result.unplaced == ()
    assert outline(result.plan) == [
        ("1", "Peace.", []),
        ("2", "Displaced people are helped home, 1.5 million of them.", []),
        ("3", "Vote.", []),
    ]


def test_a_figure_opening_a_paragraph_is_reported_like_any_stray_paragraph() -> None:
    result = read("1. Peace.\n1.1 Borders hold.\n\n1.5 million people return.\n\n2. Vote.\n")
    assert outline(result.plan) == [("1", "Peace.", [("1.1", "Borders hold.")]), ("2", "Vote.", [])]
    assert [u.text for u in result.unplaced] == ["1.5 million people return."]


@pytest.mark.parametrize(
    ("body", "labels"),
    [
        # the next number in the sequence, or the first of a new level: still a label
        ("1. Peace.\n1.1 borders hold.\n1.2 trade resumes.\n", ["1.1", "1.2"]),
        ("1. Peace.\n2. Trade.\n2.1 goods move.\n", ["2.1"]),
        # upper case after the number: a label, even out of sequence
        ("1. Peace.\n1.5 Borders hold.\n", ["1.5"]),
    ],
)
def test_dotted_numbers_in_sequence_or_capitalised_stay_labels(
    body: str, labels: list[str]
) -> None:
    result = read(body)
    assert result.unplaced == ()
    assert [s.label for p in result.plan.provisions for s in p.subpoints] == labels


@pytest.mark.parametrize(
    ("body", "labels"),
    [
        ("1. Peace:\n(a) first;\n(b) second.\n", ["a", "b"]),
        ("1. Peace:\na) first;\nb) second.\n", ["a", "b"]),
        ("1. Peace:\n   (i) first;\n   (ii) second.\n", ["i", "ii"]),
        ("1. Peace:\n(1) first;\n(2) second.\n", ["1", "2"]),
        ("1. Peace:\n   - first;\n   - second.\n", ["1", "2"]),
        ("1. Peace:\n* first;\n* second.\n", ["1", "2"]),
    ],
)
def test_sub_points_and_bullets_under_a_point_are_its_items(body: str, labels: list[str]) -> None:
    result = read(body)
    assert result.unplaced == ()
    (provision,) = result.plan.provisions
    assert provision.text == "Peace:"
    assert [s.label for s in provision.subpoints] == labels
    assert [s.text for s in provision.subpoints] == ["first;", "second."]


def test_bullets_under_a_lettered_sub_point_are_its_own_items() -> None:
    body = "1. Peace:\n   (a) guarantees:\n      - by land;\n      - by sea;\n   (b) trade.\n"
    result = read(body)
    assert outline(result.plan) == [
        ("1", "Peace:", [("a", "guarantees:", [("1", "by land;"), ("2", "by sea;")]),
                         ("b", "trade.")]),
    ]  # fmt: skip


def test_preamble_and_closing_lines_are_unnumbered_provisions_of_their_own() -> None:
    body = "The parties, wishing peace,\nagree as follows:\n\n1. Peace.\n2. Trade.\n\nDone.\n"
    result = read(body)
    assert result.unplaced == ()
    assert outline(result.plan) == [
        ("preamble", "The parties, wishing peace, agree as follows:", []),
        ("1", "Peace.", []),
        ("2", "Trade.", []),
        ("closing", "Done.", []),
    ]
    assert result.scheme == "1. (unnumbered preamble and closing)"


def test_an_article_heading_over_its_sub_points_is_its_text() -> None:
    result = read("Article 1 — Borders\n(a) the river;\n(b) the ridge.\n")
    (provision,) = result.plan.provisions
    assert (provision.heading, provision.text) == (None, "Borders")
    assert [s.label for s in provision.subpoints] == ["a", "b"]


def test_a_rejected_sub_point_takes_its_continuation_lines_with_it() -> None:
    body = "1. Peace:\n   a. first\n   a. again\n      wrapped\n\n      more\n   b. next\n"
    result = read(body)
    assert [s.text for s in result.plan.provisions[0].subpoints] == ["first", "next"]
    assert [(u.line, u.text, u.reason) for u in result.unplaced] == [
        (5, "a. again wrapped", "sub-point a repeats in the same provision"),
        (8, "more", "continues a point that was not placed"),
    ]


def test_numbers_the_format_holds_become_provisions_and_sub_points_by_level() -> None:
    blocks = (
        Block("date: 2025-01-01", 1),
        Block("Peace.", 2, level=0, label="1"),
        Block("first", 3, level=1, label="a"),
        Block("Trade.", 4, level=0, label="2"),
    )
    result = build(Draft(blocks), "draft.docx")
    assert outline(result.plan) == [("1", "Peace.", [("a", "first")]), ("2", "Trade.", [])]
    assert result.scheme.startswith("numbered by the format")


# "Nothing lost": every word of a generated draft ends up in exactly one place.
WORD = st.integers(0, 10**6).map(lambda n: f"w{n}")
TEXT = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
MARKERS = st.sampled_from(
    ["1.", "2)", "(3)", "4:", "5 -", "§ 6", "Article 7", "Point 8.", "a.", "(b)", "ii.",
     "1.1", "- ", "* ", "**9.**", "## 10.", "## ", "", "", ""]
)  # fmt: skip
INDENT = st.sampled_from(["", "", "   ", "      "])


@st.composite
def drafts(draw: st.DrawFn) -> str:
    lines = ["date: 2025-01-01", ""]
    for _ in range(draw(st.integers(1, 14))):
        marker = draw(MARKERS)
        text = draw(TEXT)
        lines.append(f"{draw(INDENT)}{marker} {text}".rstrip() if marker else draw(INDENT) + text)
        if draw(st.booleans()):
            lines.append("")
    lines.append("99. w999999999 last")  # at least one numbered point
    return "\n".join(lines) + "\n"


def placed_words(result: Imported) -> list[str]:
    plan = result.plan
    found: list[str] = []

    def walk(items: tuple[SubPoint, ...]) -> None:
        for item in items:
            found.extend(item.text.split())
            walk(item.subpoints)

    for provision in plan.provisions:
        found.extend(provision.text.split())
        found.extend((provision.heading or "").split())
        walk(provision.subpoints)
    found.extend(plan.title.split())
    for unplaced in result.unplaced:
        found.extend(unplaced.text.split())
    return [w for w in found if re.fullmatch(r"w\d+", w)]


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(drafts())
def test_every_word_of_a_draft_lands_in_exactly_one_place(text: str) -> None:
    result = import_text(text, "draft.txt")
    words = [w for w in text.split() if re.fullmatch(r"w\d+", w)]
    assert sorted(placed_words(result)) == sorted(words)
