"""What a valid plan file is, as strict pydantic models: the loader's precise error messages and
the plan's JSON Schema come from here.

The loader reads a valid file straight into the records of ``model/plan.py`` and asks these
models only about a file it does not accept at once, to explain what is wrong with it (or to
accept it after all: ``to_record`` gives the records). Both are built on the same field types,
and a test holds their fields together.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from plandiff.model import plan as records
from plandiff.model.plan import (
    MAX_PARTIES,
    MAX_PROVISIONS,
    MAX_SOURCES,
    MAX_SUBPOINTS,
    MAX_TOPICS,
    Completeness,
    IsoDate,
    Label,
    Provenance,
    RuleError,
    Slug,
    Text,
    Url,
    Version,
    duplicate_problems,
    plainly_consistent,
    plan_rule_problems,
    subpoint_problems,
)


class Frozen(BaseModel):
    """Base of every model of the file: strict, immutable, unknown fields rejected."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class Source(Frozen):
    """A document a plan version is built from, cited by provisions through its ``id``."""

    id: Slug
    title: Text
    url: Url
    accessed: IsoDate | None = None
    publisher: Text | None = None

    def to_record(self) -> records.Source:
        return records.Source(
            id=self.id,
            title=self.title,
            url=self.url,
            accessed=self.accessed,
            publisher=self.publisher,
        )


class SubPoint(Frozen):
    """A lettered or numbered item inside a provision; one further level is allowed."""

    label: Label
    text: Text
    subpoints: tuple[SubPoint, ...] = Field(default=(), max_length=MAX_SUBPOINTS)

    @model_validator(mode="after")
    def _one_level_only(self) -> SubPoint:
        shape = [{"label": c.label, "subpoints": list(c.subpoints)} for c in self.subpoints]
        problems = subpoint_problems(shape, ("subpoints",), level=2)
        if problems:
            raise RuleError(problems)
        return self

    def to_record(self) -> records.SubPoint:
        return records.SubPoint(
            label=self.label,
            text=self.text,
            subpoints=tuple(s.to_record() for s in self.subpoints),
        )


class Provision(Frozen):
    """One numbered point of a plan."""

    number: Label
    key: Slug | None = Field(
        default=None, description="Stable identity that survives renumbering across versions."
    )
    heading: Text | None = None
    text: Text
    subpoints: tuple[SubPoint, ...] = Field(default=(), max_length=MAX_SUBPOINTS)
    topics: tuple[Slug, ...] = Field(default=(), max_length=MAX_TOPICS)
    provenance: Provenance
    sources: tuple[Slug, ...] = Field(
        default=(), max_length=MAX_SOURCES, description="Ids of the plan's sources."
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _unique_labels(self) -> Provision:
        if len(self.subpoints) < 2:  # most provisions: nothing to compare, and 10,000 of them
            return self
        labels = [{"label": s.label} for s in self.subpoints]
        problems = duplicate_problems(("subpoints",), labels, "label", "sub-point label")
        if problems:
            raise RuleError(problems)
        return self

    def to_record(self) -> records.Provision:
        return records.Provision(
            number=self.number,
            key=self.key,
            heading=self.heading,
            text=self.text,
            subpoints=tuple(s.to_record() for s in self.subpoints),
            topics=self.topics,
            provenance=self.provenance,
            sources=self.sources,
            note=self.note,
        )


class Plan(Frozen):
    """One version of a negotiation text."""

    schema_ref: str | None = Field(default=None, alias="$schema")
    id: Slug
    title: Text
    version: Version = Field(description="Human version label, e.g. 'Geneva revision'.")
    date: IsoDate
    parent: Slug | None = Field(default=None, description="Id of the version this one revises.")
    parties: tuple[Text, ...] = Field(
        default=(), max_length=MAX_PARTIES, description="Parties or authors."
    )
    sources: tuple[Source, ...] = Field(default=(), max_length=MAX_SOURCES)
    completeness: Completeness
    completeness_note: Text | None = Field(
        default=None, description="What is missing when completeness is 'partial'."
    )
    provisions: tuple[Provision, ...] = Field(min_length=1, max_length=MAX_PROVISIONS)

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="after")
    def _consistent(self) -> Plan:
        plan = self.to_record()
        if plainly_consistent(plan):
            return self
        shape = {
            "id": self.id,
            "parent": self.parent,
            "completeness": self.completeness.value,
            "completeness_note": self.completeness_note,
            "sources": [{"id": s.id} for s in self.sources],
            "provisions": [
                {"number": p.number, "key": p.key, "sources": list(p.sources)}
                for p in self.provisions
            ],
        }
        problems = plan_rule_problems(shape)
        if problems:
            raise RuleError(problems)
        return self

    def to_record(self) -> records.Plan:
        """The plan as the engine's records."""
        return records.Plan(
            schema_ref=self.schema_ref,
            id=self.id,
            title=self.title,
            version=self.version,
            date=self.date,
            parent=self.parent,
            parties=self.parties,
            sources=tuple(s.to_record() for s in self.sources),
            completeness=self.completeness,
            completeness_note=self.completeness_note,
            provisions=tuple(p.to_record() for p in self.provisions),
        )
