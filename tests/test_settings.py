"""Every command takes the project's settings from one place: a pinned pair reads the same
whichever command compares it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from plandiff.cli.app import cli
from plandiff.model.options import PinnedPair
from plandiff.pipeline.settings import project_settings

PINS = '[[pin]]\nold = ["2"]\nnew = ["2"]\nnote = "Rewritten in full"\n'


def _plan(plan_id: str, second: str, parent: str | None = None) -> dict[str, object]:
    texts = ["Both sides cease fire along the line of contact.", second, "Elections follow."]
    document: dict[str, object] = {
        "id": plan_id,
        "title": "Plan",
        "version": plan_id,
        "date": "2025-01-01" if parent is None else "2025-02-01",
        "completeness": "full",
        "provisions": [
            {"number": str(n), "text": text, "provenance": "confirmed"}
            for n, text in enumerate(texts, start=1)
        ],
    }
    if parent:
        document["parent"] = parent
    return document


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    plans = tmp_path / "plans"
    plans.mkdir()
    old = _plan("v1", "A fund of 100 billion dollars rebuilds the east.")
    new = _plan("v2", "Sanctions are lifted in stages under review.", parent="v1")
    for document in (old, new):
        (plans / f"{document['id']}.json").write_text(json.dumps(document), "utf-8")
    (plans / "pins.toml").write_text(PINS, "utf-8")
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(here)


def _run(*args: str) -> str:
    done = CliRunner().invoke(cli, list(args))
    assert done.exit_code in (0, 1), done.output
    return done.output


def test_report_and_compare_agree_on_a_pinned_pair(project: Path) -> None:
    compared = _run("compare", "v1", "v2", "--format", "markdown")
    assert "pinned" in compared
    _run("report", "--out", "reports")
    reported = (project / "reports" / "v1--v2.md").read_text("utf-8")
    assert reported == compared
    assert "Rewritten in full" in reported


def test_every_command_that_compares_applies_the_pins(project: Path) -> None:
    cmp = json.loads(_run("compare", "v1", "v2", "--format", "json"))
    (pinned,) = [c for c in cmp["changes"] if c["matched_by"] == "pinned"]
    assert pinned["kind"] == "modified"
    for args in (
        ("github", "plans/v2.json"),
        ("history", "2", "--format", "markdown"),
        ("synopsis", "--format", "markdown"),
    ):
        shown = _run(*args)
        assert "Removed" not in shown and "removed" not in shown.replace("not removed", ""), args


def test_settings_find_the_pins_beside_the_new_plan_else_in_the_folder(project: Path) -> None:
    settings = project_settings("plans")
    assert settings.pins_file == Path("plans") / "pins.toml"
    assert project_settings("plans", new=project / "plans" / "v2.json").pins_file is not None
    assert project_settings(project / "elsewhere").pins_file is None
    from plandiff.documents.load import load_plan

    old, new = (load_plan(project / "plans" / f"{i}.json") for i in ("v1", "v2"))
    assert settings.options_for(old, new).pins == (
        PinnedPair(old=("2",), new=("2",), note="Rewritten in full"),
    )
