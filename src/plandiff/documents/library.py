"""A plan library: a folder of plan files indexed by id, linked into lineages by their parents."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from plandiff.model.changes import PlanInfo
from plandiff.model.errors import PlanError, UsageError
from plandiff.model.lineage import Lineage, LineageNode
from plandiff.model.plan import SLUG, Plan
from plandiff.util import inputs

DEFAULT_FOLDER = "plans"
# Suffixes of the documents plandiff reads: a missing name ending so is a missing file.
DOCUMENT_SUFFIXES = frozenset(
    {".json", ".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One plan of the library and the file it came from (as named under the folder)."""

    path: str
    plan: Plan


@dataclass(frozen=True, slots=True, kw_only=True)
class Library:
    """Every plan of a folder, sorted by id; parent links are checked when it is opened."""

    folder: str
    entries: tuple[Entry, ...]

    def get(self, plan_id: str) -> Entry:
        """The plan with this id, or a ``UsageError`` naming the folder."""
        for entry in self.entries:
            if entry.plan.id == plan_id:
                return entry
        raise UsageError(f"{plan_id}: no plan with this id in {self.folder}/")

    def children(self, plan_id: str) -> tuple[Entry, ...]:
        """The versions whose parent is ``plan_id``, oldest first."""
        found = [e for e in self.entries if e.plan.parent == plan_id]
        return tuple(sorted(found, key=lambda e: (e.plan.date, e.plan.id)))

    def chain(self, plan_id: str) -> tuple[Entry, ...]:
        """The versions from the lineage's first one down to ``plan_id``."""
        entries = [self.get(plan_id)]
        while (parent := entries[-1].plan.parent) is not None:
            entries.append(self.get(parent))
        return tuple(reversed(entries))

    def pairs(self) -> tuple[tuple[Entry, Entry], ...]:
        """Every parent → child pair, in the order of the lineage tree."""
        found: list[tuple[Entry, Entry]] = []

        def walk(entry: Entry) -> None:
            for child in self.children(entry.plan.id):
                found.append((entry, child))
                walk(child)

        for root in self.roots():
            walk(root)
        return tuple(found)

    def roots(self) -> tuple[Entry, ...]:
        found = [e for e in self.entries if e.plan.parent is None]
        return tuple(sorted(found, key=lambda e: (e.plan.date, e.plan.id)))

    def newest(self) -> Entry:
        """The latest version without children (ties broken by id): history's default end."""
        leaves = [e for e in self.entries if not self.children(e.plan.id)]
        return max(leaves, key=lambda e: (e.plan.date, e.plan.id))


def open_library(folder: str = DEFAULT_FOLDER) -> Library:
    """Load every ``*.json`` plan in ``folder`` and check ids and parent links.

    A duplicate id, a parent that is not in the folder and a cycle of parents are each a
    one-line problem naming the files; all problems are raised together as a ``PlanError``.
    """
    from plandiff.documents.load import load_plan

    root = Path(folder)
    if not root.is_dir():
        raise UsageError(f"{folder}: no such folder of plans (use --plans DIR)")
    names = sorted(p.name for p in root.iterdir() if p.suffix == ".json" and p.is_file())
    names = [n for n in names if not n.startswith(".")]
    if not names:
        raise UsageError(f"{folder}: no plan files (*.json) in this folder")
    entries: list[Entry] = []
    problems: list[str] = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            entries.append(Entry(path=path, plan=load_plan(path)))
        except PlanError as err:
            problems.extend(str(err).splitlines())
    if problems:
        raise PlanError(problems)
    problems = _link_problems(entries, folder)
    if problems:
        raise PlanError(problems)
    return Library(folder=folder, entries=tuple(sorted(entries, key=lambda e: e.plan.id)))


def _link_problems(entries: list[Entry], folder: str) -> list[str]:
    problems: list[str] = []
    by_id: dict[str, Entry] = {}
    for entry in entries:
        if (first := by_id.get(entry.plan.id)) is not None:
            problems.append(f"{first.path} and {entry.path} both have the id {entry.plan.id!r}")
        else:
            by_id[entry.plan.id] = entry
    for entry in entries:
        parent = entry.plan.parent
        if parent is not None and parent not in by_id:
            problems.append(f"{entry.path}: parent {parent!r} is not a plan in {folder}/")
    reported: set[str] = set()
    for entry in sorted(by_id.values(), key=lambda e: e.plan.id):
        path = [entry.plan.id]
        while (parent := by_id[path[-1]].plan.parent) in by_id and parent not in path:
            path.append(parent)
        if parent is None or parent not in by_id:
            continue
        cycle = [by_id[i] for i in path[path.index(parent) :]]
        if cycle[0].plan.id not in reported:
            reported.update(e.plan.id for e in cycle)
            links = " -> ".join(f"{e.plan.id} ({e.path})" for e in [*cycle, cycle[0]])
            problems.append(f"parent links form a cycle: {links}")
    return problems


def lineage(library: Library) -> Lineage:
    """The library as a tree of parent links (children oldest first)."""

    def node(entry: Entry) -> LineageNode:
        children = tuple(node(child) for child in library.children(entry.plan.id))
        return LineageNode(plan=plan_info(entry.plan), path=entry.path, children=children)

    return Lineage(folder=library.folder, roots=tuple(node(r) for r in library.roots()))


def plan_info(plan: Plan) -> PlanInfo:
    """The header of a plan as reports show it."""
    return PlanInfo(
        id=plan.id,
        title=plan.title,
        version=plan.version,
        date=plan.date,
        parent=plan.parent,
        parties=plan.parties,
        sources=plan.sources,
        completeness=plan.completeness,
        completeness_note=plan.completeness_note,
        provision_count=len(plan.provisions),
    )


def resolve(spec: str, *, folder: str = DEFAULT_FOLDER) -> Plan:
    """Load a plan named by a file path, a plan id in the library, or a git ``REV:path``."""
    from plandiff.documents.load import load_plan

    if os.path.exists(spec):
        return load_plan(spec)
    if ":" in spec:
        revision, _, path = spec.partition(":")
        return read_revision(revision, path)
    # A name with a folder or a document's suffix was meant as a file: say just that.
    if os.sep in spec or "/" in spec or Path(spec).suffix.lower() in DOCUMENT_SUFFIXES:
        raise UsageError(f"{spec}: no such file")
    if re.match(SLUG, spec) and os.path.isdir(folder):
        library = open_library(folder)
        if any(entry.plan.id == spec for entry in library.entries):
            return library.get(spec).plan
        raise UsageError(f"{spec}: no such file, and no plan with this id in {folder}/")
    raise UsageError(f"{spec}: no such file, plan id in {folder}/, or git revision (REV:path)")


def order_problem(old: Plan, new: Plan) -> str | None:
    """Why OLD looks like the later version of the two (a later date, or NEW's child), if it does.

    >>> from plandiff.documents.load import load_plan
    >>> draft = load_plan("plans/us-28-point-draft.json")
    >>> geneva = load_plan("plans/geneva-revision.json")
    >>> order_problem(geneva, draft)
    "OLD 'geneva-revision' revises NEW 'us-28-point-draft' (its parent)"
    >>> order_problem(draft, geneva) is None
    True
    """
    if old.parent is not None and old.parent == new.id:
        return f"OLD {old.id!r} revises NEW {new.id!r} (its parent)"
    if old.date > new.date:
        return f"OLD {old.id!r} ({old.date}) is dated after NEW {new.id!r} ({new.date})"
    return None


def read_revision(revision: str, path: str) -> Plan:
    """Read ``path`` as it was at git ``revision`` (``git show``, no shell).

    The blob is streamed and cut one byte past the size limit, so a huge file in history
    costs no more to refuse than one at the limit.
    """
    from plandiff.documents.load import MAX_BYTES, load_plan_text

    spec = f"{revision}:{path}"
    if not revision or not path or revision.startswith("-"):
        raise UsageError(f"{spec}: a git revision is written REV:path, e.g. HEAD~1:plans/a.json")
    plan = load_plan_text(_git_show(spec, limit=MAX_BYTES + 1), spec)
    if inputs.active():
        _note_working_copy(path)
    return plan


def _git_show(spec: str, *, limit: int, timeout: float = 60) -> bytes:
    # At most ``limit`` bytes of the blob; git is stopped once they are read. Its error
    # message is short, so reading stderr after stdout cannot fill a pipe and stall.
    import threading

    try:
        process = subprocess.Popen(
            ["git", "show", spec],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except FileNotFoundError:
        raise UsageError(f"{spec}: git is not installed; it is needed to read a revision") from None
    assert process.stdout is not None and process.stderr is not None
    expired = threading.Event()

    def stop() -> None:
        expired.set()
        process.kill()

    timer = threading.Timer(timeout, stop)
    timer.start()
    try:
        with process.stdout, process.stderr:
            data = process.stdout.read(limit)
            if len(data) >= limit:
                process.kill()
                said = b""
            else:
                said = process.stderr.read()
        code = process.wait()
    finally:
        timer.cancel()
        if process.poll() is None:  # interrupted: git must not outlive the run
            process.kill()
            process.wait()
    if expired.is_set():
        raise UsageError(f"{spec}: git did not answer within {timeout:.0f} seconds")
    if len(data) >= limit:
        return data  # the loader refuses it as too large, in the words it uses for files
    if code != 0:
        lines = said.decode("utf-8", "replace").strip().splitlines() or ["no reason given"]
        raise UsageError(f"{spec}: git cannot read it: {lines[0].removeprefix('fatal: ')}")
    return data


def _note_working_copy(path: str) -> None:
    # The file a revision's path names in the work tree is an input too: writing a report
    # over it would destroy the working copy of the very plan being compared. Git reads
    # './' and '../' paths from the working directory, others from the top of the tree.
    if path.startswith(("./", "../")):
        inputs.note_path(path)
        return
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False
    )
    if top.returncode == 0 and top.stdout.strip():
        inputs.note_path(Path(top.stdout.strip()) / path)
