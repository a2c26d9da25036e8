"""The terminal report, and the only place that decides on and writes colour (plain ANSI SGR).

Summary and headlines come first, then each changed provision with its redline. Without
colour, deletions read ``[-old-]`` and insertions ``{+new+}`` (as in ``git diff --word-diff``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from typing import TextIO

from plandiff.model.changes import Comparison
from plandiff.output.kinds import KIND_SIGNS
from plandiff.output.view import ReportView, RowView, Segment, SideView, build_view
from plandiff.util.inert import terminal_line as visible

# Style name -> SGR parameters. Every escape sequence plandiff writes comes from this table.
STYLES = {
    "heading": "1",
    "dim": "2",
    # Struck through and underlined as well as coloured, for readers who cannot tell red
    # from green and so that a deleted space still shows.
    "delete": "9;31",
    "insert": "4;32",
    "error": "1;31",
    "warning": "1;33",
    "info": "1;36",
    "kind": "1",
}
MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
SIGN_STYLES = {"+": "insert", "-": "delete", "?": "warning"}
PLURALS = {"error": "errors", "warning": "warnings", "info": "info"}


def color_wanted(
    mode: str, stream: TextIO | None, environ: Mapping[str, str] | None = None
) -> bool:
    """Resolve ``--color``: 'auto' colours a terminal, or any stream when FORCE_COLOR is set.

    NO_COLOR turns 'auto' off and wins over FORCE_COLOR; an explicit 'always' or 'never' beats
    both, as the two conventions ask of command-line flags. ``stream`` is None when the report
    goes to a file, which 'auto' never colours.

    >>> color_wanted("auto", None, {})
    False
    >>> import io; color_wanted("auto", io.StringIO(), {"FORCE_COLOR": "1"})
    True
    """
    if mode != "auto":
        return mode == "always"
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or stream is None:
        return False
    if env.get("FORCE_COLOR"):  # any non-empty value, as the FORCE_COLOR convention has it
        return True
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render_terminal(
    comparison: Comparison, *, color: bool = False, verbose: bool = False, width: int | None = None
) -> str:
    """The report as lines for a terminal; ``color`` adds ANSI styles.

    Metadata changes come last, as one line; ``verbose`` adds each of them and the whole
    note on a partial version. ``width`` wraps every line to that many columns, at spaces
    only; without it (a file, a pipe) each line is written whole. The last line repeats the
    counts and the worst headline, for a reader whose screen has scrolled past the top.
    """
    return _Writer(build_view(comparison), color, verbose).text(width)


class _Writer:
    """Accumulates lines; a helper object only to avoid threading ``color`` through every call."""

    def __init__(self, view: ReportView, color: bool, verbose: bool = False) -> None:
        self.view = view
        self.color = color
        self.verbose = verbose
        self.lines: list[str] = []
        self.hangs: dict[int, int] = {}  # line index -> indent of its continuations, if special

    def style(self, name: str, text: str) -> str:
        if not self.color or not text:
            return text
        return f"\x1b[{STYLES[name]}m{text}\x1b[0m"

    def text(self, width: int | None = None) -> str:
        view = self.view
        self.lines.append(self.style("heading", f"{_side(view.old)} → {_side(view.new)}"))
        self.lines.append(f"{view.total} provisions: {view.summary_line}")
        if view.facets_line:
            self.lines.append(f"Paired provisions: {view.facets_line}")
        if view.partial_notice:
            self.lines.append(self.style("warning", "Partial: ") + visible(view.partial_notice))
        self._headlines()
        if view.changed:
            self._section("Changes")
            for row in view.changed:
                self._row(row)
        if view.not_covered:
            self._section("Not covered")
            if view.not_covered_notice:
                self.lines.append("  " + view.not_covered_notice)
            for row in view.not_covered:
                self._unknown(row)
        if view.unchanged:
            numbers = ", ".join(visible(r.label) for r in view.unchanged)
            self._section(f"Unchanged: {view.unchanged_summary}")
            self.lines.append(f"  {numbers}")
        self._metadata()
        self._closing()
        if width is not None:
            return self._wrapped(width)
        return "\n".join(self.lines) + "\n"

    def _wrapped(self, width: int) -> str:
        from plandiff.output.wrap import wrap

        out: list[str] = []
        for index, line in enumerate(self.lines):
            hang = self.hangs.get(index)
            if hang is None:  # continuations line up under the line's own text
                hang = (len(line) - len(line.lstrip(" "))) or 2
            out.extend(wrap(line, width, min(hang, width // 3)))  # narrow: a smaller indent
        return "\n".join(out) + "\n"

    def _closing(self) -> None:
        view = self.view
        said = [view.summary_line]
        if view.headlines:
            tally = Counter(h.severity for h in view.headlines)
            kinds = ", ".join(f"{n} {PLURALS[sev] if n > 1 else sev}" for sev, n in tally.items())
            worst = view.headlines[0]
            label = self.style(worst.severity, worst.severity_label.upper())
            said.append(
                f"{len(view.headlines)} headline{'' if len(view.headlines) == 1 else 's'} "
                f"({kinds}), worst: {label} {visible(worst.provision)} {visible(worst.message)}"
            )
        else:
            said.append("no headlines")
        self.lines.append("")
        self.lines.append(self.style("heading", "In all: ") + "; ".join(said))
        self.hangs[len(self.lines) - 1] = 2

    def _section(self, title: str) -> None:
        self.lines.append("")
        self.lines.append(self.style("heading", title))

    def _headlines(self) -> None:
        if not self.view.headlines:
            return
        self._section("Headlines")
        width = max(len(h.provision) for h in self.view.headlines)
        for h in self.view.headlines:
            figures = f" [{h.figures}]" if h.figures else ""
            label = self.style(h.severity, f"{h.severity_label.upper():<7}")
            where = visible(h.provision).ljust(width)
            self.lines.append(f"  {label}  {where}  {visible(h.message)}{visible(figures)}")
            self.hangs[len(self.lines) - 1] = 13 + len(where)  # under the message

    def _metadata(self) -> None:
        view = self.view
        self.lines.append("")
        summary = visible(view.metadata_summary) if view.metadata_summary else "none"
        hint = " (--verbose for details)" if view.metadata and not self.verbose else ""
        self.lines.append(
            self.style("heading", "Metadata changes: ") + summary + self.style("dim", hint)
        )
        if not self.verbose:
            return
        if view.partial_details:
            self.lines.append("  " + visible(view.partial_details))
        for m in view.metadata:
            old = visible(m.old_short) if m.old_short is not None else "—"
            new = visible(m.new_short) if m.new_short is not None else "—"
            self.lines.append(f"  {visible(m.path)} ({m.change}): {old} → {new}")

    def _row(self, row: RowView) -> None:
        sign = KIND_SIGNS[row.kind]
        mark = self.style(SIGN_STYLES.get(sign, "kind"), sign)
        details = visible(" · ".join(filter(None, [row.kind_label.lower(), row.summary])))
        heading = f" {visible(row.heading)}" if row.heading else ""
        label = self.style("kind", visible(row.label))
        self.lines.append(f"{mark} {label}{heading}  {self.style('dim', details)}")
        self.hangs[len(self.lines) - 1] = 4
        if row.note:
            self.lines.append("    " + self.style("dim", f"note: {visible(row.note)}"))
        self.lines.append("    " + self._redline(row.segments))
        for sp in row.subpoints:
            indent = "    " + "  " * (sp.depth + 1)
            self.lines.append(f"{indent}{visible(sp.title)} {self._redline(sp.segments)}")

    def _unknown(self, row: RowView) -> None:
        # Not covered: the old wording, unmarked, since nothing is known to have changed.
        heading = f" {visible(row.heading)}" if row.heading else ""
        mark = self.style("warning", KIND_SIGNS[row.kind])
        self.lines.append(f"{mark} {self.style('kind', visible(row.old_label or ''))}{heading}")
        self.lines.append(f"    {visible(row.old_text)}")
        for sp in row.subpoints:
            if sp.old_label is not None:
                indent = "    " + "  " * (sp.depth + 1)
                self.lines.append(f"{indent}({visible(sp.old_label)}) {visible(sp.old_text)}")

    def _redline(self, segments: tuple[Segment, ...]) -> str:
        if len(segments) == 1 and segments[0].op == "equal":  # most rows of a large report
            return visible(segments[0].text)
        parts = []
        for seg in segments:
            text = visible(seg.text)
            if seg.op == "equal":
                parts.append(text)
            elif self.color:
                parts.append(self.style(seg.op, text))
            else:
                start, end = MARKS[seg.op]
                parts.append(f"{start}{text}{end}")
        return "".join(parts)


def _side(side: SideView) -> str:
    partial = ", partial" if side.is_partial else ""
    return visible(f"{side.version} ({side.date}{partial})")
