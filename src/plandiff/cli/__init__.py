"""The ``plandiff`` command line: parse arguments, call the library, print, set the exit code.

Exit codes follow diff(1): 0 no differences, 1 differences (or invalid documents for
``validate``), 2 trouble. Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

import click

from plandiff import __version__
from plandiff.output import COLOR_MODES, FORMATS

if TYPE_CHECKING:
    from plandiff.model.options import CompareOptions

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2
FAIL_ON = ("error", "warning")  # severities a CI gate can fail on (spelled as in changes.Severity)


class _Group(click.Group):
    """A click group that turns plandiff's own errors into one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from plandiff.model.errors import PlandiffError, PlanError, one_line

        try:
            return super().invoke(ctx)
        except PlandiffError as err:
            # A message may quote a file name or a value from a document, so it is made one
            # line whatever it carries. An invalid plan reports its first problem only and
            # says how many more there are: `plandiff validate` is the command that lists them.
            line = err.problems[0] if isinstance(err, PlanError) else (str(err) or "error")
            more = len(err.problems) - 1 if isinstance(err, PlanError) else 0
            if more:
                line += f" (and {more} more; 'plandiff validate' lists them all)"
            click.echo(f"plandiff: {one_line(line)}", err=True)
            ctx.exit(EXIT_TROUBLE)
        except BrokenPipeError:
            # A reader such as `head` went away: stop writing quietly, as Unix tools do, and
            # say "trouble" (2) rather than click's 1, which would read as "differences".
            _silence_stdout()
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


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
def textconv(file: str) -> None:
    """Print a plan as canonical text, one block per provision, for git's textconv driver.

    A file that is not a valid plan is printed as it is (with a warning), so that `git diff`
    keeps working while a plan is half edited.

    Example: plandiff textconv plans/geneva-revision.json
    """
    from plandiff.documents.canonical import canonical_text, strip_controls
    from plandiff.documents.load import load_plan_text, read_plan_bytes
    from plandiff.model.errors import PlanError

    data = read_plan_bytes(file)
    try:
        click.echo(canonical_text(load_plan_text(data, file)), nl=False)
    except PlanError as err:
        click.echo(f"plandiff: {str(err).splitlines()[0]} (shown as it is)", err=True)
        raw = data.decode("utf-8", errors="replace").splitlines()
        click.echo("".join(strip_controls(line) + "\n" for line in raw), nl=False)


@cli.command(
    "git-diff",
    context_settings={"ignore_unknown_options": True},
    epilog="Example (git runs it):\n\n\b\n"
    "  plandiff git-diff plans/p.json /tmp/old.json 1a2b 100644 plans/p.json 3c4d 100644",
)
@click.option(
    "--color",
    "color_mode",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="auto follows git: color.diff, a terminal or git's pager.",
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def git_diff(color_mode: str, args: tuple[str, ...]) -> None:
    """Show the provision-level comparison for git's external diff (git's seven arguments).

    `/dev/null` stands for the missing side of an added or deleted plan. Exits 0, as git
    expects, unless something goes wrong.
    """
    from plandiff.integrations.git import external_diff, git_wants_color

    if color_mode == "auto":
        color = git_wants_color(sys.stdout.isatty(), Path.cwd())
    else:
        color = color_mode == "always"
    click.echo(external_diff(args, color=color, options=_project_options()), nl=False, color=color)


@cli.command("git-config")
@click.option("--enable/--disable", required=True, help="Add or remove the plandiff driver.")
@click.option(
    "--global", "global_", is_flag=True, help="Your global git config and attributes file."
)
@click.option(
    "--driver",
    type=click.Choice(["both", "textconv", "command"]),
    default="both",
    show_default=True,
    help="textconv: git diffs canonical text; command: git runs `plandiff git-diff`.",
)
def git_config(enable: bool, global_: bool, driver: str) -> None:
    """Set up (or remove) `git diff` for plans: the diff driver and `plans/*.json diff=plandiff`.

    Running it twice changes nothing; --disable removes exactly what --enable added.

    Example: plandiff git-config --enable
    """
    from plandiff.integrations import git as gitdiff

    scope: gitdiff.Scope = "global" if global_ else "local"
    if enable:
        which = cast("gitdiff.Driver", driver)  # click.Choice allows only the three
        done = gitdiff.enable(scope, cwd=Path.cwd(), driver=which)
    else:
        done = gitdiff.disable(scope, cwd=Path.cwd())
    for line in done or ["nothing to change"]:
        click.echo(line)


@cli.command()
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

    comparisons = [r.comparison for r in review_pairs(folder, files, options=_project_options())]
    size: Budget = "summary" if budget == "summary" else "comment"
    click.echo(render_github_many(comparisons, budget=size, details_url=details_url), nl=False)


@cli.command("annotations")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--plans", "folder", default="plans", show_default=True, help="Folder of plans.")
@click.option(
    "--limit", type=click.IntRange(min=0), default=50, show_default=True, help="Most lines."
)
def annotations_command(files: tuple[str, ...], folder: str, limit: int) -> None:
    """Print findings as GitHub workflow annotations (::error, ::warning, ::notice), worst first.

    Covers the same pairs as `plandiff github`; each line names the newer plan's file.

    Example: plandiff annotations --limit 20
    """
    from plandiff.output.annotations import render_annotations
    from plandiff.versions.review import review_pairs

    reviewed = review_pairs(folder, files, options=_project_options())
    items = [(r.comparison, r.new_path) for r in reviewed]
    click.echo(render_annotations(items, limit=limit), nl=False)


PLANS_OPTION = click.option(
    "--plans",
    "plans_dir",
    default="plans",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder of plan files (the library).",
)


@cli.command(
    "compare",
    epilog="Examples:\n\n\b\n"
    "  plandiff compare plans/us-28-point-draft.json plans/geneva-revision.json\n"
    "  plandiff compare us-28-point-draft geneva-revision --format markdown -o report.md\n"
    "  plandiff compare HEAD~1:plans/geneva-revision.json plans/geneva-revision.json\n",
)
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True)
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
    help="Colour terminal output; 'auto' only on a terminal and without NO_COLOR.",
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
@PLANS_OPTION
@click.pass_context
def compare_command(
    ctx: click.Context,
    old: Path,
    new: Path,
    fmt: str,
    output: Path | None,
    color: str,
    exit_zero: bool,
    fail_on: str | None,
    topic: str | None,
    rules_file: Path | None,
    pins_file: Path | None,
    plans_dir: str,
) -> None:
    """Compare two versions of a plan provision by provision.

    OLD and NEW are plan files, plan ids in the library, or git revisions REV:path.

    \b
    Exit 0 when they are the same, 1 when they differ, 2 on trouble.
    """
    from plandiff.align.pins import find_pins, load_pins
    from plandiff.documents.atomic import check_target
    from plandiff.documents.library import resolve
    from plandiff.findings.headlines import reaches
    from plandiff.findings.topics import filter_by_topic
    from plandiff.model.changes import Severity
    from plandiff.model.options import CompareOptions
    from plandiff.output import COLOR_FORMATS, render_bytes
    from plandiff.pipeline.compare import compare
    from plandiff.pipeline.config import discover_rules, load_rules

    if output is not None:
        check_target(output, (old, new))
    rules = load_rules(rules_file) if rules_file else discover_rules(Path.cwd())
    olds, news = (resolve(str(spec), folder=plans_dir) for spec in (old, new))
    pins_path = pins_file or find_pins(new, Path(plans_dir))
    pins = load_pins(pins_path, old=olds, new=news) if pins_path else ()
    options = CompareOptions(rules=rules, pins=pins)
    comparison = compare(olds, news, options=options)
    if topic is not None:
        comparison = filter_by_topic(comparison, topic)
    report = render_bytes(comparison, fmt, color=fmt in COLOR_FORMATS and _colored(color, output))
    _emit(report, output, inputs=(old, new))
    if fail_on is not None:
        failed = reaches(comparison.findings, Severity(fail_on))
    else:
        failed = comparison.has_differences
    ctx.exit(EXIT_DIFFERENT if failed and not exit_zero else EXIT_SAME)


def _colored(mode: str, output: Path | None) -> bool:
    # Imported here: the terminal renderer is not needed to write JSON, Markdown or HTML.
    from plandiff.output.terminal import color_wanted

    return color_wanted(mode, None if output else sys.stdout)


def _emit(text: str | bytes, output: Path | None, *, inputs: tuple[Path, ...]) -> None:
    """Print ``text``, or write it atomically to ``output`` (never over one of ``inputs``)."""
    if output is None:
        if isinstance(text, bytes) and getattr(sys.stdout, "buffer", None) is None:
            text = text.decode("utf-8")  # a host's text-only stream (no bytes to write to)
        click.echo(text, nl=False, color=True)  # colour was already decided; don't strip it
        return
    from plandiff.documents.atomic import write_atomic

    write_atomic(output, text, inputs=inputs)


def main() -> None:
    """Console entry point: run the CLI with diff(1) exit codes; any trouble exits 2."""
    # A command is one short run over plans and records that hold no reference cycles, which
    # reference counting frees; the cyclic collector would only walk them again and again
    # (0.55 of 2.5 CPU seconds to write a 10,000-provision comparison as JSON, the same peak
    # memory without it). What the run built is frozen before the collector is switched back
    # on, so that neither the interpreter's last collection nor a caller's walks it either.
    was_enabled = gc.isenabled()
    gc.disable()
    # The records are plandiff's own, so no pydantic plugin has anything to observe; without
    # this, pydantic scans every installed package's entry points (~30 ms CPU of each run).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _utf8_streams()
    try:
        _run()
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def _run() -> NoReturn:
    try:
        code = cli.main(standalone_mode=False)
    except click.UsageError as err:
        if isinstance(err, getattr(click.exceptions, "NoArgsIsHelpError", ())):
            err.show()  # a bare `plandiff` (click 8.2+): the help itself, not an error line
            sys.exit(EXIT_TROUBLE)
        # One line like every other error, naming where the help is, not click's usage block.
        from plandiff.model.errors import one_line

        where = err.ctx.command_path if err.ctx is not None else "plandiff"
        _say(f"plandiff: {one_line(err.format_message())} (see '{where} --help')")
        sys.exit(EXIT_TROUBLE)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_TROUBLE)
    except (click.Abort, KeyboardInterrupt):
        # Ctrl-C is trouble like any other (exit 2, not the shell's 130): the run produced
        # nothing, and -o never leaves a half-written report behind.
        _say("plandiff: interrupted")
        sys.exit(EXIT_TROUBLE)
    except BrokenPipeError:
        # A reader such as `head` went away: quietly stop writing, as Unix tools do.
        _silence_stdout()
        sys.exit(EXIT_TROUBLE)
    except Exception as err:  # the last resort: one line, never a traceback
        _internal_error(err)
        sys.exit(EXIT_TROUBLE)
    # Commands end with ctx.exit(code) or return None (success); click hands either back here.
    sys.exit(code if isinstance(code, int) else EXIT_SAME)


def _utf8_streams() -> None:
    # Reports are UTF-8 whatever the locale, so that the same inputs give the same bytes on
    # every machine, and a Latin-1 locale cannot make an arrow in a report fail the run.
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")


def _internal_error(err: Exception) -> None:
    """Report a bug as one line; PLANDIFF_DEBUG=1 adds the traceback for whoever fixes it."""
    from plandiff.model.errors import one_line

    if os.environ.get("PLANDIFF_DEBUG") == "1":
        import traceback

        _say("".join(traceback.format_exception(err)).rstrip("\n"))
    message = one_line(str(err))
    _say(f"plandiff: internal error: {type(err).__name__}{': ' if message else ''}{message}")


def _say(line: str) -> None:
    # stderr may be a closed pipe as well; losing the message is better than a traceback.
    with contextlib.suppress(OSError):
        click.echo(line, err=True)


def _silence_stdout() -> None:
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
    from plandiff.documents.validate import Status, check_file, json_report, text_report, worst

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
    from plandiff.documents.schema import schema_text

    click.echo(schema_text("comparison" if name == "comparison" else "plan"), nl=False)


def _project_options() -> CompareOptions:
    """Options with the project's rules (plandiff.toml or pyproject.toml here), as compare uses."""
    from plandiff.model.options import CompareOptions
    from plandiff.pipeline.config import discover_rules

    return CompareOptions(rules=discover_rules(Path.cwd()))


def _read_text(path: str) -> str:
    from plandiff.model.errors import UsageError

    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except UnicodeDecodeError as err:
        raise UsageError(f"{path}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read: {err.strerror}") from None


@cli.command(epilog="Examples:\n\n\b\n  plandiff log\n  plandiff log --plans plans --format json\n")
@PLANS_OPTION
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def log(plans_dir: str, fmt: str) -> None:
    """Show the lineage of the plan library: every version under its parent, with its date,
    completeness and number of provisions."""
    from plandiff.documents.library import lineage, open_library
    from plandiff.output.log import render_log

    click.echo(render_log(lineage(open_library(plans_dir)), fmt), nl=False)


@cli.command(
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
@click.pass_context
def import_(
    ctx: click.Context, file: str, output: Path | None, strict: bool, provenance: str
) -> None:
    """Turn numbered plain text or Markdown into a plan file.

    Points are '1.', '1)', 'Article 1' or 'Point 1'; sub-points 'a.', '(a)', 'i.', '(ii)';
    a first line '# Title' and leading lines such as 'date:', 'version:', 'parent:',
    'source:', 'coverage:' and 'note:' fill the metadata. Every line that finds no place is
    printed on stderr with its line number.
    """
    from plandiff.documents.textexport import plan_json
    from plandiff.documents.textimport import import_text
    from plandiff.model.errors import display_name, one_line
    from plandiff.output.jsondoc import inert_json
    from plandiff.util.inert import visible

    result = import_text(_read_text(file), file, provenance=provenance)
    name = display_name(file)  # a file name could hold a line break or start with '::'
    for default in result.defaults:
        click.echo(f"plandiff: {name}: {one_line(default)}", err=True)
    for line in result.unplaced:
        where = f"{name}:{line.line}"
        click.echo(f"{where}: not placed ({line.reason}): {visible(line.text)}", err=True)
    if strict and result.unplaced:
        click.echo(f"plandiff: {name}: {len(result.unplaced)} line(s) not placed", err=True)
        ctx.exit(EXIT_TROUBLE)
    _emit(inert_json(plan_json(result.plan)), output, inputs=(Path(file),))


@cli.command(
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
    """Write a plan (a file, a plan id or REV:path) as numbered text that 'import' reads back."""
    from plandiff.documents.library import resolve
    from plandiff.documents.textexport import export_text

    inputs = (Path(plan),) if os.path.exists(plan) else ()
    _emit(export_text(resolve(plan, folder=plans_dir)), output, inputs=inputs)


@cli.command(
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
    "--format",
    "fmt",
    type=click.Choice(["terminal", "markdown", "html", "json"]),
    default="terminal",
    show_default=True,
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@PLANS_OPTION
def history(
    provision: str | None,
    topic: str | None,
    plan_id: str | None,
    fmt: str,
    output: Path | None,
    plans_dir: str,
) -> None:
    """Follow one provision (by KEY or NUMBER) through every version of its lineage: where it
    first appears, each change with its kind and figures, renumbering, split or merge, removal.

    A number names the provision that first carries it, in the oldest version that has it.
    """
    from plandiff.documents.library import open_library
    from plandiff.output.versions import render_history
    from plandiff.versions.history import history as trace

    library = open_library(plans_dir)
    end = library.get(plan_id) if plan_id else library.newest()
    chain = [entry.plan for entry in library.chain(end.plan.id)]
    found = trace(chain, provision, topic=topic, options=_project_options())
    _emit(render_history(found, fmt), output, inputs=())


@cli.command(
    epilog="Examples:\n\n\b\n"
    "  plandiff synopsis us-28-point-draft geneva-revision\n"
    "  plandiff synopsis --format html -o synopsis.html\n"
)
@click.argument("versions", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "json"]),
    default="markdown",
    show_default=True,
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@PLANS_OPTION
def synopsis(versions: tuple[str, ...], fmt: str, output: Path | None, plans_dir: str) -> None:
    """Line up several versions side by side, one row per provision and one column per
    version, each cell marked against the column before it.

    VERSIONS are files, plan ids or REV:path; without any, the lineage of the newest version
    in the library.
    """
    from plandiff.documents.library import open_library, resolve
    from plandiff.output.versions import render_synopsis
    from plandiff.versions.synopsis import synopsis as line_up

    if versions:
        plans = [resolve(spec, folder=plans_dir) for spec in versions]
    else:
        library = open_library(plans_dir)
        plans = [entry.plan for entry in library.chain(library.newest().plan.id)]
    inputs = tuple(Path(v) for v in versions if os.path.exists(v))
    _emit(render_synopsis(line_up(plans, options=_project_options()), fmt), output, inputs=inputs)


@cli.command(
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
    an index (README.md) of the lineage with links. Unchanged reports are not rewritten."""
    from plandiff.documents.library import open_library
    from plandiff.integrations.reports import check_reports, planned_reports, write_reports

    files = planned_reports(open_library(plans_dir), options=_project_options())
    if check:
        status = check_reports(out, files)
        for label, names in (
            ("missing", status.missing),
            ("stale", status.stale),
            ("obsolete", status.obsolete),
        ):
            for name in names:
                click.echo(f"{out / name}: {label}")
        if not status.up_to_date:
            click.echo("plandiff: reports are out of date: run 'plandiff report'", err=True)
            ctx.exit(EXIT_DIFFERENT)
        click.echo(f"{out}: {len(files)} files up to date")
        return
    written, removed = write_reports(out, files)
    for name in written:
        click.echo(f"wrote {out / name}")
    for name in removed:
        click.echo(f"removed {out / name} (no longer a pair of the lineage)")
    click.echo(f"{out}: {len(written)} written, {len(files) - len(written)} unchanged")
