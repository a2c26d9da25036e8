"""`plandiff compare`: exit codes like diff(1), formats, colour, and reports written atomically."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OLD = ROOT / "plans" / "us-28-point-draft.json"
NEW = ROOT / "plans" / "geneva-revision.json"


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plandiff", "compare", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )


def test_differences_exit_1_and_the_same_plan_exits_0() -> None:
    differ = run(OLD, NEW)
    assert differ.returncode == 1, differ.stderr
    assert "600,000" in differ.stdout and "800,000" in differ.stdout
    same = run(OLD, OLD)
    assert same.returncode == 0, same.stderr
    assert "unchanged" in same.stdout
    assert run(OLD, NEW, "--exit-zero").returncode == 0


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_file_output_matches_standard_output(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    written = run(OLD, NEW, "--format", fmt, "-o", target)
    assert written.returncode == 1, written.stderr
    assert written.stdout == ""
    printed = run(OLD, NEW, "--format", fmt, "--color", "never")
    assert target.read_text(encoding="utf-8") == printed.stdout
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_colour_follows_the_option_and_no_color() -> None:
    assert "\x1b[" in run(OLD, NEW, "--color", "always").stdout
    assert "\x1b[" not in run(OLD, NEW).stdout  # piped: auto means no colour
    assert "\x1b[" not in run(OLD, NEW, "--color", "never").stdout
    assert "\x1b[" in run(OLD, NEW, "--color", "always", env={"NO_COLOR": "1"}).stdout


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path / "absent.json", NEW)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("plandiff: ") and "absent.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_over_an_input_is_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_bytes(OLD.read_bytes())
    result = run(old, NEW, "-o", old)
    assert result.returncode == 2
    assert "refusing to overwrite an input file" in result.stderr
    assert old.read_bytes() == OLD.read_bytes()


def test_a_failed_run_leaves_an_existing_report_untouched(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("previous report\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": ', encoding="utf-8")
    result = run(OLD, broken, "--format", "markdown", "-o", report)
    assert result.returncode == 2
    assert "broken.json" in result.stderr and "Traceback" not in result.stderr
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json", "report.md"]


def test_output_into_a_missing_directory_is_trouble(tmp_path: Path) -> None:
    result = run(OLD, NEW, "-o", tmp_path / "no" / "report.md")
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_unknown_format_is_a_usage_error() -> None:
    result = run(OLD, NEW, "--format", "pdf")
    assert result.returncode == 2
    assert "pdf" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        (OLD, NEW, "--format", "markdwon"),
        (OLD, NEW, "--formt", "markdown"),
        (OLD,),
        (OLD.parent, NEW),
        (OLD, NEW, "--color", "nevr"),
    ],
)
def test_a_usage_mistake_is_one_line_pointing_at_the_help(args: tuple[str | Path, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("plandiff: ")
    assert line.endswith(" --help')")


def test_an_invalid_plan_is_one_line_that_counts_the_other_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"id": "x", "titel": "T", "version": "v", "date": "2025-13-01",'
        ' "completeness": "full", "provisions": []}',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "plandiff", "compare", str(bad), str(bad)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "more; 'plandiff validate' lists them all" in lines[0]


def test_a_text_only_standard_output_still_gets_the_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Reports are written as bytes where standard output has a byte buffer; a host whose
    # stream takes only text (an embedding tool's) gets the same report as text.
    import io

    from plandiff.cli import main

    class TextOnly(io.StringIO):
        encoding = "utf-8"

    printed = run(OLD, NEW, "--format", "json")
    out = TextOnly()
    monkeypatch.setattr(sys, "stdout", out)
    argv = ["plandiff", "compare", str(OLD), str(NEW), "--format", "json"]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 1
    assert out.getvalue() == printed.stdout


def test_force_color_colours_a_pipe_unless_no_color_or_a_flag_says_otherwise() -> None:
    assert "\x1b[" in run(OLD, NEW, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run(OLD, NEW, env={"FORCE_COLOR": ""}).stdout
    assert "\x1b[" not in run(OLD, NEW, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in run(OLD, NEW, "--color", "never", env={"FORCE_COLOR": "1"}).stdout


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("report.md", "# "),
        ("report.MARKDOWN", "# "),
        ("report.html", "<!doctype html>"),
        ("report.htm", "<!doctype html>"),
        ("report.json", "{"),
        ("report.txt", "28-point draft"),
        ("report", "28-point draft"),
    ],
)
def test_the_format_follows_the_output_suffix(tmp_path: Path, name: str, start: str) -> None:
    target = tmp_path / name
    # FORCE_COLOR colours standard output, never a file: a .txt report is plain text.
    result = run(OLD, NEW, "-o", target, env={"FORCE_COLOR": "1"})
    assert result.returncode == 1, result.stderr
    written = target.read_text(encoding="utf-8")
    assert written.lower().startswith(start.lower()), written[:80]
    assert "\x1b[" not in written


def test_an_explicit_format_beats_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert run(OLD, NEW, "--format", "json", "-o", target).returncode == 1
    assert target.read_text(encoding="utf-8").startswith("{")


def test_a_missing_file_is_named_as_a_missing_file(tmp_path: Path) -> None:
    for spec in ("nosuch.json", str(tmp_path / "absent.json")):
        result = run(spec, NEW)
        assert result.returncode == 2
        assert result.stderr == f"plandiff: {spec}: no such file\n"


def test_swapped_versions_are_warned_about_and_still_compared() -> None:
    swapped = run(NEW, OLD)
    assert swapped.returncode == 1  # a warning, not an error: the comparison is printed
    assert "800,000" in swapped.stdout
    (line,) = swapped.stderr.splitlines()
    assert line.startswith("plandiff: warning: OLD 'geneva-revision' revises NEW")
    assert "--no-warn-order" in line
    quiet = run(NEW, OLD, "--no-warn-order")
    assert quiet.stderr == "" and quiet.stdout == swapped.stdout
    assert run(OLD, NEW).stderr == ""


def test_a_later_date_first_is_warned_about(tmp_path: Path) -> None:
    import json

    # Two versions of no common lineage, the first dated after the second.
    later = json.loads(OLD.read_text(encoding="utf-8"))
    later.update(id="later", date="2026-01-01", parent=None)
    path = tmp_path / "later.json"
    path.write_text(json.dumps(later), encoding="utf-8")
    result = run(path, NEW)
    assert "OLD 'later' (2026-01-01) is dated after NEW 'geneva-revision' (2025-11-23)" in (
        result.stderr
    )
