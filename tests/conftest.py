"""Test-wide settings: property tests draw the same examples on every run and machine."""

from __future__ import annotations

import os

from hypothesis import settings

# Derandomized so that CI is deterministic: a property test either always passes or always
# fails on a given commit. Set PLANDIFF_HYPOTHESIS=explore locally to search with fresh
# random examples (and more of them) when hunting for counterexamples.
settings.register_profile("deterministic", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(
    "explore" if os.environ.get("PLANDIFF_HYPOTHESIS") == "explore" else "deterministic"
)

# Colour and pager settings of whoever runs the tests must not change what commands print:
# the tests that are about them set them explicitly.
for _name in ("FORCE_COLOR", "PAGER", "PLANDIFF_PAGER"):
    os.environ.pop(_name, None)
