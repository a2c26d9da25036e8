"""The JSON report: the ``Comparison`` record itself, with its ``schema_version``, byte-stable.

Keys keep the models' field order (documented by the schema), floats use Python's shortest
round-trip form, and text is written as UTF-8 rather than ``\\u`` escapes so reports stay
readable. JSON itself escapes C0 controls; C1 controls, bidirectional overrides and line
separators are escaped here too, so printing the report can never drive a terminal.
"""

from __future__ import annotations

import json
import re

from plandiff.changes import Comparison
from plandiff.render.text import BIDI

_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI}]")


def render_json(comparison: Comparison) -> str:
    """``comparison`` as indented JSON ending in a newline."""
    data = comparison.model_dump(mode="json")
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    # Outside strings JSON has only ASCII, so these can only be inside strings: escaping is exact.
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
