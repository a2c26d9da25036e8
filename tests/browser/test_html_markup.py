"""The HTML report's markup, read with html.parser: no browser needed for these."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

import comparisons as shared
from browser.html_comparisons import HOSTILE, hostile, varied
from plandiff.model.plan import Source
from plandiff.output.html import render_html
from plandiff.output.html_view import html_anchor, tidy
from plandiff.output.view import Segment

Attrs = dict[str, str | None]


class Page(HTMLParser):
    """Every start tag with its attributes, the text of <style>, and all text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, Attrs]] = []
        self.style = ""
        self.text: list[str] = []
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)

    def find(self, tag: str) -> list[Attrs]:
        return [a for t, a in self.tags if t == tag]

    def with_class(self, name: str) -> list[Attrs]:
        return [a for _, a in self.tags if name in (a.get("class") or "").split()]


@pytest.fixture(scope="module")
def page() -> Page:
    return Page(render_html(varied()))


def test_csp_admits_only_the_inline_stylesheet(page: Page) -> None:
    (meta,) = [m for m in page.find("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    policy = meta["content"] or ""
    digest = base64.b64encode(hashlib.sha256(page.style.encode()).digest()).decode()
    assert "default-src 'none'" in policy
    assert f"style-src 'sha256-{digest}'" in policy
    assert "unsafe" not in policy and "script-src" not in policy


def test_nothing_is_loaded_from_anywhere(page: Page) -> None:
    assert not [t for t, _ in page.tags if t in {"script", "link", "img", "iframe", "object"}]
    assert not [a for _, a in page.tags if "src" in a or "srcset" in a]
    assert "url(" not in page.style and "@import" not in page.style
    for a in page.find("a"):
        href = a["href"] or ""
        if not href.startswith("#"):
            assert href == "https://example.org/plan"
            assert a["rel"] == "noopener noreferrer"


def test_every_anchor_is_present_and_unique(page: Page) -> None:
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    for anchor in ("p-1", "p-2", "old-3", "p-4", "p-5", "p-6", "was-p-4"):
        assert anchor in ids
    targets = {(a["href"] or "")[1:] for a in page.find("a") if (a["href"] or "").startswith("#")}
    assert targets <= set(ids), targets - set(ids)


def test_plan_text_is_marked_dir_auto(page: Page) -> None:
    texts = page.with_class("text") + page.with_class("sub-text")
    assert len(texts) > 10
    assert all(a.get("dir") == "auto" for a in texts)


def test_hostile_text_creates_no_markup() -> None:
    html = render_html(hostile())
    parsed = Page(html)
    assert {t for t, _ in parsed.tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "a",
        "header",
        "p",
        "h1",
        "h2",
        "h3",
        "div",
        "section",
        "dl",
        "dt",
        "dd",
        "time",
        "span",
        "br",
        "ul",
        "li",
        "main",
        "ol",
        "table",
        "colgroup",
        "col",
        "caption",
        "b",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "fieldset",
        "legend",
        "label",
        "input",
        "article",
        "details",
        "summary",
        "ins",
        "del",
        "code",
        "footer",
    }
    assert not [a for _, a in parsed.tags if any(k.startswith("on") for k in a)]
    assert HOSTILE in "".join(parsed.text)
    assert "alert" not in parsed.style and "pwned" not in parsed.style


def test_only_web_addresses_become_links() -> None:
    odd = Source(id="odd", title="Odd", url="javascript:alert(1)")
    cmp = varied()
    cmp = replace(cmp, new=replace(cmp.new, sources=(odd,)))
    parsed = Page(render_html(cmp))
    assert "javascript:alert(1)" in "".join(parsed.text)
    assert all(not (a["href"] or "").startswith("javascript") for a in parsed.find("a"))


def test_output_is_deterministic() -> None:
    assert render_html(varied()) == render_html(varied())


def test_tidy_keeps_edge_spaces_with_their_change_but_unmarked() -> None:
    runs = (
        Segment("equal", "capped at"),
        Segment("delete", " 600,000 "),
        Segment("insert", " 800,000"),
        Segment("insert", "  "),
    )
    tidied = tidy(runs)
    assert "".join(m.text for m in tidied) == "".join(s.text for s in runs)
    # Each side still rebuilds its own text: the spaces go with the change they edge.
    assert "".join(m.text for m in tidied if m.op != "insert") == "capped at 600,000 "
    assert "".join(m.text for m in tidied if m.op != "delete") == "capped at 800,000  "
    assert [(m.op, m.text) for m in tidied if m.edge] == [
        ("delete", " "),
        ("delete", " "),
        ("insert", " "),
    ]
    assert (tidied[-1].op, tidied[-1].edge) == ("insert", False)  # spacing alone stays marked


def test_plain_engine_ids_are_their_own_anchors() -> None:
    assert [html_anchor(i) for i in ("p-6", "old-26", "p-3a.1")] == ["p-6", "old-26", "p-3a.1"]
    # Anything else is escaped and prefixed, so it can clash neither with those nor with the
    # page's own ids.
    odd = [html_anchor(i) for i in ("p-6 x", "view-side", 'p-1"><b>')]
    assert all(a.startswith("c-") and re.fullmatch(r"[A-Za-z0-9._-]+", a) for a in odd)


def test_every_kind_of_the_shared_comparison_has_its_anchor_and_badge() -> None:
    cmp = shared.representative()
    parsed = Page(render_html(cmp))
    ids = {a["id"] for _, a in parsed.tags if a.get("id")}
    assert {html_anchor(c.id) for c in cmp.changes} <= ids
    assert {"p-6", "old-26", "old-27", "new-20", "was-p-12"} <= ids
    badges = {a["class"] for a in parsed.with_class("badge")}
    for kind in (
        "modified",
        "renumbered",
        "moved",
        "split",
        "merged",
        "added",
        "removed",
        "not-covered",
        "unchanged",
    ):
        assert f"badge kind-{kind}" in badges


def test_text_a_partial_version_does_not_cover_is_not_struck_through() -> None:
    html = render_html(shared.representative())
    start = html.index('id="old-27"')
    block = html[start : html.index("</details>", start)]
    assert "<del>" not in block and "Not covered" in block


def test_identical_plans_show_no_marks() -> None:
    html = render_html(shared.identical())
    main = html[html.index("<main>") : html.index('<section class="metadata"')]
    assert "<ins>" not in main and "<del>" not in main
    assert "No headline findings." in html


def test_control_characters_are_shown_not_obeyed() -> None:
    html = render_html(shared.hostile())
    body = html[html.index("<body>") :]
    assert r"\x1b[2J" in body and r"\x07" in body
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", html)
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_readme_shows_a_small_picture_of_the_report() -> None:
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "](docs/report.png)" in readme and "python scripts/screenshot.py" in readme
    picture = (root / "docs" / "report.png").read_bytes()
    assert picture.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(picture) < 200 * 1024


def test_bidi_overrides_show_as_code_points_and_marks_stay() -> None:
    # tests/comparisons.py puts "\u202eevil\u202c" in the hostile provision text: an override
    # would reverse the rest of the clause on screen, so it is shown, never obeyed.
    page = render_html(shared.hostile())
    assert "\u202e" not in page and "\u202c" not in page
    assert "&lt;U+202E&gt;evil&lt;U+202C&gt;" in page
