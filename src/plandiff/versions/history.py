"""One provision through every version of its lineage, from compare() of each consecutive pair."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from plandiff.documents.library import plan_info
from plandiff.model.changes import ChangeKind, Comparison
from plandiff.model.errors import UsageError
from plandiff.model.lineage import LineageRow, ProvisionHistory
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Completeness, Plan
from plandiff.pipeline.compare import compare
from plandiff.pipeline.settings import Settings, options_for
from plandiff.versions.threads import lineage_rows


def compare_chain(
    plans: Sequence[Plan], *, options: CompareOptions | Settings | None = None
) -> tuple[Comparison, ...]:
    """``compare`` of each version with the next one."""
    return tuple(
        compare(old, new, options=options_for(options, old, new)) for old, new in pairwise(plans)
    )


def bridge_chain(
    plans: Sequence[Plan],
    comparisons: Sequence[Comparison],
    *,
    options: CompareOptions | Settings | None = None,
) -> dict[int, Comparison]:
    """For each partial version between two others that left provisions uncovered while the
    next version added some, ``compare`` of the versions either side of it."""
    bridges: dict[int, Comparison] = {}
    for over in range(1, len(plans) - 1):
        if plans[over].completeness is not Completeness.PARTIAL:
            continue
        unseen = any(c.kind is ChangeKind.NOT_COVERED for c in comparisons[over - 1].changes)
        fresh = any(c.kind is ChangeKind.ADDED for c in comparisons[over].changes)
        if unseen and fresh:
            old, new = plans[over - 1], plans[over + 1]
            bridges[over] = compare(old, new, options=options_for(options, old, new))
    return bridges


def follow(
    plans: Sequence[Plan], *, options: CompareOptions | Settings | None = None
) -> tuple[LineageRow, ...]:
    """Every provision lineage over ``plans``, bridged across partial versions."""
    comparisons = compare_chain(plans, options=options)
    return lineage_rows(plans, comparisons, bridge_chain(plans, comparisons, options=options))


def history(
    plans: Sequence[Plan],
    query: str | None = None,
    *,
    topic: str | None = None,
    options: CompareOptions | Settings | None = None,
) -> ProvisionHistory:
    """Follow the provision with key or number ``query`` (or every one tagged ``topic``).

    A key is looked for in every version; a number names the provision that first carries
    it, so ``6`` is point 6 of the oldest version that has a point 6.
    """
    if not plans:
        raise UsageError("history needs at least one version")
    if (query is None) == (topic is None):
        raise UsageError("name one provision (KEY or NUMBER) or give --topic T, not both")
    rows = follow(plans, options=options)
    if topic is not None:
        chosen = [row for row in rows if _has_topic(row, topic)]
        asked = f"topic:{topic}"
    else:
        assert query is not None
        chosen = _by_key(rows, query) or _by_number(rows, query)
        asked = query
    if not chosen:
        versions = ", ".join(plan.id for plan in plans)
        what = f"topic {topic!r}" if topic is not None else f"key or number {query!r}"
        raise UsageError(f"no provision with {what} in {versions}")
    return ProvisionHistory(
        query=asked, versions=tuple(plan_info(p) for p in plans), rows=tuple(chosen)
    )


def _by_key(rows: Sequence[LineageRow], key: str) -> list[LineageRow]:
    return [r for r in rows if any(p.key == key for c in r.cells for p in c.provisions)]


def _by_number(rows: Sequence[LineageRow], number: str) -> list[LineageRow]:
    columns = len(rows[0].cells) if rows else 0
    for column in range(columns):
        found = [r for r in rows if any(p.number == number for p in r.cells[column].provisions)]
        if found:
            return found
    return []


def _has_topic(row: LineageRow, topic: str) -> bool:
    return any(topic in p.topics for c in row.cells for p in c.provisions) or any(
        topic in ch.topics for c in row.cells for ch in c.changes
    )
