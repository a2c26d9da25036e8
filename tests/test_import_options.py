"""`import --title/--date/--version/--party/--source` set a plan's metadata over the draft's."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from plandiff.cli import cli

DRAFT = "# Framework\ndate: 2025-01-01\nparty: Ukraine\n\n1. Ukraine is sovereign.\n"


def run(tmp_path: Path, *options: str) -> tuple[int, str, str]:
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    done = CliRunner().invoke(cli, ["import", str(tmp_path / "draft.txt"), *options])
    return done.exit_code, done.stdout, done.stderr


def test_the_command_line_replaces_the_drafts_metadata(tmp_path: Path) -> None:
    code, out, _ = run(
        tmp_path,
        *("--title", "Leaked framework", "--date", "Nov. 23, 2025", "--version", "leak"),
        *("--party", "Ukraine; and allies", "--party", "United States"),
        *("--source", "https://example.org/leak"),
    )
    plan = json.loads(out)
    assert code == 0
    assert (plan["title"], plan["date"], plan["version"]) == (
        "Leaked framework",
        "2025-11-23",
        "leak",
    )
    assert plan["parties"] == ["Ukraine; and allies", "United States"]
    assert [s["url"] for s in plan["sources"]] == ["https://example.org/leak"]


def test_without_options_the_draft_speaks(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path)
    plan = json.loads(out)
    assert (code, plan["title"], plan["date"], plan["parties"]) == (
        0, "Framework", "2025-01-01", ["Ukraine"],
    )  # fmt: skip


def test_a_date_option_that_is_no_date_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, "--date", "next week\x1b[2J")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--date: not a date" in err and "\x1b" not in err
