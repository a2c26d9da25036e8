"""The installed ``plandiff`` command leaves its process at once, and says exactly what a
command calling ``main()`` says: the same bytes on both streams and in files, the same exit
codes."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OLD, NEW = (str(ROOT / "plans" / f) for f in ("us-28-point-draft.json", "geneva-revision.json"))


@pytest.fixture(scope="module")
def commands(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two files named ``plandiff`` (so that both say "plandiff" in their messages): one as
    the console script is, one calling ``main()``."""
    made = []
    for entry in ("script", "main"):
        path = tmp_path_factory.mktemp(entry) / "plandiff"
        path.write_text(f"from plandiff.cli import {entry}\n{entry}()\n", encoding="utf-8")
        made.append(path)
    return made[0], made[1]


def run(command: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    return subprocess.run(
        [sys.executable, str(command), *args], capture_output=True, cwd=ROOT, env=env, check=False
    )


@pytest.mark.parametrize(
    "args",
    [
        ("compare", OLD, NEW, "--format", "json"),
        ("compare", OLD, NEW, "--format", "markdown"),
        ("compare", OLD, OLD),
        ("--version",),
        ("validate", "no-such-plan.json"),
        ("compare", OLD),
    ],
    ids=["json", "markdown", "same", "version", "missing-file", "usage-error"],
)
def test_the_script_says_what_main_says(commands: tuple[Path, Path], args: tuple[str, ...]) -> None:
    by_script, by_main = run(commands[0], *args), run(commands[1], *args)
    assert by_script.stdout == by_main.stdout
    assert by_script.stderr == by_main.stderr
    assert by_script.returncode == by_main.returncode
    assert by_script.stdout or by_script.stderr  # the command really said something


def test_a_report_written_by_the_script_is_whole(
    commands: tuple[Path, Path], tmp_path: Path
) -> None:
    for command, name in zip(commands, ("script.json", "main.json"), strict=True):
        done = run(command, "compare", OLD, NEW, "--format", "json", "-o", str(tmp_path / name))
        assert done.returncode == 1, done.stderr
    assert (tmp_path / "script.json").read_bytes() == (tmp_path / "main.json").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["main.json", "script.json"]


def test_the_installed_command_is_the_script() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["plandiff"] == "plandiff.cli:script"


def test_the_script_leaves_without_the_interpreter_teardown(tmp_path: Path) -> None:
    # An exit handler stands for the teardown: main() returns through it, the script does not.
    said = {}
    for entry in ("script", "main"):
        path = tmp_path / entry / "plandiff"
        path.parent.mkdir()
        path.write_text(
            "import atexit, sys\n"
            "atexit.register(lambda: sys.stderr.write('torn down\\n'))\n"
            f"from plandiff.cli import {entry}\n{entry}()\n",
            encoding="utf-8",
        )
        said[entry] = run(path, "--version")
    assert said["script"].stdout == said["main"].stdout != b""
    assert said["script"].stderr == b""
    assert said["main"].stderr == b"torn down\n"
