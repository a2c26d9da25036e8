"""Docs that cannot drift: every command has help and a README section with an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plandiff.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def section(command: str, readme: str = README) -> str:
    """The README text under `### plandiff <command>`, up to the next heading outside code."""
    lines: list[str] = []
    inside = in_code = False
    for line in readme.splitlines(keepends=True):
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and re.match(r"#{1,3} ", line):
            if inside:
                break
            inside = line.strip() == f"### plandiff {command}"
            continue
        if inside:
            lines.append(line)
    return "".join(lines)


def test_there_are_commands_to_document() -> None:
    assert {"validate", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    help_text = cli.commands[command].help or ""
    assert len(help_text.strip()) > 20, f"`plandiff {command}` needs a help text"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme_with_an_example(command: str) -> None:
    text = section(command)
    assert text, f"README.md needs a '### plandiff {command}' section under '## Commands'"
    examples = re.findall(r"```[a-z]*\n(.*?)```", text, re.S)
    assert any(f"plandiff {command}" in e for e in examples), (
        f"the README section on `plandiff {command}` needs an example using it"
    )


def test_the_section_finder_skips_headings_inside_code() -> None:
    text = (
        "## Commands\n### plandiff a\nAbout a.\n```text\n# not a heading\n```\n"
        "```sh\nplandiff a x\n```\n### plandiff b\nAbout b.\n"
    )
    assert section("a", text).startswith("About a.\n```text\n# not a heading\n```\n")
    assert section("a", text).endswith("```sh\nplandiff a x\n```\n")
    assert section("b", text) == "About b.\n"
    assert section("c", text) == ""
