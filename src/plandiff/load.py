"""Read plan files strictly: bounded size and depth, no duplicate keys, every problem located."""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from plandiff.errors import PlanError, Problem, UsageError
from plandiff.model import LABEL, SLUG, URL, Loc, Plan, RuleError, plan_rule_problems, quote

MAX_BYTES = 32 * 1024 * 1024
"""Largest plan accepted, in bytes; a larger file is refused before it is read."""
MAX_DEPTH = 64
"""Deepest nesting of objects and arrays accepted; a valid plan needs 6."""
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
_TOKEN = re.compile(
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
_PATTERN_HELP = {
    SLUG: "must be a slug: lower-case letters and digits joined by '-', '_' or '.'",
    LABEL: "must be a label: letters and digits joined by '.' or '-', such as '7', '10a', '2.1'",
    URL: "must be an http:// or https:// URL without spaces",
}


def load_plan(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Plan:
    """Read and validate one plan file.

    Raises ``UsageError`` when the file cannot be read at all (missing, a directory, no
    permission) and ``PlanError`` listing every problem when it is not a valid plan.

    >>> load_plan("plans/us-28-point-draft.json").provisions[5].key
    'military-cap'
    """
    data = read_plan_bytes(path, max_bytes=max_bytes)
    return load_plan_text(data, os.fspath(path), max_bytes=max_bytes, max_depth=max_depth)


def read_plan_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a plan file's bytes, refusing a file larger than ``max_bytes`` without reading it."""
    name = display_name(os.fspath(path))
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise PlanError([_too_large(name, max_bytes)])
            # Read one byte past the limit: a pipe or a growing file reports no useful size.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{name}: is a directory, not a plan file") from None
    except PermissionError:
        raise UsageError(f"{name}: permission denied") from None
    except OSError as err:
        raise UsageError(f"{name}: cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise PlanError([_too_large(name, max_bytes)])
    return data


def load_plan_text(
    text: bytes | str, name: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Plan:
    """Validate a plan held in memory (read from git, say); ``name`` labels its problems.

    >>> load_plan_text(b'{"id": "x"', "x.json")
    Traceback (most recent call last):
    plandiff.errors.PlanError: x.json:1:11: the file ends too early: the JSON is truncated
    """
    name = display_name(name)
    if isinstance(text, bytes):
        if len(text) > max_bytes:
            raise PlanError([_too_large(name, max_bytes)])
        source = _decode(text, name)
    else:
        source = _check_str(text, name, max_bytes)
    value = _parse(source, name, max_depth)
    try:
        return Plan.model_validate_json(source)
    except ValidationError as err:
        raise PlanError(_capped(_schema_problems(err, value, name))) from None


def display_name(name: str) -> str:
    """A file name made safe for one line of output: control characters escaped, no leading
    ``::`` (which CI logs read as a command)."""
    shown = name if name.isprintable() else repr(name)[1:-1]
    return "./" + shown if shown.startswith(":") else shown


def _too_large(name: str, max_bytes: int) -> Problem:
    return Problem(name, f"the file is larger than the limit of {max_bytes:,} bytes")


def _decode(data: bytes, name: str) -> str:
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


def _check_str(text: str, name: str, max_bytes: int) -> str:
    if text.startswith("\ufeff"):
        what = "starts with a byte order mark; remove it"
        raise PlanError([Problem(name, what, line=1, column=1)])
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as err:
        line, column = _line_column(text, err.start)
        what = "holds a lone surrogate"
        raise PlanError([Problem(name, what, line=line, column=column)]) from None
    if size > max_bytes:
        raise PlanError([_too_large(name, max_bytes)])
    return text


def _parse(source: str, name: str, max_depth: int) -> Any:
    """Parse with the C decoder, flagging what strict JSON forbids; locate flags afterwards."""
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
    suspect = _deeper_than(value, max_depth) or _SURROGATE_ESCAPE.search(source) is not None
    if flags or suspect:
        problems = list(_strict_problems(source, name, max_depth))
        if problems or flags:
            raise PlanError(_capped(problems or [Problem(name, flags[0])]))
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


def _deeper_than(value: Any, limit: int) -> bool:
    stack = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def _strict_problems(source: str, name: str, max_depth: int) -> Iterator[Problem]:
    """Walk the tokens of an already parsed text to say where strict JSON was broken."""

    def at(pos: int, what: str) -> Problem:
        line, column = _line_column(source, pos)
        return Problem(name, what, line=line, column=column)

    stack: list[dict[str, int] | None] = []  # per open container: its keys (None for arrays)
    expect_key = False
    pos = 0
    while (match := _TOKEN.match(source, pos)) is not None:
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
                    line, column = _line_column(source, keys[text])
                    yield at(start, f"duplicate key {quote(text)} (first at {line}:{column})")
                else:
                    keys[text] = start
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


def _line_column(source: str, pos: int) -> tuple[int, int]:
    line_start = source.rfind("\n", 0, pos) + 1
    return source.count("\n", 0, pos) + 1, pos - line_start + 1


def _schema_problems(err: ValidationError, value: Any, name: str) -> list[Problem]:
    located: list[tuple[Loc, str]] = []
    for error in err.errors(include_url=False, include_input=False):
        loc = tuple(error["loc"])
        cause = error.get("ctx", {}).get("error")
        if isinstance(cause, RuleError):
            if loc:  # the plan's own rules are checked on the document below
                located += [((*loc, *sub), what) for sub, what in cause.problems]
        else:
            located.append((loc, _message(error)))
    if isinstance(value, dict):
        located += plan_rule_problems(value)
    # Stable sort: the plan's own fields first, then provision by provision.
    unique = sorted(dict.fromkeys(located), key=_provision_index)
    if not unique:
        unique = [((), str(err).splitlines()[0])]
    return [
        Problem(name, what, pointer=_pointer(loc), provision=_provision_of(value, loc))
        for loc, what in unique
    ]


def _provision_index(item: tuple[Loc, str]) -> int:
    loc = item[0]
    return loc[1] if len(loc) > 1 and loc[0] == "provisions" and isinstance(loc[1], int) else -1


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field: the plan format has no such field"
    if kind == "string_pattern_mismatch":
        return _PATTERN_HELP.get(str(error.get("ctx", {}).get("pattern")), error["msg"])
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "must be an object"
    text = str(error["msg"]).removeprefix("Value error, ").replace(" after validation", "")
    return re.sub(r"^\w+ should ", "must ", text)


def _pointer(loc: Loc) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in loc)


def _provision_of(value: Any, loc: Loc) -> str | None:
    if len(loc) < 2 or loc[0] != "provisions" or not isinstance(loc[1], int):
        return None
    provisions = value.get("provisions") if isinstance(value, dict) else None
    if not isinstance(provisions, list) or not 0 <= loc[1] < len(provisions):
        return None
    item = provisions[loc[1]]
    number = item.get("number") if isinstance(item, dict) else None
    if isinstance(number, str) and re.fullmatch(LABEL, number):
        return number
    return f"at index {loc[1]}"


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    more = Problem(problems[0].file, f"{rest:,} more problems not shown")
    return [*problems[:MAX_PROBLEMS], more]
