"""The JSON report: the ``Comparison`` record itself, with its ``schema_version``, byte-stable.

Keys keep the records' field order (documented by the schema), floats use the shortest form
that reads back exactly (``1e-7``, ``0.30000000000000004``: orjson writes the bytes pydantic's
serializer wrote, which a property test holds it to), and text is written as UTF-8 rather than
``\\u`` escapes so reports stay readable. JSON itself escapes C0 controls; C1 controls,
bidirectional overrides and line separators are escaped here too, so printing the report can
never drive a terminal.
"""

from __future__ import annotations

import orjson

from plandiff.model.changes import Comparison
from plandiff.util.inert import json_bytes


def render_json(comparison: Comparison) -> str:
    """``comparison`` as indented JSON ending in a newline."""
    return render_json_bytes(comparison).decode("utf-8", "surrogatepass")


def render_json_bytes(comparison: Comparison) -> bytes:
    """``render_json`` encoded as UTF-8, made without decoding the serializer's bytes."""
    # orjson writes the records (dataclasses) as indented JSON many times faster than
    # json.dumps(indent=2), whose C accelerator is only used without indentation. Its bytes are
    # checked as they are: a byte search runs at memory speed, a regex over the decoded text
    # (30 MB at 10,000 provisions) at a few nanoseconds a character.
    return json_bytes(document_bytes(comparison))


def document_bytes(record: object) -> bytes:
    """A record as indented UTF-8 JSON with a final newline, before the inert pass.

    >>> from plandiff.model.changes import WordEdit
    >>> document_bytes(WordEdit(op="insert", new="é"))
    b'{\\n  "op": "insert",\\n  "old": "",\\n  "new": "\\xc3\\xa9"\\n}\\n'
    """
    return orjson.dumps(record, option=orjson.OPT_INDENT_2) + b"\n"
