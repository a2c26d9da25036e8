"""One registry renders every record: the CLI's choices come from it, and JSON is always inert."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lineages import make_plan
from plandiff.cli.app import cli
from plandiff.documents.textexport import plan_json
from plandiff.model.plan import Plan
from plandiff.model.validation import Validation
from plandiff.output import REGISTRY, formats, render
from plandiff.pipeline.compare import compare
from plandiff.versions.history import history
from plandiff.versions.synopsis import synopsis

# What a terminal or a CI runner would act on, inside plan text: an override, NEL, '##['.
ACTIVE = "\u202eevil\u202c next\x85line ##[error]x"
ESCAPED = ("\\u202e", "\\u0085", "##\\u005b")


def _plans() -> list[Plan]:
    old = make_plan("v1", ["1", "2"], keys={"1": "cap"}, texts={"1": f"Cap of 600,000. {ACTIVE}"})
    new = make_plan("v2", ["1", "2"], keys={"1": "cap"}, texts={"1": f"Cap of 800,000. {ACTIVE}"})
    return [old, new]


@pytest.mark.parametrize("made", ["compare", "history", "synopsis"])
def test_every_json_output_escapes_what_compare_escapes(made: str) -> None:
    old, new = _plans()
    record: object = compare(old, new)
    if made == "history":
        record = history([old, new], "cap")
    elif made == "synopsis":
        record = synopsis([old, new])
    text = render(record, "json")
    for raw, shown in zip(("\u202e", "\x85", "##["), ESCAPED, strict=True):
        assert raw not in text and shown in text
    assert ACTIVE in json.dumps(json.loads(text), ensure_ascii=False)  # reads back exactly


def test_history_and_synopsis_commands_write_inert_json(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for plan in _plans():
        document = json.loads(plan_json(plan))
        if plan.id == "v2":
            document["parent"] = "v1"
        (folder / f"{plan.id}.json").write_text(json.dumps(document), "utf-8")
    for args in (["history", "cap"], ["synopsis"]):
        done = CliRunner().invoke(cli, [*args, "--plans", str(folder), "--format", "json"])
        assert done.exit_code == 0, done.output
        assert all(shown in done.output for shown in ESCAPED), args
        assert not any(raw in done.output for raw in ("\u202e", "\x85", "##[")), args


def test_the_cli_offers_exactly_the_registrys_formats() -> None:
    from plandiff.cli import compare as compare_cli
    from plandiff.cli import documents, versions

    def choices(command: object, name: str = "fmt") -> tuple[str, ...]:
        (option,) = [p for p in command.params if p.name == name]  # type: ignore[attr-defined]
        return tuple(option.type.choices)

    assert choices(compare_cli.compare_command) == formats("comparison")
    assert choices(versions.history) == formats("history")
    assert choices(versions.synopsis) == formats("synopsis")
    assert choices(versions.log) == formats("lineage")
    assert choices(documents.validate) == formats("validation")


def test_an_unknown_format_names_the_records_own_choices() -> None:
    from plandiff.model.errors import UsageError

    with pytest.raises(UsageError, match="choose one of: text, json"):
        render(Validation(checks=()), "html")
    assert ("validation", "html") not in REGISTRY


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_never_echoes_a_workflow_command_from_a_key(tmp_path: Path, fmt: str) -> None:
    document: dict[str, object] = {"id": "p", "title": "P", "version": "v", "date": "2025-01-01"}
    document |= {"completeness": "full", "provisions": [], "##[error]x\x1b]52;c;eA==\x07": 1}
    (tmp_path / "bad.json").write_text(json.dumps(document), "utf-8")
    done = CliRunner().invoke(cli, ["validate", "--format", fmt, str(tmp_path / "bad.json")])
    assert done.exit_code == 1
    assert "unknown field" in done.output
    assert "##[" not in done.output and "\x1b" not in done.output
