"""History and synopsis renderers on hand-built lineages: every format, every kind, inert text."""

from __future__ import annotations

import re

import pytest
from pydantic import TypeAdapter

from lineages import FIRST, SECOND, V0, V1, V2
from plandiff.documents.library import plan_info
from plandiff.model.errors import UsageError
from plandiff.model.lineage import ProvisionHistory, Synopsis
from plandiff.output.versions import render_history, render_synopsis
from plandiff.versions.threads import lineage_rows

ROWS = lineage_rows([V0, V1, V2], [FIRST, SECOND])
INFOS = tuple(plan_info(p) for p in (V0, V1, V2))


def history_of(*ids: str) -> ProvisionHistory:
    return ProvisionHistory(
        query=ids[0], versions=INFOS, rows=tuple(r for r in ROWS if r.id in ids)
    )


def test_terminal_history_tells_each_step_with_figures_and_redline() -> None:
    text = render_history(history_of("cap"), "terminal")
    assert (
        "    First version: present in the first version as 4\n    4. Forces capped at 600,000."
        in text
    )
    assert "    Renumbered: 4 → 3; reworded\n" in text
    assert "      personnel: 600,000 → 800,000 (+200,000, +33.3%)\n" in text
    assert "      warning: cap raised\n" in text
    assert "      changes: Forces capped at [-600,000-]{+800,000+}.\n" in text
    assert "    Unchanged: 3\n" in text


def test_history_names_split_merge_removal_and_not_covered() -> None:
    text = render_history(history_of("v1-2", "v1-3", "v2-4"), "terminal")
    assert "Split: 2 → 2a, 2b" in text
    assert "Merged: 2a, 2b → 2" in text
    assert "Removed: 3 is removed\n    (removed in this version)" in text
    assert "Added: first appears as 4" in text
    assert "Not covered: 4 is not in this partial version: its fate is unknown" in text
    # unknown, never removed: no struck-through text, and the step says so
    assert (
        "    (not covered by this partial version: its text here is unknown, not removed)" in text
    )
    assert "[-" not in text.split("Not covered: 4", 1)[1]


def test_markdown_and_html_history_mark_the_redline() -> None:
    markdown = render_history(history_of("cap"), "markdown")
    assert markdown.startswith("# History of cap\n")
    assert "Forces capped at <del>600,000</del> <ins>800,000</ins>." in markdown
    html = render_history(history_of("cap"), "html")
    assert html.startswith("<!DOCTYPE html>")
    assert "<del>600,000</del><ins>800,000</ins>" in html
    assert "Content-Security-Policy" in html


def test_json_history_is_the_record() -> None:
    history = history_of("cap")
    assert TypeAdapter(ProvisionHistory).validate_json(render_history(history, "json")) == history


def test_hostile_plan_text_stays_inert_in_every_format() -> None:
    history = history_of("v1-1")
    terminal = render_history(history, "terminal")
    assert "\x1b" not in terminal
    assert not any(line.startswith("::") for line in terminal.splitlines())
    assert "<script>" not in render_history(history, "markdown")
    assert "<script>" not in render_history(history, "html")
    synopsis = Synopsis(versions=INFOS, rows=ROWS)
    assert "<script>" not in render_synopsis(synopsis, "markdown")
    assert "<script>" not in render_synopsis(synopsis, "html")


def test_synopsis_has_one_row_per_lineage_and_one_column_per_version() -> None:
    text = render_synopsis(Synopsis(versions=INFOS, rows=ROWS), "markdown")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    header, *body = rows
    assert header == "| Provision | v0 (2025-01-01) | v1 (2025-01-01) | v2 (2025-01-01) |"
    assert [re.split(r" \| ", r)[0] for r in body] == [
        "| point 1",
        "| point 2",
        "| point 3",
        "| cap",
        "| point 4",
    ]
    cells = {r.split(" | ")[0][2:]: r.split(" | ")[1:] for r in body}
    assert (
        cells["cap"][1]
        == "**3** *Renumbered* Forces capped at <del>600,000</del> <ins>800,000</ins>."
    )
    assert cells["point 3"][1:] == ["*removed*", " |"]
    assert cells["point 4"][0] == ""
    assert cells["point 4"][2] == "*not covered* |"
    assert cells["point 2"][1].startswith("**2a, 2b** *Split*")


def test_synopsis_html_and_json() -> None:
    synopsis = Synopsis(versions=INFOS, rows=ROWS)
    html = render_synopsis(synopsis, "html")
    assert html.count("<tr id=") == len(ROWS)
    assert TypeAdapter(Synopsis).validate_json(render_synopsis(synopsis, "json")) == synopsis


def test_an_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        render_synopsis(Synopsis(versions=INFOS, rows=ROWS), "pdf")
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        render_history(history_of("cap"), "pdf")
