"""Check plan files and describe the outcome, as text lines or as a JSON report."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

# typing_extensions (a dependency of pydantic): pydantic reads typing.TypedDict only from 3.12.
from typing_extensions import TypedDict

from plandiff.documents.load import load_plan
from plandiff.model.errors import PlanError, Problem, UsageError
from plandiff.util.inert import file_name


class Status(StrEnum):
    """The outcome for one file, ordered from best to worst."""

    VALID = "valid"
    INVALID = "invalid"
    UNREADABLE = "unreadable"


_RANK = {Status.VALID: 0, Status.INVALID: 1, Status.UNREADABLE: 2}


@dataclass(frozen=True)
class FileCheck:
    """What checking one file found: its status, the problems, and its size when valid."""

    file: str
    status: Status
    problems: tuple[Problem, ...] = ()
    provisions: int | None = None


def check_file(path: str | os.PathLike[str]) -> FileCheck:
    """Load one plan file and record the outcome instead of raising.

    >>> check_file("plans/geneva-revision.json").status.value
    'valid'
    """
    name = file_name(os.fspath(path))
    try:
        plan = load_plan(path)
    except UsageError as err:
        return FileCheck(name, Status.UNREADABLE, (Problem(name, _after_name(str(err), name)),))
    except PlanError as err:
        found = err.details or tuple(Problem(name, line) for line in err.problems)
        return FileCheck(name, Status.INVALID, found)
    return FileCheck(name, Status.VALID, provisions=len(plan.provisions))


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


def worst(checks: list[FileCheck]) -> Status:
    """The worst status among the checks (valid when there are none)."""
    return max((c.status for c in checks), key=_RANK.__getitem__, default=Status.VALID)


def text_report(checks: list[FileCheck]) -> tuple[str, str]:
    """The report as (stdout, stderr) text: results on stdout, unreadable files on stderr."""
    out: list[str] = []
    err: list[str] = []
    for check in checks:
        if check.status is Status.VALID:
            out.append(f"{check.file}: valid ({check.provisions} provisions)")
        elif check.status is Status.INVALID:
            out.extend(str(p) for p in check.problems)
        else:
            err.extend(f"plandiff: {p}" for p in check.problems)
    return _lines(out), _lines(err)


def json_report(checks: list[FileCheck]) -> str:
    """The report as one JSON document (keys sorted, so the bytes are reproducible)."""
    report: ValidationReport = {
        "status": worst(checks).value,
        "files": [
            {
                "file": c.file,
                "status": c.status.value,
                "provisions": c.provisions,
                "problems": [_problem(p) for p in c.problems],
            }
            for c in checks
        ],
    }
    return json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _problem(problem: Problem) -> ProblemEntry:
    return {
        "file": problem.file,
        "message": problem.message,
        "line": problem.line,
        "column": problem.column,
        "pointer": problem.pointer,
        "provision": problem.provision,
        "text": str(problem),
    }


def _after_name(message: str, name: str) -> str:
    return message.removeprefix(f"{name}: ")


def _lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)
