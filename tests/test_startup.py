"""Start-up stays light: commands that need no plan load none of the heavy libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from plandiff import __version__

HEAVY = ("pydantic", "jinja2", "deepdiff", "rich")

# Runs the command line in-process, then prints which heavy packages it had imported.
PROBE = """
import json, runpy, sys
args, heavy = json.loads(sys.argv[1]), json.loads(sys.argv[2])
sys.argv = ["plandiff", *args]
try:
    runpy.run_module("plandiff", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy)))
"""


def run_probe(*args: str) -> tuple[str, list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args)), json.dumps(HEAVY)],
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
