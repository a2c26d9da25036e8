"""Where each provision stands in its plan file, as lines: one linear scan of the JSON text.

Kept apart from the loader, which parses and validates the file without tracking lines: only
annotations need them (so that GitHub places a finding on the provision it is about), and
they are read for the few files a review covers.

>>> provision_lines('{"id": "a",\\n "provisions": [\\n  {"number": "1"},\\n  {"number": "2",\\n'
...                 '   "text": "}"}\\n ]}')
((3, 3), (4, 5))
"""

from __future__ import annotations

import re

# A JSON string (escapes included, written as an unrolled loop so a long text is one quick
# match) or one of the structural characters that open, close or introduce a value. A string
# left open runs to the end of the text: searched again from each later quote, an open
# string made the scan quadratic.
_TOKENS = re.compile(r'"[^"\\]*+(?:\\(?s:.)[^"\\]*+)*+(?:"|\\?\Z)|[{}\[\]:]')
_PROVISIONS_KEY = '"provisions"'


def provision_lines(text: str) -> tuple[tuple[int, int], ...]:
    """(first line, last line) of each object in the top-level ``provisions`` array, 1-based.

    The text is a plan file's; one that is not valid JSON gives what the scan could read.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    key: str | None = None
    after_key = in_provisions = False
    start = 0
    counted_to, line = 0, 1  # lines are counted forward only, so the whole scan is linear

    def line_at(offset: int) -> int:
        nonlocal counted_to, line
        line += text.count("\n", counted_to, offset)
        counted_to = offset
        return line

    for match in _TOKENS.finditer(text):
        token = match.group()
        first = token[0]
        if first == '"':
            if depth == 1:
                key, after_key = token, False
        elif first == ":":
            after_key = depth == 1 and key == _PROVISIONS_KEY
        elif first in "[{":
            depth += 1
            if first == "[" and after_key and depth == 2:
                in_provisions = True
            elif first == "{" and in_provisions and depth == 3:
                start = line_at(match.start())
            after_key = False
        else:
            if in_provisions and depth == 3 and first == "}":
                spans.append((start, line_at(match.start())))
            elif in_provisions and depth == 2 and first == "]":
                in_provisions = False
            depth -= 1
    return tuple(spans)
