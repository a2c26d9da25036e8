"""Hostile plan text stays inert and visible in every output format, in every field."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from hostile import hostile_plans as hp
from hostile.inert import (
    html_problems,
    markdown_problems,
    markdown_text,
    parse_html,
    terminal_problems,
    workflow_problems,
)
from plandiff.documents.load import load_plan_text
from plandiff.model.changes import Comparison
from plandiff.model.errors import PlanError
from plandiff.output import FORMATS, render

MARKDOWN_FORMATS = [f for f in FORMATS if f in ("markdown", "github")]


@cache
def hostile(partial: bool) -> Comparison:
    return hp.comparison(partial=partial)


@cache
def output(fmt: str, partial: bool, color: bool = False) -> str:
    # verbose: a terminal report then shows every metadata value too (other formats ignore it).
    return render(hostile(partial), fmt, color=color, verbose=True)


def problems(fmt: str, text: str) -> list[str]:
    if fmt == "html":
        return html_problems(text) + workflow_problems(text)
    if fmt in MARKDOWN_FORMATS:
        return markdown_problems(text)
    return terminal_problems(text)


@pytest.mark.parametrize("partial", [False, True], ids=["full", "partial"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_inert(fmt: str, partial: bool) -> None:
    assert problems(fmt, output(fmt, partial)) == []


def test_colour_adds_only_plandiffs_own_sequences() -> None:
    text = output("terminal", False, color=True)
    assert "\x1b[" in text  # the colours are there...
    assert terminal_problems(text, color=True) == []  # ...and nothing else


def test_the_checks_catch_what_they_look_for() -> None:
    # The checks themselves must fail on raw hostile text, or the tests above prove nothing.
    assert html_problems('<p>x<img src=x onerror=alert(1)><a href="javascript:x">y</a></p>')
    assert html_problems("<p><!-- hidden --></p>")
    assert markdown_problems("[x](https://evil.example) ![](i.png) @someone #123 `c`")
    assert markdown_problems("<script>alert(1)</script>\n\n</details>")
    assert terminal_problems("a\x1b[2Jb") and terminal_problems("a\u202eb")
    assert workflow_problems("ok\n::error::x") and workflow_problems("  ##[error]x")


# Where each field is shown: every format shows every field of a plan but a provision's own
# note, which is kept in the plan file for its readers (the metadata section shows titles,
# parties and sources; JSON holds sub-points within the provision's word edits).
SHOWN: dict[str, set[str]] = {fmt: set(hp.FIELDS) - {"note"} for fmt in FORMATS}


def _reader_text(fmt: str, text: str) -> str:
    """The output as its reader sees it: parsed HTML or Markdown, else the text itself."""
    if fmt == "html":
        return "".join(parse_html(text).data) + " ".join(
            v or "" for _, attrs in parse_html(text).elements for _, v in attrs
        )
    if fmt in MARKDOWN_FORMATS:
        return markdown_text(text)
    return text


def _seen(fmt: str) -> str:
    if fmt == "json":
        return json.dumps(json.loads(output(fmt, False)), ensure_ascii=False)
    return _reader_text(fmt, output(fmt, False))


# One case per field a format shows; the fields it leaves out are checked as left out below,
# so that SHOWN stays true in both directions (and no case is a skip).
SHOWN_CASES = [(fmt, field) for fmt in FORMATS for field in hp.FIELDS if field in SHOWN[fmt]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_fields_a_format_leaves_out_are_not_in_it(fmt: str) -> None:
    seen = _seen(fmt)
    left_out = [f for f in hp.FIELDS if f not in SHOWN[fmt]]
    assert [f for f in left_out if hp.mark(f, "new") in seen] == []


@pytest.mark.parametrize(("fmt", "field"), SHOWN_CASES)
def test_every_field_comes_out_as_literal_text(fmt: str, field: str) -> None:
    seen = _seen(fmt)
    marker = hp.mark(field, "new")
    assert marker in seen
    # The text after the marker reads as the payload, tags and brackets included.
    after = seen[seen.index(marker) :][:400]
    if field == "source-url":
        assert "<script>alert(1)</script>" in seen
    elif field == "version":
        assert "<script>x</script>" in after and "[x](javascript:alert(1))" in after
    elif fmt == "json":
        assert "<script>alert(1)</script>" in after and "\\u001b[2J" in after
    else:
        assert "<script>alert(1)</script>" in after
        assert "[x](javascript:alert(1))" in after
        if field in ("text", "heading"):  # metadata values may be shortened
            assert "@" in after and "123" in after
    if fmt in ("terminal", *MARKDOWN_FORMATS, "html") and field in ("text", "heading"):
        assert "\\x1b[2J" in after  # the escape sequence shows, visibly


def test_json_keeps_every_value_exactly() -> None:
    data = json.loads(output("json", False))
    assert data["new"]["title"] == hp.value("title", "new")
    assert data["new"]["sources"][0]["url"] == hp.URL + hp.mark("source-url", "new")
    texts = {ref["text"] for change in data["changes"] for ref in change["new"]}
    assert hp.value("text", "both") in texts


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>x</script>", "https://a b.org"]
)
def test_a_source_url_that_is_not_a_web_address_is_refused_when_loaded(url: str) -> None:
    path = Path(__file__).resolve().parents[2] / "plans" / "us-28-point-draft.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sources"][0]["url"] = url
    with pytest.raises(PlanError, match=r"/sources/0/url"):
        load_plan_text(json.dumps(doc), "p.json")
