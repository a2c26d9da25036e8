"""References between provisions are read, and followed through a renumbering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

import builders
from plandiff.documents.load import load_plan
from plandiff.findings.references import references
from plandiff.model.plan import Plan
from plandiff.model.vocabulary import Rule
from plandiff.output import render
from plandiff.pipeline.compare import compare

A = "Ukraine's sovereignty will be confirmed by all parties to this agreement."
B = "The armed forces of Ukraine will be limited to 600,000 personnel."
C = "Frozen Russian assets worth $100 billion will be invested in rebuilding Ukraine."
D = "Elections will be held in Ukraine within 100 days after the signing."
NEW = "Ukraine will receive reliable security guarantees from the United States."


def plan(pid: str, provisions: list[str | tuple[str, list[tuple[str, str]]]]) -> Plan:
    """A plan numbered 1, 2, …; a provision given as (text, [(label, text), …]) has sub-points."""
    return builders.plan(pid, provisions)


def messages(old: Plan, new: Plan) -> list[str]:
    rules = {r.value for r in Rule if r.value.startswith("reference")}
    return [f.message for f in compare(old, new).findings if f.rule in rules]


def test_references_are_read_with_their_number() -> None:
    text = "As set out in point 2, Article 5(b) and paragraphs 12; see section 3a."
    assert [(r.word, r.number) for r in references(text)] == [
        ("point", "2"), ("article", "5"), ("paragraph", "12"), ("section", "3a"),
    ]  # fmt: skip


def test_every_number_of_a_list_or_range_is_a_reference() -> None:
    text = "Points 2 to 4, paragraphs 6, 7 and 9(b), items 1\u20133, point 2 and 600,000."
    assert [r.text for r in references(text)] == [
        "point 2", "point 4", "paragraph 6", "paragraph 7", "paragraph 9(b)", "item 1", "item 3",
        "point 2",
    ]  # fmt: skip


def test_relative_and_inward_references_are_read() -> None:
    text = "Under the preceding point and the next paragraph; paragraph 3 of this article."
    found = references(text)
    assert [(r.text, r.step, r.inward) for r in found] == [
        ("the preceding point", -1, False),
        ("the next paragraph", 1, False),
        ("paragraph 3 of this article", 0, True),
    ]
    assert references("the following points are agreed") == []


def test_a_reference_into_another_document_is_left_alone() -> None:
    text = "Article 5 of the Washington Treaty, Article 51 of UN Charter, Article 5-style pledges."
    assert references(text) == []
    assert references("No figures or references here.") == []


def test_a_preceding_point_that_is_no_longer_the_one_before_is_not_updated() -> None:
    follow = "The commission will verify the limit of the preceding point every year."
    old = plan("a", [A, B, follow])
    new = plan("b", [A, B, NEW, follow])  # a point comes between the limit and its check
    assert messages(old, new) == ["Reference not updated: the preceding point is now point 2"]


def test_a_relative_reference_made_a_number_with_its_target_is_renumbered() -> None:
    old = plan("a", [f"{A} See the following point.", B])
    new = plan("b", [NEW, f"{A} See point 3.", B])
    assert messages(old, new) == [
        "Reference renumbered, same target: the following point → point 3"
    ]


def test_a_preceding_point_that_was_removed_is_a_reference_to_a_removed_provision() -> None:
    follow = "The commission will verify the limit of the preceding point every year."
    assert messages(plan("a", [A, B, follow]), plan("b", [A, follow])) == [
        "Reference to a removed provision: the preceding point"
    ]


def test_a_sub_point_of_the_provision_itself_is_followed() -> None:
    points = [("1", "Ukraine will hold elections."), ("2", "Amnesty for all parties."),
              ("3", "Sanctions will be lifted in stages.")]  # fmt: skip
    inward = "The stages of paragraph 3 of this article will be agreed by the parties."
    old = plan("a", [A, (inward, points)])
    relabelled = [points[0], ("2", points[2][1])]  # 2 is dropped, 3 becomes 2
    kept = plan("b", [A, (inward, relabelled)])
    fixed = plan("b", [A, (inward.replace("3", "2"), relabelled)])
    assert messages(old, kept) == [
        "Reference not updated: paragraph 3 of this article is now paragraph 2"
    ]
    assert messages(old, fixed) == [
        "Reference renumbered, same target: paragraph 3 of this article → "
        "paragraph 2 of this article"
    ]


def test_a_sub_point_of_another_provision_is_followed() -> None:
    points = [("a", "Elections within 100 days."), ("b", "An amnesty for all parties.")]
    old = plan("a", [A, (B, points), "The amnesty of point 2(b) excludes war crimes."])
    new = plan(
        "b", [A, (B, [("a", points[1][1])]), "The amnesty of point 2(b) excludes war crimes."]
    )
    assert messages(old, new) == ["Reference not updated: point 2(b) is now point 2(a)"]


def test_a_range_follows_its_ends() -> None:
    tail = "The limits of points 2 to 3 will be verified."
    old = plan("a", [A, B, C, tail])
    moved = plan("b", [NEW, A, B, C, tail.replace("2 to 3", "3 to 4")])
    assert messages(old, moved) == [
        "Reference renumbered, same target: point 2 → point 3",
        "Reference renumbered, same target: point 3 → point 4",
    ]
    assert messages(old, plan("b", [NEW, A, B, C, tail])) == [
        "Reference not updated: point 2 is now point 3",
        "Reference not updated: point 3 is now point 4",
    ]


def test_references_nowhere_updated_are_told_once_not_kept_quiet() -> None:
    # Every reference stayed behind a renumbering: perhaps forgotten, perhaps another
    # document's. The reader hears of them in one finding rather than four errors or nothing.
    tail = "The limits of points 1, 2 and 3 and of point 4 will be verified."
    old = plan("a", [A, B, C, D, tail])
    cmp = compare(old, plan("b", [NEW, A, B, C, D, tail]))
    assert [(f.rule, f.severity.value, f.message) for f in cmp.findings] == [
        (
            "references-left-behind",
            "warning",
            "4 references name renumbered or removed provisions and none was updated: "
            "point 1, point 2, point 3, point 4",
        )
    ]


def test_a_reference_in_a_sub_point_is_followed() -> None:
    points = [("1", "Elections will be held."), ("2", "Amnesty for all parties."),
              ("3", "The amnesty of paragraph 2 of this article excludes war crimes.")]  # fmt: skip
    old = plan("a", [A, ("The parties agree:", points)])
    new = plan("b", [A, ("The parties agree:", [("1", points[1][1]), ("2", points[2][1])])])
    assert messages(old, new) == [
        "Reference not updated: paragraph 2 of this article is now paragraph 1"
    ]


CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize(
    "case", ["cross-references", "relative-references", "references-left-behind"]
)
def test_every_renderer_shows_each_reference_finding(case: str) -> None:
    folder = CASES / case
    cmp = compare(load_plan(folder / "old.json"), load_plan(folder / "new.json"))
    found = [f for f in cmp.findings if "reference" in f.rule]
    assert {f.rule for f in found} >= ({"references-left-behind"} if "left" in case else set())
    assert found
    shown = {fmt: render(cmp, fmt) for fmt in ("terminal", "markdown", "html")}
    listed = json.loads(render(cmp, "json"))["findings"]
    for finding in found:
        assert finding.message in shown["terminal"]
        assert str(escape(finding.message)) in shown["html"]
        assert finding.message in shown["markdown"]
        assert {"rule": finding.rule, "message": finding.message}.items() <= next(
            f for f in listed if f["message"] == finding.message
        ).items()


_PIECES = (
    "point", "Points", "ARTICLE", "article", "paragraph", "sections", "clause", "item", "appoint",
    "pointed", "2", "5(b)", "600,000", "3-style", " ", "  ", ", ", " and ", " to ", " of this ",
    " of the UN", " of The ", "the", " preceding ", "next", "Following", "(", ")", ".", "\n",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.text(max_size=3))
def test_references_are_found_as_a_scan_of_every_position_finds_them(
    pieces: list[str], extra: str
) -> None:
    """Trying the pattern only where a reference word stands finds the matches, groups and
    all, that the pattern finds trying every position; text beyond ASCII takes the scan."""
    from plandiff.findings import references as module

    for text in ("".join(pieces), "".join(pieces) + extra):
        found = [(m.span(), m.groupdict()) for m in module._matches(text)]
        assert found == [(m.span(), m.groupdict()) for m in module._REFERENCE.finditer(text)]
        relative = [m.span() for m in module._relative(text)]
        assert relative == [m.span() for m in module._RELATIVE.finditer(text)]


def test_text_beyond_ascii_is_scanned_at_every_position() -> None:
    from plandiff.findings import references as module

    # The pattern ignores case as Unicode does: a long s (U+017F) is an s.
    text = "as in \u017fection 4 and Point 2"
    assert [m.span() for m in module._matches(text)] == [(6, 15), (20, 27)]
