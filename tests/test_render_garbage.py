"""Rendering leaves no reference cycles: the view of a large report is freed when rendering ends.

A cycle (a template macro closing over its render context is the usual one) keeps the whole
view-model alive until the cyclic collector walks it: ~0.2 s after an HTML report of 10,000
provisions.
"""

from __future__ import annotations

import gc

import pytest

from comparisons import hostile, representative
from plandiff.output import FORMATS, render


@pytest.mark.parametrize("fmt", FORMATS)
def test_rendering_leaves_nothing_for_the_cyclic_collector(fmt: str) -> None:
    for comparison in (representative(), hostile()):
        render(comparison, fmt)  # templates compiled and cached outside the measured run
        gc.collect()
        gc.disable()
        try:
            render(comparison, fmt)
            assert gc.collect() == 0
        finally:
            gc.enable()
