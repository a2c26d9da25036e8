"""The web-page reader takes the article's headings and lists, numbered as a browser shows them."""

from __future__ import annotations

import pytest

from draftfiles import SAMPLE, to_html
from plandiff.documents.readers import webpage
from plandiff.model.errors import UsageError


def read(page: str | bytes) -> list[tuple[str | None, int | None, str]]:
    data = page.encode() if isinstance(page, str) else page
    return [(b.label, b.level, b.text) for b in webpage.read(data, "p.html").blocks]


def test_the_article_without_navigation_script_or_footer() -> None:
    draft = webpage.read(to_html(SAMPLE), "p.html")
    texts = [b.text for b in draft.blocks]
    assert texts[0] == SAMPLE.title and draft.blocks[0].heading == 1
    joined = " ".join(texts)
    for noise in ("Home", "injected", "color", "Copyright", "Example News"):
        assert noise not in joined
    labelled = [(b.label, b.level) for b in draft.blocks if b.label]
    assert labelled == [("1", 0), ("2", 0), ("a", 1), ("b", 1), ("c", 1), ("3", 0), ("4", 0)]
    assert draft.title is None  # the page's <h1> titles it, not "<title> | Example News"


def test_ordered_list_numbering_as_a_browser_shows_it() -> None:
    page = (
        "<ol start='7'><li>seven</li><li value='10'>ten</li><li>eleven</li></ol>"
        "<ol type='I' start='3'><li>three</li></ol>"
        "<ol reversed><li>two</li><li>one</li></ol>"
        "<ol type='a' start='26'><li>z</li><li>aa</li></ol>"
    )
    assert [label for label, _, _ in read(page)] == ["7", "10", "11", "III", "2", "1", "z", "aa"]


def test_nested_lists_and_paragraphs_inside_items() -> None:
    page = (
        "<ol><li><p>Trade</p><ol type='i'><li><p>goods</p></li><li>services</li></ol>"
        "<p>in stages.</p></li><li>Peace</li></ol><ul><li>a bullet</li></ul>"
    )
    assert read(page) == [
        ("1", 0, "Trade"), ("i", 1, "goods"), ("ii", 1, "services"), (None, 0, "in stages."),
        ("2", 0, "Peace"), ("\u2022", 0, "a bullet"),
    ]  # fmt: skip


def test_hidden_text_and_tables() -> None:
    page = (
        "<p>Seen.</p><p hidden>unseen</p><div style='display: none'>gone</div>"
        "<span aria-hidden='true'>icon</span><table><tr><th>Item</th><td>600,000</td></tr></table>"
    )
    draft = webpage.read(page.encode(), "p.html")
    assert [(b.text, b.plain) for b in draft.blocks] == [("Seen.", False), ("Item | 600,000", True)]


def test_markup_stays_text_and_nothing_is_fetched_or_run() -> None:
    page = (
        "<p>1 &lt; 2 &amp; <b>bold</b></p><img src='http://example.invalid/x.png'>"
        "<script src='http://example.invalid/x.js'></script><iframe src='x'>frame</iframe>"
    )
    assert read(page) == [(None, None, "1 < 2 & bold")]


def test_main_over_the_rest_of_the_page() -> None:
    page = "<p>Site menu</p><main><p>The draft.</p></main><p>Related stories</p>"
    draft = webpage.read(page.encode(), "p.html")
    assert [b.text for b in draft.blocks] == ["The draft."]
    assert draft.notes == ("the page's main article read; 2 blocks around it left out",)


def test_declared_charset_and_byte_order_marks() -> None:
    legacy = '<meta charset="windows-1252"><p>Art. 1 \u2013 caf\u00e9</p>'.encode("cp1252")
    assert read(legacy) == [(None, None, "Art. 1 \u2013 caf\u00e9")]
    assert read("<p>x</p>".encode("utf-16")) == [(None, None, "x")]


def test_bytes_that_are_not_the_declared_charset() -> None:
    with pytest.raises(UsageError, match=r"^p\.html: the page is not valid utf-8 text \(byte 3\)"):
        webpage.read(b"<p>\xff</p>", "p.html")


def test_title_and_date_hints() -> None:
    page = (
        "<head><title>Leaked text | Site</title>"
        "<meta property='article:published_time' content='2025-11-20T10:00:00Z'></head>"
        "<p>x</p>"
    )
    draft = webpage.read(page.encode(), "p.html")
    assert (draft.title, draft.date) == ("Leaked text | Site", "2025-11-20T10:00:00Z")


def test_deep_unclosed_nesting_and_stray_closing_tags() -> None:
    # 50,000 open <div>s then 50,000 stray closing tags of another kind: each closing tag is
    # looked up in constant time, not by a walk down the stack of open elements.
    page = "<div>" * 50_000 + "<p>deep</p>" + "</span>" * 50_000
    assert read(page) == [(None, None, "deep")]


def test_a_page_word_saved_with_typed_numbers_and_conditional_comments() -> None:
    page = (
        '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">'
        "<p class=MsoTitle>Framework</p><p class=MsoListParagraph><![if !supportLists]>"
        "<span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp; </span></span><![endif]>"
        "The parties agree \x96 now.</p>"
    ).encode("latin-1")
    draft = webpage.read(page, "p.htm")
    assert [(b.heading, b.text) for b in draft.blocks] == [
        (1, "Framework"), (None, "1. The parties agree \u2013 now."),
    ]  # fmt: skip
