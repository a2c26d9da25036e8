"""Markdown reports render as intended on GitHub, whatever the plan text says."""

from __future__ import annotations

from dataclasses import replace

import pytest

from comparisons import hostile, representative
from mdcheck import inspect
from plandiff.model.changes import ChangeKind, Comparison, Finding, MetadataChange, WordEdit
from plandiff.model.vocabulary import Severity
from plandiff.output import render
from plandiff.output.github import render_github

# Each piece tries one way out of the text it sits in; the multi-line ones try to start a
# line of their own (a fence, an HTML comment, a table row, a workflow command).
ATTACKS = (
    "<script>alert(1)</script>",
    "[x](https://evil.example)",
    "![](x)",
    "@someone",
    "#123",
    "\n```\ncode\n```\n",
    "</details>",
    "\n<!-- hidden",
    "| a | b |",
    "\n| c | d |\n|---|---|",
    "\n::error file=x::pwned",
    "<img src=x onerror=alert(1)>",
    "<https://autolink.example>",
    "mail me@example.org",
    "www.example.org",
    "\n<details><summary>x</summary>",
    "\n# heading",
    "\n> quote",
    "\n    indented code",
    "~~struck~~",
)
HOSTILE_TEXT = " ".join(ATTACKS)


def _hostile() -> Comparison:
    base = hostile()
    changes = list(base.changes)
    for index, change in enumerate(changes):
        if change.kind is ChangeKind.ADDED:
            ref = replace(change.new[0], text=HOSTILE_TEXT, heading=HOSTILE_TEXT)
            new = (ref,)
            changes[index] = replace(
                change, new=new, edits=(WordEdit(op="insert", new=HOSTILE_TEXT),)
            )
        elif change.kind is ChangeKind.MODIFIED:
            changes[index] = replace(
                change, edits=(WordEdit(op="replace", old=HOSTILE_TEXT, new=HOSTILE_TEXT),)
            )
    return replace(
        base,
        changes=tuple(changes),
        new=replace(base.new, version=HOSTILE_TEXT, title=HOSTILE_TEXT),
        findings=(
            *base.findings,
            Finding(rule="r", severity=Severity.WARNING, message=HOSTILE_TEXT, change_id="p-6"),
        ),
        metadata=(
            *base.metadata,
            MetadataChange(path="title", change="changed", old=HOSTILE_TEXT, new=HOSTILE_TEXT),
        ),
    )


def _outputs() -> dict[str, str]:
    cmp = _hostile()
    return {
        "markdown": render(cmp, "markdown"),
        "github": render(cmp, "github"),
        "github-summary": render_github(cmp, budget="summary"),
        "github-cut": render_github(_hostile_large(), budget="comment"),
    }


def _hostile_large() -> Comparison:
    # Enough hostile rows that the comment is cut, so the cut note and closing tags are tested.
    cmp = _hostile()
    added = next(c for c in cmp.changes if c.kind is ChangeKind.ADDED)
    many = tuple(replace(added, id=f"new-{i}") for i in range(400))
    return replace(cmp, changes=(*cmp.changes, *many))


OUTPUTS = _outputs()


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_plan_text_yields_no_html_links_images_or_mentions(name: str) -> None:
    text = OUTPUTS[name]
    found = inspect(text)
    assert found.foreign_tags == []
    assert found.images == 0
    assert found.autolinkable == []
    assert all(link.startswith("#c-") for link in found.links), found.links
    assert set(found.code) <= {"plandiff-reports"}  # the artifact's name, in the cut note


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_tables_stay_intact_and_details_close(name: str) -> None:
    found = inspect(OUTPUTS[name])
    assert found.tables, "expected the summary table at least"
    for table in found.tables:
        assert len(set(table)) == 1, table
    assert found.details_balance_ok
    assert OUTPUTS[name].count("<details>") == OUTPUTS[name].count("</details>")


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_no_line_can_start_a_workflow_command(name: str) -> None:
    assert not [line for line in OUTPUTS[name].splitlines() if line.lstrip().startswith("::")]


def test_the_checker_itself_sees_each_kind_of_breakout() -> None:
    # Guards the guard: raw hostile Markdown must trip every check above.
    raw = inspect(
        "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n\n<details>\n\n"
        "<script>x</script>\n\n[x](https://e.example) ![](i) @someone\n\n```\ncode\n```\n"
    )
    assert raw.foreign_tags == ["<script>", "</script>"]
    assert raw.links == ["https://e.example"] and raw.images == 1
    assert raw.autolinkable and raw.code == ["code\n"]
    assert raw.tables == [[2, 2, 3]] and not raw.details_balance_ok


def test_the_representative_report_still_renders_its_own_markup() -> None:
    found = inspect(render(representative(), "markdown"))
    assert found.links  # headline links to provision anchors survive the checks
    assert "<del>" in render(representative(), "github")
