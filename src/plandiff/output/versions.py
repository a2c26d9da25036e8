"""Render a provision's history (terminal, Markdown, HTML, JSON) and the N-column synopsis."""

from __future__ import annotations

from importlib import resources

from markupsafe import Markup

from plandiff.model.lineage import ProvisionHistory, Synopsis
from plandiff.output.environments import html_environment, markdown_environment
from plandiff.output.html import content_security_policy
from plandiff.output.markdown import BLANK_RUNS
from plandiff.output.versions_view import (
    HistoryView,
    StepView,
    VersionView,
    history_view,
    synopsis_view,
)
from plandiff.output.view import Segment
from plandiff.util.inert import terminal_line as visible


def render_history(history: ProvisionHistory, fmt: str = "terminal") -> str:
    """``history`` as one of the formats the registry has for it (``plandiff.output``)."""
    from plandiff.output import render

    return render(history, fmt)


def render_synopsis(synopsis: Synopsis, fmt: str = "markdown") -> str:
    """``synopsis`` as one of the formats the registry has for it (``plandiff.output``)."""
    from plandiff.output import render

    return render(synopsis, fmt)


def history_terminal(history: ProvisionHistory) -> str:
    """The history as plain lines for a terminal, changes in git's word-diff notation."""
    return _terminal(history_view(history))


def history_markdown(history: ProvisionHistory) -> str:
    """The history as a Markdown page."""
    return _page("markdown", "history", history_view(history))


def history_html(history: ProvisionHistory) -> str:
    """The history as a self-contained HTML page."""
    return _page("html", "history", history_view(history))


def synopsis_markdown(synopsis: Synopsis) -> str:
    """The synopsis as a Markdown table, one column per version."""
    return _page("markdown", "synopsis", synopsis_view(synopsis))


def synopsis_html(synopsis: Synopsis) -> str:
    """The synopsis as a self-contained HTML page."""
    return _page("html", "synopsis", synopsis_view(synopsis))


def _page(fmt: str, name: str, view: object) -> str:
    if fmt == "markdown":
        text = markdown_environment().get_template(f"{name}.md.j2").render(v=view)
        return BLANK_RUNS.sub("\n\n", text).rstrip("\n") + "\n"
    css = resources.files("plandiff.output").joinpath("templates/lineage.css")
    style = css.read_text(encoding="utf-8")
    page = (
        html_environment()
        .get_template(f"{name}.html.j2")
        .render(v=view, css=Markup(style), csp=content_security_policy(style))
    )
    return page.rstrip("\n") + "\n"


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
