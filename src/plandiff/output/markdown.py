"""The GitHub-flavoured Markdown report, for pull requests and for ``reports/``.

Every value the template prints passes through :func:`md_escape`, the Markdown counterpart of
HTML autoescaping, so plan text can never become HTML, a link, an image, a mention, a table
break or the end of a ``<details>`` block.
"""

from __future__ import annotations

import re
from functools import cache

import jinja2
from markupsafe import Markup

from plandiff.model.changes import Comparison
from plandiff.output.view import build_view
from plandiff.util.inert import markdown_link_target, visible

# Characters that start Markdown or HTML syntax anywhere in a line. They become numeric
# character references: CommonMark shows those as the character and never reads them as syntax.
_SYNTAX = re.compile(r"[&<>\\`*_\[\]!|~$#{}]")
# Characters that only mean something at the start of a block: a bullet, a setext underline,
# an ordered-list number ('1. ' but not '0.50'), or a leading ':'.
_LEADING = re.compile(r"^(\s*)([-+=:]|\d+[.)](?=\s|$))")
# GitHub links these after rendering, on the decoded text, so references cannot hide them;
# an invisible WORD JOINER breaks the pattern instead: @name, #12, https://, www.
_JOINER = "\u2060"
# (GFM reads 'www.' only at a line start, after white space or after one of '*_~(' -- so an
# anchor such as 'c-www.2e.' is left alone, and stays equal in its link and its target.)
_AUTOLINKS = re.compile(
    r"(?<=@)|(?<=#)(?=\d)|(?<=:)(?=//)|(?<![^\s*_~(]www)(?<=www)(?=\.)", re.IGNORECASE
)


# Any character one of the rules above (or ``visible``) acts on anywhere in the text. Text
# without them and without 'www' can only need its start escaped -- most text, which matters
# on reports of thousands of provisions.
_SPECIAL = re.compile(
    r"[&<>\\`*_\[\]!|~$#{}@:\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"
)
# What ``_LEADING`` can start with: it is only tried on text starting with one of these.
_MAY_LEAD = frozenset("-+=:")


def md_escape(text: str) -> str:
    """``text`` as inert Markdown: shown exactly, never interpreted.

    >>> md_escape("[x](javascript:alert(1)) | <b>")
    '&#91;x&#93;(javascript:alert(1)) &#124; &lt;b&gt;'
    """
    escaped = text
    if _SPECIAL.search(text) or "www" in text.lower():
        escaped = visible(text)
        if _may_autolink(escaped):
            escaped = _AUTOLINKS.sub(_JOINER, escaped)
        escaped = _SYNTAX.sub(_reference, escaped)
    first = escaped[:1]
    if first and (first.isspace() or first.isdigit() or first in _MAY_LEAD):
        return _LEADING.sub(lambda m: m.group(1) + _reference_text(m.group(2)), escaped)
    return escaped


def _may_autolink(text: str) -> bool:
    # Exactly when ``_AUTOLINKS`` can match; that pattern opens with look-behinds, which the
    # regex engine tries at every character, so skipping it when it cannot match pays.
    return "@" in text or "#" in text or "://" in text or "www" in text.lower()


_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _reference(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or f"&#{ord(char)};"


def _reference_text(token: str) -> str:
    # Escape the last character: '-' of a bullet, '.' of '1.', ':' of '::'.
    return token[:-1] + f"&#{ord(token[-1])};"


# Three or more line breaks. Spelt with a literal prefix so that the regex engine looks for
# it with a fast string search: r"\n{3,}" took 6x longer over a report of 7 MB.
BLANK_RUNS = re.compile("\n\n\n+")


class _Escaped(str):
    """Text already escaped for Markdown, which ``markupsafe.escape`` keeps as it is."""

    # A plain str subclass is made at C speed; Markup's own constructor is Python code, and
    # escape() makes a Markup of this anyway: one per value shown, 90,000 on a large report.
    __slots__ = ()

    def __html__(self) -> str:
        return self


def _finalize(value: object) -> str:
    # With autoescape on, jinja passes what this returns through markupsafe.escape; returning
    # text with __html__ makes Markdown escaping replace HTML escaping, and macro output
    # (already Markup) is not escaped twice.
    if isinstance(value, Markup):
        return value
    return _Escaped(md_escape("" if value is None else str(value)))


def _link_target(url: str) -> Markup:
    # Only http(s) addresses reach a link (the view checks); the rest would be left out.
    # Markup, so that _finalize passes it as it is: it is already a safe destination.
    return Markup(markdown_link_target(url) or "")


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("plandiff.output", "templates"),
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["link_target"] = _link_target
    return environment


def markdown_environment() -> jinja2.Environment:
    """The template environment whose ``{{ }}`` values are escaped for Markdown."""
    return _environment()


def render_markdown(comparison: Comparison) -> str:
    """The Markdown report of ``comparison``."""
    template = _environment().get_template("report.md.j2")
    text = template.render(view=build_view(comparison))
    # Blank-line runs come from optional sections; collapse them so output is tidy and stable.
    return BLANK_RUNS.sub("\n\n", text).rstrip("\n") + "\n"
