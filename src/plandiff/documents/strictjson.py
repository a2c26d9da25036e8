"""Parse JSON strictly: UTF-8 only, no duplicate keys, NaN or huge numbers, bounded nesting.

The C decoder does the parsing; hooks only raise flags. When a flag is raised, a token walk
over the text finds where, so that every problem is reported as ``FILE:LINE:COL: what``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from functools import cache
from itertools import accumulate
from typing import Any

from plandiff.model.errors import PlanError, Problem
from plandiff.model.plan import quote

MAX_DEPTH = 64
"""Deepest nesting of objects and arrays accepted."""
MAX_DIGITS = 100
"""Longest number accepted, in characters. Plans hold no numbers; this only bounds the cost."""
MAX_PROBLEMS = 100
"""Most problems listed for one file; one more line says how many were left out."""

_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xef\xbb\xbf", "UTF-8"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
_JSON_SPACE = " \t\n\r"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
# A high surrogate escape not followed by a low one, or a low one not preceded by a high one.
# (An escaped backslash before "u" can match too; the token walk then finds nothing wrong.)
# Both branches start with the literal '\u', so the regex engine skips to candidates at C
# speed; a branch starting with a look-behind is tried at every character (60x slower on a
# plan of 10,000 provisions). The low branch looks behind over the escape it has just read,
# which says the same as looking behind before it.
_UNPAIRED_ESCAPE = re.compile(
    r"\\u[dD](?:[89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|[c-fC-F][0-9a-fA-F]{2}(?<!\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}))"
)
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


# The token walk locates problems only: compiled when a file has one, not on every load.
@cache
def _token() -> re.Pattern[str]:
    return re.compile(
        r"""[ \t\n\r]*(?:
          (?P<string>"[^"\\]*(?:\\.[^"\\]*)*")
        | (?P<open>[\[{])
        | (?P<close>[\]}])
        | (?P<colon>:)
        | (?P<comma>,)
        | (?P<number>-?[0-9][0-9.eE+\-]*)
        | (?P<word>-?[A-Za-z]+)
        )""",
        re.VERBOSE,
    )


def decode_utf8(data: bytes, name: str) -> str:
    """Decode a file's bytes as UTF-8, refusing a byte order mark, UTF-16/32 and bad bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            what = f"starts with a {encoding} byte order mark; save it as UTF-8 without one"
            raise PlanError([Problem(name, what, line=1, column=1)])
    if b"\x00" in data[:4]:
        what = "is UTF-16 or UTF-32 (it has NUL bytes); save it as UTF-8"
        raise PlanError([Problem(name, what, line=1, column=1)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line_start = data.rfind(b"\n", 0, err.start) + 1
        line = data.count(b"\n", 0, err.start) + 1
        column = len(data[line_start : err.start].decode("utf-8", "replace")) + 1
        what = f"invalid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8"
        raise PlanError([Problem(name, what, line=line, column=column)]) from None


def check_str(text: str, name: str) -> int:
    """Refuse a str that no UTF-8 file could hold; return its size in UTF-8 bytes."""
    if text.startswith("\ufeff"):
        what = "starts with a byte order mark; remove it"
        raise PlanError([Problem(name, what, line=1, column=1)])
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as err:
        line, column = _line_column(text, err.start)
        what = "holds a lone surrogate"
        raise PlanError([Problem(name, what, line=line, column=column)]) from None
    return size


def parse_strict(source: str, name: str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse with the C decoder, flagging what strict JSON forbids; locate flags afterwards.

    >>> parse_strict('{"a": [1, 2]}', "x.json")
    {'a': [1, 2]}
    >>> parse_strict('{"a": 1, "a": 2}', "x.json")
    Traceback (most recent call last):
    plandiff.model.errors.PlanError: x.json:1:10: duplicate key 'a' (first at 1:2)
    """
    if not source.strip(_JSON_SPACE):
        what = "the file is empty" if not source else "the file holds only white space"
        raise PlanError([Problem(name, f"{what}; a plan is a JSON object", line=1, column=1)])
    flags: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):
            flags.append("duplicate key")
        return result

    def constant(word: str) -> None:
        flags.append(word)

    def integer(digits: str) -> int:
        # int() of thousands of digits is slow and, past 4,300, an error: never attempt it.
        if len(digits) > MAX_DIGITS:
            flags.append("long number")
            return 0
        return int(digits)

    def real(digits: str) -> float:
        value = float(digits) if len(digits) <= MAX_DIGITS else math.inf
        if not math.isfinite(value):
            flags.append("number out of range")
        return value

    value: Any = None
    try:
        value = json.loads(
            source,
            object_pairs_hook=pairs,
            parse_constant=constant,
            parse_int=integer,
            parse_float=real,
        )
    except json.JSONDecodeError as err:
        what = _syntax_message(err, source)
        raise PlanError([Problem(name, what, line=err.lineno, column=err.colno)]) from None
    except RecursionError:
        flags.append(f"nesting deeper than {max_depth} levels")
    if flags or _UNPAIRED_ESCAPE.search(source):
        problems = list(strict_problems(source, name, max_depth))
        if problems or flags:
            raise PlanError(capped(problems or [Problem(name, flags[0])]))
    return value


def _syntax_message(err: json.JSONDecodeError, source: str) -> str:
    before = source[: err.pos].rstrip(_JSON_SPACE)
    after = source[err.pos : err.pos + 1]
    if not source[err.pos :].strip(_JSON_SPACE) and err.msg.startswith("Expecting"):
        return "the file ends too early: the JSON is truncated"
    if before.endswith(",") and after in ("]", "}"):
        return f"trailing comma before '{after}'"
    if err.msg == "Extra data":
        return "more data after the end of the JSON value"
    if err.msg.startswith("Invalid control character"):
        return "raw control character inside a string; escape it (\\n, \\t, \\u0000)"
    if err.msg.startswith("Unterminated string"):
        return "string not closed: a '\"' is missing"
    if err.msg.startswith("Expecting "):
        return "expected " + err.msg.removeprefix("Expecting ")
    return err.msg


def deeper_than(source: str, limit: int) -> bool:
    """Whether valid JSON text nests deeper than ``limit``, at C speed: drop the strings, keep
    the brackets, and take the running maximum of the nesting."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", source))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > limit


def strict_problems(source: str, name: str, max_depth: int) -> Iterator[Problem]:
    """Walk the tokens of an already parsed text to say where strict JSON was broken.

    Lines are counted as the walk goes, so locating any number of problems scans the text
    once (counting from the start for each one made 160,000 NaN tokens take 30 s).
    """
    where = _Cursor(source)

    def at(pos: int, what: str) -> Problem:
        line, column = where.locate(pos)
        return Problem(name, what, line=line, column=column)

    # Per open container: where each of its keys stood (None for arrays).
    stack: list[dict[str, tuple[int, int]] | None] = []
    expect_key = False
    pos = 0
    token_at = _token().match
    while (match := token_at(source, pos)) is not None:
        pos = match.end()
        kind = match.lastgroup or ""
        start = match.start(kind)
        token = match.group(kind)
        if kind == "open":
            if len(stack) >= max_depth:
                yield at(start, f"nesting deeper than {max_depth} levels")
                return
            stack.append({} if token == "{" else None)
            expect_key = token == "{"
        elif kind == "close":
            if stack:
                stack.pop()
            expect_key = False
        elif kind in ("comma", "colon"):
            expect_key = kind == "comma" and bool(stack) and stack[-1] is not None
        elif kind == "string":
            text = json.loads(token)
            if _SURROGATE_ESCAPE.search(token) and _has_surrogate(text):
                yield at(start, "string holds an unpaired surrogate escape (\\ud800-\\udfff)")
            keys = stack[-1] if stack else None
            if expect_key and keys is not None:
                if text in keys:
                    line, column = keys[text]
                    yield at(start, f"duplicate key {quote(text)} (first at {line}:{column})")
                else:
                    keys[text] = where.locate(start)
            expect_key = False
        elif kind == "number":
            if len(token) > MAX_DIGITS:
                yield at(start, f"number of {len(token):,} characters; the limit is {MAX_DIGITS}")
            elif not _finite(token):
                yield at(start, "number too large to represent")
        elif token in ("NaN", "Infinity", "-Infinity"):
            yield at(start, f"{token} is not valid JSON")


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _finite(token: str) -> bool:
    try:
        return math.isfinite(float(token))
    except ValueError:
        return True  # not a number the decoder accepted; it reported it already


class _Cursor:
    """Line and column of positions visited in increasing order, in one pass over the text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0
        self.line = 1
        self.line_start = 0

    def locate(self, pos: int) -> tuple[int, int]:
        if pos < self.pos:  # not expected of the walk; still right, at the old cost
            return _line_column(self.source, pos)
        newlines = self.source.count("\n", self.pos, pos)
        if newlines:
            self.line += newlines
            self.line_start = self.source.rfind("\n", self.pos, pos) + 1
        self.pos = pos
        return self.line, pos - self.line_start + 1


def _line_column(source: str, pos: int) -> tuple[int, int]:
    line_start = source.rfind("\n", 0, pos) + 1
    return source.count("\n", 0, pos) + 1, pos - line_start + 1


def capped(problems: list[Problem]) -> list[Problem]:
    """At most ``MAX_PROBLEMS`` problems, and a last line counting the rest."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    more = Problem(problems[0].file, f"{rest:,} more problems not shown")
    return [*problems[:MAX_PROBLEMS], more]
