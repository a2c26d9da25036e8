"""The JSON report: the ``Comparison`` record itself, with its ``schema_version``, byte-stable.

Keys keep the models' field order (documented by the schema), floats use the shortest form
that reads back exactly (pydantic's serializer: ``1e-7``, ``0.30000000000000004``), and text is
written as UTF-8 rather than ``\\u`` escapes so reports stay readable. JSON itself escapes
C0 controls; C1 controls, bidirectional overrides and line separators are escaped here too,
so printing the report can never drive a terminal.
"""

from __future__ import annotations

import re

from plandiff.changes import Comparison
from plandiff.render.text import BIDI

_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI}]")
# The runner's older workflow-command syntax '##[' counts anywhere in a line, even inside a
# JSON string; its bracket is escaped like the characters above.
_LEGACY = "##["


def render_json(comparison: Comparison) -> str:
    """``comparison`` as indented JSON ending in a newline."""
    # pydantic's serializer writes indented JSON ~8x faster than json.dumps(indent=2), whose
    # C accelerator is only used without indentation.
    return inert_json(comparison.model_dump_json(indent=2)) + "\n"


def inert_json(text: str) -> str:
    """JSON ``text`` with every character a terminal or CI log could act on escaped.

    >>> inert_json('["\u202eevil ##[error]x"]')
    '["\\\\u202eevil ##\\\\u005berror]x"]'
    """
    # Outside strings JSON has only ASCII, so these can only be inside strings: escaping is exact.
    # Two passes at C speed rather than one with a look-behind, which the regex engine would
    # try at every character (a report of 10,000 provisions is 30 MB). They cannot interact:
    # no character of the class is '#' or '['.
    text = text.replace(_LEGACY, "##\\u005b")
    if text.isascii():  # constant time: every character of the class is beyond ASCII
        return text
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
