"""The JSON Schemas of plan files and of every JSON plandiff writes, generated from the models.

Each schema has an ``$id`` (``urn:plandiff:schema:NAME``): an absolute URI that names it
without pretending to a web address, so that tools can tell the schemas apart and resolve
references against it.

>>> json_schema("log")["$id"]
'urn:plandiff:schema:log'
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import TypeAdapter

from plandiff.model.changes import Comparison
from plandiff.model.lineage import Lineage, ProvisionHistory, Synopsis
from plandiff.model.planfile import Plan
from plandiff.model.validation import ValidationReport

SchemaName = Literal["plan", "comparison", "log", "history", "synopsis", "validate"]
SCHEMA_NAMES: tuple[SchemaName, ...] = get_args(SchemaName)
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# What each schema describes: the plan file plandiff reads, or the JSON a command writes.
TYPES: dict[SchemaName, Any] = {
    "plan": Plan,
    "comparison": Comparison,  # compare --format json
    "log": Lineage,  # log --format json
    "history": ProvisionHistory,  # history --format json
    "synopsis": Synopsis,  # synopsis --format json
    "validate": ValidationReport,  # validate --format json
}
TITLES: dict[SchemaName, str] = {
    "plan": "plandiff plan file",
    "comparison": "plandiff comparison report (compare --format json)",
    "log": "plandiff lineage (log --format json)",
    "history": "plandiff provision history (history --format json)",
    "synopsis": "plandiff synopsis (synopsis --format json)",
    "validate": "plandiff validation report (validate --format json)",
}


def schema_id(name: SchemaName) -> str:
    """The ``$id`` of a schema."""
    return f"urn:plandiff:schema:{name}"


def json_schema(name: SchemaName) -> dict[str, Any]:
    """The schema as a dict: what a plan file may hold, or what a command's JSON holds.

    >>> json_schema("plan")["additionalProperties"]
    False
    """
    # A plan file is input: validation mode, aliases ("$schema") included. Everything else
    # is what plandiff writes: serialization mode.
    mode: Literal["validation", "serialization"] = (
        "validation" if name == "plan" else "serialization"
    )
    schema = TypeAdapter(TYPES[name]).json_schema(by_alias=True, mode=mode)
    schema["title"] = TITLES[name]
    return {"$schema": DIALECT, "$id": schema_id(name), **schema}


def schema_text(name: SchemaName) -> str:
    """The schema as committed under ``schema/``: sorted keys, two-space indent, final newline."""
    return json.dumps(json_schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def plan_schema_reference(folder: Path) -> str:
    """What an imported plan written to ``folder`` gives as its ``$schema``.

    The nearest ``schema/plan.schema.json`` at or above ``folder`` (within its git work tree),
    as a relative path so that an editor checks the file as it is typed, as the plans in
    ``plans/`` do; without one, the schema's ``$id``.

    >>> plan_schema_reference(Path("plans"))
    '../schema/plan.schema.json'
    """
    start = folder.resolve()
    for place in (start, *start.parents):
        candidate = place / "schema" / "plan.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, start)).as_posix()
        if (place / ".git").exists():
            break
    return schema_id("plan")
