"""The HTML report: one self-contained, script-free page rendered from a ``Comparison``."""

from __future__ import annotations

import base64
import hashlib
from importlib import resources

from markupsafe import Markup

from plandiff.model.changes import Comparison
from plandiff.output.environments import html_environment
from plandiff.output.html_view import HtmlView, html_view


def render_html(comparison: Comparison) -> str:
    """Render ``comparison`` as one HTML document with its stylesheet inlined.

    The page loads nothing: its Content-Security-Policy allows only the one inline
    stylesheet (by hash) and ``data:`` images, so even a hostile plan text that escaped
    autoescaping could neither run a script nor reach the network.
    """
    view = html_view(comparison)
    css = stylesheet(view)
    return (
        html_environment()
        .get_template("report.html.j2")
        .render(v=view, r=view.report, css=Markup(css), csp=content_security_policy(css))
    )


def stylesheet(view: HtmlView) -> str:
    """The page's CSS: the fixed stylesheet plus the topic-filter rules for this report."""
    fixed = resources.files("plandiff.output").joinpath("templates/report.css")
    rules = html_environment().get_template("filters.css.j2").render(v=view)
    return fixed.read_text(encoding="utf-8") + rules


def content_security_policy(css: str) -> str:
    """A policy that admits exactly ``css`` as the page's only style and no script at all."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"style-src 'sha256-{digest}'; "
        "img-src data:; "
        "base-uri 'none'; "
        "form-action 'none'"
    )
