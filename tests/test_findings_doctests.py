"""The examples in the docstrings of the findings modules run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["lexicon", "numwords", "numbers", "numdiff", "rules", "topics", "annotate", "ruleset"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"plandiff.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0
    assert result.attempted > 0, f"plandiff.{name} has no examples"
