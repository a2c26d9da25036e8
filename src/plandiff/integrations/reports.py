"""The reports folder: one Markdown and one HTML report per parent → child pair, plus an index.

Building the files is a pure function of the library (``planned_reports``); ``check_reports``
and ``write_reports`` compare them with what is on disk, byte for byte, so an unchanged
report is never rewritten and CI can tell a stale one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from plandiff.documents.atomic import write_atomic
from plandiff.documents.library import Library, lineage
from plandiff.model.changes import ChangeKind, Comparison
from plandiff.model.lineage import LineageNode
from plandiff.model.options import CompareOptions
from plandiff.output import render
from plandiff.output.markdown import md_escape
from plandiff.pipeline.compare import compare

REPORT_NAME = re.compile(r"^[a-z0-9._-]+--[a-z0-9._-]+\.(?:md|html)$")
INDEX = "README.md"


@dataclass(frozen=True)
class ReportFile:
    """A file the reports folder should hold: its name inside the folder and its text."""

    name: str
    text: str


@dataclass(frozen=True)
class Status:
    """How the folder differs from the plan: names missing, stale and no longer wanted."""

    missing: tuple[str, ...]
    stale: tuple[str, ...]
    obsolete: tuple[str, ...]

    @property
    def up_to_date(self) -> bool:
        return not (self.missing or self.stale or self.obsolete)


def planned_reports(
    library: Library, *, options: CompareOptions | None = None
) -> tuple[ReportFile, ...]:
    """Every report the library calls for, and the index that links them, in a fixed order."""
    files: list[ReportFile] = []
    comparisons: dict[str, Comparison] = {}
    for old, new in library.pairs():
        comparison = compare(old.plan, new.plan, options=options or CompareOptions())
        stem = f"{old.plan.id}--{new.plan.id}"
        comparisons[new.plan.id] = comparison
        files.append(ReportFile(f"{stem}.md", render(comparison, "markdown")))
        files.append(ReportFile(f"{stem}.html", render(comparison, "html")))
    files.append(ReportFile(INDEX, _index(library, comparisons)))
    return tuple(files)


def check_reports(folder: Path, files: tuple[ReportFile, ...]) -> Status:
    """Compare the planned files with ``folder`` without writing anything."""
    missing, stale = [], []
    for item in files:
        path = folder / item.name
        if not path.is_file():
            missing.append(item.name)
        elif path.read_bytes() != item.text.encode("utf-8"):
            stale.append(item.name)
    return Status(tuple(missing), tuple(stale), _obsolete(folder, files))


def write_reports(
    folder: Path, files: tuple[ReportFile, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Write the files that are missing or differ (atomically): (names written, names removed).

    Reports of pairs that are no longer in the lineage are removed.
    """
    status = check_reports(folder, files)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for item in files:
        if item.name in status.missing or item.name in status.stale:
            write_atomic(folder / item.name, item.text)
            written.append(item.name)
    for name in status.obsolete:
        (folder / name).unlink()
    return tuple(written), status.obsolete


def _obsolete(folder: Path, files: tuple[ReportFile, ...]) -> tuple[str, ...]:
    if not folder.is_dir():
        return ()
    wanted = {item.name for item in files}
    present = sorted(p.name for p in folder.iterdir() if REPORT_NAME.match(p.name))
    return tuple(name for name in present if name not in wanted)


def _index(library: Library, comparisons: dict[str, Comparison]) -> str:
    lines = [
        "# Change reports",
        "",
        f"One report per version and the version it revises, made by `plandiff report` from "
        f"the plans in `{md_escape(Path(library.folder).name or library.folder)}/`. "
        "Do not edit these files: change the plans and run `plandiff report` again.",
        "",
    ]
    for root in lineage(library).roots:
        _entry(root, None, comparisons, 0, lines)
    return "\n".join(lines) + "\n"


def _entry(
    node: LineageNode,
    parent: str | None,
    comparisons: dict[str, Comparison],
    depth: int,
    lines: list[str],
) -> None:
    plan = node.plan
    facts = (
        f"{md_escape(plan.version)}, {plan.date.isoformat()}, {plan.completeness.value}, "
        f"{plan.provision_count} provisions"
    )
    line = f"{'  ' * depth}- **{md_escape(plan.id)}**: {facts}"
    if parent is not None:
        stem = f"{parent}--{plan.id}"
        line += f" · changes: [Markdown]({stem}.md), [HTML]({stem}.html)"
        line += f" ({_counts(comparisons[plan.id])})"
    lines.append(line)
    for child in node.children:
        _entry(child, plan.id, comparisons, depth + 1, lines)


def _counts(comparison: Comparison) -> str:
    said = [
        f"{c.count} {c.kind.value}"
        for c in comparison.counts
        if c.count and c.kind is not ChangeKind.UNCHANGED
    ]
    return ", ".join(said) or "no changes"
