"""The canonical text form of a plan that git diffs through the textconv driver."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from gitplans import git_env, plan_doc, plandiff, write_plan
from plandiff.documents.canonical import WIDTH, canonical_text
from plandiff.documents.load import load_plan_text
from plandiff.model.plan import Plan

LONG = (
    "Ukraine's armed forces will be capped at 600,000 personnel, and the parties will "
    "establish a joint commission to verify the cap every six months under the supervision "
    "of the guarantors named in this framework."
)


def _plan(texts: list[str], **extra: Any) -> Plan:
    return load_plan_text(json.dumps(plan_doc(texts, **extra)), "plan.json")


def test_one_block_per_provision_with_number_key_and_subpoints() -> None:
    doc = plan_doc(["Sovereignty will be confirmed.", LONG])
    doc["provisions"][1]["heading"] = "Armed forces"
    doc["provisions"][1]["subpoints"] = [
        {
            "label": "a",
            "text": "Verification by the commission.",
            "subpoints": [{"label": "i", "text": "Reports every six months."}],
        },
    ]
    doc["provisions"][1]["topics"] = ["military"]
    text = canonical_text(load_plan_text(json.dumps(doc), "plan.json"))
    blocks = text.split("\n\n")
    assert blocks[1].splitlines()[0] == "§ 1 (point-1)"
    second = blocks[2].splitlines()
    assert second[0] == "§ 2 (point-2)"
    assert second[1] == "    ## Armed forces"
    assert "    (a) Verification by the commission." in second
    assert "        (i) Reports every six months." in second
    assert second[-1] == "    [confirmed; topics: military]"
    assert len(blocks) == 3


def test_text_wraps_stably_within_the_width() -> None:
    text = canonical_text(_plan([LONG]))
    lines = text.splitlines()
    assert all(len(line) <= WIDTH for line in lines)
    body = [line for line in lines if line.startswith("    ") and not line.startswith("    [")]
    assert " ".join(line.strip() for line in body) == LONG
    # A one-word change touches only the line it is on.
    changed = canonical_text(_plan([LONG.replace("600,000", "800,000")])).splitlines()
    assert sum(a != b for a, b in zip(lines, changed, strict=True)) == 1


def test_hostile_text_cannot_drive_a_terminal_or_start_a_workflow_command() -> None:
    # The runner reads '::' after leading white space, and '##[' anywhere in a line.
    long_word = "x" * 70
    hostile = (
        f"::error::owned\n::set-output name=x::y {long_word} ::warning::wrapped to a line start "
        "##[error]legacy \x1b[2J\x07 \u202eevil\u202c end"
    )
    doc = plan_doc([hostile], title="::warning::title")
    doc["provisions"][0]["heading"] = "\n::notice::heading"
    text = canonical_text(load_plan_text(json.dumps(doc), "plan.json"))
    assert "\n    \\::warning::wrapped" in text  # the wrap put it first on its line
    assert not any(line.lstrip().startswith("::") for line in text.splitlines())
    assert "##[" not in text and "##\\[error]legacy" in text
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


def test_same_plan_same_bytes() -> None:
    plan = _plan(["One.", LONG, "Three."])
    assert canonical_text(plan) == canonical_text(replace(plan))


def test_textconv_command_prints_the_canonical_form(tmp_path: Path) -> None:
    path = write_plan(tmp_path / "plans" / "draft.json", plan_doc(["Peace.", LONG]))
    result = plandiff(["textconv", str(path)], tmp_path, git_env(tmp_path / "home"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == canonical_text(_plan(["Peace.", LONG]))


def test_textconv_shows_an_invalid_file_as_it_is_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"id": "x",\n\x1b[31m', encoding="utf-8")
    result = plandiff(["textconv", str(path)], tmp_path, git_env(tmp_path / "home"))
    assert result.returncode == 0
    assert result.stdout == '{"id": "x",\n[31m\n'
    assert result.stderr.startswith("plandiff: ") and len(result.stderr.splitlines()) == 1


def test_textconv_of_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = plandiff(["textconv", "nope.json"], tmp_path, git_env(tmp_path / "home"))
    assert result.returncode == 2
    assert result.stderr.strip() == "plandiff: nope.json: no such file"
