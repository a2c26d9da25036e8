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


@cli.command(
    epilog="Examples:\n\n\b\n"
    "  plandiff validate plans/*.json\n"
    "  plandiff validate --format json plans/geneva-revision.json\n"
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_context
def validate(ctx: click.Context, files: tuple[str, ...], fmt: str) -> None:
    """Check plan files: exit 0 if all are valid, 1 if any is invalid, 2 if any is unreadable.

    Every problem is one line: FILE:LINE:COL for JSON syntax, FILE: /json/pointer (provision N)
    for the plan format.
    """
    from plandiff.validate import Status, check_file, json_report, text_report, worst

    checks = [check_file(f) for f in files]
    if fmt == "json":
        click.echo(json_report(checks), nl=False)
    else:
        out, err = text_report(checks)
        click.echo(out, nl=False)
        click.echo(err, nl=False, err=True)
    codes = {Status.VALID: EXIT_SAME, Status.INVALID: EXIT_DIFFERENT}
    ctx.exit(codes.get(worst(checks), EXIT_TROUBLE))


@cli.command(
    epilog="Examples:\n\n\b\n"
    "  plandiff schema plan > schema/plan.schema.json\n"
    "  plandiff schema comparison\n"
)
@click.argument("name", type=click.Choice(["plan", "comparison"]), default="plan")
def schema(name: str) -> None:
    """Print the JSON Schema of plan files (default) or of the JSON comparison report."""
    from plandiff.schema import schema_text

    click.echo(schema_text("comparison" if name == "comparison" else "plan"), nl=False)
