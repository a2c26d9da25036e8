"""What ``plandiff validate`` found: one record per file, and the shape of its JSON report."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

# typing_extensions (a dependency of pydantic): pydantic reads typing.TypedDict only from 3.12.
from typing_extensions import TypedDict

from plandiff.model.errors import Problem


class Status(StrEnum):
    """The outcome for one file, ordered from best to worst."""

    VALID = "valid"
    INVALID = "invalid"
    UNREADABLE = "unreadable"


RANK = {Status.VALID: 0, Status.INVALID: 1, Status.UNREADABLE: 2}


@dataclass(frozen=True)
class FileCheck:
    """What checking one file found: its status, the problems, and its size when valid."""

    file: str
    status: Status
    problems: tuple[Problem, ...] = ()
    provisions: int | None = None


@dataclass(frozen=True)
class Validation:
    """The checks of every file given to ``validate``, in order."""

    checks: tuple[FileCheck, ...]

    @property
    def worst(self) -> Status:
        """The worst status among the checks (valid when there are none)."""
        return max((c.status for c in self.checks), key=RANK.__getitem__, default=Status.VALID)


class ProblemEntry(TypedDict):
    """One problem in the JSON report: where it is, what it is, and the line text prints."""

    file: str
    message: str
    line: int | None
    column: int | None
    pointer: str | None
    provision: str | None
    text: str


class FileEntry(TypedDict):
    """One file in the JSON report; ``provisions`` is its count when valid, else null."""

    file: str
    status: Literal["valid", "invalid", "unreadable"]
    provisions: int | None
    problems: list[ProblemEntry]


class ValidationReport(TypedDict):
    """``plandiff validate --format json``: the worst status, and each file in order."""

    status: Literal["valid", "invalid", "unreadable"]
    files: list[FileEntry]
