"""``plandiff report``, ``github`` and ``annotations``: the comparisons a review publishes."""

from __future__ import annotations

from pathlib import Path

import click

from plandiff.cli.common import (
    EXIT_DIFFERENT,
    FAIL_ON,
    PLANS_OPTION,
    project_options,
    read_text,
)


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--plans", "folder", default="plans", show_default=True, help="Folder of plans.")
@click.option(
    "--budget",
    type=click.Choice(["comment", "summary"]),
    default="comment",
    show_default=True,
    help="Fit a pull-request comment (65,536 characters) or a job summary (1 MiB).",
)
@click.option("--details-url", help="https:// link to the run whose artifact has the HTML.")
def github(files: tuple[str, ...], folder: str, budget: str, details_url: str | None) -> None:
    """Markdown for a GitHub comment or job summary of the plans' parent → child pairs.

    With FILES (say, the plan files a pull request changed), only the pairs they are part of.
    The first line is the hidden marker `<!-- plandiff-report -->`.

    Example: plandiff github --budget summary >> "$GITHUB_STEP_SUMMARY"
    """
    from plandiff.output.github import Budget, render_github_many
    from plandiff.versions.review import review_pairs

    comparisons = [
        r.comparison for r in review_pairs(folder, files, options=project_options(folder))
    ]
    size: Budget = "summary" if budget == "summary" else "comment"
    click.echo(render_github_many(comparisons, budget=size, details_url=details_url), nl=False)


@click.command("annotations")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--plans", "folder", default="plans", show_default=True, help="Folder of plans.")
@click.option(
    "--limit", type=click.IntRange(min=0), default=50, show_default=True, help="Most lines."
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    help="Exit 1 when a finding reaches this severity (a CI gate); 0 otherwise.",
)
@click.pass_context
def annotations_command(
    ctx: click.Context, files: tuple[str, ...], folder: str, limit: int, fail_on: str | None
) -> None:
    """Print findings as GitHub workflow annotations (::error, ::warning, ::notice), worst first.

    Covers the same pairs as `plandiff github`; each line names the newer plan's file and the
    lines of the provision in it.

    Example: plandiff annotations --limit 20 --fail-on error
    """
    from plandiff.documents.lines import provision_lines
    from plandiff.output.annotations import render_annotations
    from plandiff.versions.review import review_pairs

    reviewed = review_pairs(folder, files, options=project_options(folder))
    items = [(r.comparison, r.new_path) for r in reviewed]
    # Each newer file is read once more for the lines of its provisions (the loader keeps none).
    lines = {path: provision_lines(read_text(path)) for path in {r.new_path for r in reviewed}}
    click.echo(render_annotations(items, limit=limit, lines=lines), nl=False)
    if fail_on is not None:
        from plandiff.findings.headlines import reaches
        from plandiff.model.vocabulary import Severity

        if any(reaches(r.comparison.findings, Severity(fail_on)) for r in reviewed):
            ctx.exit(EXIT_DIFFERENT)


@click.command(
    epilog="Examples:\n\n\b\n"
    "  plandiff report\n"
    "  plandiff report --check\n"
    "  plandiff report --plans plans --out reports\n"
)
@PLANS_OPTION
@click.option(
    "--out",
    default="reports",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the reports.",
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 if a report is missing or stale."
)
@click.pass_context
def report(ctx: click.Context, plans_dir: str, out: Path, check: bool) -> None:
    """Write a Markdown and an HTML report for every parent → child pair of the library, and
    an index (README.md) of the lineage with links. Unchanged reports are not rewritten.

    The folder's .plandiff-manifest lists what this command wrote there; it replaces or
    removes only those files, and refuses to write over any other.
    """
    from plandiff.documents.library import open_library
    from plandiff.integrations.reports import check_reports, planned_reports, write_reports
    from plandiff.util.inert import file_name

    files = planned_reports(open_library(plans_dir), options=project_options(plans_dir))
    shown = file_name(str(out))  # a folder name could hold a line break or a command
    if check:
        status = check_reports(out, files)
        for label, names in (
            ("missing", status.missing),
            ("stale", status.stale),
            ("obsolete", status.obsolete),
            ("not written by plandiff report", status.foreign),
        ):
            for name in names:
                click.echo(f"{file_name(str(out / name))}: {label}")
        if not status.up_to_date:
            click.echo("plandiff: reports are out of date: run 'plandiff report'", err=True)
            ctx.exit(EXIT_DIFFERENT)
        click.echo(f"{shown}: {len(files)} files up to date")
        return
    written, removed = write_reports(out, files)
    for name in written:
        click.echo(f"wrote {file_name(str(out / name))}")
    for name in removed:
        click.echo(f"removed {file_name(str(out / name))} (no longer a pair of the lineage)")
    click.echo(f"{shown}: {len(written)} written, {len(files) - len(written)} unchanged")
