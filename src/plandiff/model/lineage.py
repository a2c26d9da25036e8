"""Records about chains of versions: the lineage tree, provision lineages, history, synopsis."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from plandiff.model.changes import Finding, PlanInfo, ProvisionChange, ProvisionRef
from plandiff.model.plan import Frozen, SubPoint


class LineageNode(Frozen):
    """One plan of a library with the versions that name it as their parent."""

    plan: PlanInfo
    path: str = Field(description="The plan file, as found in the library folder.")
    children: tuple[LineageNode, ...] = ()


class Lineage(Frozen):
    """Every plan of a library as a forest of parent links, oldest first."""

    schema_version: Literal["1"] = "1"
    folder: str
    roots: tuple[LineageNode, ...]


class Cell(Frozen):
    """A provision lineage in one version: how it stands there and what changed on the way."""

    plan_id: str
    provisions: tuple[ProvisionRef, ...] = Field(
        description="The provision(s) of this lineage in this version; empty where it is absent."
    )
    subpoints: tuple[SubPoint, ...] = Field(
        default=(), description="The sub-points of those provisions, in order."
    )
    changes: tuple[ProvisionChange, ...] = Field(
        default=(),
        description="Changes from the previous version that touch this lineage (none in the "
        "first version).",
    )
    findings: tuple[Finding, ...] = ()
    status: Literal["present", "not-covered", "removed", "absent"] = Field(
        default="present",
        description="'present' when the lineage has provisions here; otherwise 'not-covered' "
        "(a partial version that does not cover it: its fate is unknown), 'removed', or "
        "'absent' (not yet added, or gone before this version).",
    )
    bridged_from: str | None = Field(
        default=None,
        description="Set when the previous version is partial and did not cover this provision: "
        "the id of the earlier version the changes compare with instead.",
    )


class LineageRow(Frozen):
    """One provision followed through every version; split and merged parts share a row."""

    id: str = Field(description="Stable anchor: the key, else 'v<column>-<number>' of its start.")
    label: str = Field(description="How readers name it: its key, else its first number.")
    cells: tuple[Cell, ...] = Field(description="One per version, in the order of the versions.")


class Synopsis(Frozen):
    """The N-column table: one row per provision lineage, one column per version."""

    schema_version: Literal["1"] = "1"
    versions: tuple[PlanInfo, ...]
    rows: tuple[LineageRow, ...]


class ProvisionHistory(Frozen):
    """The lineage rows a history query matched, through every version of the chain."""

    schema_version: Literal["1"] = "1"
    query: str = Field(description="The key, number or 'topic:<name>' that was asked for.")
    versions: tuple[PlanInfo, ...]
    rows: tuple[LineageRow, ...]
