"""Errors the library raises; each carries one-line messages that the CLI prints as they are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class PlandiffError(Exception):
    """Base of every error plandiff reports to a user (exit code 2 unless said otherwise)."""


@dataclass(frozen=True)
class Problem:
    """One located problem in one plan file.

    Syntax problems carry ``line`` and ``column`` (1-based, in characters); schema problems
    carry a JSON ``pointer`` and, under ``/provisions``, the provision's display ``number``.

    >>> str(Problem("a.json", "unknown field", pointer="/provisions/0/x", provision="1"))
    'a.json: /provisions/0/x (provision 1): unknown field'
    """

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    pointer: str | None = None
    provision: str | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column or 1}: {self.message}"
        if self.pointer is not None:
            where = self.pointer or "/"
            if self.provision is not None:
                where += f" (provision {self.provision})"
            return f"{self.file}: {where}: {self.message}"
        return f"{self.file}: {self.message}"


class PlanError(PlandiffError):
    """A plan document cannot be read or is invalid; ``problems`` lists every one-line problem.

    Each problem reads ``FILE:LINE:COL: what`` (syntax) or ``FILE: /json/pointer (provision N):
    what`` (schema), so the first line alone is already a complete message. ``details`` holds
    the same problems as records when the loader located them.
    """

    def __init__(self, problems: Sequence[str | Problem]) -> None:
        self.details = tuple(p for p in problems if isinstance(p, Problem))
        self.problems = tuple(str(p) for p in problems) or ("invalid plan",)
        super().__init__(self.problems[0])

    def __str__(self) -> str:
        return "\n".join(self.problems)


class UsageError(PlandiffError):
    """The request itself is wrong: a missing file, an unknown plan id, a bad option value."""
