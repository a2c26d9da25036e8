"""The JSON Schemas of plan files and comparison reports, generated from the models."""

from __future__ import annotations

import json
from typing import Any, Literal

from plandiff.model.changes import Comparison
from plandiff.model.plan import Plan

SchemaName = Literal["plan", "comparison"]
SCHEMA_NAMES: tuple[SchemaName, ...] = ("plan", "comparison")
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(name: SchemaName) -> dict[str, Any]:
    """The schema as a dict: what a plan file may hold, or what a JSON report holds.

    >>> json_schema("plan")["additionalProperties"]
    False
    """
    if name == "plan":
        # Validation mode: describes the input a plan file may be, aliases ("$schema") included.
        schema = Plan.model_json_schema(by_alias=True, mode="validation")
    else:
        # Serialization mode: describes the report plandiff writes. The records are plain
        # dataclasses; pydantic reads their fields and metadata only here.
        from pydantic import TypeAdapter

        schema = TypeAdapter(Comparison).json_schema(by_alias=True, mode="serialization")
    return {"$schema": DIALECT, **schema}


def schema_text(name: SchemaName) -> str:
    """The schema as committed under ``schema/``: sorted keys, two-space indent, final newline."""
    return json.dumps(json_schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
