"""The pre-commit hook this repository offers: plandiff-validate on plan files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _hooks() -> list[dict[str, Any]]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return hooks


def test_validate_hook_runs_plandiff_validate_on_plan_files_only() -> None:
    (hook,) = [h for h in _hooks() if h["id"] == "plandiff-validate"]
    assert hook["entry"] == "plandiff validate"
    assert hook["language"] == "python"  # pre-commit installs this repository as the package
    files = re.compile(hook["files"])
    assert files.search("plans/us-28-point-draft.json")
    assert not files.search("reports/us-28-point-draft--geneva-revision.json")
    assert not files.search("plans/README.md")
    assert not files.search("old/plans/x.json")


def test_every_hook_has_the_keys_pre_commit_requires() -> None:
    for hook in _hooks():
        assert {"id", "name", "entry", "language"} <= hook.keys()
        assert hook.get("pass_filenames", True) is True  # validate takes the file names
