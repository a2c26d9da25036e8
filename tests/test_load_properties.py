"""Properties of loading: any input gives a plan or located one-line problems, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from plandiff.documents.load import load_plan, load_plan_text
from plandiff.model.errors import PlanError
from plandiff.model.record import document_of

ROOT = Path(__file__).resolve().parents[1]

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def outcome(text: bytes | str) -> tuple[str, ...]:
    """The problems of a text, or () when it is a valid plan; any other exception escapes."""
    try:
        load_plan_text(text, "f.json")
    except PlanError as err:
        assert err.problems
        for line in err.problems:
            assert "\n" not in line and line.startswith("f.json")
        return err.problems
    return ()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_a_plan_or_problems(data: bytes) -> None:
    outcome(data)


@settings(max_examples=60, deadline=None)
@given(JSON_VALUES)
def test_any_json_value_gives_a_plan_or_problems(value: object) -> None:
    assert outcome(json.dumps(value))  # random values are never valid plans


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["id", "title", "text", "number", "label", "provenance", "date"]), JSON_VALUES
)
def test_replacing_any_field_of_a_real_plan_gives_a_plan_or_problems(
    field: str, value: object
) -> None:
    doc = json.loads((ROOT / "plans" / "us-28-point-draft.json").read_text(encoding="utf-8"))
    target = doc["provisions"][9]["subpoints"][1] if field == "label" else doc
    if field in ("text", "number", "provenance"):
        target = doc["provisions"][9]
    target[field] = value
    outcome(json.dumps(doc))


def test_a_plan_written_back_out_loads_to_the_same_plan() -> None:
    for path in sorted((ROOT / "plans").glob("*.json")):
        plan = load_plan(path)
        text = json.dumps(document_of(plan, exclude_defaults=True))
        assert load_plan_text(text, path.name) == plan


def test_pointers_escape_slash_and_tilde_and_stay_on_one_line() -> None:
    doc = json.loads((ROOT / "plans" / "geneva-revision.json").read_text(encoding="utf-8"))
    doc["a/b~c"] = 1
    doc["x\n\x1b[2J" + "y" * 50] = 2
    assert outcome(json.dumps(doc)) == (
        "f.json: /a~1b~0c: unknown field: the plan format has no such field",
        "f.json: /x\\n\\x1b[2J" + "y" * 30 + "…: unknown field: the plan format has no such field",
    )
