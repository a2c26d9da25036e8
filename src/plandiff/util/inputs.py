"""The files a run reads, by device and inode, so that no output of the run lands on one.

A name is a poor identity: a plan id, a symbolic link, a hard link, ``/dev/fd/3`` or
``plans/../plans/a.json`` can all name the same file. Every reader of a plan, a rules file, a
pin file or a git revision's working copy notes what it opened; ``refuse_input`` then compares
a target by the same identity. Nothing is noted unless a caller (the command line) opened a
``recording()``, so library users pay nothing and keep no state.

>>> import os, tempfile
>>> with tempfile.TemporaryDirectory() as folder, recording():
...     plan = os.path.join(folder, "a.json")
...     open(plan, "w").close()
...     note_path(plan)
...     os.link(plan, os.path.join(folder, "b.json"))
...     is_input(os.path.join(folder, "b.json"))
True
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar

Identity = tuple[int, int]
"""(st_dev, st_ino): the same file whatever name reaches it."""

_READ: ContextVar[set[Identity] | None] = ContextVar("plandiff_inputs", default=None)


@contextmanager
def recording() -> Iterator[None]:
    """Note every input read inside the block (nested blocks share the outer one's notes)."""
    if _READ.get() is not None:
        yield
        return
    token = _READ.set(set())
    try:
        yield
    finally:
        _READ.reset(token)


def active() -> bool:
    """Whether inputs are being noted: a reader may skip work that only serves the notes."""
    return _READ.get() is not None


def note_stat(status: os.stat_result) -> None:
    """Note an input from the ``os.fstat`` of the handle it was read through."""
    if (read := _READ.get()) is not None and stat.S_ISREG(status.st_mode):
        read.add((status.st_dev, status.st_ino))


def note_path(path: str | os.PathLike[str]) -> None:
    """Note an input by name (following links); a name that reaches no file notes nothing."""
    if _READ.get() is None:
        return
    with suppress(OSError, ValueError):  # a name that reaches no file is no input
        note_stat(os.stat(path))


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file whole (universal newlines, as ``open`` reads text) and note it
    as an input; raises ``OSError`` or ``UnicodeDecodeError``."""
    with open(path, encoding="utf-8") as handle:
        note_stat(os.fstat(handle.fileno()))
        return handle.read()


def is_input(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (the file it reaches, through any links) was noted as an input."""
    read = _READ.get()
    if not read:
        return False
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return False
    return (status.st_dev, status.st_ino) in read
