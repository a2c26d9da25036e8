"""Output that may land in a CI log never carries a workflow command from plan text.

The Actions runner reads '::name' at the start of a line after leading white space, and its
older syntax '##[name]' anywhere in a line.
"""

from __future__ import annotations

from dataclasses import replace

from comparisons import representative
from plandiff.model.changes import Comparison, Finding, WordEdit
from plandiff.model.vocabulary import Severity
from plandiff.output import render
from plandiff.output.annotations import render_annotations


def _commands(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("::") or "##[" in line]


def _with_commands() -> Comparison:
    cmp = representative()
    changes = list(cmp.changes)
    changes[1] = replace(
        changes[1],
        edits=(
            WordEdit(op="equal", old="##", new="##"),
            WordEdit(op="insert", new="[error]split across runs"),
            WordEdit(op="equal", old=" x ##[warning]y", new=" x ##[warning]y"),
        ),
    )
    finding = Finding(
        rule="r", severity=Severity.ERROR, message="##[error]f\n  ::warning::g", change_id="p-6"
    )
    return replace(cmp, changes=tuple(changes), findings=(finding,))


def test_terminal_report_has_no_workflow_command() -> None:
    for color in (False, True):
        assert _commands(render(_with_commands(), "terminal", color=color)) == []


def test_annotations_carry_only_their_own_command() -> None:
    lines = render_annotations([(_with_commands(), "plans/##[x].json")]).splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=plans/##\\[x].json,")
    assert lines[0].endswith("::##\\[error]f   ::warning::g")
