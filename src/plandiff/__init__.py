"""plandiff: version and compare negotiation texts provision by provision.

The library is three calls::

    from plandiff import load_plan, compare, render
    old = load_plan("plans/us-28-point-draft.json")
    new = load_plan("plans/geneva-revision.json")
    print(render(compare(old, new), "markdown"))
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
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
    from plandiff.changes import Comparison
    from plandiff.compare import compare
    from plandiff.errors import PlandiffError, PlanError
    from plandiff.load import load_plan
    from plandiff.model import Plan
    from plandiff.options import CompareOptions

# Imported on first use so that `plandiff --version` does not pay for pydantic and jinja2.
_HOMES = {
    "CompareOptions": "plandiff.options",
    "Comparison": "plandiff.changes",
    "Plan": "plandiff.model",
    "PlanError": "plandiff.errors",
    "PlandiffError": "plandiff.errors",
    "compare": "plandiff.compare",
    "load_plan": "plandiff.load",
}


# Imported now, not on first use: importing a package's submodule sets the package attribute
# of that name to the module, so once anything imported `plandiff.render.view` (the CLI does
# at start-up), `from plandiff import render` would give the package instead of the function.
# Binding the function after the package is loaded settles it; the package itself is light.
from plandiff.render import render  # noqa: E402


class _Facade(ModuleType):
    """The package module, guarding the facade names against submodules of the same name.

    Importing ``plandiff.compare`` (the module) binds it as the package attribute ``compare``
    once loaded, which would make a later ``from plandiff import compare`` yield the module
    instead of the function. Dropping that binding leaves the name to ``__getattr__``;
    ``from plandiff.compare import compare`` still works through ``sys.modules``.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        is_own_submodule = isinstance(value, ModuleType) and value.__name__ == f"{__name__}.{name}"
        if is_own_submodule and name in _HOMES:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Facade


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'plandiff' has no attribute {name!r}")
