"""``render(record, fmt)``: one registry from (record type, format) to renderer, imported on use.

Every record plandiff prints -- a comparison, a provision's history, a synopsis, a lineage,
the results of ``validate`` -- is rendered through this table, so the CLI's ``--format``
choices, the inert JSON pass and the property tests all cover the same renderers.

>>> "markdown" in FORMATS
True
>>> formats("history")
('terminal', 'markdown', 'html', 'json')
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from plandiff.model.errors import UsageError
from plandiff.util.gcpause import gc_paused


@dataclass(frozen=True)
class Renderer:
    """Where one (record type, format) renderer lives; imported only when it is used.

    A ``json`` renderer returns the record's UTF-8 JSON *before* the inert pass, which
    ``render`` always applies (``plandiff.util.inert.json_bytes``): no JSON output can skip it.
    ``color`` renderers take ``color``, ``verbose`` and ``width`` keywords (a terminal's).
    """

    module: str
    function: str
    color: bool = False


# Record type -> the module and class of its record; ``render`` reads the type from the class.
RECORDS: dict[str, tuple[str, str]] = {
    "comparison": ("plandiff.model.changes", "Comparison"),
    "history": ("plandiff.model.lineage", "ProvisionHistory"),
    "synopsis": ("plandiff.model.lineage", "Synopsis"),
    "lineage": ("plandiff.model.lineage", "Lineage"),
    "validation": ("plandiff.model.validation", "Validation"),
}
_JSON = Renderer("plandiff.output.jsondoc", "document_bytes")
# Renderers are imported lazily so that a JSON report never pays for jinja2 and a terminal one
# never for the templates. Within a record type, the first format is the usual default.
REGISTRY: dict[tuple[str, str], Renderer] = {
    ("comparison", "terminal"): Renderer("plandiff.output.terminal", "render_terminal", True),
    ("comparison", "markdown"): Renderer("plandiff.output.markdown", "render_markdown"),
    ("comparison", "html"): Renderer("plandiff.output.html", "render_html"),
    ("comparison", "json"): _JSON,
    ("comparison", "github"): Renderer("plandiff.output.github", "render_github"),
    ("history", "terminal"): Renderer("plandiff.output.versions", "history_terminal"),
    ("history", "markdown"): Renderer("plandiff.output.versions", "history_markdown"),
    ("history", "html"): Renderer("plandiff.output.versions", "history_html"),
    ("history", "json"): _JSON,
    ("synopsis", "markdown"): Renderer("plandiff.output.versions", "synopsis_markdown"),
    ("synopsis", "html"): Renderer("plandiff.output.versions", "synopsis_html"),
    ("synopsis", "json"): _JSON,
    ("lineage", "text"): Renderer("plandiff.output.log", "log_text"),
    ("lineage", "json"): Renderer("plandiff.output.log", "lineage_json"),
    ("validation", "text"): Renderer("plandiff.output.validation", "validation_text"),
    ("validation", "json"): Renderer("plandiff.output.validation", "validation_json"),
}
# Values of ``--color``; plandiff.output.terminal.color_wanted resolves them.
COLOR_MODES = ("auto", "always", "never")


def formats(record: str) -> tuple[str, ...]:
    """The formats the registry has for ``record`` (a key of ``RECORDS``), in order."""
    return tuple(fmt for kind, fmt in REGISTRY if kind == record)


FORMATS: tuple[str, ...] = formats("comparison")
# Formats whose output can carry colour; the others ignore ``color``.
COLOR_FORMATS = frozenset(fmt for (_, fmt), r in REGISTRY.items() if r.color)


def record_type(record: object) -> str:
    """The key of ``RECORDS`` that ``record`` is an instance of."""
    for name, (module, cls) in RECORDS.items():
        # Only a record's own module can have made it, so one already imported is enough.
        loaded = import_module(module) if type(record).__module__ == module else None
        if loaded is not None and isinstance(record, getattr(loaded, cls)):
            return name
    raise TypeError(f"no renderer for a {type(record).__name__}")


def render(
    record: Any, fmt: str, *, color: bool = False, verbose: bool = False, width: int | None = None
) -> str:
    """Render ``record`` as ``fmt`` (one of ``formats(record_type(record))``).

    ``color``, ``verbose`` (every metadata change spelt out) and ``width`` (lines wrapped to
    that many columns) only affect formats that can carry colour: a terminal's.
    """
    data = _rendered(record, fmt, color=color, verbose=verbose, width=width)
    return data if isinstance(data, str) else data.decode("utf-8", "surrogatepass")


def render_bytes(
    record: Any, fmt: str, *, color: bool = False, verbose: bool = False, width: int | None = None
) -> bytes:
    """``render(record, fmt, ...)`` encoded as UTF-8 (JSON is made as bytes, and never
    decoded: 30 MB at 10,000 provisions)."""
    data = _rendered(record, fmt, color=color, verbose=verbose, width=width)
    return data.encode("utf-8") if isinstance(data, str) else data


def _rendered(
    record: Any, fmt: str, *, color: bool, verbose: bool = False, width: int | None = None
) -> str | bytes:
    kind = record_type(record)
    renderer = REGISTRY.get((kind, fmt))
    if renderer is None:
        choices = ", ".join(formats(kind))
        raise UsageError(f"unknown format {fmt!r}; choose one of: {choices}")
    function = getattr(import_module(renderer.module), renderer.function)
    with gc_paused():
        if fmt == "json":
            from plandiff.util.inert import json_bytes

            made: bytes = json_bytes(function(record))
            return made
        text: str = (
            function(record, color=color, verbose=verbose, width=width)
            if renderer.color
            else function(record)
        )
    return text
