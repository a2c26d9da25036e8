"""The bundled plans: valid, traceable to their sources, and faithful to the reported facts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from plandiff.documents.load import load_plan
from plandiff.model.plan import Completeness, Plan, Provenance

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "plans" / "us-28-point-draft.json"
GENEVA = ROOT / "plans" / "geneva-revision.json"


@pytest.fixture(scope="module")
def draft() -> Plan:
    return load_plan(DRAFT)


@pytest.fixture(scope="module")
def geneva() -> Plan:
    return load_plan(GENEVA)


def by_key(plan: Plan, key: str) -> str:
    (text,) = [p.text for p in plan.provisions if p.key == key]
    return text


def test_the_draft_has_all_28_points_in_order(draft: Plan) -> None:
    assert [p.number for p in draft.provisions] == [str(n) for n in range(1, 29)]
    assert draft.completeness is Completeness.FULL
    assert all(p.provenance is Provenance.REPORTED and p.sources for p in draft.provisions)
    labels = {p.number: "".join(s.label for s in p.subpoints) for p in draft.provisions}
    assert {n: v for n, v in labels.items() if v} == {
        "10": "abcd",
        "12": "abcdef",
        "13": "abc",
        "20": "abc",
        "21": "abcd",
        "24": "abcd",
    }


def test_the_draft_keeps_its_figures(draft: Plan) -> None:
    assert "600,000" in by_key(draft, "military-cap")
    assert "NATO" in by_key(draft, "nato-membership")
    frozen = by_key(draft, "frozen-assets")
    assert frozen.count("US$100 billion") == 2 and "50%" in frozen
    assert "100 days" in by_key(draft, "elections")
    assert "50:50" in by_key(draft, "zaporizhzhia-npp")
    assert "full amnesty" in by_key(draft, "amnesty")


def test_geneva_is_a_partial_revision_of_the_draft(draft: Plan, geneva: Plan) -> None:
    assert geneva.parent == draft.id == "us-28-point-draft"
    assert geneva.id == "geneva-revision"
    assert geneva.completeness is Completeness.PARTIAL
    assert geneva.completeness_note and "19" in geneva.completeness_note
    assert all(p.provenance is Provenance.REPORTED and p.sources for p in geneva.provisions)
    draft_keys = {p.key for p in draft.provisions}
    revised = {p.key for p in geneva.provisions} - {"presidential-approval"}
    assert revised == {
        "military-cap",
        "nato-membership",
        "us-russia-economy",
        "frozen-assets",
        "territory",
        "amnesty",
    }
    assert revised <= draft_keys


def test_geneva_records_the_reported_changes(geneva: Plan) -> None:
    assert "800,000" in by_key(geneva, "military-cap")
    assert "peacetime" in by_key(geneva, "military-cap")
    assert "removed" in by_key(geneva, "nato-membership")
    assert "removed" in by_key(geneva, "amnesty")
    assert "Trump and Zelensky" in by_key(geneva, "territory")
    assert "US\u2013Russia track" in by_key(geneva, "us-russia-economy")
    assert "United States and the EU" in by_key(geneva, "frozen-assets")
    assert "before it is taken to Moscow" in by_key(geneva, "presidential-approval")


@pytest.mark.parametrize("path", [DRAFT, GENEVA], ids=lambda p: p.name)
def test_bundled_plans_follow_the_committed_schema(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["$schema"] == "../schema/plan.schema.json"
    schema = json.loads((path.parent / doc["$schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
