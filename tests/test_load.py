"""Strict loading: every malformed input gets its exact one-line problem, located."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plandiff.documents.load import MAX_DEPTH, load_plan, load_plan_text
from plandiff.model.errors import PlanError, UsageError
from plandiff.model.plan import Plan
from plandiff.model.planfile import Plan as PlanFile


def plan_doc(**changes: Any) -> dict[str, Any]:
    """A small valid plan document; keyword arguments replace or add top-level fields."""
    doc: dict[str, Any] = {
        "id": "draft",
        "title": "A draft",
        "version": "1",
        "date": "2025-11-20",
        "sources": [{"id": "paper", "title": "A paper", "url": "https://example.org/a"}],
        "completeness": "full",
        "provisions": [
            {
                "number": "1",
                "key": "first",
                "text": "One.",
                "provenance": "reported",
                "sources": ["paper"],
            },
            {
                "number": "2",
                "text": "Two:",
                "provenance": "confirmed",
                "subpoints": [{"label": "a", "text": "A."}, {"label": "b", "text": "B."}],
            },
        ],
    }
    doc.update(changes)
    return doc


def problems_of(text: bytes | str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        load_plan_text(text, "p.json")
    return list(caught.value.problems)


def problems_of_doc(doc: dict[str, Any]) -> list[str]:
    return problems_of(json.dumps(doc, indent=1))


def test_a_valid_document_loads_into_a_frozen_plan() -> None:
    plan = load_plan_text(json.dumps(plan_doc()), "p.json")
    assert isinstance(plan, Plan)
    assert [p.number for p in plan.provisions] == ["1", "2"]
    assert plan.provisions[1].subpoints[1].text == "B."


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (b"", "p.json:1:1: the file is empty; a plan is a JSON object"),
        (b" \n\t\n", "p.json:1:1: the file holds only white space; a plan is a JSON object"),
        (b'{"id": "x",\n "title": ', "p.json:2:11: the file ends too early: the JSON is truncated"),
        (b'{"id": "x", "t": [1, 2,]}', "p.json:1:24: trailing comma before ']'"),
        (b'{"id": "x",}', "p.json:1:12: trailing comma before '}'"),
        (b'{"id": "x"} {}', "p.json:1:13: more data after the end of the JSON value"),
        (
            b'{"id": "a\tb"}',
            "p.json:1:10: raw control character inside a string; escape it (\\n, \\t, \\u0000)",
        ),
        (b'{"id": "x", "id": "y"}', "p.json:1:13: duplicate key 'id' (first at 1:2)"),
        (b'{"a": NaN}', "p.json:1:7: NaN is not valid JSON"),
        (b'{"a": -Infinity}', "p.json:1:7: -Infinity is not valid JSON"),
        (b'{"a": 1e400}', "p.json:1:7: number too large to represent"),
        (
            b'{"a": ' + b"9" * 5000 + b"}",
            "p.json:1:7: number of 5,000 characters; the limit is 100",
        ),
        (
            b'{"a": "\\ud83d"}',
            "p.json:1:7: string holds an unpaired surrogate escape (\\ud800-\\udfff)",
        ),
        (
            b'{"a": "\\udc00"}',
            "p.json:1:7: string holds an unpaired surrogate escape (\\ud800-\\udfff)",
        ),
        (
            b'{"a": "\\ud83d\\ud83d\\ude00"}',
            "p.json:1:7: string holds an unpaired surrogate escape (\\ud800-\\udfff)",
        ),
        (
            b'{"a": "\\ud83d\\ude00\\uDE00"}',
            "p.json:1:7: string holds an unpaired surrogate escape (\\ud800-\\udfff)",
        ),
        (b'{"a": "caf\xe9"}', "p.json:1:11: invalid UTF-8 (byte 0xe9); save the file as UTF-8"),
        (
            b"\xef\xbb\xbf{}",
            "p.json:1:1: starts with a UTF-8 byte order mark; save it as UTF-8 without one",
        ),
        (
            '{"id": "x"}'.encode("utf-16"),
            "p.json:1:1: starts with a UTF-16 byte order mark; save it as UTF-8 without one",
        ),
        (
            '{"id": "x"}'.encode("utf-16-le"),
            "p.json:1:1: is UTF-16 or UTF-32 (it has NUL bytes); save it as UTF-8",
        ),
        ("\ufeff{}", "p.json:1:1: starts with a byte order mark; remove it"),
    ],
)
def test_syntax_and_encoding_problems_are_located(text: bytes | str, problem: str) -> None:
    assert problems_of(text) == [problem]


def test_every_duplicate_key_and_constant_is_listed_not_just_the_first() -> None:
    text = b'{"a": 1,\n "a": 2,\n "b": {"x": NaN, "x": Infinity}}'
    assert problems_of(text) == [
        "p.json:2:2: duplicate key 'a' (first at 1:2)",
        "p.json:3:13: NaN is not valid JSON",
        "p.json:3:18: duplicate key 'x' (first at 3:8)",
        "p.json:3:23: Infinity is not valid JSON",
    ]


def test_the_same_key_in_different_objects_is_not_a_duplicate() -> None:
    plan = load_plan_text(json.dumps(plan_doc()), "p.json")
    assert len(plan.provisions) == 2  # "number" and "text" repeat across provisions


def test_deep_nesting_is_refused_at_the_limit_quickly() -> None:
    assert problems_of(b"[" * 100_000) == [
        f"p.json:1:{MAX_DEPTH + 1}: nesting deeper than 64 levels"
    ]
    closed = b"[" * 70 + b"]" * 70  # valid JSON, but deeper than the limit
    assert problems_of(closed) == ["p.json:1:65: nesting deeper than 64 levels"]


def test_depth_limit_is_adjustable() -> None:
    text = json.dumps(plan_doc())
    with pytest.raises(PlanError, match="nesting deeper than 3 levels"):
        load_plan_text(text, "p.json", max_depth=3)


def test_size_limit_is_adjustable_and_checked_before_parsing() -> None:
    with pytest.raises(PlanError) as caught:
        load_plan_text(b"{" * 200, "p.json", max_bytes=100)
    assert caught.value.problems == ("p.json: the file is larger than the limit of 100 bytes",)


def test_a_50_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk and no time
    with pytest.raises(PlanError) as caught:
        load_plan(big)
    assert caught.value.problems == (
        f"{big}: the file is larger than the limit of 33,554,432 bytes",
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.json", "missing.json: no such file"),
        (lambda p: p, ": is a directory, not a plan file"),
    ],
)
def test_unreadable_paths_raise_usage_errors(tmp_path: Path, make: Any, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        load_plan(make(tmp_path))
    assert str(caught.value).endswith(message)
    assert "\n" not in str(caught.value)


# --- the plan format: one failing document per rule, with its exact line -----------------

PROVISION_RULES = [
    ({"text": ""}, "/provisions/0/text (provision 1): must not be empty or only white space"),
    ({"text": " \n "}, "/provisions/0/text (provision 1): must not be empty or only white space"),
    (
        {"colour": "red"},
        "/provisions/0/colour (provision 1): unknown field: the plan format has no such field",
    ),
    (
        {"provenance": "rumoured"},
        "/provisions/0/provenance (provision 1): must be 'confirmed', 'reported' or 'reconstructed'",
    ),
    (
        {"number": "1 a"},
        "/provisions/0/number (provision at index 0): must be a label: letters and digits joined by '.' or '-', such as '7', '10a', '2.1'",
    ),
    ({"number": 1}, "/provisions/0/number (provision at index 0): must be a valid string"),
    (
        {"key": "Military Cap"},
        "/provisions/0/key (provision 1): must be a slug: lower-case letters and digits joined by '-', '_' or '.'",
    ),
    (
        {"topics": ["armed forces"]},
        "/provisions/0/topics/0 (provision 1): must be a slug: lower-case letters and digits joined by '-', '_' or '.'",
    ),
    (
        {"sources": ["nowhere"]},
        "/provisions/0/sources/0 (provision 1): cites 'nowhere', which is not in /sources",
    ),
    (
        {"subpoints": [{"label": "a", "text": "x"}, {"label": "a", "text": "y"}]},
        "/provisions/0/subpoints/1/label (provision 1): sub-point label 'a' is used twice (first at index 0)",
    ),
    (
        {
            "subpoints": [
                {
                    "label": "a",
                    "text": "x",
                    "subpoints": [
                        {"label": "i", "text": "y", "subpoints": [{"label": "z", "text": "z"}]}
                    ],
                }
            ]
        },
        "/provisions/0/subpoints/0/subpoints/0/subpoints (provision 1): sub-points nest at most two levels deep",
    ),
    (
        {"subpoints": [{"label": "a", "text": ""}]},
        "/provisions/0/subpoints/0/text (provision 1): must not be empty or only white space",
    ),
]


@pytest.mark.parametrize(("change", "problem"), PROVISION_RULES)
def test_each_provision_rule_has_its_exact_line(change: dict[str, Any], problem: str) -> None:
    doc = plan_doc()
    doc["provisions"][0].update(change)
    assert problems_of_doc(doc) == [f"p.json: {problem}"]


PLAN_RULES = [
    (
        {"id": "Draft One"},
        "/id: must be a slug: lower-case letters and digits joined by '-', '_' or '.'",
    ),
    ({"title": ""}, "/title: must not be empty or only white space"),
    ({"date": "20 Nov 2025"}, "/date: a date must be written YYYY-MM-DD"),
    ({"date": "2025-02-30"}, "/date: not a calendar date: day is out of range for month"),
    ({"completeness": "most"}, "/completeness: must be 'full' or 'partial'"),
    (
        {"completeness": "partial"},
        "/completeness_note: a partial plan needs a note saying what is missing",
    ),
    ({"parent": "draft"}, "/parent: a plan cannot be its own parent"),
    ({"provisions": []}, "/provisions: must have at least 1 item, not 0"),
    ({"extra": True}, "/extra: unknown field: the plan format has no such field"),
    (
        {"sources": [{"id": "paper", "title": "A paper", "url": "ftp://x"}]},
        "/sources/0/url: must be an http:// or https:// URL without spaces",
    ),
]


@pytest.mark.parametrize(("change", "problem"), PLAN_RULES)
def test_each_plan_rule_has_its_exact_line(change: dict[str, Any], problem: str) -> None:
    assert problems_of_doc(plan_doc(**change)) == [f"p.json: {problem}"]


def test_a_missing_field_and_a_non_object_are_reported() -> None:
    doc = plan_doc()
    del doc["title"]
    assert problems_of_doc(doc) == ["p.json: /title: required field is missing"]
    assert problems_of(b"[]") == ["p.json: /: must be an object"]


def test_duplicate_numbers_keys_and_sources_point_at_the_repeat() -> None:
    doc = plan_doc()
    doc["provisions"][1].update(number="1", key="first")
    doc["sources"].append(dict(doc["sources"][0]))
    assert problems_of_doc(doc) == [
        "p.json: /sources/1/id: source id 'paper' is used twice (first at index 0)",
        "p.json: /provisions/1/number (provision 1): provision number '1' is used twice (first at index 0)",
        "p.json: /provisions/1/key (provision 1): provision key 'first' is used twice (first at index 0)",
    ]


def test_field_errors_and_plan_rules_are_listed_together() -> None:
    doc = plan_doc(completeness="partial")
    doc["provisions"][1].update(number="1", text="")
    assert problems_of_doc(doc) == [
        "p.json: /completeness_note: a partial plan needs a note saying what is missing",
        "p.json: /provisions/1/text (provision 1): must not be empty or only white space",
        "p.json: /provisions/1/number (provision 1): provision number '1' is used twice (first at index 0)",
    ]


def test_values_quoted_in_problems_are_escaped_and_cut() -> None:
    doc = plan_doc()
    doc["provisions"][0]["sources"] = ["\x1b[31m" + "x" * 100]
    lines = problems_of_doc(doc)
    assert lines[-1].endswith("xxx…', which is not in /sources")
    assert all("\x1b" not in line for line in lines)
    assert "\\x1b[31m" in lines[-1]


def test_the_model_rules_hold_for_plans_built_in_code() -> None:
    doc = plan_doc()
    doc["provisions"][1]["number"] = "1"
    with pytest.raises(ValueError, match="provision number '1' is used twice"):
        PlanFile.model_validate_json(json.dumps(doc))


def test_paired_surrogate_escapes_and_escaped_backslashes_are_fine() -> None:
    doc = plan_doc()
    doc["provisions"][0]["text"] = "Peace \U0001f54a and a path C:\\ud800."
    text = json.dumps(doc)
    assert "\\ud83d\\udd4a" in text and "C:\\\\ud800" in text
    plan = load_plan_text(text, "p.json")
    assert plan.provisions[0].text == doc["provisions"][0]["text"]


def test_a_str_with_a_lone_surrogate_is_refused() -> None:
    assert problems_of('{"id": "\ud800"}') == ["p.json:1:9: holds a lone surrogate"]


def test_problems_are_capped_with_a_count_of_the_rest() -> None:
    doc = plan_doc()
    doc["provisions"] = [
        {"number": str(i), "text": "", "provenance": "reported"} for i in range(1, 151)
    ]
    lines = problems_of_doc(doc)
    assert len(lines) == 101
    assert (
        lines[0]
        == "p.json: /provisions/0/text (provision 1): must not be empty or only white space"
    )
    assert lines[-1] == "p.json: 50 more problems not shown"


def test_names_are_made_safe_for_one_line_of_output() -> None:
    assert problems_of_text_named(b"", "::error::x.json") == [
        "./::error::x.json:1:1: the file is empty; a plan is a JSON object"
    ]
    assert problems_of_text_named(b"", "a\nb.json")[0].startswith("a\\nb.json:1:1: ")


def problems_of_text_named(text: bytes, name: str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        load_plan_text(text, name)
    return list(caught.value.problems)


def test_problems_carry_their_parts_as_records() -> None:
    doc = plan_doc()
    doc["provisions"][1]["text"] = ""
    with pytest.raises(PlanError) as caught:
        load_plan_text(json.dumps(doc), "p.json")
    (detail,) = caught.value.details
    assert (detail.file, detail.pointer, detail.provision, detail.line) == (
        "p.json",
        "/provisions/1/text",
        "2",
        None,
    )
