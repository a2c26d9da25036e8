"""Render a provision's history (terminal, Markdown, HTML, JSON) and the N-column synopsis."""

from __future__ import annotations

from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from plandiff.model.errors import UsageError
from plandiff.model.lineage import ProvisionHistory, Synopsis
from plandiff.output.html import content_security_policy
from plandiff.output.jsondoc import document_bytes
from plandiff.output.markdown import BLANK_RUNS
from plandiff.output.versions_view import (
    HistoryView,
    StepView,
    VersionView,
    history_view,
    synopsis_view,
)
from plandiff.output.view import Segment
from plandiff.util.inert import markdown_text
from plandiff.util.inert import terminal_line as visible

HISTORY_FORMATS = ("terminal", "markdown", "html", "json")
SYNOPSIS_FORMATS = ("markdown", "html", "json")


def render_history(history: ProvisionHistory, fmt: str = "terminal") -> str:
    """``history`` as one of ``HISTORY_FORMATS``."""
    if fmt == "json":
        return document_bytes(history).decode("utf-8")
    if fmt == "terminal":
        return _terminal(history_view(history))
    if fmt in ("markdown", "html"):
        return _page(fmt, "history", history_view(history))
    raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(HISTORY_FORMATS)}")


def render_synopsis(synopsis: Synopsis, fmt: str = "markdown") -> str:
    """``synopsis`` as one of ``SYNOPSIS_FORMATS``."""
    if fmt == "json":
        return document_bytes(synopsis).decode("utf-8")
    if fmt in ("markdown", "html"):
        return _page(fmt, "synopsis", synopsis_view(synopsis))
    raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(SYNOPSIS_FORMATS)}")


def _page(fmt: str, name: str, view: object) -> str:
    if fmt == "markdown":
        text = _markdown().get_template(f"{name}.md.j2").render(v=view)
        return BLANK_RUNS.sub("\n\n", text).rstrip("\n") + "\n"
    css = resources.files("plandiff.output").joinpath("templates/lineage.css")
    style = css.read_text(encoding="utf-8")
    page = (
        _html()
        .get_template(f"{name}.html.j2")
        .render(v=view, css=Markup(style), csp=content_security_policy(style))
    )
    return page.rstrip("\n") + "\n"


def _finalize(value: object) -> Markup:
    # Markdown escaping replaces HTML escaping; macro output is already Markup.
    if isinstance(value, Markup):
        return value
    return Markup(markdown_text("" if value is None else str(value)))


def _environment(**extra: object) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("plandiff.output", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        **extra,  # type: ignore[arg-type]
    )


@cache
def _markdown() -> jinja2.Environment:
    return _environment(finalize=_finalize)


@cache
def _html() -> jinja2.Environment:
    return _environment()


def _terminal(view: HistoryView) -> str:
    lines = [visible(view.title), " → ".join(_version(v) for v in view.versions)]
    for row in view.rows:
        lines += ["", visible(row.label)]
        for step in row.steps:
            lines += _step(step)
    return "\n".join(lines) + "\n"


def _version(v: VersionView) -> str:
    partial = ", partial" if v.is_partial else ""
    return f"{visible(v.id)} ({v.date}{partial})"


def _step(step: StepView) -> list[str]:
    v = step.version
    partial = " · partial text" if v.is_partial else ""
    lines = [f"  {visible(v.id)} · {visible(v.version)} · {v.date}{partial}"]
    for event in step.events:
        lines.append(f"    {event.kind_label}: {visible(event.summary)}")
        lines += [f"      {visible(f)}" for f in (*event.figures, *event.findings)]
        if event.note:
            lines.append(f"      note: {visible(event.note)}")
        if event.segments:
            lines.append(f"      changes: {_redline(event.segments)}")
        for sub in event.subpoints:
            indent = "      " + "  " * sub.depth
            lines.append(f"{indent}{visible(sub.label)}: {_redline(sub.segments)}")
    if step.numbers:
        heading = f" [{visible(step.heading)}]" if step.heading else ""
        lines.append(f"    {visible(step.numbers)}.{heading} {visible(step.text)}")
        for sub in step.subpoints:
            indent = "      " + "   " * sub.depth
            lines.append(f"{indent}{visible(sub.label)}. {_redline(sub.segments)}")
    else:
        lines.append(f"    ({step.absence[0].lower()}{step.absence[1:].rstrip('.')})")
    return lines


def _redline(segments: tuple[Segment, ...]) -> str:
    """git's word-diff notation: [-deleted-] and {+inserted+}."""
    marks = {"delete": ("[-", "-]"), "insert": ("{+", "+}"), "equal": ("", "")}
    return "".join(f"{marks[s.op][0]}{visible(s.text)}{marks[s.op][1]}" for s in segments)
