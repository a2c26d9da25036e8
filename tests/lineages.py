"""Hand-built three-version lineages for the history, synopsis and lineage-row tests."""

from __future__ import annotations

import json

from plandiff.documents.library import plan_info
from plandiff.model.changes import (
    ChangeKind,
    Comparison,
    Finding,
    NumberChange,
    ProvisionChange,
    ProvisionRef,
    WordEdit,
)
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Plan
from plandiff.model.vocabulary import Severity

HOSTILE = "<script>alert(1)</script> [x](javascript:1) | ::error::x \x1b[2J"


def make_plan(
    plan_id: str,
    numbers: list[str],
    keys: dict[str, str] | None = None,
    texts: dict[str, str] | None = None,
) -> Plan:
    keys = keys or {}
    texts = texts or {}
    provisions = [
        {"number": n, "text": texts.get(n, f"Text of {n} in {plan_id}."), "provenance": "confirmed"}
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
    kind: ChangeKind,
    old: Plan,
    olds: list[str],
    new: Plan,
    news: list[str],
    ident: str,
    edits: tuple[WordEdit, ...] = (),
) -> ProvisionChange:
    olds_text = " ".join(ref(old, n).text for n in olds)
    return ProvisionChange(
        id=ident,
        kind=kind,
        old=tuple(ref(old, n) for n in olds),
        new=tuple(ref(new, n) for n in news),
        confidence=1.0,
        reworded=bool(edits),
        renumbered=olds != news and bool(olds) and bool(news),
        edits=edits or (WordEdit(op="equal", old=olds_text, new=olds_text),),
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


V0 = make_plan("v0", ["1", "2", "3", "4"], {"4": "cap"}, {"4": "Forces capped at 600,000."})
V1 = make_plan("v1", ["1", "2a", "2b", "3", "4"], {"3": "cap"}, {"3": "Forces capped at 800,000."})
V2 = make_plan(
    "v2", ["1", "2", "3"], {"3": "cap"}, {"1": HOSTILE, "3": "Forces capped at 800,000."}
)
CAP_EDITS = (
    WordEdit(op="equal", old="Forces capped at ", new="Forces capped at "),
    WordEdit(op="replace", old="600,000", new="800,000"),
    WordEdit(op="equal", old=".", new="."),
)
U, S, R = ChangeKind.UNCHANGED, ChangeKind.SPLIT, ChangeKind.REMOVED
FIRST = comparison(
    V0,
    V1,
    [
        change(U, V0, ["1"], V1, ["1"], "a"),
        change(S, V0, ["2"], V1, ["2a", "2b"], "b"),
        change(R, V0, ["3"], V1, [], "c"),
        change(ChangeKind.RENUMBERED, V0, ["4"], V1, ["3"], "d", CAP_EDITS),
        change(ChangeKind.ADDED, V0, [], V1, ["4"], "e"),
    ],
    (
        Finding(
            rule="cap",
            severity=Severity.WARNING,
            message="cap raised",
            change_id="d",
            number=NumberChange(
                quantity="personnel",
                old_value=600000,
                new_value=800000,
                old_text="600,000",
                new_text="800,000",
                delta=200000,
                percent=33.3,
            ),
        ),
    ),
)
SECOND = comparison(
    V1,
    V2,
    [
        change(
            ChangeKind.MODIFIED,
            V1,
            ["1"],
            V2,
            ["1"],
            "a",
            (WordEdit(op="replace", old="Text of 1 in v1.", new=HOSTILE),),
        ),
        change(ChangeKind.MERGED, V1, ["2a", "2b"], V2, ["2"], "b"),
        change(U, V1, ["3"], V2, ["3"], "c"),
        change(ChangeKind.NOT_COVERED, V1, ["4"], V2, [], "d"),
    ],
)
