"""The plan document: one version of a negotiation text, as stored in ``plans/*.json``."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

SLUG = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
LABEL = r"^[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*$"


class Frozen(BaseModel):
    """Base of every record: strict, immutable, unknown fields rejected."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


def _iso_date(value: Any) -> Any:
    # Strict mode refuses strings for dates; JSON has no date type, so accept exactly
    # the ISO form YYYY-MM-DD and nothing looser (no timestamps, no "20 Nov 2025").
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("a date must be written YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as err:
            raise ValueError(f"not a calendar date: {err}") from None
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only white space")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Text = Annotated[str, AfterValidator(_not_blank)]
Slug = Annotated[str, Field(pattern=SLUG, max_length=100)]
Label = Annotated[str, Field(pattern=LABEL, max_length=20)]


class Completeness(StrEnum):
    """Whether a plan file holds the whole text or only what was reported of it."""

    FULL = "full"
    PARTIAL = "partial"


class Provenance(StrEnum):
    """How the wording of a provision is known."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    RECONSTRUCTED = "reconstructed"


class Source(Frozen):
    """A document a plan version is built from, cited by provisions through its ``id``."""

    id: Slug
    title: Text
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=2000)]
    accessed: IsoDate | None = None
    publisher: Text | None = None


class SubPoint(Frozen):
    """A lettered or numbered item inside a provision; one further level is allowed."""

    label: Label
    text: Text
    subpoints: tuple[SubPoint, ...] = ()

    @model_validator(mode="after")
    def _one_level_only(self) -> SubPoint:
        for child in self.subpoints:
            if child.subpoints:
                raise ValueError("sub-points nest at most two levels deep")
        return self


class Provision(Frozen):
    """One numbered point of a plan."""

    number: Label
    key: Slug | None = Field(
        default=None, description="Stable identity that survives renumbering across versions."
    )
    heading: Text | None = None
    text: Text
    subpoints: tuple[SubPoint, ...] = ()
    topics: tuple[Slug, ...] = ()
    provenance: Provenance
    sources: tuple[Slug, ...] = Field(default=(), description="Ids of the plan's sources.")
    note: Text | None = None

    @model_validator(mode="after")
    def _unique_labels(self) -> Provision:
        labels = [s.label for s in self.subpoints]
        seen: set[str] = set()
        for label in labels:
            if label in seen:
                raise ValueError(f"sub-point label {label!r} is used twice")
            seen.add(label)
        return self


class Plan(Frozen):
    """One version of a negotiation text."""

    schema_ref: str | None = Field(default=None, alias="$schema")
    id: Slug
    title: Text
    version: Text = Field(max_length=200, description="Human version label, e.g. 'Geneva revision'.")
    date: IsoDate
    parent: Slug | None = Field(default=None, description="Id of the version this one revises.")
    parties: tuple[Text, ...] = Field(default=(), description="Parties or authors.")
    sources: tuple[Source, ...] = ()
    completeness: Completeness
    completeness_note: Text | None = Field(
        default=None, description="What is missing when completeness is 'partial'."
    )
    provisions: tuple[Provision, ...] = Field(min_length=1)

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="after")
    def _consistent(self) -> Plan:
        _require_unique("provision number", [p.number for p in self.provisions])
        _require_unique("provision key", [p.key for p in self.provisions if p.key])
        _require_unique("source id", [s.id for s in self.sources])
        known = {s.id for s in self.sources}
        for p in self.provisions:
            for ref in p.sources:
                if ref not in known:
                    raise ValueError(f"provision {p.number} cites unknown source {ref!r}")
        if self.parent == self.id:
            raise ValueError("a plan cannot be its own parent")
        if self.completeness is Completeness.PARTIAL and not self.completeness_note:
            raise ValueError("a partial plan needs a completeness_note saying what is missing")
        return self


def _require_unique(what: str, values: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} {value!r} is used twice")
        seen.add(value)
