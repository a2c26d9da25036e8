"""The comparisons a review covers: every lineage pair of a plan folder, or those touching files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from plandiff.model.changes import Comparison
from plandiff.model.errors import UsageError
from plandiff.model.options import CompareOptions

if TYPE_CHECKING:
    from plandiff.pipeline.settings import Settings


@dataclass(frozen=True)
class Reviewed:
    """One parent → child comparison and the file of the newer version (for annotations)."""

    comparison: Comparison
    new_path: str


def review_pairs(
    folder: str, only: Sequence[str] = (), *, options: CompareOptions | Settings | None = None
) -> list[Reviewed]:
    """Compare each parent → child pair of ``folder``, in lineage order.

    With ``only`` (paths, e.g. the plan files a pull request changed), just the pairs in which
    one of those files is the older or the newer version. A path that does not exist, or is not
    a plan of ``folder``, is a ``UsageError``: a mistyped path in CI must not pass as "nothing
    to review" (a workflow leaves deleted plans out, e.g. ``git diff --diff-filter=d``).
    ``options`` as for ``compare``: the project's ``Settings`` give each pair its own pins.
    """
    from plandiff.documents.library import open_library
    from plandiff.pipeline.compare import compare
    from plandiff.pipeline.settings import options_for

    for path in only:
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such file")
    library = open_library(folder)
    known = {Path(entry.path).resolve() for entry in library.entries}
    for path in only:
        if Path(path).resolve() not in known:
            raise UsageError(f"{path}: not a plan file of the folder {folder}/ (see --plans)")
    wanted = {Path(p).resolve() for p in only}
    reviewed = []
    for old, new in library.pairs():
        if wanted and not wanted & {Path(old.path).resolve(), Path(new.path).resolve()}:
            continue
        chosen = options_for(options, old.plan, new.plan)
        comparison = compare(old.plan, new.plan, options=chosen)
        reviewed.append(Reviewed(comparison, new.path))
    return reviewed
