"""The ``plandiff`` command line: parse arguments, call the library, print, set the exit code.

Exit codes follow diff(1): 0 no differences, 1 differences (or invalid documents for
``validate``), 2 trouble. Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from plandiff import __version__

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


class _Group(click.Group):
    """A click group that turns plandiff's own errors into one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from plandiff.errors import PlandiffError

        try:
            return super().invoke(ctx)
        except PlandiffError as err:
            for line in str(err).splitlines() or ["error"]:
                click.echo(f"plandiff: {line}", err=True)
            ctx.exit(EXIT_TROUBLE)


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Examples:\n\n\b\n"
    "  plandiff compare plans/us-28-point-draft.json plans/geneva-revision.json\n"
    "  plandiff validate plans/*.json\n",
)
@click.version_option(__version__, prog_name="plandiff")
def cli() -> None:
    """Compare versions of a negotiation text provision by provision."""


def main() -> None:
    """Console entry point: run the CLI with diff(1) exit codes; usage errors exit 2."""
    try:
        code = cli.main(standalone_mode=False)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_TROUBLE)
    except click.Abort:
        click.echo("plandiff: interrupted", err=True)
        sys.exit(EXIT_TROUBLE)
    except BrokenPipeError:
        # A reader such as `head` went away: quietly stop writing, as Unix tools do.
        _silence_stdout()
        sys.exit(EXIT_TROUBLE)
    except KeyboardInterrupt:
        click.echo("plandiff: interrupted", err=True)
        sys.exit(130)
    # Commands end with ctx.exit(code) or return None (success); click hands either back here.
    sys.exit(code if isinstance(code, int) else EXIT_SAME)


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
