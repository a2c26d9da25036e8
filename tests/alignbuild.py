"""Provisions and alignment states built in one line, for the unit tests of the align passes."""

from __future__ import annotations

from collections.abc import Sequence

import builders
from plandiff.align.aligner import _GROWABLE
from plandiff.align.state import AlignState
from plandiff.model.options import CompareOptions

provision = builders.provision
provisions = builders.provisions


def state(
    old: Sequence[str], new: Sequence[str], options: CompareOptions | None = None
) -> AlignState:
    """A fresh state over numbered provisions with these texts."""
    return AlignState.start(
        provisions(*old), provisions(*new), options or CompareOptions(), _GROWABLE
    )
