"""Start-up stays light: each command imports only what it uses.

What a command imports is checked, not how long it takes: the import set is the same on every
machine, and ``benchmarks/startup.py`` measures the time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from plandiff import __version__

HEAVY = ("pydantic", "jinja2", "deepdiff", "rich")
ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ("plans/us-28-point-draft.json", "plans/geneva-revision.json")
# The libraries a comparison to JSON uses: click for the command line, cydifflib for word
# edits, orjson to write the report, snowballstemmer for watched terms.
COMPARE_PACKAGES = {"click", "cydifflib", "cython_runtime", "orjson", "plandiff", "snowballstemmer"}
# Standard modules that serve other commands only (git revisions, -o, package data in a zip,
# invisible-change notes, error messages): a plain comparison must not pay for them.
NOT_FOR_COMPARE = (
    "subprocess",
    "tempfile",
    "shutil",
    "zipfile",
    "importlib.resources",
    "difflib",
    "traceback",
)

# Runs the command line in-process, then prints which heavy packages it had imported.
PROBE = """
import json, runpy, sys
args, heavy = json.loads(sys.argv[1]), json.loads(sys.argv[2])
sys.argv = ["plandiff", *args]
try:
    runpy.run_module("plandiff", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if heavy == ["*"] or m.split(".")[0] in heavy)))
"""


def run_probe(*args: str, watch: Sequence[str] = HEAVY) -> tuple[str, list[str]]:
    """What the command printed, and the modules of ``watch`` (``["*"]``: all) it imported."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args)), json.dumps(list(watch))],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=True,
    )
    *printed, modules = proc.stdout.strip().splitlines()
    return "\n".join(printed), json.loads(modules)


def test_version_loads_no_heavy_library() -> None:
    printed, modules = run_probe("--version")
    assert __version__ in printed  # the command really ran
    assert modules == []


def test_the_probe_would_see_a_heavy_import() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, plandiff.model.planfile; print('pydantic' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=True,
    )
    assert proc.stdout.strip() == "True"


def test_compare_imports_only_what_it_uses() -> None:
    printed, modules = run_probe(
        "compare", *(str(ROOT / p) for p in BUNDLED), "--format", "json", watch=["*"]
    )
    assert json.loads(printed)["schema_version"]  # the comparison really ran
    # Private names are the interpreter's and the extensions' own (_cython_3_0_12, __main__).
    tops = {m.split(".")[0] for m in modules if not m.startswith("_")}
    assert tops - set(sys.stdlib_module_names) == COMPARE_PACKAGES
    assert [m for m in NOT_FOR_COMPARE if m in modules] == []
    # Of the plan's own layers, a comparison to JSON needs no other renderer and no git.
    assert not [m for m in modules if m.startswith(("plandiff.integrations", "plandiff.versions"))]
    assert [m for m in modules if m.startswith("plandiff.output.")] == ["plandiff.output.jsondoc"]
