"""``plandiff validate``, ``schema``, ``import``, ``export`` and ``textconv``: plan files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from plandiff.cli.common import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    EXIT_TROUBLE,
    PLANS_OPTION,
    emit,
    open_document,
    parse_date,
    refuse_inputs,
    say_read,
)
from plandiff.output import formats


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
def textconv(file: str) -> None:
    """Print a plan as canonical text, one block per provision, for git's textconv driver.

    A file that is not a valid plan is printed as it is (with a warning), so that `git diff`
    keeps working while a plan is half edited.

    Example: plandiff textconv plans/geneva-revision.json
    """
    from plandiff.documents.canonical import canonical_text
    from plandiff.documents.drafts import read_document
    from plandiff.documents.load import read_plan_bytes
    from plandiff.model.errors import PlanError
    from plandiff.util.inert import error_line, raw_file_line

    data = read_plan_bytes(file)
    try:
        click.echo(canonical_text(read_document(data, file).plan), nl=False)
    except PlanError as err:
        click.echo(f"plandiff: {error_line(str(err).splitlines()[0])} (shown as it is)", err=True)
        raw = data.decode("utf-8", errors="replace").splitlines()
        click.echo("".join(raw_file_line(line) + "\n" for line in raw), nl=False)


@click.command(
    epilog="Examples:\n\n\b\n"
    "  plandiff validate plans/*.json\n"
    "  plandiff validate --format json plans/geneva-revision.json\n"
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats("validation")),
    default="text",
    show_default=True,
)
@click.pass_context
def validate(ctx: click.Context, files: tuple[str, ...], fmt: str) -> None:
    """Check plan files: exit 0 if all are valid, 1 if any is invalid, 2 if any is unreadable.

    Every problem is one line: FILE:LINE:COL for JSON syntax, FILE: /json/pointer (provision N)
    for the plan format.
    """
    from plandiff.documents.validate import validate_files
    from plandiff.model.validation import Status
    from plandiff.output import render
    from plandiff.output.validation import validation_errors

    results = validate_files(files)
    click.echo(render(results, fmt), nl=False)
    if fmt != "json":
        click.echo(validation_errors(results), nl=False, err=True)
    codes = {Status.VALID: EXIT_SAME, Status.INVALID: EXIT_DIFFERENT}
    ctx.exit(codes.get(results.worst, EXIT_TROUBLE))


@click.command(
    epilog="Examples:\n\n\b\n"
    "  plandiff schema plan > schema/plan.schema.json\n"
    "  plandiff schema comparison\n"
    "  for s in plan comparison log history synopsis validate; do\n"
    "    plandiff schema $s > schema/$s.schema.json; done\n"
)
@click.argument(
    "name",
    type=click.Choice(["plan", "comparison", "log", "history", "synopsis", "validate"]),
    default="plan",
)
def schema(name: str) -> None:
    """Print the JSON Schema of plan files (default), or of the JSON that `compare`
    (comparison), `log`, `history`, `synopsis` or `validate` writes with --format json."""
    from plandiff.documents.schema import SCHEMA_NAMES, schema_text

    (chosen,) = [known for known in SCHEMA_NAMES if known == name]
    click.echo(schema_text(chosen), nl=False)


@click.command(
    "import",
    epilog="Examples:\n\n\b\n"
    "  plandiff import draft.txt -o plans/draft.json\n"
    "  plandiff import --strict notes.md\n",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Plan file to write."
)
@click.option("--strict", is_flag=True, help="Fail (exit 2) when any line cannot be placed.")
@click.option(
    "--provenance",
    type=click.Choice(["confirmed", "reported", "reconstructed"]),
    default="confirmed",
    show_default=True,
    help="Provenance of every provision unless the text says otherwise.",
)
@click.option("--title", help="The plan's title, instead of the draft's.")
@click.option("--date", help="Its date (2025-11-20, 20 November 2025, …), instead of the draft's.")
@click.option("--version", "version_label", help="Its version label, instead of the draft's.")
@click.option("--party", "parties", multiple=True, help="A party (repeat for each).")
@click.option("--source", "sources", multiple=True, help="A source URL (repeat for each).")
@click.pass_context
def import_(
    ctx: click.Context,
    file: str,
    output: Path | None,
    strict: bool,
    provenance: str,
    title: str | None,
    date: str | None,
    version_label: str | None,
    parties: tuple[str, ...],
    sources: tuple[str, ...],
) -> None:
    """Turn a draft (text, Markdown, Word, PDF or a saved web page) into a plan file; '-'
    reads stdin.

    Points are '1.', '1)', '(1)', '§ 1', 'Article 1' or 'Point 1'; sub-points 'a.', '(a)',
    'i.', '1.1' or bullets. A first line '# Title' and leading lines such as 'date:',
    'version:', 'parent:', 'source:', 'coverage:' and 'note:' fill the metadata, and the
    options below set it over what the draft says. What was read (the type, the numbering,
    the counts, the defaults taken) and every line that finds no place are printed on stderr.
    """
    from plandiff.documents import load
    from plandiff.documents.drafts import read_document
    from plandiff.documents.library import read_input_bytes
    from plandiff.documents.schema import plan_schema_reference
    from plandiff.documents.textexport import plan_json
    from plandiff.util.inert import file_name, json_text

    data = read_input_bytes(file)
    refuse_inputs(output)
    given = _given_metadata(title, date, version_label, parties, sources)
    result = read_document(data, file, provenance=provenance, given=given)
    say_read(result, file, defaults=True)
    if strict and result.unplaced:
        name = file_name(file)
        click.echo(f"plandiff: {name}: {len(result.unplaced)} line(s) not placed", err=True)
        ctx.exit(EXIT_TROUBLE)
    folder = output.parent if output is not None else Path.cwd()
    plan = replace(result.plan, schema_ref=plan_schema_reference(folder))
    written = json_text(plan_json(plan))
    # What is written must load: a plan past the loader's limits is refused here, not later.
    load.load_plan_text(written.encode("utf-8"), file, max_bytes=load.MAX_BYTES)
    emit(written, output)


@click.command(
    epilog="Examples:\n\n\b\n"
    "  plandiff export plans/geneva-revision.json\n"
    "  plandiff export us-28-point-draft -o draft.txt\n"
)
@click.argument("plan")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Text file to write."
)
@PLANS_OPTION
def export(plan: str, output: Path | None, plans_dir: str) -> None:
    """Write a plan (a file, a draft, a plan id or REV:path) as numbered text that 'import'
    reads back."""
    from plandiff.documents.textexport import export_text

    loaded = open_document(plan, plans_dir)
    refuse_inputs(output)
    emit(export_text(loaded), output)


def _given_metadata(
    title: str | None,
    date: str | None,
    version: str | None,
    parties: tuple[str, ...],
    sources: tuple[str, ...],
) -> dict[str, str | tuple[str, ...]]:
    """The metadata set on the command line, in the outline builder's keys."""
    given: dict[str, str | tuple[str, ...]] = {}
    if title is not None:
        given["title"] = title
    if date is not None:
        given["date"] = parse_date("--date", date)
    if version is not None:
        given["version"] = version
    if parties:
        given["parties"] = parties
    if sources:
        given["sources"] = sources
    return given
