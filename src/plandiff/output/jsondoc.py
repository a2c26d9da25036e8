"""The JSON report: the ``Comparison`` record itself, with its ``schema_version``, byte-stable.

Keys keep the records' field order (documented by the schema), floats use the shortest form
that reads back exactly (``1e-7``, ``0.30000000000000004``: orjson writes the bytes pydantic's
serializer wrote, which a property test holds it to), and text is written as UTF-8 rather than
``\\u`` escapes so reports stay readable. JSON itself escapes C0 controls; C1 controls,
bidirectional overrides and line separators are escaped here too, so printing the report can
never drive a terminal.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

from plandiff.model.changes import Comparison
from plandiff.util.inert import BIDI

_UNSAFE_CHARS = "\x7f" + "".join(map(chr, range(0x80, 0xA0))) + "\u2028\u2029" + BIDI
_UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]")
# The same characters in UTF-8, and the bytes they can start with: '\x7f', '\xc2' (C1
# controls), '\xd8' (the Arabic letter mark) and '\xe2' (separators and the rest of BIDI).
_ENCODED = frozenset(char.encode() for char in _UNSAFE_CHARS)
_LEADS = tuple(sorted({code[:1] for code in _ENCODED}))
# Past this many harmless look-alikes of one lead byte (text full of curly quotes or '→' starts with
# '\xe2' too) the regex, which costs the same whatever the text, is the cheaper proof.
_LOOK_ALIKES = 1000
# The runner's older workflow-command syntax '##[' counts anywhere in a line, even inside a
# JSON string; its bracket is escaped like the characters above.
_LEGACY = b"##["


def render_json(comparison: Comparison) -> str:
    """``comparison`` as indented JSON ending in a newline."""
    return render_json_bytes(comparison).decode("utf-8", "surrogatepass")


def render_json_bytes(comparison: Comparison) -> bytes:
    """``render_json`` encoded as UTF-8, made without decoding the serializer's bytes."""
    # orjson writes the records (dataclasses) as indented JSON many times faster than
    # json.dumps(indent=2), whose C accelerator is only used without indentation. Its bytes are
    # checked as they are: a byte search runs at memory speed, a regex over the decoded text
    # (30 MB at 10,000 provisions) at a few nanoseconds a character.
    return _inert(document_bytes(comparison))


def document_bytes(record: object) -> bytes:
    """A record as indented UTF-8 JSON with a final newline, before the inert pass.

    >>> from plandiff.model.changes import WordEdit
    >>> document_bytes(WordEdit(op="insert", new="é"))
    b'{\\n  "op": "insert",\\n  "old": "",\\n  "new": "\\xc3\\xa9"\\n}\\n'
    """
    return orjson.dumps(record, default=_plan_part, option=orjson.OPT_INDENT_2) + b"\n"


def _plan_part(value: Any) -> Any:
    # The plan's own sources and sub-points inside a record are pydantic models.
    dump = getattr(value, "model_dump", None)
    if dump is None:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
    return dump(mode="json")


def inert_json(text: str) -> str:
    """JSON ``text`` with every character a terminal or CI log could act on escaped.

    >>> inert_json('["\u202eevil ##[error]x"]')
    '["\\\\u202eevil ##\\\\u005berror]x"]'
    """
    return _inert(text.encode("utf-8", "surrogatepass")).decode("utf-8", "surrogatepass")


def _inert(data: bytes) -> bytes:
    # Outside strings JSON has only ASCII, so these can only be inside strings: escaping is exact.
    # Two passes rather than one regex with a look-behind, which would be tried at every
    # character. They cannot interact: no character of the class is '#' or '['. No byte of a
    # multi-byte UTF-8 sequence is ASCII, so replacing '##[' in the bytes is replacing it in
    # the text.
    if b"#" in data:  # a byte search at memory speed; '##[' costs a slower search
        data = data.replace(_LEGACY, b"##\\u005b")
    if not _may_act(data):
        return data
    text = data.decode("utf-8", "surrogatepass")
    text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.encode("utf-8", "surrogatepass")


def _may_act(data: bytes) -> bool:
    """False only when ``data`` (UTF-8) holds none of the characters ``_UNSAFE`` matches."""
    for lead in _LEADS:
        at = data.find(lead)
        for _ in range(_LOOK_ALIKES):
            if at < 0:
                break
            # The lead byte fixes the length of a UTF-8 sequence, so this slice is one character.
            width = 1 if lead < b"\x80" else 2 if lead < b"\xe0" else 3
            if data[at : at + width] in _ENCODED:
                return True
            at = data.find(lead, at + 1)
        else:
            return True
    return False
