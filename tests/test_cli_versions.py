"""The versioning commands end to end: log, import and export (as a user runs them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SAMPLE = """\
# Sample draft
date: 2025-03-04
version: first draft

Preamble before the first point.
1. The parties agree.

A stray paragraph that belongs to no point.
2. Forces are capped at 600,000:
   a. on land;
   b. at sea.
"""


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), *filter(None, [env.get("PYTHONPATH")])])
    return subprocess.run(
        [sys.executable, "-m", "plandiff", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_log_shows_the_bundled_lineage() -> None:
    done = run("log")
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert first.split()[:5] == ["us-28-point-draft", "2025-11-20", "full", "28", "provisions"]
    assert second.split()[:4] == ["└──", "geneva-revision", "2025-11-23", "partial"]
    data = json.loads(run("log", "--format", "json").stdout)
    assert data["roots"][0]["children"][0]["plan"]["id"] == "geneva-revision"


def test_log_of_a_broken_lineage_is_one_line_and_exit_2(tmp_path: Path) -> None:
    plan = json.loads((REPO / "plans" / "geneva-revision.json").read_text(encoding="utf-8"))
    plan.pop("$schema")
    (tmp_path / "g.json").write_text(json.dumps(plan), encoding="utf-8")
    done = run("log", "--plans", str(tmp_path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"plandiff: {tmp_path}/g.json: parent 'us-28-point-draft' is not a plan in {tmp_path}/\n"
    )


def test_import_reports_unplaced_lines_and_writes_a_valid_plan(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    target = tmp_path / "draft.json"
    done = run("import", str(source), "-o", str(target))
    assert done.returncode == 0, done.stderr
    said = "not placed (a paragraph after a point's text, not indented under it): A stray paragraph"
    assert f"{source}:8: {said}" in done.stderr
    assert "no id given: using 'draft'" in done.stderr
    summary = "3 provisions, 2 sub-points, numbering 1. (sub-points a.; unnumbered preamble)"
    assert summary in done.stderr
    check = run("validate", str(target))
    assert check.returncode == 0, check.stdout + check.stderr
    plan = json.loads(target.read_text(encoding="utf-8"))
    assert [p["number"] for p in plan["provisions"]] == ["preamble", "1", "2"]


def test_import_strict_refuses_unplaced_lines_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    done = run("import", "--strict", str(source), "-o", str(tmp_path / "out.json"))
    assert done.returncode == 2
    assert "1 line(s) not placed" in done.stderr
    assert not (tmp_path / "out.json").exists()


def test_import_never_overwrites_its_input(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    done = run("import", str(source), "-o", str(source))
    assert done.returncode == 2
    assert "refusing to overwrite an input" in done.stderr
    assert source.read_text(encoding="utf-8") == SAMPLE


def test_import_of_a_missing_file_is_one_line() -> None:
    done = run("import", "no-such-file.txt")
    assert (done.returncode, done.stderr) == (2, "plandiff: no-such-file.txt: no such file\n")


def test_export_then_import_gives_the_bundled_provisions_back(tmp_path: Path) -> None:
    text = tmp_path / "geneva.txt"
    done = run("export", "geneva-revision", "-o", str(text))
    assert done.returncode == 0, done.stderr
    assert text.read_text(encoding="utf-8").startswith("# Geneva revision")
    back = run("import", "--strict", str(text))
    assert back.returncode == 0, back.stderr
    original = json.loads((REPO / "plans" / "geneva-revision.json").read_text(encoding="utf-8"))
    assert json.loads(back.stdout)["provisions"] == original["provisions"]


def test_history_and_synopsis_take_the_format_from_the_output_suffix(tmp_path: Path) -> None:
    html, data = tmp_path / "history.html", tmp_path / "synopsis.json"
    assert run("history", "military-cap", "-o", str(html)).returncode == 0
    assert html.read_text(encoding="utf-8").lower().startswith("<!doctype html>")
    assert run("synopsis", "-o", str(data)).returncode == 0
    assert json.loads(data.read_text(encoding="utf-8"))["schema_version"]
    other = tmp_path / "synopsis.txt"  # a synopsis has no terminal form: its default, Markdown
    assert run("synopsis", "-o", str(other)).returncode == 0
    assert other.read_text(encoding="utf-8").startswith("#")


def test_review_commands_refuse_paths_that_are_not_plans_of_the_folder() -> None:
    for command in ("github", "annotations"):
        missing = run(command, "plans/nosuch.json")
        assert (missing.returncode, missing.stdout) == (2, "")
        assert missing.stderr == "plandiff: plans/nosuch.json: no such file\n"
        outside = run(command, "README.md")
        assert outside.returncode == 2
        assert outside.stderr.startswith("plandiff: README.md: not a plan file of the folder")
        assert run(command, "plans/geneva-revision.json").returncode == 0
