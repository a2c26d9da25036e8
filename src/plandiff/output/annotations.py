"""Findings as GitHub workflow commands (``::error file=…,title=…::message``), worst first.

GitHub reads a workflow command only at the start of a line. Every value is escaped by the
runner's rules (``%``, CR and LF in the message; also ``:`` and ``,`` in properties), so plan
text can neither end the command early nor start a line of its own.

(``plandiff.util.inert.workflow_data`` and ``workflow_property``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from plandiff.model.changes import Comparison, Finding
from plandiff.model.vocabulary import SEVERITY_RANK, Severity
from plandiff.output.view import row_label
from plandiff.util.inert import terminal_line, workflow_data, workflow_property

DEFAULT_LIMIT = 50  # GitHub shows at most 50 annotations of a step
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_annotations(
    items: Sequence[tuple[Comparison, str]],
    *,
    limit: int = DEFAULT_LIMIT,
    lines: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> str:
    """One line per finding of each (comparison, new plan file), worst first, at most ``limit``.

    ``lines`` gives, per file, the (first, last) line of each provision in it; an annotation
    then carries ``line`` and ``endLine`` of the provision it is about, so that GitHub shows
    it on that provision in the file's diff (a removed provision has no line in the new file).
    A last ``::notice::`` line says how many findings were left out.
    """
    found: list[tuple[Finding, str, str, str, tuple[int, int] | None]] = []
    for comparison, path in items:
        labels = {c.id: row_label(c) for c in comparison.changes}
        spans = (lines or {}).get(path, ())
        where = {
            c.id: spans[c.new[0].position]
            for c in comparison.changes
            if c.new and c.new[0].position < len(spans)
        }
        pair = f"{comparison.old.id} → {comparison.new.id}"
        for finding in comparison.findings:
            label = labels.get(finding.change_id, finding.change_id)
            found.append((finding, path, pair, label, where.get(finding.change_id)))
    # Stable: within one severity, comparisons and findings keep their order.
    found.sort(key=lambda item: SEVERITY_RANK[item[0].severity])
    commands = [_line(*item) for item in found[:limit]]
    if len(found) > limit:
        left = len(found) - limit
        commands.append(
            f"::notice title=plandiff::{left} more finding{'' if left == 1 else 's'} "
            "not annotated; see the job summary and the HTML reports"
        )
    return "".join(line + "\n" for line in commands)


def _line(
    finding: Finding, path: str, pair: str, provision: str, span: tuple[int, int] | None
) -> str:
    title = f"plandiff {finding.rule}: provision {provision} ({pair})"
    # terminal_line() puts the text on one line with controls shown, so the log stays readable.
    place = f",line={span[0]},endLine={span[1]}" if span else ""
    properties = (
        f"file={workflow_property(terminal_line(path))}{place},"
        f"title={workflow_property(terminal_line(title))}"
    )
    message = workflow_data(terminal_line(finding.message))
    return f"::{COMMANDS[finding.severity]} {properties}::{message}"
