"""The GitHub-flavoured Markdown report, for pull requests and for ``reports/``.

Every value the template prints passes through ``markdown_text`` (``plandiff.util.inert``), the
Markdown counterpart of HTML autoescaping, so plan text can never become HTML, a link, an image,
a mention, a table break or the end of a ``<details>`` block.
"""

from __future__ import annotations

import re
from functools import cache

import jinja2
from markupsafe import Markup

from plandiff.model.changes import Comparison
from plandiff.output.view import build_view
from plandiff.util.inert import markdown_text

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
    return _Escaped(markdown_text("" if value is None else str(value)))


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("plandiff.output", "templates"),
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def markdown_environment() -> jinja2.Environment:
    """The template environment whose ``{{ }}`` values are escaped for Markdown."""
    return _environment()


def render_markdown(comparison: Comparison) -> str:
    """The Markdown report of ``comparison``."""
    template = _environment().get_template("report.md.j2")
    text = template.render(view=build_view(comparison))
    # Blank-line runs come from optional sections; collapse them so output is tidy and stable.
    return BLANK_RUNS.sub("\n\n", text).rstrip("\n") + "\n"
