"""The template environments: one per medium, shared by every record type's templates.

Each is autoescaped and finalizes every ``{{ value }}`` through its medium's function of
``plandiff.util.inert``, so a template cannot print plan text raw whichever record it shows.
"""

from __future__ import annotations

from functools import cache

import jinja2
from markupsafe import Markup

from plandiff.util.inert import html_text, markdown_link_target, markdown_text


class _Escaped(str):
    """Text already escaped for Markdown, which ``markupsafe.escape`` keeps as it is."""

    # A plain str subclass is made at C speed; Markup's own constructor is Python code, and
    # escape() makes a Markup of this anyway: one per value shown, 90,000 on a large report.
    __slots__ = ()

    def __html__(self) -> str:
        return self


def _markdown_value(value: object) -> str:
    # With autoescape on, jinja passes what this returns through markupsafe.escape; returning
    # text with __html__ makes Markdown escaping replace HTML escaping, and macro output
    # (already Markup) is not escaped twice.
    if isinstance(value, Markup):
        return value
    return _Escaped(markdown_text("" if value is None else str(value)))


def _link_target(url: str) -> Markup:
    # A source's address as a link destination (the view passes only http(s) ones). Markup,
    # so that the finalizer passes it as it is: it is already a safe destination.
    return Markup(markdown_link_target(url) or "")


def _environment(finalize: object) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("plandiff.output", "templates"),
        autoescape=True,
        finalize=finalize,  # type: ignore[arg-type]
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


@cache
def markdown_environment() -> jinja2.Environment:
    """The environment of every ``.md.j2`` template: values escaped for GitHub Markdown.

    Its one filter, ``link_target``, writes a source's address as a link destination.
    """
    environment = _environment(_markdown_value)
    environment.filters["link_target"] = _link_target
    return environment


@cache
def html_environment() -> jinja2.Environment:
    """The environment of every ``.html.j2`` and ``.css.j2`` template.

    Autoescaping covers the .css.j2 template too: it only ever receives numbered class names,
    and escaping there turns any slip into a visible error.
    """
    return _environment(html_text)
