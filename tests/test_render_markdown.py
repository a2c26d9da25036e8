"""The Markdown report: content on a hand-built comparison, and hostile plan text kept inert."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from comparisons import hostile, identical, representative
from plandiff.output import render
from plandiff.util.inert import markdown_text as md_escape

# The only tags the report itself writes; anything else in the rendered HTML came from plan text.
OWN_TAGS = {"a", "del", "ins", "details", "summary", "sub"}
# Tags the Markdown syntax of the template produces.
MARKDOWN_TAGS = {
    "h1", "h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td",
    "strong", "em", "blockquote", "hr",
}  # fmt: skip


def to_html(markdown: str) -> str:
    html: str = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return html


def test_header_summary_and_headlines() -> None:
    md = render(representative(), "markdown")
    lines = md.splitlines()
    assert lines[0] == "# Changes: 28-point draft → Geneva revision"
    assert "| Old | 28-point draft | US 28-point peace framework | 2025-11-20 | full | 8 |" in md
    assert "| New | Geneva revision | Geneva revision | 2025-11-23 | partial | 9 |" in md
    assert "| 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 9 |" in md
    headlines = [line for line in lines if line.startswith("- **")][:3]
    assert headlines[0].startswith("- **Error** · [6](#c-p-6): Cap on armed forces raised")
    assert "600,000 to 800,000" in headlines[0]
    assert headlines[1].startswith("- **Warning** · [7 → 8](#c-p-7)")
    assert headlines[2].startswith("- **Info**")


def test_changed_provisions_carry_redlines_and_aspects() -> None:
    md = render(representative(), "markdown")
    assert '### <a name="c-p-6"></a>6 · Modified' in md
    assert "capped at <del>600,000</del> <ins>800,000</ins> personnel." in md
    assert "reworded · renumbered 12 → 3 · matched by text, confidence 0.88" in md
    assert "- **(a)** Within <del>100 days</del> <ins>120 days</ins>" in md
    assert "  - **(i) added** <ins>Observers invited.</ins>" in md
    assert "**20 (added)** <ins>A humanitarian committee will be formed.</ins>" in md
    assert "**26 (removed)** <del>Full amnesty for all parties.</del>" in md


def test_unchanged_collapsed_not_covered_explained_metadata_listed() -> None:
    md = render(representative(), "markdown")
    details = md[md.index("<details>") : md.index("</details>")]
    assert "<summary>1 unchanged provision</summary>" in details
    assert "**1** Sovereignty of Ukraine will be confirmed." in details
    assert "Sovereignty" not in md[: md.index("<details>")]
    not_covered = md[md.index("## Not covered by the new version") : md.index("<details>")]
    assert "is unknown" in not_covered and "not as removed" in not_covered
    assert (
        "**27** The agreement is legally binding.\n  - **(a)** A Peace Council oversees it."
        in not_covered
    )
    assert "<del>" not in not_covered and "removed" not in not_covered.split("not as removed")[1]
    assert "> **Partial:** the new version is a partial text" in md
    assert "The new version, Geneva revision, is a partial text" in md.split("## Metadata")[1]
    assert "| parties&#91;1&#93; | added | — | Ukraine |" in md
    assert "| sources | changed | &#123;" + "x" * 158 + "… | — |" in md
    assert "| Old | 28-point draft | US 28-point peace framework | 2025-11-20 | full | 8 |" in md
    assert "word diff up to 4000 tokens a side" in md


def test_headlines_and_changes_come_before_the_metadata() -> None:
    md = render(representative(), "markdown")
    order = [
        md.index("| Modified |"),
        md.index("> **Partial:**"),
        md.index("## Headlines"),
        md.index("## Changed provisions"),
        md.index("## Metadata changes"),
        md.index("| Old | 28-point draft |"),
    ]
    assert order == sorted(order)
    summary = md.split("## Metadata changes\n\n")[1].split("\n")[0]
    assert summary.startswith("title changed · completeness full → partial · parties 1 → 2")
    assert md.index("<summary>Versions and metadata details</summary>") < order[-1]


def test_identical_plans_say_so() -> None:
    md = render(identical(), "markdown")
    assert "No headline findings." in md
    assert "No metadata changes." in md
    assert "No provision changed." in md
    assert "Partial" not in md


def test_hostile_text_stays_inert_when_rendered() -> None:
    md = render(hostile(), "markdown")
    html = to_html(md)
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))
    assert tags <= OWN_TAGS | MARKDOWN_TAGS
    assert re.findall(r'href="([^"]*)"', html) == [
        "#c-new-20"
    ]  # only the report's own link; no javascript: link, no image
    assert "<img" not in html and "<script" not in html and "<code" not in html
    # The unchanged provisions and the metadata details; plan text closes neither early.
    assert html.count("<details>") == html.count("</details>") == 2
    # GitHub links mentions, issue numbers and bare URLs in the rendered text itself.
    for linkable in ("@someone", "#12", "https://example", "www.example"):
        assert linkable not in html
    assert "\x1b" not in md and "\x07" not in md and "\u202e" not in md
    assert not any(line.lstrip().startswith("::") for line in md.splitlines())


def test_hostile_text_cannot_break_a_table_row() -> None:
    html = to_html(render(hostile(), "markdown"))
    for table in re.findall(r"<table>.*?</table>", html, re.S):
        widths = {
            row.count("<td") + row.count("<th") for row in re.findall(r"<tr>.*?</tr>", table, re.S)
        }
        assert len(widths) == 1, widths


def test_md_escape_keeps_the_text_readable_once_rendered() -> None:
    text = "1. *Ukraine* [shall] <not> join #NATO | ~~ever~~ & $5"
    rendered = to_html(f"- x {md_escape(text)}")
    assert "1. *Ukraine* [shall] &lt;not&gt; join #NATO | ~~ever~~ &amp; $5" in rendered
    assert md_escape("- item").startswith("&#45;")
    assert md_escape("0.50") == "0.50"
    assert md_escape("see www.example.org") == "see www\u2060.example.org"
    assert md_escape("c-www.2e.") == "c-www.2e."  # an anchor: GFM does not link www. after '-'


_PIECES = [
    *"ab Ww.:/@#19-+=*_~()[]<>&|!$`{}\\\n\r\t\x00\x85\u2028\u202e\u00a0\u00b2",
    "www",
    "WWW.",
    "://",
    "::",
    "##[",
    "1.",
    "2)",
    " - ",
    "@x",
    "#12",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_md_escape_shortcuts_give_what_every_rule_in_turn_gives(text: str) -> None:
    from plandiff.util import inert

    # The escaper skips rules that cannot act on a value; applying them all must agree.
    linked = inert._MD_AUTOLINKS.sub(inert._JOINER, inert.terminal_line(text))
    escaped = inert._MD_SYNTAX.sub(inert._md_reference, linked)
    expected = inert._MD_LEADING.sub(
        lambda m: m.group(1) + inert._last_referenced(m.group(2)), escaped
    )
    assert md_escape(text) == expected
