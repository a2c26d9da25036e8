"""Plans and provisions built in one line, for any test: the one place that spells a plan.

Plans go through the loader (``load_plan_text``), so a test's plan is held to the rules a
plan file is; ``plan_doc`` gives the same plan as the JSON document, for tests that write it
to disk or break it on purpose. Comparisons built field by field live in ``comparisons.py``.

>>> two = plan("p", ["Prisoners are exchanged.", ("Sanctions end.", [("a", "In stages.")])])
>>> two.provisions[1].subpoints[0].label
'a'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias

from plandiff.documents.load import load_plan_text
from plandiff.model import planfile
from plandiff.model.plan import Plan, Provision

SubPoints: TypeAlias = Sequence[tuple[str, str]]
"""Sub-points as (label, text) pairs."""
Given: TypeAlias = str | tuple[str, SubPoints] | Mapping[str, Any]
"""A provision as its text, as (text, sub-points), or as its whole JSON object."""


def provision_doc(
    given: Given, number: str, *, provenance: str = "reported", **extra: Any
) -> dict[str, Any]:
    """A provision's JSON object: numbered ``number`` unless ``given`` is a whole object."""
    if isinstance(given, Mapping):
        return dict(given)
    text, subs = given if isinstance(given, tuple) else (given, ())
    doc: dict[str, Any] = {"number": number, "text": text, "provenance": provenance}
    if subs:
        doc["subpoints"] = [{"label": label, "text": t} for label, t in subs]
    doc.update(extra)
    return doc


def plan_doc(
    pid: str,
    provisions: Sequence[Given],
    *,
    title: str = "T",
    provenance: str = "reported",
    **extra: Any,
) -> dict[str, Any]:
    """A full plan's JSON document, its provisions numbered 1, 2, …; ``extra`` sets or
    replaces any top-level field."""
    doc: dict[str, Any] = {
        "id": pid,
        "title": title,
        "version": pid,
        "date": "2025-11-20",
        "completeness": "full",
        "provisions": [
            provision_doc(given, str(n), provenance=provenance)
            for n, given in enumerate(provisions, start=1)
        ],
    }
    doc.update(extra)
    return doc


def plan(
    pid: str,
    provisions: Sequence[Given],
    *,
    title: str = "T",
    provenance: str = "reported",
    **extra: Any,
) -> Plan:
    """``plan_doc(...)`` read by the loader, as a command would read the file."""
    doc = plan_doc(pid, provisions, title=title, provenance=provenance, **extra)
    return load_plan_text(json.dumps(doc), "plan.json")


def provision(text: str, number: str = "1", **extra: Any) -> Provision:
    """One provision record, without a plan around it."""
    document = provision_doc(text, number, **extra)
    return planfile.Provision.model_validate_json(json.dumps(document)).to_record()


def provisions(*texts: str) -> list[Provision]:
    """Provision records numbered 1, 2, …"""
    return [provision(t, str(n)) for n, t in enumerate(texts, start=1)]
