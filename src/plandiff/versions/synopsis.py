"""The N-column synopsis: one row per provision lineage, one column per version."""

from __future__ import annotations

from collections.abc import Sequence

from plandiff.documents.library import plan_info
from plandiff.model.errors import UsageError
from plandiff.model.lineage import Synopsis
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Plan
from plandiff.pipeline.settings import Settings
from plandiff.versions.history import follow


def synopsis(
    plans: Sequence[Plan], *, options: CompareOptions | Settings | None = None
) -> Synopsis:
    """Line up ``plans`` (in the order given), each column compared with the one before it."""
    if len(plans) < 2:
        raise UsageError("a synopsis needs at least two versions")
    rows = follow(plans, options=options)
    return Synopsis(versions=tuple(plan_info(p) for p in plans), rows=rows)
