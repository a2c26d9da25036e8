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
