"""The comparisons a review covers: every lineage pair of a plan folder, or those touching files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from plandiff.model.changes import Comparison
from plandiff.model.options import CompareOptions


@dataclass(frozen=True)
class Reviewed:
    """One parent → child comparison and the file of the newer version (for annotations)."""

    comparison: Comparison
    new_path: str


def review_pairs(
    folder: str, only: Sequence[str] = (), *, options: CompareOptions | None = None
) -> list[Reviewed]:
    """Compare each parent → child pair of ``folder``, in lineage order.

    With ``only`` (paths, e.g. the plan files a pull request changed), just the pairs in which
    one of those files is the older or the newer version; unknown paths are ignored, since a
    deleted plan is no longer in the folder. ``options`` as for ``compare`` (the project's rules).
    """
    from plandiff.documents.library import open_library
    from plandiff.pipeline.compare import compare

    wanted = {Path(p).resolve() for p in only}
    reviewed = []
    for old, new in open_library(folder).pairs():
        if wanted and not wanted & {Path(old.path).resolve(), Path(new.path).resolve()}:
            continue
        comparison = compare(old.plan, new.plan, options=options or CompareOptions())
        reviewed.append(Reviewed(comparison, new.path))
    return reviewed
