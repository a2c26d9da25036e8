"""Read plan files: bounded size, strict JSON, the plan model, and every problem located.

Each file is parsed once, by the strict JSON parser. A plainly valid plan is read from that
parse straight into records (``documents/fastplan.py``); only a file it does not accept at once
goes to the pydantic model (``model/planfile.py``), to be accepted after all or explained.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from plandiff.documents.fastplan import read_plan
from plandiff.documents.strictjson import (
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_PROBLEMS,
    capped,
    check_str,
    decode_utf8,
    deeper_than,
    parse_strict,
    strict_problems,
)
from plandiff.model.errors import PlanError, Problem, UsageError
from plandiff.model.plan import LABEL, SLUG, URL, Loc, Plan, RuleError, plan_rule_problems
from plandiff.util.gcpause import gc_paused
from plandiff.util.inert import file_name
from plandiff.util.inputs import note_stat

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_PROBLEMS",
    "PLAN_DEPTH",
    "is_plan_file",
    "load_plan",
    "load_plan_text",
    "read_plan_bytes",
    "too_large",
]

MAX_BYTES = 32 * 1024 * 1024
"""Largest plan accepted, in bytes; a larger file is refused before it is read."""
PLAN_DEPTH = 8
"""How deep a valid plan can nest: the plan, its provisions, a provision, and two levels of
sub-points (a list and an item each), the second level with an empty list of its own."""

_PATTERN_HELP = {
    SLUG: "must be a slug: lower-case letters and digits joined by '-', '_' or '.'",
    LABEL: "must be a label: letters and digits joined by '.' or '-', such as '7', '10a', '2.1'",
    URL: "must be an http:// or https:// URL without spaces",
}


def load_plan(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Plan:
    """Read and validate one plan file, or read a draft in any format a reader knows.

    Raises ``UsageError`` when the file cannot be read at all (missing, a directory, no
    permission, a format no reader takes) and ``PlanError`` listing every problem when it is
    not a valid plan.

    >>> load_plan("plans/us-28-point-draft.json").provisions[5].key
    'military-cap'
    """
    data = read_plan_bytes(path, max_bytes=max_bytes)
    name = os.fspath(path)
    if not is_plan_file(data, name):
        from plandiff.documents.drafts import read_document

        return read_document(data, name).plan
    return load_plan_text(data, name, max_bytes=max_bytes, max_depth=max_depth)


# Leading white space (and a byte-order mark), then the first byte of a JSON value.
_JSON_START = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*([{\[]?)")
# Formats whose first bytes say what they are, whatever the file is called.
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf")


def is_plan_file(data: bytes, name: str) -> bool:
    """Whether to read ``data`` as a plan file (JSON) rather than as a draft for a reader.

    A JSON object or array is a plan file whatever its name; so is any ``.json`` file that is
    not plainly another format (its JSON errors then say what is wrong with it).

    >>> is_plan_file(b'  {"id": "x"}', "draft.txt"), is_plan_file(b"1. Peace", "draft.txt")
    (True, False)
    """
    found = _JSON_START.match(data)
    assert found is not None  # the pattern matches the empty string
    rest = data[found.start(1) :]
    if found.group(1) and not rest.startswith(b"{\\rtf"):
        return True
    suffix = os.path.splitext(name)[1].lower()
    return suffix == ".json" and not rest.startswith(_MAGIC)


def read_plan_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a plan file's bytes, refusing a file larger than ``max_bytes`` without reading it."""
    name = file_name(os.fspath(path))
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            note_stat(status)
            if status.st_size > max_bytes:
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
    plandiff.model.errors.PlanError: x.json:1:11: the file ends too early: the JSON is truncated
    """
    name = file_name(name)
    if isinstance(text, bytes):
        if len(text) > max_bytes:
            raise PlanError([_too_large(name, max_bytes)])
        source = decode_utf8(text, name)
    else:
        if check_str(text, name) > max_bytes:
            raise PlanError([_too_large(name, max_bytes)])
        source = text
    # Pausing the collector halves the time to load a plan of 30,000 provisions.
    with gc_paused():
        value = parse_strict(source, name, max_depth=max_depth)
        plan = read_plan(value) or _validated(source, value, name, max_depth)
    if max_depth < PLAN_DEPTH:
        _refuse_deep(source, name, max_depth)
    return plan


def _validated(source: str, value: Any, name: str, max_depth: int) -> Plan:
    """The strict model's verdict on a file the fast reader did not accept at once."""
    from pydantic import ValidationError

    from plandiff.model.planfile import Plan as PlanFile

    try:
        return PlanFile.model_validate_json(source).to_record()
    except ValidationError as err:
        _refuse_deep(source, name, max_depth)
        raise PlanError(capped(_schema_problems(err, value, name))) from None


def _refuse_deep(source: str, name: str, max_depth: int) -> None:
    # Only called when it matters: a valid plan nests PLAN_DEPTH levels at most, so the
    # depth of a text that validates needs no scan unless the limit is set below that.
    if deeper_than(source, max_depth):
        raise PlanError(capped(list(strict_problems(source, name, max_depth))))


def _too_large(name: str, max_bytes: int) -> Problem:
    return Problem(name, f"the file is larger than the limit of {max_bytes:,} bytes")


def too_large(name: str, max_bytes: int = MAX_BYTES) -> PlanError:
    """The error for a document past the size limit, in the words used for files."""
    return PlanError([_too_large(file_name(name), max_bytes)])


def _schema_problems(err: ValidationError, value: Any, name: str) -> list[Problem]:
    located: list[tuple[Loc, str]] = []
    errors = err.errors(include_url=False, include_input=False)
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "too_short" and _has_errors_below(loc, errors):
            continue  # pydantic counts only the items that passed: "at least 1, not 0" misleads
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


def _has_errors_below(loc: Loc, errors: list[ErrorDetails]) -> bool:
    return any(len(e["loc"]) > len(loc) and tuple(e["loc"][: len(loc)]) == loc for e in errors)


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
    if kind == "too_long":  # a list past one of the plan format's caps
        ctx = error.get("ctx", {})
        actual = ctx.get("actual_length")
        return f"must have at most {ctx['max_length']:,} items" + (
            f", not {actual:,}" if isinstance(actual, int) else ""
        )
    text = str(error["msg"]).removeprefix("Value error, ").replace(" after validation", "")
    return re.sub(r"^\w+ should ", "must ", text)


def _pointer(loc: Loc) -> str:
    return "".join("/" + _pointer_part(str(part)) for part in loc)


def _pointer_part(part: str) -> str:
    # Keys come from the document: escape what could break the line or drive a terminal,
    # and cut what could flood it. Plain keys stay exact RFC 6901 pointer steps.
    part = part.replace("~", "~0").replace("/", "~1")
    if not part.isprintable():
        part = repr(part)[1:-1]
    return part if len(part) <= 40 else part[:40] + "…"


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
