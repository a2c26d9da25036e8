"""Importing numbered text into a plan, and exporting a plan back as numbered text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandiff.documents.load import load_plan_text
from plandiff.documents.textexport import export_text
from plandiff.documents.textimport import import_text
from plandiff.model.errors import PlanError
from plandiff.model.plan import Plan
from plandiff.model.record import document_of

# A small made-up sample in the style of a leaked draft: title, metadata, wrapped lines,
# lettered sub-points, and a date line with trailing commentary that has no place in a plan.
SAMPLE = """\
# Sample ceasefire draft
date: 2025-03-04 (as circulated on the fourth)
source: https://example.org/a ; https://example.org/b
note: wording paraphrased.

1. The parties confirm the sovereignty
   of both states.
2. A guarantee:
   a. The guarantor is compensated.
   b. The guarantee lapses on attack.
3. Forces are capped at 600,000 personnel.
"""


def test_a_leaked_draft_imports_with_every_point_and_sub_point() -> None:
    result = import_text(SAMPLE, "sample-draft.txt")
    plan = result.plan
    assert plan.id == "sample-draft"
    assert plan.title == "Sample ceasefire draft"
    assert str(plan.date) == "2025-03-04"
    assert [p.number for p in plan.provisions] == ["1", "2", "3"]
    assert plan.provisions[0].text == "The parties confirm the sovereignty of both states."
    assert [s.label for s in plan.provisions[1].subpoints] == ["a", "b"]
    assert [s.url for s in plan.sources] == ["https://example.org/a", "https://example.org/b"]
    assert plan.sources[0].id != plan.sources[1].id
    assert plan.completeness_note == "wording paraphrased."
    assert [(u.line, u.text) for u in result.unplaced] == [(2, "(as circulated on the fourth)")]
    assert any("no id given" in d for d in result.defaults)


def test_unparseable_lines_are_reported_with_their_line_numbers() -> None:
    text = (
        "# T\ndate: 2025-01-01\nversion: v1\nid: t\n\n"
        "An introduction that belongs nowhere.\n"
        "1. First.\n"
        "\n"
        "A stray paragraph after the first point.\n"
        "2. Second.\n"
        "   a. A sub-point.\n"
        "A line that is less indented than the sub-point.\n"
        "2. Second again.\n"
        "## A heading at the very end\n"
    )
    result = import_text(text, "t.txt")
    # Text before the first point is the draft's preamble, a provision of its own.
    assert [p.number for p in result.plan.provisions] == ["preamble", "1", "2"]
    assert result.plan.provisions[0].text == "An introduction that belongs nowhere."
    assert [(u.line, u.reason) for u in result.unplaced] == [
        (9, "a paragraph after a point's text, not indented under it"),
        (12, "a line less indented than the point before it"),
        (13, "provision number 2 is used twice"),
        (14, "a heading with no provision after it"),
    ]
    assert result.defaults == ("no completeness given: using 'full' from the default",)


def test_articles_headings_and_roman_sub_points() -> None:
    text = (
        "# Treaty\nid: treaty\nversion: signed\ndate: 2024-05-06\n"
        "coverage: partial — articles 4 to 9 are missing\nparent: treaty-draft\n"
        "party: State A\nparty: State B\nprovenance: reported\n\n"
        "## Preamble\n"
        "Article 1\n"
        "The parties agree.\n"
        "Article 2 — Borders\n"
        "The border runs as follows:\n"
        "(a) along the river;\n"
        "(i) from the bridge\n"
        "(ii) to the lake;\n"
        "(b) then along the ridge.\n"
        "1. The commission marks it.\n"
        "Article 3: Both ratify.\n"
    )
    result = import_text(text, "treaty.md")
    plan = result.plan
    assert result.unplaced == () and result.defaults == ()
    assert plan.completeness.value == "partial"
    assert plan.completeness_note == "articles 4 to 9 are missing"
    assert plan.parent == "treaty-draft" and plan.parties == ("State A", "State B")
    first, second, third = plan.provisions
    assert (first.heading, first.text) == ("Preamble", "The parties agree.")
    assert (second.heading, second.text) == ("Borders", "The border runs as follows:")
    # Without indentation, a change of numbering kind opens the next level down.
    assert [s.label for s in second.subpoints] == ["a", "b"]
    assert [s.label for s in second.subpoints[0].subpoints] == ["i", "ii"]
    assert [s.label for s in second.subpoints[1].subpoints] == ["1"]
    assert third.text == "Both ratify." and third.provenance.value == "reported"


def test_letter_i_after_h_stays_a_letter() -> None:
    points = "".join(f"{c}. item {c}\n" for c in "abcdefghij")
    result = import_text(f"# T\ndate: 2025-01-01\n\n1. List:\n{points}", "t.txt")
    assert [s.label for s in result.plan.provisions[0].subpoints] == list("abcdefghij")


def test_a_missing_date_is_an_error_not_a_guess() -> None:
    with pytest.raises(PlanError, match=r"t.txt: no date"):
        import_text("# T\n\n1. First.\n", "t.txt")


def test_a_text_without_points_is_refused_with_what_to_do() -> None:
    with pytest.raises(PlanError, match=r"^t.txt: no provision found: number the draft's points"):
        import_text("# T\ndate: 2025-01-01\n\nNothing numbered here.\n", "t.txt")


def test_export_reads_back_to_the_same_plan() -> None:
    plan = import_text(SAMPLE, "sample-draft.txt").plan
    again = import_text(export_text(plan), "other-name.txt")
    assert again.plan == plan
    assert again.unplaced == () and again.defaults == ()


# Words include characters that mean structure at the start of a line, so escaping is exercised.
WORD = st.from_regex(r"[A-Za-z0-9(),.;:#<>!\\\-—'\"]{1,7}", fullmatch=True)
LINE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=3).map("\n\n".join)
LABEL = st.from_regex(r"[A-Za-z0-9]{1,3}(?:[.\-][A-Za-z0-9]{1,2})?", fullmatch=True)
SLUG = st.from_regex(r"[a-z0-9]{1,6}(?:-[a-z0-9]{1,4})?", fullmatch=True)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    def subpoints(depth: int) -> st.SearchStrategy[list[dict[str, object]]]:
        child: st.SearchStrategy[dict[str, object]] = st.fixed_dictionaries(
            {"label": LABEL, "text": TEXT},
            optional={"subpoints": subpoints(depth + 1)} if depth == 0 else {},
        )
        return st.lists(child, max_size=3, unique_by=lambda s: str(s["label"]))

    provision = st.fixed_dictionaries(
        {
            "number": LABEL,
            "text": TEXT,
            "provenance": st.sampled_from(["confirmed", "reported", "reconstructed"]),
        },
        optional={
            "heading": LINE,
            "key": SLUG,
            "topics": st.lists(SLUG, max_size=2),
            "note": LINE,
            "subpoints": subpoints(0),
        },
    )
    provisions = draw(
        st.lists(provision, min_size=1, max_size=5, unique_by=lambda p: str(p["number"]))
    )
    keys = [p["key"] for p in provisions if "key" in p]
    if len(set(keys)) != len(keys):  # keys must be unique within a plan
        provisions = [{k: v for k, v in p.items() if k != "key"} for p in provisions]
    document = {
        "id": "generated",
        "title": "Generated",
        "version": "v",
        "date": "2025-01-01",
        "completeness": "full",
        "provisions": provisions,
    }
    return load_plan_text(json.dumps(document), "plan.json")


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run and machine
    suppress_health_check=[HealthCheck.too_slow],
)
@given(plans())
def test_any_plan_survives_export_and_import(plan: Plan) -> None:
    result = import_text(export_text(plan), "generated.txt")
    assert result.unplaced == ()
    assert result.plan.provisions == plan.provisions


@pytest.mark.parametrize("name", ["us-28-point-draft", "geneva-revision"])
def test_the_bundled_plans_survive_export_and_import(name: str) -> None:
    from pathlib import Path

    from plandiff.documents.load import load_plan

    plan = load_plan(Path(__file__).resolve().parents[1] / "plans" / f"{name}.json")
    result = import_text(export_text(plan), f"{name}.txt")
    assert result.unplaced == ()
    assert result.plan.provisions == plan.provisions
    fields = {"id", "title", "version", "date", "parent", "parties", "completeness"}
    assert document_of(result.plan, include=fields) == document_of(plan, include=fields)
    # A source's publisher and access date have no place in the text form.
    kept = [(s.id, s.title, s.url) for s in result.plan.sources]
    assert kept == [(s.id, s.title, s.url) for s in plan.sources]


def test_a_paragraph_starting_with_a_workflow_command_is_escaped_and_read_back() -> None:
    plan = import_text("# T\ndate: 2025-01-01\n\n1. First.\n\n   \\::error::x\n", "t.txt").plan
    assert plan.provisions[0].text == "First.\n\n::error::x"
    exported = export_text(plan)
    assert not any(line.lstrip().startswith("::") for line in exported.splitlines())
    assert import_text(exported, "t.txt").plan.provisions == plan.provisions
