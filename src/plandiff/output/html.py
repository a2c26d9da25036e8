"""The HTML report: one self-contained, script-free page rendered from a ``Comparison``."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from plandiff.model.changes import Comparison
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
        _environment()
        .get_template("report.html.j2")
        .render(v=view, r=view.report, css=Markup(css), csp=content_security_policy(css))
    )


def stylesheet(view: HtmlView) -> str:
    """The page's CSS: the fixed stylesheet plus the topic-filter rules for this report."""
    fixed = resources.files("plandiff.output").joinpath("templates/report.css")
    rules = _environment().get_template("filters.css.j2").render(v=view)
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


# Control characters other than tab and newline are invalid in HTML text; browsers show
# them inconsistently, so they are shown as their escape instead. Bidirectional embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069) are shown as their code point too: even
# inside an isolating element (dir="auto") an override reverses the rest of its text, which
# can make a clause read as something else ("Trojan Source"). The marks LRM, RLM and ALM stay:
# right-to-left plan text needs them and they reorder nothing by themselves.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
_RETURNS = re.compile("\r\n?")
# Anything ``visible`` acts on, besides '::' and '##['; most text has none and is returned as
# it is. (One pattern with those two as alternatives was tried at every character: 60% slower.)
_ANY = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")


def _shown(char: str) -> str:
    code = ord(char)
    return f"<U+{code:04X}>" if char in _BIDI else f"\\x{code:02x}"


def visible(value: object) -> object:
    r"""Make every control character in plan text visible (jinja's ``finalize`` hook).

    >>> visible("a\x1b[2Jb\r\nc")
    'a\\x1b[2Jb\nc'
    >>> visible("pay \u202eevil")
    'pay <U+202E>evil'
    """
    if type(value) is not str or _clean(value):
        return value  # our own markup, a number, or (nearly always) clean text
    text = _RETURNS.sub("\n", value)
    text = _CONTROLS.sub(lambda m: _shown(m.group()), text)
    if _COMMANDS.search(text):
        # Printed to a CI log, a line of plan text starting '::' (or holding '##[') would be
        # read as a workflow command; a character reference looks the same in a browser.
        return Markup(_COMMANDS.sub(_reference, str(escape(text))))
    return text


def _clean(text: str) -> bool:
    """True when ``visible`` has nothing to do in ``text``."""
    # Every character _ANY matches is unprintable, and str.isprintable runs at C speed: this
    # halved the check on the long texts of a large report. The single-character searches are
    # cheap (memchr) and spare the slower two- and three-character ones on most text.
    if text.isprintable() or not _ANY.search(text):
        return not (":" in text and "::" in text) and not ("#" in text and "##[" in text)
    return False


# '::' at the start of a line, after any white space, and the older '##[' anywhere.
_COMMANDS = re.compile(r"(?:^|(?<=\n))[^\S\n]*:(?=:)|#(?=#\[)")


def _reference(match: re.Match[str]) -> str:
    text = match.group()
    return text[:-1] + f"&#{ord(text[-1])};"


@cache
def _environment() -> jinja2.Environment:
    # Autoescape everything, including the .css.j2 template: it only ever receives
    # numbered class names, and escaping there turns any slip into a visible error.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("plandiff.output", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=visible,
    )
