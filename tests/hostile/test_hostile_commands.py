"""Every command, fed hostile plans under hostile file names, prints nothing a terminal obeys
and no line a CI runner reads as a workflow command, on stdout or stderr."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from hostile import hostile_plans as hp
from hostile.inert import terminal_problems, workflow_problems
from plandiff.cli import cli
from plandiff.output import FORMATS, formats

# File names may hold anything but '/' and NUL.
OLD_NAME = "::warning::old \x1b[2J\x07\n##[error]x.json"
NEW_NAME = "<img src=x onerror=alert(1)> \u202e::error::new.json"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    plans = root / "plans"
    plans.mkdir()
    old, new = hp.write_pair(plans)
    old.rename(plans / OLD_NAME)
    new.rename(plans / NEW_NAME)
    bad = dict(hp.plan_document("new"), id="bad")
    bad["provisions"] = [*bad["provisions"], dict(bad["provisions"][0], number="1\n::error::x")]
    bad["sources"] = [{**bad["sources"][0], "url": "javascript:alert(1)"}]
    (root / "::error::bad\n.json").write_text(json.dumps(bad), encoding="utf-8")
    (root / "dup\x1b[2J.json").write_text(
        '{"id": "x", "id": "y", "\\u001b[2J\\n::error::k": 1}', encoding="utf-8"
    )
    (root / "::notice::draft\n.txt").write_text(
        "# <script>Title</script> ::error::t\ndate: 2025-11-20\nversion: ##[error]v\n"
        "stray \x1b[2J line\n::error::unplaced\n\n1. The parties agree \x1b]52;c;eA==\x07.\n"
        "   ::warning::continued\n",
        encoding="utf-8",
    )
    return root


def commands(root: Path) -> list[list[str]]:
    old, new = str(root / "plans" / OLD_NAME), str(root / "plans" / NEW_NAME)
    runs = [["compare", old, new, "--format", fmt] for fmt in FORMATS]
    runs += [
        ["compare", old, new, "--color", "always"],
        ["compare", old, str(root / "missing\n::error::gone.json")],
        ["compare", str(root / "::error::bad\n.json"), new],
        ["validate", old, new, str(root / "::error::bad\n.json"), str(root / "dup\x1b[2J.json")],
        ["validate", "--format", "json", str(root / "::error::bad\n.json"), old],
        ["validate", str(root / "nothing\x1b[2J::error::here")],
        ["log", "--plans", str(root / "plans")],
        ["log", "--plans", str(root / "plans"), "--format", "json"],
        ["export", old],
        ["import", str(root / "::notice::draft\n.txt")],
    ]
    for name in ("history", "synopsis"):
        for fmt in formats(name):
            runs.append([name, "--plans", str(root / "plans"), "hostile-new", "--format", fmt])
    runs.append(["report", "--plans", str(root / "plans"), "--out", str(root / "out\n::error::r")])
    git_args = ["plans/" + OLD_NAME, old, "0" * 40, "100644", new, "1" * 40, "100644"]
    runs += [
        ["textconv", old],
        ["git-diff", "--color", "never", *git_args],
        ["git-diff", "--color", "never", git_args[0], "/dev/null", *git_args[2:]],
        ["github", "--plans", str(root / "plans")],
        ["annotations", "--plans", str(root / "plans")],
    ]
    return runs


def test_every_command_is_covered(folder: Path) -> None:
    covered = {argv[0] for argv in commands(folder)}
    # schema prints no plan text, and git-config only git settings (running it here would
    # edit a real git config); every other command reads plans and is exercised here.
    assert set(cli.commands) - covered - {"schema", "git-config"} == set()


# commands() only builds argument lists, so it can name the cases before the folder exists.
_PLANNED = commands(Path("folder"))


@pytest.mark.parametrize(
    "index", range(len(_PLANNED)), ids=[f"{i}-{argv[0]}" for i, argv in enumerate(_PLANNED)]
)
def test_no_output_line_acts(folder: Path, index: int) -> None:
    argv = commands(folder)[index]
    done = subprocess.run(
        [sys.executable, "-m", "plandiff", *argv],
        capture_output=True,
        cwd=folder,
        env=hp.environment(NO_COLOR=""),
        check=False,
    )
    out = done.stdout.decode("utf-8")
    err = done.stderr.decode("utf-8")
    assert done.returncode in (0, 1, 2)
    assert "Traceback" not in err
    data = argv[0] == "export" or argv[-1] == "html"  # keep right-to-left marks as data
    shown = _without_own_annotations(out) if argv[0] == "annotations" else out
    assert terminal_problems(shown, color="--color" in argv, bidi=data) == []
    assert terminal_problems(err) == []
    assert workflow_problems(shown) == [] and workflow_problems(err) == []
    assert "No module named" not in err
    if done.returncode == 2:
        assert err.strip(), "trouble is always said"
    else:
        assert out.strip(), "a command that succeeds prints its result"


# An annotation line is a workflow command on purpose: one command, its properties escaped
# (no ':' or ',' inside them), its message on the same line.
ANNOTATION = re.compile(
    r"::(error|warning|notice) (file=[^:,\r\n]*,)?(line=\d+,endLine=\d+,)?"
    r"title=[^:,\r\n]*::[^\r\n]*"
)


def _without_own_annotations(out: str) -> str:
    lines = out.splitlines()
    assert lines and all(ANNOTATION.fullmatch(line) for line in lines), lines
    # What is left to check is each message, which must itself be inert.
    return "\n".join(line.split("::", 2)[2] for line in lines)


def test_export_keeps_commands_out_and_reads_back() -> None:
    from plandiff.documents.textexport import export_text
    from plandiff.documents.textimport import import_text

    text = "The parties agree.\n\n::warning::a paragraph that starts like a command."
    plan = import_text("# T\ndate: 2025-11-20\n\n1. x\n", "t.txt").plan
    plan = replace(plan, provisions=(replace(plan.provisions[0], text=text),))
    exported = export_text(plan)
    assert workflow_problems(exported) == []
    assert import_text(exported, "t.txt").plan.provisions[0].text == text
