"""Every function of the inert-text module keeps hostile text inert in its own medium.

Each medium's function is checked by the reader of that medium (tests/hostile/inert.py): a
terminal, a CI log, a CommonMark + GFM renderer, an HTML parser, a JSON parser. A public
function of the module that has no checker here fails the first test, so a new medium cannot
be added without one.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from hostile.hostile_plans import PAYLOAD, SHORT, URL
from hostile.inert import (
    RAW_CONTROL,
    html_problems,
    markdown_problems,
    markdown_tokens,
    terminal_problems,
    workflow_problems,
)
from plandiff.util import inert

# Text that exercises every class the module names, one piece at a time and all together.
PIECES = [
    *inert.C0,
    inert.DEL,
    *inert.C1,
    *inert.BIDI,
    *inert.LINE_SEPARATORS,
    "::error::x",
    "  ::warning::y",
    "##[group]z",
    "\r\n::notice::w",
    "@someone #12 GH-77 www.example.org https://evil.example",
    "<b>[x](javascript:alert(1))</b>",
]
HOSTILE = [PAYLOAD, SHORT, URL, "".join(PIECES), *PIECES[-6:]]
TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=8).map("".join)


def _one_line(shown: str) -> list[str]:
    breaks = [c for c in shown if c in inert.LINE_SEPARATORS]
    return [f"line break U+{ord(c):04X}" for c in breaks] + terminal_problems(shown)


def _terminal(text: str) -> list[str]:
    return _one_line(inert.terminal_line(text))


def _ci_log(text: str) -> list[str]:
    # For lines whose controls are already gone: what it adds is that no command survives.
    return workflow_problems(inert.ci_log_line(inert.plain_line(text)))


def _workflow(text: str) -> list[str]:
    # The runner unescapes %25, %0D and %0A; what it then reads must still be one message.
    message = inert.workflow_data(inert.terminal_line(text))
    prop = inert.workflow_property(inert.terminal_line(text))
    problems = [f"raw break in {message!r}" for c in "\r\n" if c in message + prop]
    return problems + [f"property separator in {prop!r}" for c in ":," if c in prop]


def _json(text: str) -> list[str]:
    document = json.dumps({"text": text}, ensure_ascii=False)
    shown = inert.json_text(document)
    problems = terminal_problems(shown)
    if json.loads(shown) != {"text": text}:
        problems.append("does not read back to the same text")
    if inert.json_bytes(document.encode("utf-8")) != shown.encode("utf-8"):
        problems.append("bytes and text differ")
    return problems


def _markdown(text: str) -> list[str]:
    return markdown_problems(f"| a | {inert.markdown_text(text)} |\n|---|---|\n")


def _link_target(text: str) -> list[str]:
    # A source's address as a link in a table cell: one link, to the address, in one cell.
    address = "https://example.org/" + text
    target = inert.markdown_link_target(address)
    if target is None:
        return ["an https address got no link"]
    row = f"| a | [source](<{target}>) |\n|---|---|\n"
    problems = markdown_problems(row)
    links = [t for t in markdown_tokens(row) if t.type == "inline" and t.children]
    hrefs = [c.attrs.get("href") for t in links for c in t.children or () if c.type == "link_open"]
    if len(hrefs) != 1:
        problems.append(f"{len(hrefs)} links in {row!r}")
    if inert.markdown_link_target("javascript:" + text) is not None:
        problems.append("a javascript: address became a link")
    return problems


def _html(text: str) -> list[str]:
    # As the page's templates do: html_text first (jinja's finalize), then autoescaping.
    shown = str(escape(inert.html_text(text)))
    page = f"<p>{shown}</p>"
    # The page keeps bidi marks (it isolates each value) and the Unicode line separators,
    # which a browser shows as white space and which JSON is the only medium to escape.
    kept = inert.BIDI_MARKS + "\u2028\u2029"
    raw = [c for c in RAW_CONTROL.findall(shown) if c not in kept]
    return html_problems(page) + workflow_problems(shown) + [f"raw {c!r}" for c in raw]


def _error(text: str) -> list[str]:
    return _one_line("plandiff: " + inert.error_line(text))


def _file_name(text: str) -> list[str]:
    return _one_line(inert.file_name(text))


def _text_file(text: str) -> list[str]:
    # Exported text keeps bidi characters as the plan's data; the caller joins white space and
    # starts the line (with its marker, as here, or a backslash where text leads).
    return terminal_problems("1. " + inert.text_file_line(" ".join(text.split())), bidi=True)


def _marks_kept(shown: str) -> list[str]:
    # Canonical text removes what reorders text and keeps the marks right-to-left text needs.
    raw = {c for c in RAW_CONTROL.findall(shown) if c not in inert.BIDI_MARKS}
    return [f"raw U+{ord(c):04X}" for c in sorted(raw)] + workflow_problems(shown)


def _plain(text: str) -> list[str]:
    shown = inert.ci_log_line(inert.plain_line(text))
    return _marks_kept(shown) + [f"line break {c!r}" for c in shown if c in "\r\n"]


def _raw_file(text: str) -> list[str]:
    return [p for t in text.splitlines() for p in _marks_kept(inert.raw_file_line(t))]


CHECKS: dict[str, Callable[[str], list[str]]] = {
    "terminal_line": _terminal,
    "ci_log_line": _ci_log,
    "workflow_data": _workflow,
    "workflow_property": _workflow,
    "json_bytes": _json,
    "json_text": _json,
    "markdown_text": _markdown,
    "markdown_link_target": _link_target,
    "html_text": _html,
    "error_line": _error,
    "file_name": _file_name,
    "text_file_line": _text_file,
    "plain_line": _plain,
    "raw_file_line": _raw_file,
}


def test_every_medium_has_a_check() -> None:
    public = {
        name
        for name, value in vars(inert).items()
        if inspect.isfunction(value)
        and not name.startswith("_")
        and value.__module__ == inert.__name__
    }
    assert public == set(CHECKS) | {"text_file_value"}  # the one that reads an escaping back


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text())
def test_a_text_file_line_reads_back_to_every_character(text: str) -> None:
    line = inert.text_file_line(text)
    assert inert.text_file_value(line) == text
    assert "\n" not in line and "\r" not in line and "##[" not in line
    assert line == line.strip(" \t")  # a reader strips nothing that was there


def test_every_medium_function_says_why_it_differs() -> None:
    for name in CHECKS:
        doc = inspect.getdoc(getattr(inert, name)) or ""
        assert len(doc.splitlines()) >= 2, name


@pytest.mark.parametrize("medium", sorted(CHECKS))
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_stays_inert(medium: str, text: str) -> None:
    assert CHECKS[medium](text) == []


@pytest.mark.parametrize("medium", sorted(CHECKS))
@settings(max_examples=80, deadline=None)
@given(text=TEXT)
def test_any_text_stays_inert(medium: str, text: str) -> None:
    assert CHECKS[medium](text) == []


def test_the_classes_are_what_their_names_say() -> None:
    assert len(inert.C0) == 32 and len(inert.C1) == 32
    assert set(inert.BIDI) == set(inert.BIDI_MARKS) | set(inert.BIDI_OVERRIDES)
    assert {"\n", "\r", "\x85", "\u2028", "\u2029"} <= set(inert.LINE_SEPARATORS)
    assert not any(c.isprintable() for c in inert.C0 + inert.DEL + inert.C1 + inert.BIDI)


@pytest.mark.parametrize(
    "filler", ["\u201cquoted\u201d and dashed \u2013 text. " * 5, "\u201c\u2013"]
)
def test_json_finds_an_unsafe_character_behind_thousands_of_look_alikes(filler: str) -> None:
    # Sparse look-alikes are checked one by one, dense ones by the regex: both must find it.
    text = filler * 3000 + "\u202e"
    shown = inert.json_bytes(json.dumps([text], ensure_ascii=False).encode())
    assert shown.endswith(b'\\u202e"]')
    assert json.loads(shown) == [text]
