"""Everything a comparison can say, as frozen records: plandiff's whole vocabulary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Literal, Protocol

from plandiff.model.options import CompareOptions
from plandiff.model.plan import Completeness, Source
from plandiff.model.record import Record
from plandiff.model.vocabulary import Severity

SCHEMA_VERSION: Final = "1"
# The parts of a split or merged provision are compared as one text, joined by a paragraph break.
JOIN: Final = "\n\n"


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


class Facet(StrEnum):
    """One aspect of what happened to a paired provision; a change has every one that applies,
    so that a renumbered or moved provision never hides its rewording."""

    REWORDED = "reworded"  # its wording changed (sub-points included)
    RENUMBERED = "renumbered"
    MOVED = "moved"
    HEADING_CHANGED = "heading-changed"
    SUBPOINTS_CHANGED = "subpoints-changed"  # a sub-point was added, removed or changed


class MatchedBy(StrEnum):
    """Which alignment pass paired the provisions."""

    PINNED = "pinned"  # an analyst's pin file fixed the pair
    KEY = "key"  # same stable key
    TEXT = "text"  # identical normalised text
    NUMBER = "number"  # same display number with enough similarity
    SIMILARITY = "similarity"  # text similarity above the threshold
    CONTAINMENT = "containment"  # split or merge: one side contained in the joined other side


class _Texted(Protocol):
    @property
    def text(self) -> str: ...


def joined_text(parts: Sequence[_Texted]) -> str:
    """The wording of one side of a change: its provision's text, or its parts' joined by
    ``JOIN`` (what the word edits of a split or merge were computed against).

    >>> joined_text([])
    ''
    """
    if len(parts) == 1:  # nearly every change: no joining
        return parts[0].text
    return JOIN.join([p.text for p in parts])


@dataclass(frozen=True, slots=True, kw_only=True)
class WordEdit(Record):
    """One run of a word-level diff; runs cover both texts end to end, in order.

    Joining every ``old`` gives the old text and joining every ``new`` gives the new text.
    """

    op: Literal["equal", "insert", "delete", "replace"]
    old: str = ""
    new: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvisionRef(Record):
    """Where a provision stands in one version, and its wording there."""

    number: str
    key: str | None = None
    position: int = field(
        metadata={"ge": 0, "description": "Index in the plan's list of provisions."}
    )
    heading: str | None = None
    text: str
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SubPointChange(Record):
    """A sub-point aligned within its provision (``old_label`` or ``new_label`` is None when
    the sub-point was added or removed)."""

    kind: ChangeKind
    old_label: str | None
    new_label: str | None
    edits: tuple[WordEdit, ...]
    children: tuple[SubPointChange, ...] = ()

    @property
    def old_text(self) -> str:
        """The sub-point's old wording ('' when it was added), as its word edits give it."""
        return "".join([e.old for e in self.edits])

    @property
    def new_text(self) -> str:
        """The sub-point's new wording ('' when it was removed)."""
        return "".join([e.new for e in self.edits])


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvisionChange(Record):
    """One row of a comparison: a provision paired (or not) across the two versions.

    ``kind`` names the main change; ``reworded``, ``renumbered``, ``moved``,
    ``heading_changed`` and ``subpoints_changed`` record each aspect separately (``facets``
    lists them) so that a moved *and* reworded provision says both.
    """

    id: str = field(metadata={"description": "Stable anchor for links, e.g. 'p-6' or 'old-26'."})
    kind: ChangeKind
    old: tuple[ProvisionRef, ...] = field(
        metadata={"description": "Empty when added; several when merged."}
    )
    new: tuple[ProvisionRef, ...] = field(
        metadata={"description": "Empty when removed; several when split."}
    )
    matched_by: MatchedBy | None = None
    confidence: float = field(
        metadata={"ge": 0.0, "le": 1.0, "description": "1.0 for exact and pinned pairs."}
    )
    reworded: bool = False
    renumbered: bool = False
    moved: bool = False
    heading_changed: bool = False
    subpoints_changed: bool = False
    edits: tuple[WordEdit, ...] = field(
        metadata={
            "description": "Word edits of the main text (against the joined text for split and "
            "merge)."
        }
    )
    edits_capped: bool = field(
        default=False,
        metadata={"description": "True when the texts were too large to diff word by word."},
    )
    subpoints: tuple[SubPointChange, ...] = ()
    topics: tuple[str, ...] = ()
    note: str | None = field(
        default=None, metadata={"description": "e.g. 'possible move of old 7'."}
    )

    @property
    def facets(self) -> tuple[Facet, ...]:
        """Every aspect of the change that applies, in ``Facet`` order."""
        found = (self.reworded, self.renumbered, self.moved, self.heading_changed,
                 self.subpoints_changed)  # fmt: skip
        return tuple(facet for facet, on in zip(Facet, found, strict=True) if on)

    @property
    def old_text(self) -> str:
        """The old wording, sub-points aside ('' when added; merged parts joined by ``JOIN``)."""
        return joined_text(self.old)

    @property
    def new_text(self) -> str:
        """The new wording, sub-points aside ('' when removed; split parts joined by ``JOIN``)."""
        return joined_text(self.new)


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberChange(Record):
    """A quantity read from prose, paired across a provision pair."""

    quantity: str = field(
        metadata={"description": "What is counted: personnel, days, usd, percent, ..."}
    )
    old_value: float | None
    new_value: float | None
    old_text: str | None
    new_text: str | None
    delta: float | None = None
    percent: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding(Record):
    """A headline: something a reader must not miss, tied to one provision change."""

    rule: str
    severity: Severity
    message: str
    change_id: str
    number: NumberChange | None = None
    term: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanInfo(Record):
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


@dataclass(frozen=True, slots=True, kw_only=True)
class MetadataChange(Record):
    """A change to a plan's metadata (title, date, parties, sources, completeness)."""

    path: str = field(metadata={"description": "Field path, e.g. 'title' or 'sources[1].url'."})
    change: Literal["changed", "added", "removed", "reordered"] = field(
        metadata={
            "description": "'reordered': the same items in another order (old and new list them)."
        }
    )
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class KindCount(Record):
    kind: ChangeKind
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TopicSummary(Record):
    """Per-topic counts of changed provisions and findings."""

    topic: str
    changed: int
    unchanged: int
    findings: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FacetCount(Record):
    """How many paired provisions have a facet, and how many of those have each other one
    too ("1,852 reworded, of which 96 also moved")."""

    facet: Facet
    count: int
    also: tuple[FacetCount, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison(Record):
    """The whole result of ``compare(old, new)``; the JSON report is this record."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    old: PlanInfo
    new: PlanInfo
    options: CompareOptions
    changes: tuple[ProvisionChange, ...]
    findings: tuple[Finding, ...] = field(
        metadata={"description": "Sorted worst first: the headlines."}
    )
    counts: tuple[KindCount, ...]
    facets: tuple[FacetCount, ...] = field(
        default=(),
        metadata={
            "description": "Paired provisions per facet, whatever their kind: a renumbered "
            "provision that was also reworded counts as reworded."
        },
    )
    topics: tuple[TopicSummary, ...] = ()
    metadata: tuple[MetadataChange, ...] = ()

    @property
    def has_differences(self) -> bool:
        """True when anything other than 'unchanged' was found (exit code 1 for the CLI)."""
        return bool(self.metadata) or any(c.kind is not ChangeKind.UNCHANGED for c in self.changes)
