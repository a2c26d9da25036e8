"""The ``plandiff`` command line: parse arguments, call the library, print, set the exit code.

Exit codes follow diff(1): 0 no differences, 1 differences (or invalid documents for
``validate``), 2 trouble. Every error is one line on stderr, never a traceback. One module per
group of commands; ``app`` holds the group and the entry point.
"""

from __future__ import annotations

from plandiff.cli.app import cli, main, script

__all__ = ["cli", "main", "script"]
