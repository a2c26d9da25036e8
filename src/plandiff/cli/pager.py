"""A report for a person at a terminal goes through a pager, as git's output does.

The pager is ``PLANDIFF_PAGER``, else ``PAGER``, else ``less``; an empty value or ``cat``
means none. ``less`` gets ``LESS=FRX`` unless the reader set ``LESS``: it quits at once when
the report fits on one screen (-F), passes the colours through (-R) and leaves the report on
the screen when it ends (-X), so the closing line stays in view.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Mapping

NO_PAGER = ("", "cat")


def pager_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The pager to run as an argument list, or None for none.

    >>> pager_command({"PAGER": "more -d"}), pager_command({"PLANDIFF_PAGER": "cat"})
    (['more', '-d'], None)
    >>> pager_command({})
    ['less']
    """
    env = os.environ if environ is None else environ
    for name in ("PLANDIFF_PAGER", "PAGER"):
        if name in env:
            value = env[name].strip()
            break
    else:
        value = "less"
    if value in NO_PAGER:
        return None
    try:
        return shlex.split(value) or None
    except ValueError:  # an unbalanced quote: no pager rather than a guess
        return None


def wants_pager(enabled: bool, output: object, stdout: object | None = None) -> bool:
    """Page only a report bound for a terminal: never one written to a file or a pipe."""
    stream = sys.stdout if stdout is None else stdout
    isatty = getattr(stream, "isatty", None)
    return enabled and output is None and bool(isatty and isatty())


def page(data: bytes, command: list[str]) -> bool:
    """Show ``data`` through ``command``; False when the pager cannot be started.

    A reader who quits the pager before the end is not an error.
    """
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")  # lv, the pager some systems offer instead, passes colour too
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(data)
        process.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager early
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less uses it to stop a search)
    return True
