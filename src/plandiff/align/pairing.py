"""The pairing record the alignment passes share."""

from __future__ import annotations

from dataclasses import dataclass

from plandiff.model.changes import MatchedBy


@dataclass(frozen=True, slots=True)
class Match:
    """Old provisions (indices) paired with new ones, how, and how surely (0..1)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    by: MatchedBy
    score: float
    note: str | None = None
