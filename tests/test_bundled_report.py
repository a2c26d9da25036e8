"""The main job on the bundled pair: the first screen of the Markdown report tells the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandiff.documents.load import load_plan
from plandiff.output import render
from plandiff.pipeline.compare import compare

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
PAIR = "us-28-point-draft--geneva-revision"
REGENERATE = (
    "plandiff compare plans/us-28-point-draft.json plans/geneva-revision.json "
    "--format {fmt} -o reports/{name}"
)


@pytest.fixture(scope="module")
def markdown() -> str:
    old = load_plan(ROOT / "plans" / "us-28-point-draft.json")
    new = load_plan(ROOT / "plans" / "geneva-revision.json")
    return render(compare(old, new), "markdown")


def test_first_screen_shows_the_cap_and_the_nato_change(markdown: str) -> None:
    first_screen = markdown.splitlines()[:40]
    assert any("600,000" in line and "800,000" in line for line in first_screen)
    assert any("NATO" in line and "(#c-p-7)" in line for line in first_screen)
    assert any("Geneva revision (19 points) (2025-11-23, partial" in line for line in first_screen)
    assert any(line.startswith("> **Partial:**") for line in first_screen)
    assert not any("sources" in line for line in first_screen)  # the metadata comes last


@pytest.mark.parametrize(("fmt", "suffix"), [("markdown", "md"), ("html", "html")])
def test_committed_report_is_current(fmt: str, suffix: str) -> None:
    name = f"{PAIR}.{suffix}"
    committed = (REPORTS / name).read_text(encoding="utf-8")
    old = load_plan(ROOT / "plans" / "us-28-point-draft.json")
    new = load_plan(ROOT / "plans" / "geneva-revision.json")
    assert committed == render(compare(old, new), fmt), (
        f"reports/{name} is stale; regenerate it with: {REGENERATE.format(fmt=fmt, name=name)}"
    )
