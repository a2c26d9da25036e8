"""The plan document: one version of a negotiation text, as stored in ``plans/*.json``.

These are the records the engine reads: frozen dataclasses, built by the loader from a file it
has checked (``documents/load.py``). What a valid file is, with its precise error messages and
its JSON Schema, is the pydantic model in ``model/planfile.py``, built on the same field types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any

from plandiff.model.record import Check, Record

SLUG = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
LABEL = r"^[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*$"
URL = r"^https?://\S+$"

# Caps on the lists a plan file can grow. Each is far above any real negotiation text or
# bill, and keeps what the engine does with a list (pairing, sorting, rendering) bounded;
# a file past one is refused like any invalid plan, naming the list.
MAX_PROVISIONS = 100_000
MAX_SUBPOINTS = 10_000
"""Per list: a provision's sub-points, and a sub-point's own."""
MAX_PARTIES = 1_000
MAX_SOURCES = 1_000
"""A plan's sources, and the sources one provision cites."""
MAX_TOPICS = 100
"""Topics of one provision."""

Loc = tuple[str | int, ...]


class RuleError(ValueError):
    """A rule across fields failed; each problem carries its path below the model that checked it.

    Pydantic reports a model validator's error at the model itself; the loader reads ``problems``
    to point at the exact field instead (``/provisions/6/number`` rather than ``/``).
    """

    def __init__(self, problems: Sequence[tuple[Loc, str]]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{_pointer(loc)}: {msg}" for loc, msg in self.problems))


def quote(value: str, limit: int = 40) -> str:
    """Quote a value from a document for a one-line message: control characters escaped, and
    cut when long, so that a hostile value cannot drive a terminal or flood a log.

    >>> quote("ab" * 30, limit=6)
    "'ababab…'"
    """
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _pointer(loc: Loc) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in loc)


def iso_date(value: Any) -> Any:
    """A date written exactly YYYY-MM-DD as a ``date``; any other value as it is.

    Strict validation refuses strings for dates; JSON has no date type, so this accepts exactly
    the ISO form and nothing looser (no timestamps, no "20 Nov 2025").

    >>> iso_date("2025-11-20")
    datetime.date(2025, 11, 20)
    """
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("a date must be written YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as err:
            raise ValueError(f"not a calendar date: {err}") from None
    return value


def not_blank(value: str) -> str:
    """``value`` unless it is empty or only white space (then a ``ValueError``)."""
    if not value.strip():
        raise ValueError("must not be empty or only white space")
    return value


IsoDate = Annotated[dt.date, Check(before=iso_date)]
# The pattern only tells editors (through the JSON Schema) what not_blank enforces.
Text = Annotated[str, Check({"json_schema_extra": {"pattern": r"\S"}}, after=not_blank)]
# A version label is text of 200 characters at most.
Version = Annotated[
    str, Check({"json_schema_extra": {"pattern": r"\S"}, "max_length": 200}, after=not_blank)
]
Slug = Annotated[str, Check({"pattern": SLUG, "max_length": 100})]
Label = Annotated[str, Check({"pattern": LABEL, "max_length": 20})]
Url = Annotated[str, Check({"pattern": URL, "max_length": 2000})]


class Completeness(StrEnum):
    """Whether a plan file holds the whole text or only what was reported of it."""

    FULL = "full"
    PARTIAL = "partial"


class Provenance(StrEnum):
    """How the wording of a provision is known."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    RECONSTRUCTED = "reconstructed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Record):
    """A document a plan version is built from, cited by provisions through its ``id``."""

    id: Slug
    title: Text
    url: Url
    accessed: IsoDate | None = None
    publisher: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SubPoint(Record):
    """A lettered or numbered item inside a provision; one further level is allowed."""

    label: Label
    text: Text
    subpoints: tuple[SubPoint, ...] = field(default=(), metadata={"max_length": MAX_SUBPOINTS})


@dataclass(frozen=True, slots=True, kw_only=True)
class Provision(Record):
    """One numbered point of a plan."""

    number: Label
    key: Slug | None = field(
        default=None,
        metadata={"description": "Stable identity that survives renumbering across versions."},
    )
    heading: Text | None = None
    text: Text
    subpoints: tuple[SubPoint, ...] = field(default=(), metadata={"max_length": MAX_SUBPOINTS})
    topics: tuple[Slug, ...] = field(default=(), metadata={"max_length": MAX_TOPICS})
    provenance: Provenance
    sources: tuple[Slug, ...] = field(
        default=(),
        metadata={"max_length": MAX_SOURCES, "description": "Ids of the plan's sources."},
    )
    note: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan(Record):
    """One version of a negotiation text."""

    schema_ref: str | None = field(default=None, metadata={"alias": "$schema"})
    id: Slug
    title: Text
    version: Version = field(
        metadata={"description": "Human version label, e.g. 'Geneva revision'."}
    )
    date: IsoDate
    parent: Slug | None = field(
        default=None, metadata={"description": "Id of the version this one revises."}
    )
    parties: tuple[Text, ...] = field(
        default=(), metadata={"max_length": MAX_PARTIES, "description": "Parties or authors."}
    )
    sources: tuple[Source, ...] = field(default=(), metadata={"max_length": MAX_SOURCES})
    completeness: Completeness
    completeness_note: Text | None = field(
        default=None, metadata={"description": "What is missing when completeness is 'partial'."}
    )
    provisions: tuple[Provision, ...] = field(
        metadata={"min_length": 1, "max_length": MAX_PROVISIONS}
    )


def plainly_consistent(plan: Plan) -> bool:
    """Whether no rule of ``plan_rule_problems`` can fail, checked with set sizes alone.

    Building the JSON shape of a plan of 10,000 provisions to look for problems costs a third
    of its validation; valid plans (nearly all of them) skip it. The sub-point rules need no
    check here: whoever built ``plan`` has already enforced them.
    """
    provisions = plan.provisions
    keys = [p.key for p in provisions if p.key is not None]
    known = {s.id for s in plan.sources}
    return (
        len({p.number for p in provisions}) == len(provisions)
        and len(set(keys)) == len(keys)
        and len(known) == len(plan.sources)
        and all(ref in known for p in provisions for ref in p.sources)
        and plan.parent != plan.id
        and not (plan.completeness is Completeness.PARTIAL and plan.completeness_note is None)
    )


def plan_rule_problems(doc: Mapping[str, Any]) -> list[tuple[Loc, str]]:
    """The rules across a plan's fields, checked on its JSON shape.

    Working on the shape (not a validated ``Plan``) lets the loader report these problems
    together with field errors, which stop pydantic before the plan's own validator runs.
    Values of the wrong type are skipped here: the field checks report them.

    >>> plan_rule_problems({"id": "a", "parent": "a", "provisions": []})
    [(('parent',), 'a plan cannot be its own parent')]
    """
    provisions = _list(doc.get("provisions"))
    sources = _list(doc.get("sources"))
    problems = duplicate_problems(("provisions",), provisions, "number", "provision number")
    problems += duplicate_problems(("provisions",), provisions, "key", "provision key")
    problems += duplicate_problems(("sources",), sources, "id", "source id")
    known = {s.get("id") for s in sources if isinstance(s, Mapping)}
    for i, provision in enumerate(provisions):
        if not isinstance(provision, Mapping):
            continue
        where: Loc = ("provisions", i, "subpoints")
        problems += subpoint_problems(_list(provision.get("subpoints")), where, level=1)
        for j, ref in enumerate(_list(provision.get("sources"))):
            if isinstance(ref, str) and ref not in known:
                said = f"cites {quote(ref)}, which is not in /sources"
                problems.append((("provisions", i, "sources", j), said))
    if isinstance(doc.get("parent"), str) and doc.get("parent") == doc.get("id"):
        problems.append((("parent",), "a plan cannot be its own parent"))
    partial = doc.get("completeness") == Completeness.PARTIAL.value
    if partial and doc.get("completeness_note") is None:
        problems.append(
            (("completeness_note",), "a partial plan needs a note saying what is missing")
        )
    return problems


def subpoint_problems(items: Sequence[Any], where: Loc, *, level: int) -> list[tuple[Loc, str]]:
    """Labels unique among siblings; sub-points of sub-points (level 2) have none of their own."""
    problems = duplicate_problems(where, items, "label", "sub-point label")
    for i, item in enumerate(items):
        children = _list(item.get("subpoints")) if isinstance(item, Mapping) else ()
        if children and level >= 2:
            problems.append(((*where, i, "subpoints"), "sub-points nest at most two levels deep"))
        elif children:
            problems += subpoint_problems(children, (*where, i, "subpoints"), level=level + 1)
    return problems


def _list(value: Any) -> Sequence[Any]:
    return value if isinstance(value, list | tuple) else ()


def duplicate_problems(
    where: Loc, items: Sequence[Any], field: str, what: str
) -> list[tuple[Loc, str]]:
    """Point at every repeat of ``field`` among ``items``, naming the index of its first use.

    The message names no absolute path: the same rule runs inside a model (which knows only
    its own fields) and on a whole document, and both must say the same thing.
    """
    first: dict[str, int] = {}
    problems: list[tuple[Loc, str]] = []
    for i, item in enumerate(items):
        value = item.get(field) if isinstance(item, Mapping) else None
        if not isinstance(value, str):
            continue
        if value in first:
            said = f"{what} {quote(value)} is used twice (first at index {first[value]})"
            problems.append(((*where, i, field), said))
        else:
            first[value] = i
    return problems
