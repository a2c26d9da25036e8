"""Metadata changes: the plain comparison of sources and parties agrees with deepdiff's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from plandiff.pipeline import metadata

PLANS = Path(__file__).resolve().parents[1] / "plans"
NAMES = ["United States", "Ukraine", "Russia", "Russian Federation", "EU", "European Union"]
source = st.fixed_dictionaries(
    {
        "title": st.sampled_from(["Report", "Report (update)", "Text"]),
        "url": st.sampled_from(["https://a.example/1", "https://b.example/2"]),
        "accessed": st.sampled_from([None, "2025-11-21", "2025-11-24"]),
        "publisher": st.sampled_from([None, "Agency", "Paper"]),
    }
)
view = st.fixed_dictionaries(
    {
        "parties": st.lists(st.sampled_from(NAMES), max_size=4),
        "sources": st.dictionaries(st.sampled_from(["s1", "s2", "s3", "s4"]), source),
    }
)


def _records(changes: list[Any]) -> list[tuple[str, str, str | None, str | None]]:
    return sorted((c.path, c.change, c.old, c.new) for c in changes)


def _shared_order(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    return [p for p in before if p in after], [p for p in after if p in before]


@settings(max_examples=300, deadline=None)
@given(view, view)
def test_plain_comparison_says_what_deepdiff_says(before: Any, after: Any) -> None:
    # deepdiff (ignore_order) sees neither the order of the parties nor their copies.
    old, new = before["parties"], after["parties"]
    plain = len(set(old)) == len(old) and len(set(new)) == len(new)
    if plain and _shared_order(old, new)[0] == _shared_order(old, new)[1]:
        expected = metadata._deepdiff_changes(before, after) if before != after else []
        assert _records(metadata._nested_changes(before, after)) == _records(expected)


@settings(max_examples=300, deadline=None)
@given(view, view)
def test_every_copy_and_the_order_of_the_parties_count(before: Any, after: Any) -> None:
    old, new = before["parties"], after["parties"]
    found = [c for c in metadata._nested_changes(before, after) if c.path.startswith("parties")]
    kinds = [c.change for c in found]
    assert kinds.count("added") - kinds.count("removed") == len(new) - len(old)
    distinct_old, distinct_new = list(dict.fromkeys(old)), list(dict.fromkeys(new))
    shared_old, shared_new = _shared_order(distinct_old, distinct_new)
    assert kinds.count("reordered") == (shared_old != shared_new)
    assert bool(found) == (old != new)


def test_an_added_party_and_a_changed_source_field() -> None:
    before = {"parties": ["United States"], "sources": {"s1": {"title": "T", "accessed": None}}}
    after = {
        "parties": ["United States", "Ukraine"],
        "sources": {"s1": {"title": "T", "accessed": "2025-11-24"}},
    }
    assert _records(metadata._nested_changes(before, after)) == [
        ("parties[1]", "added", None, "Ukraine"),
        ("sources[s1].accessed", "changed", None, "2025-11-24"),
    ]


def _parties(before: list[str], after: list[str]) -> list[tuple[str, str, str | None, str | None]]:
    empty: dict[str, Any] = {}
    return _records(
        metadata._nested_changes(
            {"parties": before, "sources": empty}, {"parties": after, "sources": empty}
        )
    )


def test_removing_a_duplicated_party_is_a_change() -> None:
    assert _parties(["Ukraine", "Russia", "Ukraine"], ["Ukraine", "Russia"]) == [
        ("parties[2]", "removed", "Ukraine", None),
    ]
    assert _parties(["Ukraine"], ["Ukraine", "Ukraine"]) == [
        ("parties[1]", "added", None, "Ukraine"),
    ]


def test_every_copy_of_a_removed_party_is_named() -> None:
    assert _parties(["EU", "Ukraine", "EU"], ["Ukraine"]) == [
        ("parties[0]", "removed", "EU", None),
        ("parties[2]", "removed", "EU", None),
    ]


def test_reordering_the_parties_is_a_change() -> None:
    assert _parties(["Ukraine", "Russia", "EU"], ["Russia", "Ukraine", "EU"]) == [
        ("parties", "reordered", '["Ukraine", "Russia", "EU"]', '["Russia", "Ukraine", "EU"]'),
    ]


def test_an_insertion_alone_is_not_a_reordering() -> None:
    assert _parties(["Ukraine", "Russia"], ["Ukraine", "EU", "Russia"]) == [
        ("parties[1]", "added", None, "EU"),
    ]


def test_a_plan_that_only_drops_a_duplicate_party_differs(tmp_path: Path) -> None:
    plan = json.loads((PLANS / "geneva-revision.json").read_text(encoding="utf-8"))
    plan.pop("$schema", None)
    doubled = dict(plan, parties=[*plan["parties"], plan["parties"][0]])
    reordered = dict(plan, parties=list(reversed(plan["parties"])))
    for other, said in ((doubled, "removed"), (reordered, "reordered")):
        old, new = tmp_path / "old.json", tmp_path / "new.json"
        old.write_text(json.dumps(other), encoding="utf-8")
        new.write_text(json.dumps(plan), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "plandiff", "compare", str(old), str(new), "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        changes = json.loads(done.stdout)["metadata"]
        assert [c["change"] for c in changes] == [said]
