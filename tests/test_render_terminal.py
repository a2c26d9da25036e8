"""The terminal report: summary first, redline marks, colour decisions, inert plan text."""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from comparisons import hostile, representative
from plandiff.output import render
from plandiff.output.terminal import color_wanted

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_summary_and_headlines_come_first() -> None:
    out = render(representative(), "terminal").splitlines()
    assert out[0] == "28-point draft (2025-11-20) → Geneva revision (2025-11-23, partial)"
    assert out[1].startswith("9 provisions: 1 modified · 1 renumbered")
    assert out.index("Headlines") < out.index("Changes")
    headline = next(line for line in out if line.lstrip().startswith("ERROR"))
    assert "600,000 to 800,000" in headline


def test_plain_redline_uses_word_diff_marks() -> None:
    out = render(representative(), "terminal")
    assert "capped at [-600,000-]{+800,000+} personnel." in out
    assert "      (a) Within [-100 days-]{+120 days+}" in out
    assert "        (i) added {+Observers invited.+}" in out
    assert (
        "? 27\n    The agreement is legally binding.\n      (a) A Peace Council oversees it." in out
    )
    assert "is unknown" in out
    assert "Unchanged: 1 unchanged provision" in out
    assert "parties[1] (added)" not in out  # one line of metadata, unless --verbose
    metadata = out.splitlines()[-3]  # then a blank line and the closing line
    assert metadata.startswith("Metadata changes: title changed · completeness")
    assert "\x1b" not in out


def test_verbose_spells_out_the_metadata_last() -> None:
    out = render(representative(), "terminal", verbose=True)
    details = out[out.index("Metadata changes: ") :]
    assert "parties[1] (added): — → Ukraine" in details
    assert "sources (changed): {" + "x" * 158 + "… → —" in details
    assert "The new version, Geneva revision, is a partial text" in details
    assert out.index("Headlines") < out.index("Changes") < out.index("Metadata changes: ")
    assert out.count("points 21-28 unknown") == 1  # the version's note, once, in the details


def test_colour_replaces_marks_with_styles() -> None:
    out = render(representative(), "terminal", color=True)
    assert "capped at \x1b[9;31m600,000\x1b[0m\x1b[4;32m800,000\x1b[0m personnel." in out
    assert "[-600,000-]" not in out
    assert ANSI.sub("", out).splitlines()[0] == render(representative(), "terminal").splitlines()[0]


def test_colour_decision() -> None:
    tty, pipe = FakeTty(), io.StringIO()
    assert color_wanted("auto", tty, {}) is True
    assert color_wanted("auto", pipe, {}) is False
    assert color_wanted("auto", None, {}) is False
    assert color_wanted("auto", tty, {"NO_COLOR": "1"}) is False
    assert color_wanted("auto", tty, {"TERM": "dumb"}) is False
    assert color_wanted("always", pipe, {"NO_COLOR": "1"}) is True
    assert color_wanted("never", tty, {}) is False


def test_hostile_text_cannot_drive_the_terminal_or_a_ci_log() -> None:
    for color in (False, True):
        out = render(hostile(), "terminal", color=color)
        stripped = ANSI.sub("", out)
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", stripped)
        assert "\\x1b[2J" in stripped and "<U+202E>evil" in stripped
        assert not any(line.lstrip().startswith("::") for line in stripped.splitlines())
        # Every escape sequence in the output is one of the report's own styles.
        assert set(re.findall(r"\x1b\[([0-9;]*)m", out)) <= {
            "0",
            "1",
            "2",
            "9;31",
            "4;32",
            "1;31",
            "1;33",
            "1;36",
        }


_TEXT_PIECES = [
    *"ab :#[\n\r\t\x0b\x1c\x00\x85\xa0\u2028\u202e\u3000",
    "::",
    "##[",
    "  ::",
    "\u3000::",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TEXT_PIECES), max_size=8).map("".join))
def test_visible_returns_text_unchanged_only_when_no_rule_would_change_it(text: str) -> None:
    from plandiff.util import inert as module

    # ``terminal_line`` skips its rules when a quick scan finds nothing for them; applying them all
    # must then give the text back unchanged, and otherwise what ``terminal_line`` gives.
    flat = module._TERMINAL_BREAKS.sub(" ", text).replace("\t", " ")
    shown = module._TERMINAL_CONTROLS.sub(lambda m: module._shown(m.group()), flat)
    shown = shown.replace(module.LEGACY_COMMAND, "##\\[")
    assert module.terminal_line(text) == module._WORKFLOW_START.sub(r"\1\\:", shown)
