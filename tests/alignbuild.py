"""Provisions and alignment states built in one line, for the unit tests of the align passes."""

from __future__ import annotations

import json
from collections.abc import Sequence

from plandiff.align.aligner import _GROWABLE
from plandiff.align.state import AlignState
from plandiff.model import planfile
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Provision


def provision(text: str, number: str = "1", **extra: object) -> Provision:
    document = {"number": number, "text": text, "provenance": "reported", **extra}
    return planfile.Provision.model_validate_json(json.dumps(document)).to_record()


def provisions(*texts: str) -> list[Provision]:
    return [provision(t, str(n)) for n, t in enumerate(texts, start=1)]


def state(
    old: Sequence[str], new: Sequence[str], options: CompareOptions | None = None
) -> AlignState:
    """A fresh state over numbered provisions with these texts."""
    return AlignState.start(
        provisions(*old), provisions(*new), options or CompareOptions(), _GROWABLE
    )
