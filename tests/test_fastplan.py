"""The fast plan reader never accepts what the strict model refuses, and builds what it builds.

Documents are drawn near the edge of validity: valid plans, then one field changed to a value
of the wrong type, an empty or blank string, a string with a trailing newline (which a '$' in
Python's regex would let through), a character outside ASCII, an unknown key, a missing key.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from plandiff.documents.fastplan import read_plan
from plandiff.documents.load import load_plan_text
from plandiff.documents.strictjson import parse_strict
from plandiff.model import plan as records
from plandiff.model import planfile
from plandiff.model.errors import PlanError

ROOT = Path(__file__).resolve().parents[1]

# Strings that sit on an edge of some rule, for every kind of field.
EDGE_STRINGS = [
    "",
    " ",
    "\n",
    "\u00a0",
    "\u3000",
    "a",
    "a\n",
    "\na",
    "A",
    "a-b",
    "a--b",
    "a.b",
    "-a",
    "a_",
    "1",
    "10a",
    "2.1",
    "é",
    "ß",
    "\u0661",
    "x" * 21,
    "y" * 101,
    "v" * 201,
    "2025-11-20",
    "2025-11-20\n",
    "2025-02-30",
    "\uff12\uff10\uff12\uff15-\uff11\uff11-\uff12\uff10",
    "20251120",
    "https://example.org/a",
    "https://example.org/a\n",
    "http://x",
    "https://ex ample.org",
    "https://example.org/\x1c",
    "https://example.org/é",
    "https://example.org/\u00a0",
    "ftp://example.org",
    "full",
    "partial",
    "Full",
    "confirmed",
    "reported",
    "reconstructed",
]
EDGY = st.sampled_from(EDGE_STRINGS)
TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=0, max_size=8) | EDGY
WRONG = st.sampled_from([None, 0, 1.5, True, [], {}, ["a"], {"a": 1}])
ANY_VALUE = EDGY | WRONG | TEXT | st.lists(EDGY, max_size=2)

labels = st.from_regex(r"[A-Za-z0-9]{1,3}(?:[.\-][A-Za-z0-9]{1,2})?", fullmatch=True)
slugs = st.from_regex(r"[a-z0-9]{1,6}(?:[-_.][a-z0-9]{1,4})?", fullmatch=True)
texts = st.text(min_size=1, max_size=12).filter(str.strip)


def _label(doc: dict[str, Any]) -> Any:
    return doc["label"]


@st.composite
def subpoint(draw: st.DrawFn, level: int) -> dict[str, Any]:
    doc: dict[str, Any] = {"label": draw(labels), "text": draw(texts)}
    if level == 1 and draw(st.booleans()):
        doc["subpoints"] = draw(st.lists(subpoint(2), max_size=2, unique_by=_label))
    return doc


@st.composite
def provision(draw: st.DrawFn, number: str) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "number": number,
        "text": draw(texts),
        "provenance": draw(st.sampled_from(["confirmed", "reported", "reconstructed"])),
    }
    for name, value in (
        ("key", st.none() | slugs),
        ("heading", st.none() | texts),
        ("subpoints", st.lists(subpoint(1), max_size=2, unique_by=_label)),
        ("topics", st.lists(slugs, max_size=2)),
        ("note", st.none() | texts),
    ):
        if draw(st.booleans()):
            doc[name] = draw(value)
    return doc


@st.composite
def valid_plans(draw: st.DrawFn) -> dict[str, Any]:
    numbers = draw(st.lists(labels, min_size=1, max_size=4, unique=True))
    sources = [
        {"id": sid, "title": draw(texts), "url": "https://example.org/" + sid}
        for sid in draw(st.lists(slugs, max_size=2, unique=True))
    ]
    doc: dict[str, Any] = {
        "id": draw(slugs),
        "title": draw(texts),
        "version": draw(texts),
        "date": "2025-11-20",
        "completeness": "full",
        "sources": sources,
        "provisions": [draw(provision(n)) for n in numbers],
    }
    for i, p in enumerate(doc["provisions"]):  # keys are unique within a plan
        if p.get("key") is not None:
            p["key"] = f"{p['key']}-{i}"
    if draw(st.booleans()) and sources:
        doc["provisions"][0]["sources"] = [sources[0]["id"]]
    if draw(st.booleans()):
        doc["parties"] = draw(st.lists(texts, max_size=2))
    if draw(st.booleans()):
        doc["$schema"] = "schema/plan.schema.json"
    return doc


def _containers(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a dict in the document (where a field can be changed)."""
    found = []
    if isinstance(doc, dict):
        found.append(path)
        for key, value in doc.items():
            found += _containers(value, (*path, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            found += _containers(value, (*path, i))
    return found


FIELDS = [
    "$schema",
    "schema_ref",
    "id",
    "title",
    "version",
    "date",
    "parent",
    "parties",
    "sources",
    "completeness",
    "completeness_note",
    "provisions",
    "number",
    "key",
    "heading",
    "text",
    "subpoints",
    "topics",
    "provenance",
    "note",
    "label",
    "url",
    "accessed",
    "publisher",
    "colour",
]


@st.composite
def near_plans(draw: st.DrawFn) -> dict[str, Any]:
    doc = draw(valid_plans())
    for _ in range(draw(st.integers(0, 2))):
        target: Any = doc
        for step in draw(st.sampled_from(_containers(doc))):
            target = target[step]
        # Mostly a field the container has (so that the rest stays valid), else any field.
        present = sorted(target)
        name = draw(st.sampled_from(present if draw(st.booleans()) and present else FIELDS))
        if draw(st.integers(0, 4)) == 0:
            target.pop(name, None)
        elif draw(st.booleans()) and isinstance(target.get(name), list) and target[name]:
            items = target[name]
            items[draw(st.integers(0, len(items) - 1))] = draw(ANY_VALUE)
        else:
            target[name] = draw(ANY_VALUE)
    return doc


def _strict(text: str) -> records.Plan | None:
    try:
        return planfile.Plan.model_validate_json(text).to_record()
    except ValidationError:
        return None


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(near_plans())
def test_the_fast_reader_never_accepts_what_the_model_refuses(doc: dict[str, Any]) -> None:
    text = json.dumps(doc)
    fast = read_plan(parse_strict(text, "p.json"))
    if fast is not None:
        assert _strict(text) == fast


# A plan with every field the format has, at every level, for the exhaustive test below.
FULL: dict[str, Any] = {
    "$schema": "schema/plan.schema.json",
    "id": "b",
    "title": "B",
    "version": "v2",
    "date": "2025-11-20",
    "parent": "a",
    "parties": ["One", "Two"],
    "sources": [
        {
            "id": "s1",
            "title": "Source",
            "url": "https://example.org/1",
            "accessed": "2025-11-21",
            "publisher": "Press",
        }
    ],
    "completeness": "partial",
    "completeness_note": "Some missing.",
    "provisions": [
        {
            "number": "1",
            "key": "peace",
            "heading": "Peace",
            "text": "Peace.",
            "subpoints": [
                {
                    "label": "a",
                    "text": "A.",
                    "subpoints": [{"label": "i", "text": "I.", "subpoints": []}],
                },
                {"label": "b", "text": "B."},
            ],
            "topics": ["ceasefire"],
            "provenance": "reported",
            "sources": ["s1"],
            "note": "Noted.",
        },
        {"number": "2", "text": "War.", "provenance": "confirmed"},
    ],
}
NESTED = [{"label": "x", "text": "X.", "subpoints": [{"label": "y", "text": "Y."}]}]
TWINS = [{"label": "x", "text": "X."}, {"label": "x", "text": "Y."}]
EDGES = [*EDGE_STRINGS, None, 0, 1.5, True, [], {}, ["a"], ["a\n"], {"a": 1}, NESTED, TWINS]


def _places(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every value's path in the document: dict fields and list items."""
    found = []
    items = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    )
    for key, value in items:
        found.append((*path, key))
        found += _places(value, (*path, key))
    return found


def test_no_edge_value_anywhere_gets_past_the_fast_reader_alone() -> None:
    assert read_plan(parse_strict(json.dumps(FULL), "p.json")) == _strict(json.dumps(FULL))
    checked = 0
    for place in _places(FULL):
        for value in EDGES:
            doc = json.loads(json.dumps(FULL))
            target = doc
            for step in place[:-1]:
                target = target[step]
            target[place[-1]] = value
            text = json.dumps(doc)
            fast = read_plan(parse_strict(text, "p.json"))
            if fast is not None:
                assert _strict(text) == fast, (place, value)
            checked += 1
    assert checked > 2000


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans())
def test_the_fast_reader_reads_plain_valid_plans(doc: dict[str, Any]) -> None:
    text = json.dumps(doc)
    expected = _strict(text)
    assert expected is not None  # the strategy draws valid plans only
    assert read_plan(parse_strict(text, "p.json")) == expected


@pytest.mark.parametrize("path", sorted((ROOT / "plans").glob("*.json")), ids=lambda p: p.name)
def test_the_bundled_plans_take_the_fast_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = read_plan(parse_strict(text, path.name))
    assert fast is not None
    assert fast == _strict(text)


def test_a_plan_the_reader_leaves_to_the_model_loads_the_same() -> None:
    # Outside ASCII the URL pattern is the model's to judge: the file still loads.
    doc = json.loads((ROOT / "plans" / "geneva-revision.json").read_text(encoding="utf-8"))
    doc["sources"][0]["url"] = "https://example.org/città"
    text = json.dumps(doc)
    assert read_plan(parse_strict(text, "g.json")) is None
    assert load_plan_text(text, "g.json").sources[0].url == "https://example.org/città"


def test_loading_a_valid_plan_imports_no_pydantic() -> None:
    import subprocess

    code = (
        "import sys; from plandiff.documents.load import load_plan; "
        "load_plan('plans/us-28-point-draft.json'); print('pydantic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "False"


def test_an_invalid_plan_is_still_explained_by_the_model() -> None:
    doc = json.loads((ROOT / "plans" / "geneva-revision.json").read_text(encoding="utf-8"))
    doc["provisions"][0]["number"] = "1\n"
    with pytest.raises(
        PlanError, match=r"/provisions/0/number \(provision at index 0\): must be a label"
    ):
        load_plan_text(json.dumps(doc), "g.json")


@pytest.mark.parametrize("name", ["Source", "SubPoint", "Provision", "Plan"])
def test_the_records_and_the_model_have_the_same_fields(name: str) -> None:
    record, model = getattr(records, name), getattr(planfile, name)
    fields = [(f.name, f.type, _default(f)) for f in dataclasses.fields(record)]
    assert fields == [
        (n, _annotation(model, n), "required" if info.is_required() else info.get_default())
        for n, info in model.model_fields.items()
    ]


def _default(spec: dataclasses.Field[Any]) -> Any:
    return "required" if spec.default is dataclasses.MISSING else spec.default


def _annotation(model: type[Any], name: str) -> str:
    return str(model.__annotations__[name])


@pytest.mark.parametrize(
    ("place", "item", "cap"),
    [
        (("parties",), "Party", records.MAX_PARTIES),
        (("provisions", 0, "topics"), "ceasefire", records.MAX_TOPICS),
        (("provisions", 0, "sources"), "s1", records.MAX_SOURCES),
        (("provisions", 0, "subpoints"), None, records.MAX_SUBPOINTS),
        (("provisions",), None, records.MAX_PROVISIONS),
    ],
)
def test_a_list_past_its_cap_is_left_to_the_model(
    place: tuple[Any, ...], item: Any, cap: int
) -> None:
    doc = json.loads(json.dumps(FULL))
    target = doc
    for step in place[:-1]:
        target = target[step]
    if place[-1] == "provisions":
        items = [{"number": str(i), "text": "x", "provenance": "reported"} for i in range(cap + 1)]
    elif place[-1] == "subpoints":
        items = [{"label": f"a{i}", "text": "y"} for i in range(cap + 1)]
    else:
        items = [item] * (cap + 1)
    target[place[-1]] = items
    assert read_plan(doc) is None
    if item is not None:  # the same list within its cap reads
        target[place[-1]] = [item]
        assert read_plan(doc) is not None
