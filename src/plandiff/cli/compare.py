"""``plandiff compare OLD NEW``: the comparison of two versions."""

from __future__ import annotations

import re
from pathlib import Path

import click

from plandiff.cli.common import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    FAIL_ON,
    FORMAT_HELP,
    PLANS_OPTION,
    colored,
    emit,
    open_document,
    output_format,
    refuse_inputs,
    terminal_width,
    warn,
)
from plandiff.output import COLOR_MODES, FORMATS


@click.command(
    "compare",
    epilog="Examples:\n\n\b\n"
    "  plandiff compare plans/us-28-point-draft.json plans/geneva-revision.json\n"
    "  plandiff compare us-28-point-draft geneva-revision --format markdown -o report.md\n"
    "  plandiff compare HEAD~1:plans/geneva-revision.json plans/geneva-revision.json\n",
)
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), help=FORMAT_HELP.format("terminal"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to FILE (atomically) instead of standard output.",
)
@click.option(
    "--color",
    type=click.Choice(COLOR_MODES),
    default="auto",
    show_default=True,
    help="Colour terminal output; 'auto' on a terminal or with FORCE_COLOR, never with NO_COLOR.",
)
@click.option(
    "--no-warn-order",
    is_flag=True,
    help="Do not warn when OLD looks newer than NEW (a later date, or NEW's child).",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Terminal report: spell out every metadata change and the whole note on a partial "
    "version (shown as one line by default).",
)
@click.option(
    "--pager/--no-pager",
    default=True,
    help="On a terminal, show the report through a pager (PLANDIFF_PAGER, else PAGER, else "
    "less -FRX); --no-pager prints it directly.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when the versions differ.")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    help="Exit 1 only when a finding reaches this severity (a CI gate); 0 otherwise.",
)
@click.option("--topic", help="Report only the provisions with this topic (e.g. alliances).")
@click.option(
    "--rules",
    "rules_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Findings rules file; by default plandiff.toml, else [tool.plandiff] in "
    "pyproject.toml, in the working directory.",
)
@click.option(
    "--pins",
    "pins_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Pin file fixing or forbidding pairings; by default pins.toml beside NEW "
    "(or in the plans folder).",
)
@click.option(
    "--locale",
    callback=lambda _ctx, _param, value: _known_locale(value),
    help="Number notation of the plans (e.g. de, fr, en, de-CH) when their figures do not "
    "show it: with de, 600.000 is six hundred thousand; with en, six hundred.",
)
@click.option(
    "--old-date",
    metavar="DATE",
    help="OLD's date when OLD is a draft that gives none (or another one); 2025-11-20, "
    "20 November 2025, …",
)
@click.option("--new-date", metavar="DATE", help="NEW's date, as --old-date is OLD's.")
@PLANS_OPTION
@click.pass_context
def compare_command(
    ctx: click.Context,
    old: Path,
    new: Path,
    fmt: str | None,
    output: Path | None,
    color: str,
    no_warn_order: bool,
    verbose: bool,
    pager: bool,
    exit_zero: bool,
    fail_on: str | None,
    topic: str | None,
    rules_file: Path | None,
    pins_file: Path | None,
    locale: str | None,
    old_date: str | None,
    new_date: str | None,
    plans_dir: str,
) -> None:
    """Compare two versions of a plan provision by provision.

    OLD and NEW are plan files, plan ids in the library, git revisions REV:path, or drafts
    in plain text or Markdown ('-' reads standard input).

    \b
    Exit 0 when they are the same, 1 when they differ, 2 on trouble.
    """
    from plandiff.documents.library import order_problem
    from plandiff.findings.headlines import reaches
    from plandiff.findings.topics import filter_by_topic
    from plandiff.model.vocabulary import Severity
    from plandiff.output import COLOR_FORMATS, render_bytes
    from plandiff.pipeline.compare import compare
    from plandiff.pipeline.settings import project_settings

    settings = project_settings(
        plans_dir, rules_file=rules_file, pins_file=pins_file, new=new, locale=locale
    )
    olds, news = (
        open_document(str(spec), plans_dir, date=(option, value) if value else None)
        for spec, option, value in ((old, "--old-date", old_date), (new, "--new-date", new_date))
    )
    if not no_warn_order and (problem := order_problem(olds, news)):
        warn(f"{problem}: did you mean to swap OLD and NEW? (--no-warn-order silences this)")
    options = settings.options_for(olds, news)
    refuse_inputs(output)  # now that every input is read: the plans, library, rules, pins
    comparison = compare(olds, news, options=options)
    if topic is not None:
        comparison = filter_by_topic(comparison, topic)
    fmt = output_format(fmt, output, choices=FORMATS, default="terminal")
    color_on = fmt in COLOR_FORMATS and colored(color, output)
    width = terminal_width(output) if fmt == "terminal" else None
    report = render_bytes(comparison, fmt, color=color_on, verbose=verbose, width=width)
    emit(report, output, pager=pager and fmt == "terminal")
    if fail_on is not None:
        failed = reaches(comparison.findings, Severity(fail_on))
    else:
        failed = comparison.has_differences
    ctx.exit(EXIT_DIFFERENT if failed and not exit_zero else EXIT_SAME)


def _known_locale(value: str | None) -> str | None:
    from plandiff.wording.numerals import locale_decimal

    if value is not None and (
        not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", value)
        or locale_decimal(value) is None
    ):
        raise click.BadParameter(f"unknown locale {value!r}; give a language such as de, fr or en")
    return value
