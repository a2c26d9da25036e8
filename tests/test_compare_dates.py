"""`compare --old-date/--new-date`: two undated drafts compared as they came, dated from the
command line; a plan file keeps its own date."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from plandiff.cli import cli

OLD = "Peace plan\n\n1. Ukraine will not join NATO.\n2. Prisoners are exchanged all for all.\n"
NEW = "Peace plan\n\n1. A ceasefire starts at once.\n2. Ukraine will not join NATO.\n"
BUNDLED = Path(__file__).resolve().parents[1] / "plans" / "us-28-point-draft.json"


def run(tmp_path: Path, *options: str, old: str = "old.txt") -> tuple[int, str, str]:
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    args = ["compare", str(tmp_path / old) if old == "old.txt" else old, str(tmp_path / "new.txt")]
    done = CliRunner().invoke(cli, [*args, "--format", "json", *options])
    return done.exit_code, done.stdout, done.stderr


def test_undated_drafts_are_refused_with_the_options_named(tmp_path: Path) -> None:
    code, out, err = run(tmp_path)
    assert (code, out) == (2, "")
    assert "old.txt: no date" in err and "--old-date/--new-date" in err


def test_the_options_date_each_side(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, "--old-date", "20 November 2025", "--new-date", "2025-11-23")
    report = json.loads(out)
    assert code == 1
    assert (report["old"]["date"], report["new"]["date"]) == ("2025-11-20", "2025-11-23")


def test_an_option_overrides_the_drafts_own_date(tmp_path: Path) -> None:
    (tmp_path / "dated.txt").write_text("date: 2020-01-01\n" + OLD, encoding="utf-8")
    code, out, _ = run(
        tmp_path, "--old-date", "2025-11-20", "--new-date", "2025-11-23",
        old=str(tmp_path / "dated.txt"),
    )  # fmt: skip
    assert code == 1 and json.loads(out)["old"]["date"] == "2025-11-20"


def test_a_date_for_a_plan_file_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, "--old-date", "2025-11-20", "--new-date", "2025-11-23",
                         old=str(BUNDLED))  # fmt: skip
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "--old-date:" in err and "keeps its own date" in err


def test_a_value_that_is_no_date_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, "--old-date", "2025-13-40\x1b[2J", "--new-date", "2025-11-23")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "--old-date: not a date" in err and "\x1b" not in err
