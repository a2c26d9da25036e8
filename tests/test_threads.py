"""Lineage rows from hand-built comparisons: no engine involved, every kind of change."""

from __future__ import annotations

from lineages import FIRST, SECOND, V0, V1, V2
from plandiff.changes import ChangeKind
from plandiff.threads import lineage_rows


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
