"""plandiff: version and compare negotiation texts provision by provision.

The library is three calls::

    from plandiff import load_plan, compare, render
    old = load_plan("plans/us-28-point-draft.json")
    new = load_plan("plans/geneva-revision.json")
    print(render(compare(old, new), "markdown"))
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "CompareOptions",
    "Comparison",
    "Plan",
    "PlanError",
    "PlandiffError",
    "__version__",
    "compare",
    "load_plan",
    "render",
]

if TYPE_CHECKING:
    from plandiff.documents.load import load_plan
    from plandiff.model.changes import Comparison
    from plandiff.model.errors import PlandiffError, PlanError
    from plandiff.model.options import CompareOptions
    from plandiff.model.plan import Plan
    from plandiff.output import render
    from plandiff.pipeline.compare import compare

# Imported on first use so that `plandiff --version` does not pay for pydantic and jinja2.
# No submodule of the package shares a facade name (the modules live in layer folders), so
# importing, say, plandiff.pipeline.compare never rebinds ``plandiff.compare``.
_HOMES = {
    "CompareOptions": "plandiff.model.options",
    "Comparison": "plandiff.model.changes",
    "Plan": "plandiff.model.plan",
    "PlanError": "plandiff.model.errors",
    "PlandiffError": "plandiff.model.errors",
    "compare": "plandiff.pipeline.compare",
    "load_plan": "plandiff.documents.load",
    "render": "plandiff.output",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'plandiff' has no attribute {name!r}")
