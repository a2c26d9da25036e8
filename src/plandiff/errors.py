"""Errors the library raises; each carries one-line messages that the CLI prints as they are."""

from __future__ import annotations


class PlandiffError(Exception):
    """Base of every error plandiff reports to a user (exit code 2 unless said otherwise)."""


class PlanError(PlandiffError):
    """A plan document cannot be read or is invalid; ``problems`` lists every one-line problem.

    Each problem reads ``FILE:LINE:COL: what`` (syntax) or ``FILE: /json/pointer (provision N):
    what`` (schema), so the first line alone is already a complete message.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems) or ("invalid plan",)
        super().__init__(self.problems[0])

    def __str__(self) -> str:
        return "\n".join(self.problems)


class UsageError(PlandiffError):
    """The request itself is wrong: a missing file, an unknown plan id, a bad option value."""
