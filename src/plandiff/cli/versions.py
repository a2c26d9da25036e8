"""``plandiff log``, ``history`` and ``synopsis``: provisions through a lineage."""

from __future__ import annotations

from pathlib import Path

import click

from plandiff.cli.common import (
    FORMAT_HELP,
    PLANS_OPTION,
    emit,
    open_document,
    output_format,
    project_options,
    refuse_inputs,
)
from plandiff.output import formats

HISTORY_FORMATS = formats("history")
SYNOPSIS_FORMATS = formats("synopsis")


@click.command(
    epilog="Examples:\n\n\b\n  plandiff log\n  plandiff log --plans plans --format json\n"
)
@PLANS_OPTION
@click.option(
    "--format", "fmt", type=click.Choice(formats("lineage")), default="text", show_default=True
)
def log(plans_dir: str, fmt: str) -> None:
    """Show the lineage of the plan library: every version under its parent, with its date,
    completeness and number of provisions."""
    from plandiff.documents.library import lineage, open_library
    from plandiff.output import render

    click.echo(render(lineage(open_library(plans_dir)), fmt), nl=False)


@click.command(
    epilog="Examples:\n\n\b\n"
    "  plandiff history military-cap\n"
    "  plandiff history 6 --format markdown -o military-cap.md\n"
    "  plandiff history --topic armed-forces --format html -o armed-forces.html\n"
)
@click.argument("provision", required=False)
@click.option("--topic", help="Follow every provision tagged with this topic instead.")
@click.option(
    "--plan", "plan_id", help="Follow the lineage up to this version (default: the newest)."
)
@click.option(
    "--format", "fmt", type=click.Choice(HISTORY_FORMATS), help=FORMAT_HELP.format("terminal")
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@click.option(
    "--pager/--no-pager",
    default=True,
    help="On a terminal, show the history through a pager (as compare does).",
)
@PLANS_OPTION
def history(
    provision: str | None,
    topic: str | None,
    plan_id: str | None,
    fmt: str | None,
    output: Path | None,
    pager: bool,
    plans_dir: str,
) -> None:
    """Follow one provision (by KEY or NUMBER) through every version of its lineage: where it
    first appears, each change with its kind and figures, renumbering, split or merge, removal.

    A number names the provision that first carries it, in the oldest version that has it.
    """
    from plandiff.documents.library import open_library
    from plandiff.output import render_bytes
    from plandiff.versions.history import history as trace

    library = open_library(plans_dir)
    end = library.get(plan_id) if plan_id else library.newest()
    chain = [entry.plan for entry in library.chain(end.plan.id)]
    options = project_options(plans_dir)
    refuse_inputs(output)
    found = trace(chain, provision, topic=topic, options=options)
    fmt = output_format(fmt, output, choices=HISTORY_FORMATS, default="terminal")
    emit(render_bytes(found, fmt), output, pager=pager and fmt == "terminal")


@click.command(
    epilog="Examples:\n\n\b\n"
    "  plandiff synopsis us-28-point-draft geneva-revision\n"
    "  plandiff synopsis --format html -o synopsis.html\n"
)
@click.argument("versions", nargs=-1)
@click.option(
    "--format", "fmt", type=click.Choice(SYNOPSIS_FORMATS), help=FORMAT_HELP.format("markdown")
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@PLANS_OPTION
def synopsis(
    versions: tuple[str, ...], fmt: str | None, output: Path | None, plans_dir: str
) -> None:
    """Line up several versions side by side, one row per provision and one column per
    version, each cell marked against the column before it.

    VERSIONS are files (plans or drafts), plan ids or REV:path; without any, the lineage of
    the newest version in the library.
    """
    from plandiff.documents.library import open_library
    from plandiff.output import render_bytes
    from plandiff.versions.synopsis import synopsis as line_up

    if versions:
        plans = [open_document(spec, plans_dir) for spec in versions]
    else:
        library = open_library(plans_dir)
        plans = [entry.plan for entry in library.chain(library.newest().plan.id)]
    options = project_options(plans_dir)
    refuse_inputs(output)
    fmt = output_format(fmt, output, choices=SYNOPSIS_FORMATS, default="markdown")
    emit(render_bytes(line_up(plans, options=options), fmt), output)
