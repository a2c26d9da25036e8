"""Golden comparison cases, one folder each under ``tests/cases/``, discovered automatically.

A case folder holds ``old.json`` and ``new.json`` (two plan versions), optionally ``pins.toml``
(an analyst's pin file), ``expect.toml`` (what the case is about, checked by hand-written
rules that no re-baseline can overwrite, and in an ``[options]`` table any ``CompareOptions``
the case compares with) and the expected outputs ``expected.json`` (the Comparison) and
``expected.md`` (its Markdown report).

Re-baseline after an intended change, then review the diff of the expected files::

    PLANDIFF_REBASELINE=1 python -m pytest tests/test_cases.py
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import pytest

from plandiff.align.pins import PINS_FILE, load_pins
from plandiff.documents.load import load_plan
from plandiff.model.changes import Comparison, ProvisionChange
from plandiff.model.options import CompareOptions
from plandiff.output import render
from plandiff.output.versions import render_history
from plandiff.pipeline.compare import compare
from plandiff.versions.history import history

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())
REBASELINE = os.environ.get("PLANDIFF_REBASELINE") == "1"


def expectations(case: Path) -> dict[str, Any]:
    return tomllib.loads((case / "expect.toml").read_text(encoding="utf-8"))


def run_case(case: Path) -> Comparison:
    old, new = load_plan(case / "old.json"), load_plan(case / "new.json")
    pins = case / PINS_FILE
    options = CompareOptions(
        **expectations(case).get("options", {}),
        pins=load_pins(pins, old=old, new=new) if pins.exists() else (),
    )
    return compare(old, new, options=options)


def check_golden(path: Path, actual: str) -> None:
    if REBASELINE:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run with PLANDIFF_REBASELINE=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs (re-baseline if intended)"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_outputs(case: Path) -> None:
    comparison = run_case(case)
    check_golden(case / "expected.json", render(comparison, "json"))
    check_golden(case / "expected.md", render(comparison, "markdown"))


HISTORY_CASES = [c for c in CASES if "history" in tomllib.loads((c / "expect.toml").read_text())]


@pytest.mark.parametrize("case", HISTORY_CASES, ids=[c.name for c in HISTORY_CASES])
def test_golden_history(case: Path) -> None:
    # A case may follow one provision through its two versions: expect.toml's "history"
    # names it, and expected-history.md is the Markdown of `plandiff history`.
    expect: dict[str, Any] = tomllib.loads((case / "expect.toml").read_text(encoding="utf-8"))
    plans = [load_plan(case / "old.json"), load_plan(case / "new.json")]
    found = history(plans, expect["history"]["query"])
    check_golden(case / "expected-history.md", render_history(found, "markdown"))
    statuses = [cell.status for row in found.rows for cell in row.cells]
    assert statuses == expect["history"]["statuses"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_expectations(case: Path) -> None:
    expect = expectations(case)
    comparison = run_case(case)
    rows = {c.id: c for c in comparison.changes}
    assert comparison.has_differences is expect.get("has_differences", True)
    for row_id, kind in expect.get("kinds", {}).items():
        assert row_id in rows, f"no row {row_id}; rows are {sorted(rows)}"
        assert rows[row_id].kind.value == kind, row_id
    for row_id, flags in expect.get("flags", {}).items():
        row = rows[row_id]
        for flag in ("moved", "renumbered", "reworded"):
            assert getattr(row, flag) is (flag in flags), f"{row_id}.{flag}"
    for row_id, pairs in expect.get("edits", {}).items():
        assert _changed_runs(rows[row_id]) == [tuple(p) for p in pairs]
    for row_id, (olds, news) in expect.get("parts", {}).items():
        assert [r.number for r in rows[row_id].old] == olds
        assert [r.number for r in rows[row_id].new] == news
    for row_id, expected in expect.get("subpoints", {}).items():
        got = [[s.old_label or "", s.new_label or "", s.kind.value] for s in rows[row_id].subpoints]
        assert got == expected
    for row_id, how in expect.get("matched_by", {}).items():
        matched_by = rows[row_id].matched_by
        assert matched_by is not None and matched_by.value == how
    # Paired provisions per facet, whatever their kind ("reworded" = 1 though none is modified).
    facets = {f.facet.value: f.count for f in comparison.facets}
    for facet, count in expect.get("facets", {}).items():
        assert facets.get(facet, 0) == count, facet
    # Each finding message of a row, worst first, as the report gives them.
    for row_id, messages in expect.get("messages", {}).items():
        assert row_id in rows, f"no row {row_id}; rows are {sorted(rows)}"
        found = [f.message for f in comparison.findings if f.change_id == row_id]
        assert found == messages, row_id


def _changed_runs(change: ProvisionChange) -> list[tuple[str, str]]:
    return [(e.old, e.new) for e in change.edits if e.op != "equal"]


def test_every_case_is_complete() -> None:
    assert len(CASES) >= 12
    for case in CASES:
        for name in ("old.json", "new.json", "expect.toml"):
            assert (case / name).is_file(), f"{case.name} lacks {name}"


def test_a_case_compares_with_its_own_options() -> None:
    case = next(c for c in CASES if c.name == "split-capped")
    assert expectations(case)["options"] == {"max_parts": 2}
    assert run_case(case).options.max_parts == 2
    # The same plans with the default options split old 2 in three.
    default = compare(load_plan(case / "old.json"), load_plan(case / "new.json"))
    assert [len(c.new) for c in default.changes if c.kind.value == "split"] == [3]
