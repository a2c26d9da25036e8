"""``render(comparison, fmt)``: one table from format name to renderer, each imported on use.

>>> "markdown" in FORMATS
True
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from plandiff.model.errors import UsageError
from plandiff.util.gcpause import gc_paused

if TYPE_CHECKING:
    from plandiff.model.changes import Comparison

# Format name -> (module, function). Renderers are imported lazily so that a JSON report
# never pays for jinja2 and a terminal one never for the templates.
RENDERERS: dict[str, tuple[str, str]] = {
    "terminal": ("plandiff.output.terminal", "render_terminal"),
    "markdown": ("plandiff.output.markdown", "render_markdown"),
    "html": ("plandiff.output.html", "render_html"),
    "json": ("plandiff.output.jsondoc", "render_json"),
    "github": ("plandiff.output.github", "render_github"),
}
FORMATS: tuple[str, ...] = tuple(RENDERERS)
# Renderers that write UTF-8 bytes themselves: a report written to a file or a pipe skips the
# round trip through str (decoding and encoding 30 MB of JSON at 10,000 provisions).
BYTE_RENDERERS: dict[str, tuple[str, str]] = {
    "json": ("plandiff.output.jsondoc", "render_json_bytes"),
}
# Formats whose output can carry colour, and the details of ``verbose``; the others ignore both.
COLOR_FORMATS = frozenset({"terminal"})
# Values of ``--color``; plandiff.output.terminal.color_wanted resolves them.
COLOR_MODES = ("auto", "always", "never")


def render(
    comparison: Comparison,
    fmt: str,
    *,
    color: bool = False,
    verbose: bool = False,
    width: int | None = None,
) -> str:
    """Render ``comparison`` as ``fmt`` (one of ``FORMATS``).

    ``color``, ``verbose`` (every metadata change spelt out) and ``width`` (lines wrapped to
    that many columns) only affect terminals.
    """
    try:
        module_name, function_name = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    function = getattr(import_module(module_name), function_name)
    with gc_paused():
        text: str = (
            function(comparison, color=color, verbose=verbose, width=width)
            if fmt in COLOR_FORMATS
            else function(comparison)
        )
    return text


def render_bytes(
    comparison: Comparison,
    fmt: str,
    *,
    color: bool = False,
    verbose: bool = False,
    width: int | None = None,
) -> bytes:
    """``render(comparison, fmt, ...)`` with the same options, encoded as UTF-8."""
    if fmt not in BYTE_RENDERERS:
        return render(comparison, fmt, color=color, verbose=verbose, width=width).encode("utf-8")
    module_name, function_name = BYTE_RENDERERS[fmt]
    function = getattr(import_module(module_name), function_name)
    with gc_paused():
        data: bytes = function(comparison)
    return data
