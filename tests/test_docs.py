"""Docs that cannot drift: every command has help and a README section with an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plandiff.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def section(command: str) -> str:
    """The README text under `### plandiff <command>`, up to the next heading."""
    match = re.search(
        rf"^### plandiff {re.escape(command)}\s*$(.*?)(?=^#{{1,3}} |\Z)", README, re.M | re.S
    )
    return match.group(1) if match else ""


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


def test_the_section_finder_stops_at_the_next_heading() -> None:
    assert "plandiff schema" not in section("validate").split("```")[0]
