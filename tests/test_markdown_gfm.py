"""The Markdown reports as GitHub renders them: cmark-gfm, GitHub's own parser, with its
autolink, table and strikethrough extensions, then a look at the HTML it makes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from comparisons import hostile, representative
from plandiff.documents.load import load_plan
from plandiff.model.changes import Comparison, MetadataChange
from plandiff.model.plan import Source
from plandiff.output import render
from plandiff.pipeline.compare import compare

cmarkgfm = pytest.importorskip("cmarkgfm")
from cmarkgfm.cmark import Options  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HREF = re.compile(r'<a href="([^"]*)"')


def gfm(markdown: str) -> str:
    # UNSAFE keeps the raw HTML plandiff writes (details, del, ins), as GitHub does before
    # its sanitiser; the tag filter extension is on, as on GitHub.
    html: str = cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=Options.CMARK_OPT_UNSAFE
    )
    return html


@pytest.fixture(scope="module")
def bundled() -> Comparison:
    old = load_plan(ROOT / "plans" / "us-28-point-draft.json")
    new = load_plan(ROOT / "plans" / "geneva-revision.json")
    return compare(old, new)


@pytest.mark.parametrize("fmt", ["markdown", "github"])
def test_deletions_and_insertions_never_run_together(bundled: Comparison, fmt: str) -> None:
    html = gfm(render(bundled, fmt))
    assert "<del>600,000</del> <ins>800,000</ins>" in html
    assert re.search(r"</del>\s*<ins>", html) and not re.search(r"</del><ins>|</ins><del>", html)


@pytest.mark.parametrize("fmt", ["markdown", "github"])
def test_source_addresses_are_clickable_and_nothing_else_is(bundled: Comparison, fmt: str) -> None:
    html = gfm(render(bundled, fmt))
    hrefs = HREF.findall(html)
    sources = {s.url for s in (*bundled.old.sources, *bundled.new.sources)}
    external = [h for h in hrefs if not h.startswith("#")]
    # Every source added or removed is a link to its own address, with no hidden character
    # (the comment, kept short, lists the first twelve metadata changes).
    assert external and set(external) <= sources
    if fmt == "markdown":
        assert len(external) == len(bundled.old.sources) + len(bundled.new.sources)
    assert all("\u2060" not in h for h in hrefs)
    assert fmt == "github" or "https://pastebin.com/CSNQmTSu" in external
    # Internal links go to the report's own anchors, each of which exists.
    for href in hrefs:
        if href.startswith("#"):
            assert f'name="{href[1:]}"' in html


def test_plan_text_never_becomes_a_link() -> None:
    html = gfm(render(hostile(), "markdown"))
    assert [h for h in HREF.findall(html) if not h.startswith("#")] == []
    assert "<img" not in html and "<script" not in html.replace("&lt;script", "")


def test_a_source_address_is_linked_exactly_and_inertly() -> None:
    # An address carrying Markdown and table syntax: it still links to itself, and the row
    # keeps its four cells.
    url = "https://example.org/a|b?x=1&y=[2]<3>"
    base = representative()
    weird = Source(id="odd", title="An *odd* | source", url=url)
    cmp = replace(
        base,
        new=replace(base.new, sources=(*base.new.sources, weird)),
        metadata=(MetadataChange(path="sources[odd]", change="added", old=None, new="x"),),
    )
    html = gfm(render(cmp, "markdown"))
    external = [h for h in HREF.findall(html) if not h.startswith("#")]
    assert external == ["https://example.org/a%7Cb?x=1&amp;y=%5B2%5D%3C3%3E"]
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if "sources[odd]" in r)
    assert row.count("<td") == 4 and "An *odd* | source" in row


@pytest.mark.parametrize("fmt", ["markdown", "github"])
def test_headlines_come_before_the_changes_and_the_metadata(bundled: Comparison, fmt: str) -> None:
    html = gfm(render(bundled, fmt))
    headlines = html.index("Headlines")
    first_change = html.index("Size of the armed forces")
    metadata = html.index("Metadata changes")
    assert headlines < first_change < metadata
    assert "<table>" not in html[:headlines] or html[:headlines].count("<table>") == 1  # counts
    assert "pastebin" not in html[:metadata]
