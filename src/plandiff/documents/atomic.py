"""Write a file all at once or not at all: temporary file, fsync, rename; never over an input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from plandiff.model.errors import PlandiffError, UsageError
from plandiff.util.inert import file_name
from plandiff.util.inputs import is_input


def write_atomic(path: Path, text: str | bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Replace ``path`` with ``text`` (UTF-8, or bytes as they are) so readers see the old file
    or the new, never half.

    The temporary file lives in the same directory (a rename is only atomic within one file
    system) and is removed on any failure, an interrupt included.
    """
    check_target(path, inputs)
    directory = path.parent
    mode = _mode_for(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise PlandiffError(f"{file_name(str(path))}: cannot write: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(err, OSError):
            name = file_name(str(path))
            raise PlandiffError(f"{name}: cannot write: {err.strerror or err}") from None
        raise
    _sync_directory(directory)


def check_target(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Raise UsageError unless ``path`` can be written: not an input, in an existing directory.

    An input is one of ``inputs`` or any file the run noted reading (``util.inputs``), compared
    by device and inode, so a plan id, a symbolic or hard link, or ``/dev/fd/N`` open on an
    input is refused too. Callers check once their inputs are read and before doing the work,
    so a doomed run fails at once; ``write_atomic`` checks again just before it writes.
    """
    name = file_name(str(path))
    if is_input(path) or any(_same_file(path, source) for source in inputs):
        raise UsageError(f"{name}: refusing to overwrite an input file")
    if path.is_dir():
        raise UsageError(f"{name}: is a directory; give a file name for the report")
    if path.exists() and not path.is_file():
        # A FIFO, socket or device: renaming over it would silently swap it for a regular
        # file, and writing into it could block or spill a partial report.
        raise UsageError(f"{name}: not a regular file; refusing to replace it")
    if not path.parent.is_dir():
        raise UsageError(f"{name}: directory {file_name(str(path.parent))} does not exist")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def _mode_for(path: Path) -> int:
    # mkstemp creates 0600; a report should get the permissions a plain open() would give,
    # or keep those of the file it replaces.
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not every platform can open a directory.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
