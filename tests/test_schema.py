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
