"""The HTML page's ``visible`` hook: its quick check for clean text never skips a rule."""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

html = importlib.import_module("plandiff.output.html")

_PIECES = [
    *"ab :#[\n\r\t\x0b\x1c\x00\x7f\x85\xa0\xad\u061c\u200e\u2028\u202a\u202e\u2066\u3000",
    "::",
    "##[",
    "  ::",
    "\n::",
]


def _every_rule(text: str) -> object:
    # What ``visible`` does when its quick check finds something, applied unconditionally.
    text = html._RETURNS.sub("\n", text)
    text = html._CONTROLS.sub(lambda m: html._shown(m.group()), text)
    if html._COMMANDS.search(text):
        return Markup(html._COMMANDS.sub(html._reference, str(escape(text))))
    return text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_visible_returns_text_unchanged_only_when_no_rule_would_change_it(text: str) -> None:
    shown = html.visible(text)
    assert shown == _every_rule(text)
    assert isinstance(shown, Markup) == isinstance(_every_rule(text), Markup)
