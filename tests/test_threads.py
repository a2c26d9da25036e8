"""Lineage rows from hand-built comparisons: no engine involved, every kind of change."""

from __future__ import annotations

import json

from plandiff.changes import (
    ChangeKind,
    Comparison,
    Finding,
    ProvisionChange,
    ProvisionRef,
    Severity,
    WordEdit,
)
from plandiff.library import plan_info
from plandiff.model import Plan
from plandiff.options import CompareOptions
from plandiff.threads import lineage_rows


def make_plan(plan_id: str, numbers: list[str], keys: dict[str, str] | None = None) -> Plan:
    keys = keys or {}
    provisions = [
        {"number": n, "text": f"Text of {n} in {plan_id}.", "provenance": "confirmed"}
        | ({"key": keys[n]} if n in keys else {})
        for n in numbers
    ]
    document = {
        "id": plan_id,
        "title": plan_id,
        "version": plan_id,
        "date": "2025-01-01",
        "completeness": "full",
        "provisions": provisions,
    }
    return Plan.model_validate_json(json.dumps(document))


def ref(plan: Plan, number: str) -> ProvisionRef:
    position = [p.number for p in plan.provisions].index(number)
    p = plan.provisions[position]
    return ProvisionRef(number=p.number, key=p.key, position=position, text=p.text)


def change(
    kind: ChangeKind, old: Plan, olds: list[str], new: Plan, news: list[str], ident: str
) -> ProvisionChange:
    return ProvisionChange(
        id=ident,
        kind=kind,
        old=tuple(ref(old, n) for n in olds),
        new=tuple(ref(new, n) for n in news),
        confidence=1.0,
        edits=(WordEdit(op="equal", old="x", new="x"),),
    )


def comparison(
    old: Plan, new: Plan, changes: list[ProvisionChange], findings: tuple[Finding, ...] = ()
) -> Comparison:
    return Comparison(
        old=plan_info(old),
        new=plan_info(new),
        options=CompareOptions(),
        changes=tuple(changes),
        findings=findings,
        counts=(),
    )


V0 = make_plan("v0", ["1", "2", "3", "4"], {"4": "cap"})
V1 = make_plan("v1", ["1", "2a", "2b", "3", "4"], {"3": "cap"})
V2 = make_plan("v2", ["1", "2", "3"], {"3": "cap"})
U, S, R = ChangeKind.UNCHANGED, ChangeKind.SPLIT, ChangeKind.REMOVED
FIRST = comparison(
    V0,
    V1,
    [
        change(U, V0, ["1"], V1, ["1"], "a"),
        change(S, V0, ["2"], V1, ["2a", "2b"], "b"),
        change(R, V0, ["3"], V1, [], "c"),
        change(ChangeKind.RENUMBERED, V0, ["4"], V1, ["3"], "d"),
        change(ChangeKind.ADDED, V0, [], V1, ["4"], "e"),
    ],
    (Finding(rule="cap", severity=Severity.WARNING, message="cap raised", change_id="d"),),
)
SECOND = comparison(
    V1,
    V2,
    [
        change(U, V1, ["1"], V2, ["1"], "a"),
        change(ChangeKind.MERGED, V1, ["2a", "2b"], V2, ["2"], "b"),
        change(U, V1, ["3"], V2, ["3"], "c"),
        change(ChangeKind.NOT_COVERED, V1, ["4"], V2, [], "d"),
    ],
)


def test_every_provision_lands_in_exactly_one_row_in_reading_order() -> None:
    rows = lineage_rows([V0, V1, V2], [FIRST, SECOND])
    assert [r.id for r in rows] == ["v1-1", "v1-2", "v1-3", "cap", "v2-4"]
    numbers = [[[p.number for p in c.provisions] for c in r.cells] for r in rows]
    assert numbers == [
        [["1"], ["1"], ["1"]],
        [["2"], ["2a", "2b"], ["2"]],
        [["3"], [], []],
        [["4"], ["3"], ["3"]],
        [[], ["4"], []],
    ]


def test_cells_carry_the_changes_and_findings_from_the_previous_version() -> None:
    rows = {r.id: r for r in lineage_rows([V0, V1, V2], [FIRST, SECOND])}
    cap = rows["cap"]
    assert cap.label == "cap"
    assert [c.plan_id for c in cap.cells] == ["v0", "v1", "v2"]
    assert cap.cells[0].changes == ()
    assert [c.kind for c in cap.cells[1].changes] == [ChangeKind.RENUMBERED]
    assert [f.message for f in cap.cells[1].findings] == ["cap raised"]
    assert [c.kind for c in cap.cells[2].changes] == [ChangeKind.UNCHANGED]
    split = rows["v1-2"]
    assert [c.kind for c in split.cells[1].changes] == [ChangeKind.SPLIT]
    assert [c.kind for c in split.cells[2].changes] == [ChangeKind.MERGED]
    assert [c.kind for c in rows["v1-3"].cells[1].changes] == [ChangeKind.REMOVED]
    assert [c.kind for c in rows["v2-4"].cells[2].changes] == [ChangeKind.NOT_COVERED]


def test_a_single_version_has_one_row_per_provision() -> None:
    rows = lineage_rows([V0], [])
    assert [r.label for r in rows] == ["point 1", "point 2", "point 3", "cap"]
