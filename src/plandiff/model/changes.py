"""Everything a comparison can say, as frozen records: plandiff's whole vocabulary."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Final, Literal

from pydantic import Field

from plandiff.model.options import CompareOptions
from plandiff.model.plan import Completeness, Frozen, Source

SCHEMA_VERSION: Final = "1"


class ChangeKind(StrEnum):
    """What happened to a provision between two versions (one kind per record)."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"  # same place, wording changed
    RENUMBERED = "renumbered"  # same order, new display number (wording may also change)
    MOVED = "moved"  # out of step with the order of the rest (wording may also change)
    SPLIT = "split"  # one old provision became several new ones
    MERGED = "merged"  # several old provisions became one new one
    ADDED = "added"
    REMOVED = "removed"
    NOT_COVERED = "not-covered"  # absent from a partial new version: its fate is unknown


class MatchedBy(StrEnum):
    """Which alignment pass paired the provisions."""

    PINNED = "pinned"  # an analyst's pin file fixed the pair
    KEY = "key"  # same stable key
    TEXT = "text"  # identical normalised text
    NUMBER = "number"  # same display number with enough similarity
    SIMILARITY = "similarity"  # text similarity above the threshold
    CONTAINMENT = "containment"  # split or merge: one side contained in the joined other side


class Severity(StrEnum):
    """How loudly a finding should be reported; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class WordEdit(Frozen):
    """One run of a word-level diff; runs cover both texts end to end, in order.

    Joining every ``old`` gives the old text and joining every ``new`` gives the new text.
    """

    op: Literal["equal", "insert", "delete", "replace"]
    old: str = ""
    new: str = ""


class ProvisionRef(Frozen):
    """Where a provision stands in one version, and its wording there."""

    number: str
    key: str | None = None
    position: int = Field(ge=0, description="Index in the plan's list of provisions.")
    heading: str | None = None
    text: str
    topics: tuple[str, ...] = ()


class SubPointChange(Frozen):
    """A sub-point aligned within its provision (``old_label`` or ``new_label`` is None when
    the sub-point was added or removed)."""

    kind: ChangeKind
    old_label: str | None
    new_label: str | None
    edits: tuple[WordEdit, ...]
    children: tuple[SubPointChange, ...] = ()


class ProvisionChange(Frozen):
    """One row of a comparison: a provision paired (or not) across the two versions.

    ``kind`` names the main change; ``reworded``, ``renumbered`` and ``moved`` record each
    aspect separately so that a moved *and* reworded provision says both.
    """

    id: str = Field(description="Stable anchor for links, e.g. 'p-6' or 'old-26'.")
    kind: ChangeKind
    old: tuple[ProvisionRef, ...] = Field(description="Empty when added; several when merged.")
    new: tuple[ProvisionRef, ...] = Field(description="Empty when removed; several when split.")
    matched_by: MatchedBy | None = None
    confidence: float = Field(ge=0.0, le=1.0, description="1.0 for exact and pinned pairs.")
    reworded: bool = False
    renumbered: bool = False
    moved: bool = False
    heading_changed: bool = False
    edits: tuple[WordEdit, ...] = Field(
        description="Word edits of the main text (against the joined text for split and merge)."
    )
    edits_capped: bool = Field(
        default=False, description="True when the texts were too large to diff word by word."
    )
    subpoints: tuple[SubPointChange, ...] = ()
    topics: tuple[str, ...] = ()
    note: str | None = Field(default=None, description="e.g. 'possible move of old 7'.")


class NumberChange(Frozen):
    """A quantity read from prose, paired across a provision pair."""

    quantity: str = Field(description="What is counted: personnel, days, usd, percent, ...")
    old_value: float | None
    new_value: float | None
    old_text: str | None
    new_text: str | None
    delta: float | None = None
    percent: float | None = None


class Finding(Frozen):
    """A headline: something a reader must not miss, tied to one provision change."""

    rule: str
    severity: Severity
    message: str
    change_id: str
    number: NumberChange | None = None
    term: str | None = None


class PlanInfo(Frozen):
    """The metadata of one side of a comparison, as reports show it."""

    id: str
    title: str
    version: str
    date: dt.date
    parent: str | None
    parties: tuple[str, ...]
    sources: tuple[Source, ...]
    completeness: Completeness
    completeness_note: str | None
    provision_count: int


class MetadataChange(Frozen):
    """A change to a plan's metadata (title, date, parties, sources, completeness)."""

    path: str = Field(description="Field path, e.g. 'title' or 'sources[1].url'.")
    change: Literal["changed", "added", "removed", "reordered"] = Field(
        description="'reordered': the same items in another order (old and new list them)."
    )
    old: str | None
    new: str | None


class KindCount(Frozen):
    kind: ChangeKind
    count: int


class TopicSummary(Frozen):
    """Per-topic counts of changed provisions and findings."""

    topic: str
    changed: int
    unchanged: int
    findings: int


class Comparison(Frozen):
    """The whole result of ``compare(old, new)``; the JSON report is this record."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    old: PlanInfo
    new: PlanInfo
    options: CompareOptions
    changes: tuple[ProvisionChange, ...]
    findings: tuple[Finding, ...] = Field(description="Sorted worst first: the headlines.")
    counts: tuple[KindCount, ...]
    topics: tuple[TopicSummary, ...] = ()
    metadata: tuple[MetadataChange, ...] = ()

    @property
    def has_differences(self) -> bool:
        """True when anything other than 'unchanged' was found (exit code 1 for the CLI)."""
        return bool(self.metadata) or any(c.kind is not ChangeKind.UNCHANGED for c in self.changes)
