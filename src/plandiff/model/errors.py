"""Errors the library raises; each carries one-line messages that the CLI prints as they are."""

from __future__ import annotations

import re
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


def display_name(name: str) -> str:
    """A file name made safe for one line of output: control characters escaped, and no
    leading ``::``, which CI logs read as a command.

    >>> display_name("::warning::x.json")
    './::warning::x.json'
    """
    shown = name if name.isprintable() else repr(name)[1:-1]
    shown = shown.replace(_LEGACY, "##\\[")  # the runner's older command syntax, anywhere
    return "./" + shown if shown.startswith(":") else shown


def one_line(message: str) -> str:
    r"""``message`` made safe to print as one line: line breaks, control characters and
    bidirectional overrides shown as escapes, so a hostile file name or value quoted in an
    error can neither start a new line (a CI workflow command) nor drive the terminal.

    >>> one_line("a\nb\x1b[2J\u202e")
    'a\\x0ab\\x1b[2J<U+202E>'
    """
    if message.isprintable() and _LEGACY not in message:
        return message
    return _UNSAFE.sub(_escape, message).replace(_LEGACY, "##\\[")


# A CI runner also reads '##[name]' anywhere in a line as a command.
_LEGACY = "##["


# C0 and C1 controls, line and paragraph separators, bidirectional formatting characters.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"<U+{code:04X}>"


class UsageError(PlandiffError):
    """The request itself is wrong: a missing file, an unknown plan id, a bad option value."""
