"""The library facade: the three calls are functions whatever was imported before them."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "first", ["plandiff.pipeline.compare", "plandiff.documents.load", "plandiff.output.view"]
)
def test_facade_names_are_functions_after_importing_submodules(first: str) -> None:
    script = (
        f"import {first}\n"
        "import types\n"
        "from plandiff import compare, load_plan, render\n"
        "names = (compare, load_plan, render)\n"
        "bad = [f.__name__ for f in names if isinstance(f, types.ModuleType)]\n"
        "print(bad or 'ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "ok"


def test_facade_reports_unknown_names() -> None:
    import plandiff

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = plandiff.nope
