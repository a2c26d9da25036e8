"""Shell completion: the README's lines for bash, zsh and fish produce working scripts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCRIPT_START = {"bash": "_plandiff_completion()", "zsh": "#compdef plandiff", "fish": "complete"}


def _documented() -> dict[str, str]:
    """Shell -> the command line the README gives for it."""
    section = README.split("### Shell completion", 1)[1].split("\n#", 1)[0]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    lines = {}
    for line in block.splitlines():
        command, _, comment = line.partition("#")
        lines[comment.split(":")[0].strip()] = command.strip()
    return lines


def _environment() -> dict[str, str]:
    # The console script of this environment, as a user who installed plandiff has it.
    bindir = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": os.pathsep.join([bindir, os.environ.get("PATH", "")])}


def test_the_readme_documents_bash_zsh_and_fish() -> None:
    assert set(_documented()) == {"bash", "zsh", "fish"}


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_documented_command_prints_a_completion_script(shell: str) -> None:
    line = _documented()[shell]
    # The part inside $(...) (bash, zsh) or before the pipe (fish) is what prints the script.
    inner = re.search(r"\$\((.*)\)", line)
    command = inner.group(1) if inner else line.split("|")[0]
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=_environment(), check=False
    )
    assert done.returncode == 0, done.stderr
    assert SCRIPT_START[shell] in done.stdout
    assert "plandiff" in done.stdout


def test_bash_completes_a_command_and_a_format_after_the_documented_line() -> None:
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    line = _documented()["bash"]
    script = f"""{line}
complete -p plandiff >/dev/null || exit 3
# bash calls the function with the command's name as its first argument.
COMP_WORDS=(plandiff comp); COMP_CWORD=1; COMPREPLY=(); _plandiff_completion plandiff
printf '%s\\n' "${{COMPREPLY[@]}}"
COMP_WORDS=(plandiff compare --format ''); COMP_CWORD=3; COMPREPLY=(); _plandiff_completion plandiff
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    done = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=_environment(), check=False
    )
    assert done.returncode == 0, done.stderr
    words = done.stdout.split()
    assert words[0] == "compare"
    assert {"terminal", "markdown", "html", "json"} <= set(words[1:])
