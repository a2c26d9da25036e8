"""The examples in the docstrings of the plan-file modules run and hold."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = ["errors", "model", "strictjson", "load", "validate", "schema", "gcpause"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples name bundled plans by their path in the repository
    module = importlib.import_module(f"plandiff.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0, f"plandiff.{name} has no examples"
