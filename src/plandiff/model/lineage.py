"""Records about chains of versions: the lineage tree, provision lineages, history, synopsis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from plandiff.model.changes import Finding, PlanInfo, ProvisionChange, ProvisionRef
from plandiff.model.plan import SubPoint
from plandiff.model.record import Record


@dataclass(frozen=True, slots=True, kw_only=True)
class LineageNode(Record):
    """One plan of a library with the versions that name it as their parent."""

    plan: PlanInfo
    path: str = field(metadata={"description": "The plan file, as found in the library folder."})
    children: tuple[LineageNode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Lineage(Record):
    """Every plan of a library as a forest of parent links, oldest first."""

    schema_version: Literal["1"] = "1"
    folder: str
    roots: tuple[LineageNode, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cell(Record):
    """A provision lineage in one version: how it stands there and what changed on the way."""

    plan_id: str
    provisions: tuple[ProvisionRef, ...] = field(
        metadata={
            "description": "The provision(s) of this lineage in this version; empty where it is "
            "absent."
        }
    )
    subpoints: tuple[SubPoint, ...] = field(
        default=(), metadata={"description": "The sub-points of those provisions, in order."}
    )
    changes: tuple[ProvisionChange, ...] = field(
        default=(),
        metadata={
            "description": "Changes from the previous version that touch this lineage (none in "
            "the first version)."
        },
    )
    findings: tuple[Finding, ...] = ()
    status: Literal["present", "not-covered", "removed", "absent"] = field(
        default="present",
        metadata={
            "description": "'present' when the lineage has provisions here; otherwise "
            "'not-covered' (a partial version that does not cover it: its fate is unknown), "
            "'removed', or 'absent' (not yet added, or gone before this version)."
        },
    )
    bridged_from: str | None = field(
        default=None,
        metadata={
            "description": "Set when the previous version is partial and did not cover this "
            "provision: the id of the earlier version the changes compare with instead."
        },
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class LineageRow(Record):
    """One provision followed through every version; split and merged parts share a row."""

    id: str = field(
        metadata={"description": "Stable anchor: the key, else 'v<column>-<number>' of its start."}
    )
    label: str = field(
        metadata={"description": "How readers name it: its key, else its first number."}
    )
    cells: tuple[Cell, ...] = field(
        metadata={"description": "One per version, in the order of the versions."}
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Synopsis(Record):
    """The N-column table: one row per provision lineage, one column per version."""

    schema_version: Literal["1"] = "1"
    versions: tuple[PlanInfo, ...]
    rows: tuple[LineageRow, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvisionHistory(Record):
    """The lineage rows a history query matched, through every version of the chain."""

    schema_version: Literal["1"] = "1"
    query: str = field(
        metadata={"description": "The key, number or 'topic:<name>' that was asked for."}
    )
    versions: tuple[PlanInfo, ...]
    rows: tuple[LineageRow, ...]
