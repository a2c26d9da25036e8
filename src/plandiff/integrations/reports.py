"""The reports folder: one Markdown and one HTML report per parent → child pair, plus an index.

Building the files is a pure function of the library (``planned_reports``); ``check_reports``
and ``write_reports`` compare them with what is on disk, byte for byte, so an unchanged
report is never rewritten and CI can tell a stale one.

The folder may hold other files (``report --out docs``), so a manifest, ``.plandiff-manifest``,
lists what ``plandiff report`` wrote there: only those files are ever replaced or removed. A
file of the right name that the manifest does not list is taken over only when it already
holds the very bytes the report would write; otherwise the run refuses and touches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from plandiff.documents.atomic import write_atomic
from plandiff.documents.library import Entry, Library
from plandiff.model.changes import ChangeKind, Comparison
from plandiff.model.errors import UsageError
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Plan
from plandiff.output import render
from plandiff.pipeline.compare import compare
from plandiff.pipeline.settings import Settings, options_for
from plandiff.util.inert import file_name, markdown_text

# The characters of a report's name. The "--" between the two ids is looked for apart: in one
# pattern, "[a-z0-9._-]+--[a-z0-9._-]+" tried every "--" of a line such as "a--a--a--…"
# against every split of the rest, quadratic in a manifest line.
_NAME_CHARS = re.compile(r"[a-z0-9._-]+")
INDEX = "README.md"
MAX_LIST_DEPTH = 16
MANIFEST = ".plandiff-manifest"
_MANIFEST_HEAD = (
    "# Written by `plandiff report`, which replaces or removes only the files listed here.\n"
)
_MANIFEST_LIMIT = 1024 * 1024  # bytes read of a manifest: names of a few thousand reports


@dataclass(frozen=True)
class ReportFile:
    """A file the reports folder should hold: its name inside the folder and its text."""

    name: str
    text: str


@dataclass(frozen=True)
class Status:
    """How the folder differs from the plan: names missing, stale and no longer wanted, and
    names the report would write over files that plandiff did not write (``foreign``)."""

    missing: tuple[str, ...]
    stale: tuple[str, ...]
    obsolete: tuple[str, ...]
    foreign: tuple[str, ...] = ()

    @property
    def up_to_date(self) -> bool:
        return not (self.missing or self.stale or self.obsolete or self.foreign)


def planned_reports(
    library: Library, *, options: CompareOptions | Settings | None = None
) -> tuple[ReportFile, ...]:
    """Every report the library calls for, and the index that links them, in a fixed order."""
    files: list[ReportFile] = []
    comparisons: dict[str, Comparison] = {}
    for old, new in library.pairs():
        comparison = compare(old.plan, new.plan, options=options_for(options, old.plan, new.plan))
        stem = f"{old.plan.id}--{new.plan.id}"
        comparisons[new.plan.id] = comparison
        files.append(ReportFile(f"{stem}.md", render(comparison, "markdown")))
        files.append(ReportFile(f"{stem}.html", render(comparison, "html")))
    files.append(ReportFile(INDEX, _index(library, comparisons)))
    files.append(ReportFile(MANIFEST, _manifest_text(item.name for item in files)))
    return tuple(files)


def check_reports(folder: Path, files: tuple[ReportFile, ...]) -> Status:
    """Compare the planned files with ``folder`` without writing anything.

    Raises ``UsageError`` when the folder's manifest names anything but a report of the
    folder itself.
    """
    owned = _owned(folder)
    missing, stale, foreign = [], [], []
    for item in files:
        path = folder / item.name
        if not path.is_file():
            if item.name not in owned and (path.exists() or path.is_symlink()):
                foreign.append(item.name)  # a directory, a FIFO, a dangling link
            else:
                missing.append(item.name)
        elif path.read_bytes() == item.text.encode("utf-8"):
            continue
        elif item.name in owned or item.name == MANIFEST:
            stale.append(item.name)
        else:
            foreign.append(item.name)
    wanted = {item.name for item in files}
    obsolete = [
        name
        for name in sorted(owned - wanted)
        if (folder / name).is_file() or (folder / name).is_symlink()
    ]
    return Status(tuple(missing), tuple(stale), tuple(obsolete), tuple(foreign))


def write_reports(
    folder: Path, files: tuple[ReportFile, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Write the files that are missing or differ (atomically): (names written, names removed).

    Reports the manifest lists that are no longer pairs of the lineage are removed. A file
    plandiff did not write is never replaced: the run stops first with a ``UsageError``.
    """
    status = check_reports(folder, files)
    if status.foreign:
        name = file_name(str(folder / status.foreign[0]))
        more = f" (and {len(status.foreign) - 1} more)" if len(status.foreign) > 1 else ""
        raise UsageError(
            f"{name}: not written by plandiff report (not in its {MANIFEST}){more}; "
            "move it away or choose another --out"
        )
    folder.mkdir(parents=True, exist_ok=True)
    owned = _owned(folder)
    todo = set(status.missing) | set(status.stale)
    changed = [item for item in files if item.name in todo and item.name != MANIFEST]
    # Claim a new file in the manifest before creating it, and drop a removed one only after
    # removing it, so that an interrupted run leaves no file of its own unlisted.
    claimed = owned | {item.name for item in changed}
    if claimed != owned:
        write_atomic(folder / MANIFEST, _manifest_text(claimed))
    written = []
    for item in changed:
        write_atomic(folder / item.name, item.text)
        written.append(item.name)
    for name in status.obsolete:
        (folder / name).unlink()
    final = next(item for item in files if item.name == MANIFEST)
    if MANIFEST in todo or claimed != owned or status.obsolete:
        write_atomic(folder / MANIFEST, final.text)
        written.append(MANIFEST)
    return tuple(written), status.obsolete


def _manifest_text(names: Iterable[str]) -> str:
    return _MANIFEST_HEAD + "".join(f"{name}\n" for name in sorted(set(names) - {MANIFEST}))


def _owned(folder: Path) -> set[str]:
    """The names the folder's manifest lists (none without one), each checked to be a
    report or the index of this very folder: a manifest cannot aim anywhere else."""
    path = folder / MANIFEST
    if not path.is_file():
        return set()
    shown = file_name(str(path))
    with path.open("rb") as handle:
        data = handle.read(_MANIFEST_LIMIT + 1)
    if len(data) > _MANIFEST_LIMIT:
        raise UsageError(f"{shown}: larger than {_MANIFEST_LIMIT:,} bytes; not a manifest")
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise UsageError(f"{shown}: not UTF-8 text; not a manifest") from None
    owned = set()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line != INDEX and not is_report_name(line):
            raise UsageError(
                f"{shown}:{number}: not the name of a report in this folder; "
                "refusing to replace or remove anything"
            )
        owned.add(line)
    return owned


def is_report_name(name: str) -> bool:
    """Whether ``name`` is what ``report`` calls a report: ``OLD--NEW.md`` or ``.html``.

    >>> is_report_name("a--b.md"), is_report_name("a--.md"), is_report_name("a-b.html")
    (True, False, False)
    """
    stem, _, suffix = name.rpartition(".")
    # Both ids non-empty: a "--" after the first character that leaves one after it.
    split = stem.find("--", 1)
    return (
        suffix in ("md", "html")
        and _NAME_CHARS.fullmatch(stem) is not None
        and 0 < split <= len(stem) - 3
    )


def _index(library: Library, comparisons: dict[str, Comparison]) -> str:
    lines = [
        "# Change reports",
        "",
        f"One report per version and the version it revises, made by `plandiff report` from "
        f"the plans in `{markdown_text(Path(library.folder).name or library.folder)}/`. "
        "Do not edit these files: change the plans and run `plandiff report` again.",
        "",
    ]
    for entry, parent, depth in library.walk():
        lines.append(_entry(entry.plan, parent, comparisons, depth))
    return "\n".join(lines) + "\n"


def _entry(plan: Plan, parent: Entry | None, comparisons: dict[str, Comparison], depth: int) -> str:
    facts = (
        f"{markdown_text(plan.version)}, {plan.date.isoformat()}, {plan.completeness.value}, "
        f"{len(plan.provisions)} provisions"
    )
    # Nested lists stop deepening at MAX_LIST_DEPTH: the index of a lineage thousands of
    # versions deep stays linear in size and within what Markdown renderers nest.
    line = f"{'  ' * min(depth, MAX_LIST_DEPTH)}- **{markdown_text(plan.id)}**: {facts}"
    if parent is not None:
        stem = f"{parent.plan.id}--{plan.id}"
        line += f" · changes: [Markdown]({stem}.md), [HTML]({stem}.html)"
        line += f" ({_counts(comparisons[plan.id])})"
    return line


def _counts(comparison: Comparison) -> str:
    said = [
        f"{c.count} {c.kind.value}"
        for c in comparison.counts
        if c.count and c.kind is not ChangeKind.UNCHANGED
    ]
    return ", ".join(said) or "no changes"
