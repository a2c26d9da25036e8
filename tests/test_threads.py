"""Lineage rows from hand-built comparisons: no engine involved, every kind of change."""

from __future__ import annotations

from lineages import FIRST, SECOND, V0, V1, V2
from plandiff.model.changes import ChangeKind
from plandiff.versions.threads import lineage_rows


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


def test_a_bridge_joins_a_provision_across_a_partial_version() -> None:
    from lineages import change, comparison, make_plan

    before = make_plan("b0", ["1", "2"])
    partial = make_plan("b1", ["1"])
    after = make_plan("b2", ["1", "2"], texts={"2": "Text of 2 in b0, amended."})
    first = comparison(
        before,
        partial,
        [
            change(ChangeKind.UNCHANGED, before, ["1"], partial, ["1"], "a"),
            change(ChangeKind.NOT_COVERED, before, ["2"], partial, [], "b"),
        ],
    )
    second = comparison(
        partial,
        after,
        [
            change(ChangeKind.UNCHANGED, partial, ["1"], after, ["1"], "a"),
            change(ChangeKind.ADDED, partial, [], after, ["2"], "b"),
        ],
    )
    bridge = comparison(
        before, after, [change(ChangeKind.MODIFIED, before, ["2"], after, ["2"], "m")]
    )
    unbridged = lineage_rows([before, partial, after], [first, second])
    assert len(unbridged) == 3  # point 2 reappears as a stranger
    rows = lineage_rows([before, partial, after], [first, second], {1: bridge})
    assert [r.id for r in rows] == ["v1-1", "v1-2"]
    cells = rows[1].cells
    assert [[p.number for p in c.provisions] for c in cells] == [["2"], [], ["2"]]
    assert [c.kind for c in cells[1].changes] == [ChangeKind.NOT_COVERED]
    assert [c.kind for c in cells[2].changes] == [ChangeKind.MODIFIED]
    assert (cells[1].bridged_from, cells[2].bridged_from) == (None, "b0")
