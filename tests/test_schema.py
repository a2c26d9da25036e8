"""The committed JSON Schemas match the models, and `plandiff schema` prints them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from plandiff.cli import cli
from plandiff.documents.schema import SCHEMA_NAMES, SchemaName, schema_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_committed_schema_matches_the_models(name: SchemaName) -> None:
    committed = (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(name), (
        f"schema/{name}.schema.json is stale; regenerate it with "
        f"`python -m plandiff schema {name} > schema/{name}.schema.json`"
    )


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schemas_are_valid_json_schema(name: SchemaName) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text(name)))


def test_schema_text_is_deterministic() -> None:
    text = schema_text("plan")
    assert text == schema_text("plan") and text.endswith("}\n")
    assert list(json.loads(text)) == sorted(json.loads(text))


def test_the_plan_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text("plan")))
    doc = {
        "id": "a",
        "title": "T",
        "version": "1",
        "date": "2025-11-20",
        "completeness": "full",
        "provisions": [{"number": "1", "text": "x", "provenance": "reported"}],
    }
    assert validator.is_valid(doc)
    assert not validator.is_valid({**doc, "unknown": 1})
    assert not validator.is_valid({**doc, "title": " "})
    assert not validator.is_valid({**doc, "provisions": []})


def test_the_schema_command_prints_each_schema() -> None:
    from click.testing import CliRunner

    runner = CliRunner()
    assert runner.invoke(cli, ["schema"]).output == schema_text("plan")
    assert runner.invoke(cli, ["schema", "comparison"]).output == schema_text("comparison")
    assert runner.invoke(cli, ["schema", "treaty"]).exit_code == 2


def _run(*args: str, cwd: Path = ROOT, codes: tuple[int, ...] = (0, 1)) -> str:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "plandiff", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode in codes, done.stderr
    return done.stdout


def _validator(name: SchemaName) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_every_schema_has_its_own_id_and_the_folder_holds_no_other() -> None:
    ids = [json.loads(schema_text(name))["$id"] for name in SCHEMA_NAMES]
    assert ids == [f"urn:plandiff:schema:{name}" for name in SCHEMA_NAMES]
    committed = sorted(p.name for p in (ROOT / "schema").iterdir())
    assert committed == sorted(f"{name}.schema.json" for name in SCHEMA_NAMES)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("comparison", ["compare", "us-28-point-draft", "geneva-revision", "--format", "json"]),
        ("log", ["log", "--format", "json"]),
        ("history", ["history", "military-cap", "--format", "json"]),
        ("history", ["history", "--topic", "territory", "--format", "json"]),
        ("synopsis", ["synopsis", "--format", "json"]),
        ("validate", ["validate", "--format", "json", *sorted(map(str, ROOT.glob("plans/*")))]),
    ],
    ids=["compare", "log", "history", "history-topic", "synopsis", "validate"],
)
def test_every_json_output_validates_against_its_schema(name: SchemaName, args: list[str]) -> None:
    document = json.loads(_run(*args))
    errors = sorted(_validator(name).iter_errors(document), key=str)
    assert errors == []


def test_the_validate_schema_covers_problems_and_unreadable_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "x",}', encoding="utf-8")
    invalid = tmp_path / "invalid.json"
    invalid.write_text('{"id": "x"}', encoding="utf-8")
    report = json.loads(
        _run(
            "validate",
            "--format",
            "json",
            *map(str, (broken, invalid, tmp_path / "gone")),
            codes=(2,),
        )
    )
    assert [f["status"] for f in report["files"]] == ["invalid", "invalid", "unreadable"]
    validator = _validator("validate")
    assert list(validator.iter_errors(report)) == []
    # The schema is strict enough to catch a report that is wrong.
    assert not validator.is_valid({**report, "status": "fine"})
    assert not validator.is_valid({"status": "valid"})


def test_bundled_plans_name_the_committed_schema_and_satisfy_it() -> None:
    for path in sorted((ROOT / "plans").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert (path.parent / document["$schema"]).resolve() == ROOT / "schema/plan.schema.json"
        assert list(_validator("plan").iter_errors(document)) == []


def test_an_imported_plan_names_its_schema(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("# Draft\ndate: 2025-01-01\n\n1. The parties agree.\n", encoding="utf-8")
    # Written where no schema folder is near: the schema's $id.
    alone = json.loads(_run("import", str(source), cwd=tmp_path))
    assert alone["$schema"] == "urn:plandiff:schema:plan"
    assert list(_validator("plan").iter_errors(alone)) == []
    # Written into a project laid out like this one: the relative path editors follow.
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "plan.schema.json").write_text(schema_text("plan"), encoding="utf-8")
    (tmp_path / "plans").mkdir()
    _run("import", str(source), "-o", str(tmp_path / "plans" / "draft.json"))
    written = json.loads((tmp_path / "plans" / "draft.json").read_text(encoding="utf-8"))
    assert written["$schema"] == "../schema/plan.schema.json"
    assert next(iter(written)) == "$schema"
