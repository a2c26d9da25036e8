"""Check plan files and record each outcome (``plandiff.output.validation`` shows them)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from plandiff.documents.load import load_plan
from plandiff.model.errors import PlanError, Problem, UsageError
from plandiff.model.validation import FileCheck, Status, Validation
from plandiff.util.inert import file_name


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


def _after_name(message: str, name: str) -> str:
    return message.removeprefix(f"{name}: ")


def validate_files(paths: Iterable[str | os.PathLike[str]]) -> Validation:
    """Check every file, in order."""
    return Validation(tuple(check_file(p) for p in paths))
