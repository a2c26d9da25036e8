"""``plandiff validate``'s report: one line per valid file or problem, or one JSON document."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace

from plandiff.model.errors import Problem
from plandiff.model.validation import ProblemEntry, Status, Validation, ValidationReport
from plandiff.util.inert import error_line, file_name


def validation_text(validation: Validation) -> str:
    """The results for stdout: each valid file with its size, each problem of an invalid one.

    Unreadable files are not here: ``validation_errors`` gives their lines, for stderr.
    """
    out: list[str] = []
    for check in validation.checks:
        if check.status is Status.VALID:
            out.append(f"{file_name(check.file)}: valid ({check.provisions} provisions)")
        elif check.status is Status.INVALID:
            # A problem line starts with its file: file_name keeps it from starting a command.
            out.extend(error_line(str(replace(p, file=file_name(p.file)))) for p in check.problems)
    return _lines(out)


def validation_errors(validation: Validation) -> str:
    """One ``plandiff:`` line per problem of an unreadable file, for stderr."""
    return _lines(
        f"plandiff: {error_line(str(p))}"
        for check in validation.checks
        if check.status is Status.UNREADABLE
        for p in check.problems
    )


def validation_json(validation: Validation) -> bytes:
    """The report as one JSON document (keys sorted, so the bytes are reproducible)."""
    report: ValidationReport = {
        "status": validation.worst.value,
        "files": [
            {
                "file": c.file,
                "status": c.status.value,
                "provisions": c.provisions,
                "problems": [_problem(p) for p in c.problems],
            }
            for c in validation.checks
        ],
    }
    return (json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


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


def _lines(lines: Iterable[str]) -> str:
    return "".join(line + "\n" for line in lines)
