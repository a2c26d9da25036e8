"""Every message plandiff prints, not only its reports, keeps document text inert."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile.inert import markdown_problems, terminal_problems
from plandiff.cli.app import cli
from plandiff.util.inert import markdown_text

# An OSC 52 clipboard write, a BEL, and both workflow-command syntaxes.
HOSTILE_KEY = "##[error]k\x1b]52;c;eA==\x07\n::error::x"


def test_import_shows_key_names_from_an_attribute_comment_inert(tmp_path: Path) -> None:
    comment = json.dumps({HOSTILE_KEY: 1})
    draft = tmp_path / "d.txt"
    draft.write_text(f"# T\ndate: 2025-01-01\n\n1. Peace.\n   <!-- plandiff {comment} -->\n")
    done = CliRunner().invoke(cli, ["import", str(draft)])
    assert "not placed" in done.stderr
    assert terminal_problems(done.stderr) == []


def test_textconv_shows_a_bad_key_inert(tmp_path: Path) -> None:
    document: dict[str, object] = {"id": "p", "title": "P", "version": "v", "date": "2025-01-01"}
    provision = {"number": "1", "text": "Peace.", "provenance": "confirmed"}
    document |= {"completeness": "full", "provisions": [provision], HOSTILE_KEY: 1}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), "utf-8")
    done = CliRunner().invoke(cli, ["textconv", str(bad)])
    assert "unknown field" in done.stderr and "shown as it is" in done.stderr
    assert terminal_problems(done.stderr) == []


@pytest.mark.parametrize("check", [False, True])
def test_report_names_its_folder_inert(tmp_path: Path, check: bool) -> None:
    shutil.copytree(Path(__file__).parents[1] / "plans", tmp_path / "plans")
    out = tmp_path / "##[error]x\x1b[2J"
    args = ["report", "--plans", str(tmp_path / "plans"), "--out", str(out)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert "wrote" in first.output and terminal_problems(first.output) == []
    done = CliRunner().invoke(cli, args + (["--check"] if check else []))
    assert done.exit_code == 0, done.output
    assert terminal_problems(done.output) == []


@pytest.mark.parametrize("text", ["GH-77", "see gh-12 now", "#12", "@user", "x @user #3 GH-4"])
def test_references_and_mentions_stay_text_in_markdown(text: str) -> None:
    shown = markdown_text(text)
    assert markdown_problems(shown) == []
    assert re.sub("\u2060", "", shown.replace("&#35;", "#")) == text
