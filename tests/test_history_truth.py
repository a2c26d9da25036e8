"""History tells unknown from removed, and follows a provision's sub-points too."""

from __future__ import annotations

import json
from pathlib import Path

from plandiff.documents.load import load_plan
from plandiff.output.versions import render_history
from plandiff.versions.history import history

PLANS = Path(__file__).resolve().parents[1] / "plans"
BUNDLED = [load_plan(PLANS / "us-28-point-draft.json"), load_plan(PLANS / "geneva-revision.json")]


def test_point_21_s_sub_points_leave_in_its_history() -> None:
    found = history(BUNDLED, "21")
    terminal = render_history(found, "terminal")
    for gone in ("(a) removed: [-Crimea, Luhansk and Donetsk", "(d) removed: [-Ukrainian forces"):
        assert gone in terminal
    markdown = render_history(found, "markdown")
    assert "Sub-point (a) removed: <del>Crimea, Luhansk and Donetsk" in markdown
    assert "Sub-point (a) removed: <del>Crimea, Luhansk and Donetsk" in render_history(
        found, "html"
    )


def test_a_point_the_partial_version_does_not_cover_is_unknown_not_removed() -> None:
    found = history(BUNDLED, "2")
    (row,) = found.rows
    assert [cell.status for cell in row.cells] == ["present", "not-covered"]
    assert (
        json.loads(render_history(found, "json"))["rows"][0]["cells"][1]["status"] == "not-covered"
    )
    for fmt in ("terminal", "markdown", "html"):
        shown = render_history(found, fmt).split("geneva-revision", 2)[-1]
        assert "its text here is unknown, not removed" in shown, fmt
        assert "<del>" not in shown and "[-" not in shown, fmt
