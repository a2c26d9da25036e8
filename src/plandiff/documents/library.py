"""A plan library: a folder of plan files indexed by id, linked into lineages by their parents."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from plandiff.model.changes import PlanInfo
from plandiff.model.errors import PlanError, UsageError
from plandiff.model.lineage import Lineage, LineageNode
from plandiff.model.plan import SLUG, Plan
from plandiff.util import inputs

if TYPE_CHECKING:
    from plandiff.documents.draft import Imported

DEFAULT_FOLDER = "plans"
MAX_PLANS = 10_000
"""Most plan files a library folder may hold; each is read and checked on every run."""
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
    """Every plan of a folder, sorted by id; parent links are checked when it is opened.

    Lookups go through indexes built once, and walks of the lineage use a stack of their
    own, so a library of thousands of versions, or a lineage thousands deep, costs time in
    proportion to its size and never the interpreter's recursion limit.
    """

    folder: str
    entries: tuple[Entry, ...]

    _by_id: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _children: dict[str | None, tuple[Entry, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id = {entry.plan.id: entry for entry in reversed(self.entries)}  # the first wins
        children: dict[str | None, list[Entry]] = {}
        for entry in self.entries:
            children.setdefault(entry.plan.parent, []).append(entry)
        object.__setattr__(self, "_by_id", by_id)
        kids = {parent: _oldest_first(found) for parent, found in children.items()}
        object.__setattr__(self, "_children", kids)

    def get(self, plan_id: str) -> Entry:
        """The plan with this id, or a ``UsageError`` naming the folder."""
        if (entry := self._by_id.get(plan_id)) is not None:
            return entry
        raise UsageError(f"{plan_id}: no plan with this id in {self.folder}/")

    def children(self, plan_id: str) -> tuple[Entry, ...]:
        """The versions whose parent is ``plan_id``, oldest first."""
        return self._children.get(plan_id, ())

    def chain(self, plan_id: str) -> tuple[Entry, ...]:
        """The versions from the lineage's first one down to ``plan_id``."""
        entries = [self.get(plan_id)]
        while (parent := entries[-1].plan.parent) is not None:
            if len(entries) > len(self.entries):  # only a library opened unchecked can loop
                raise UsageError(f"{plan_id}: its parent links form a cycle")
            entries.append(self.get(parent))
        return tuple(reversed(entries))

    def walk(self) -> Iterator[tuple[Entry, Entry | None, int]]:
        """Every version as (entry, its parent, depth), depth first in the order of the
        lineage tree: each version before its children, children oldest first."""
        stack: list[tuple[Entry, Entry | None, int]] = [(r, None, 0) for r in self.roots()]
        stack.reverse()
        while stack:
            entry, parent, depth = stack.pop()
            yield entry, parent, depth
            stack.extend((c, entry, depth + 1) for c in reversed(self.children(entry.plan.id)))

    def pairs(self) -> tuple[tuple[Entry, Entry], ...]:
        """Every parent → child pair, in the order of the lineage tree."""
        return tuple((parent, entry) for entry, parent, _ in self.walk() if parent is not None)

    def roots(self) -> tuple[Entry, ...]:
        return self._children.get(None, ())

    def newest(self) -> Entry:
        """The latest version without children (ties broken by id): history's default end."""
        leaves = [e for e in self.entries if not self.children(e.plan.id)]
        return max(leaves, key=lambda e: (e.plan.date, e.plan.id))


def _oldest_first(entries: list[Entry]) -> tuple[Entry, ...]:
    return tuple(sorted(entries, key=lambda e: (e.plan.date, e.plan.id)))


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
    if len(names) > MAX_PLANS:
        raise UsageError(
            f"{folder}: {len(names):,} plan files; a library holds at most {MAX_PLANS:,}"
        )
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
    # Each version is walked up to its root once: a walk stops at a version an earlier walk
    # went through, so finding every cycle is linear in the number of versions.
    done: set[str] = set()
    for entry in sorted(by_id.values(), key=lambda e: e.plan.id):
        path = {entry.plan.id: 0}  # the ids of this walk, with their place along it
        parent = entry.plan.parent
        while parent in by_id and parent not in path and parent not in done:
            path[parent] = len(path)
            parent = by_id[parent].plan.parent
        done.update(path)
        if parent is None or parent not in path:
            continue  # a root, a missing parent (said above), or where an earlier walk went
        ids = list(path)[path[parent] :]
        cycle = [by_id[i] for i in ids]
        links = " -> ".join(f"{e.plan.id} ({e.path})" for e in [*cycle, cycle[0]])
        problems.append(f"parent links form a cycle: {links}")
    return problems


def lineage(library: Library) -> Lineage:
    """The library as a tree of parent links (children oldest first)."""
    # Built from the deepest versions up, each node once its children are: no recursion.
    order = list(library.walk())
    built: dict[str, LineageNode] = {}
    for entry, _, _ in reversed(order):
        kids = tuple(built.pop(c.plan.id) for c in library.children(entry.plan.id))
        built[entry.plan.id] = LineageNode(
            plan=plan_info(entry.plan), path=entry.path, children=kids
        )
    return Lineage(folder=library.folder, roots=tuple(built[r.plan.id] for r in library.roots()))


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
    return resolve_document(spec, folder=folder).plan


def resolve_document(
    spec: str,
    *,
    folder: str = DEFAULT_FOLDER,
    given: Mapping[str, str | tuple[str, ...]] | None = None,
) -> Imported:
    """Like ``resolve``, with what reading a draft decided; ``-`` is standard input.

    A file or a revision may be a plan file or a draft in any format a reader knows;
    ``given`` metadata (from the command line) replaces what a draft says.
    """
    from plandiff.documents.drafts import read_document

    if spec == "-" or os.path.exists(spec):
        return read_document(read_input_bytes(spec), spec, given=given)
    if ":" in spec:
        revision, _, path = spec.partition(":")
        return read_revision_document(revision, path, given=given)
    # A name with a folder or a document's suffix was meant as a file: say just that.
    if os.sep in spec or "/" in spec or Path(spec).suffix.lower() in DOCUMENT_SUFFIXES:
        raise UsageError(f"{spec}: no such file")
    if re.match(SLUG, spec) and os.path.isdir(folder):
        library = open_library(folder)
        if any(entry.plan.id == spec for entry in library.entries):
            from plandiff.documents.draft import Imported

            return Imported(plan=library.get(spec).plan, unplaced=(), defaults=(), kind="plan")
        raise UsageError(f"{spec}: no such file, and no plan with this id in {folder}/")
    raise UsageError(f"{spec}: no such file, plan id in {folder}/, or git revision (REV:path)")


def read_input_bytes(spec: str) -> bytes:
    """The bytes of an input file (noted as an input), or of standard input for ``-``."""
    import sys

    from plandiff.documents.load import MAX_BYTES, read_plan_bytes

    if spec != "-":
        return read_plan_bytes(spec)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UsageError("-: standard input is not open")
    data: bytes = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UsageError(f"-: standard input is larger than the limit of {MAX_BYTES:,} bytes")
    return data


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
    """Read ``path`` as it was at git ``revision`` (``git show``, no shell)."""
    return read_revision_document(revision, path).plan


def read_revision_document(
    revision: str, path: str, *, given: Mapping[str, str | tuple[str, ...]] | None = None
) -> Imported:
    """Read ``path`` as it was at git ``revision``: a plan file or a draft.

    The blob is streamed and cut one byte past the size limit, so a huge file in history
    costs no more to refuse than one at the limit.
    """
    from plandiff.documents.drafts import read_document
    from plandiff.documents.load import MAX_BYTES, too_large

    spec = f"{revision}:{path}"
    if not revision or not path or revision.startswith("-"):
        raise UsageError(f"{spec}: a git revision is written REV:path, e.g. HEAD~1:plans/a.json")
    data = _git_show(spec, limit=MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large(spec)
    found = read_document(data, spec, given=given)
    if inputs.active():
        _note_working_copy(path)
    return found


def _git_show(spec: str, *, limit: int, timeout: float = 60) -> bytes:
    # At most ``limit`` bytes of the blob; git is stopped once they are read. Its error
    # message is short, so reading stderr after stdout cannot fill a pipe and stall.
    # Imported here: only a git revision needs a process, and a plain compare skips the cost.
    import subprocess
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
    import subprocess

    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False
    )
    if top.returncode == 0 and top.stdout.strip():
        inputs.note_path(Path(top.stdout.strip()) / path)
