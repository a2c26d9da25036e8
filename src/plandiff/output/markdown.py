"""The GitHub-flavoured Markdown report, for pull requests and for ``reports/``.

Every value the template prints passes through ``markdown_text`` (``plandiff.util.inert``), the
Markdown counterpart of HTML autoescaping, so plan text can never become HTML, a link, an image,
a mention, a table break or the end of a ``<details>`` block.
"""

from __future__ import annotations

import re

from plandiff.model.changes import Comparison
from plandiff.output.environments import markdown_environment
from plandiff.output.view import build_view

# Three or more line breaks. Spelt with a literal prefix so that the regex engine looks for
# it with a fast string search: r"\n{3,}" took 6x longer over a report of 7 MB.
BLANK_RUNS = re.compile("\n\n\n+")


def render_markdown(comparison: Comparison) -> str:
    """The Markdown report of ``comparison``."""
    template = markdown_environment().get_template("report.md.j2")
    text = template.render(view=build_view(comparison))
    # Blank-line runs come from optional sections; collapse them so output is tidy and stable.
    return BLANK_RUNS.sub("\n\n", text).rstrip("\n") + "\n"
