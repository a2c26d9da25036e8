"""The HTML page's ``html_text`` hook: its quick check for clean text never skips a rule."""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

inert = importlib.import_module("plandiff.util.inert")

_PIECES = [
    *"ab :#[\n\r\t\x0b\x1c\x00\x7f\x85\xa0\xad\u061c\u200e\u2028\u202a\u202e\u2066\u3000",
    "::",
    "##[",
    "  ::",
    "\n::",
]


def _every_rule(text: str) -> object:
    # What ``html_text`` does when its quick check finds something, applied unconditionally.
    text = inert._HTML_RETURNS.sub("\n", text)
    text = inert._HTML_SHOWN.sub(lambda m: inert._shown(m.group()), text)
    if inert._HTML_COMMANDS.search(text):
        return Markup(inert._HTML_COMMANDS.sub(inert._html_reference, str(escape(text))))
    return text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_visible_returns_text_unchanged_only_when_no_rule_would_change_it(text: str) -> None:
    shown = inert.html_text(text)
    assert shown == _every_rule(text)
    assert isinstance(shown, Markup) == isinstance(_every_rule(text), Markup)
