"""What the commands share: exit codes, option decorators, and how a result is printed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from plandiff.model.vocabulary import Severity

if TYPE_CHECKING:
    from plandiff.documents.draft import Imported
    from plandiff.model.plan import Plan
    from plandiff.pipeline.settings import Settings

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2
FAIL_ON = (Severity.ERROR.value, Severity.WARNING.value)  # severities a CI gate can fail on

PLANS_OPTION = click.option(
    "--plans",
    "plans_dir",
    default="plans",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder of plan files (the library).",
)


# A report's format follows the suffix of -o's file unless --format names one; any other suffix
# (or none) gets the command's default, which for a terminal report is written without colour.
SUFFIX_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
FORMAT_HELP = "Report format; by default taken from -o's suffix (.md, .html, .json), else {}."


def output_format(
    fmt: str | None, output: Path | None, *, choices: tuple[str, ...], default: str
) -> str:
    """The format asked for, else the one ``output``'s suffix names, else ``default``.

    >>> output_format(None, Path("report.HTML"), choices=("terminal", "html"), default="terminal")
    'html'
    >>> output_format("json", Path("report.md"), choices=("json", "markdown"), default="json")
    'json'
    """
    if fmt is not None:
        return fmt
    guessed = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    return guessed if guessed in choices else default


def colored(mode: str, output: Path | None) -> bool:
    # Imported here: the terminal renderer is not needed to write JSON, Markdown or HTML.
    from plandiff.output.terminal import color_wanted

    return color_wanted(mode, None if output else sys.stdout)


def refuse_inputs(output: Path | None) -> None:
    """Fail now if ``output`` is a file the command has read (checked again on writing).

    Called once the inputs are resolved and read, before the work that would be lost.
    """
    if output is not None:
        from plandiff.documents.atomic import check_target

        check_target(output)


def terminal_width(output: Path | None) -> int | None:
    """The width to wrap a report to: the terminal's when it goes to one, else None."""
    if output is not None or not sys.stdout.isatty():
        return None
    import shutil

    return max(shutil.get_terminal_size().columns, 20)


def emit(text: str | bytes, output: Path | None, *, pager: bool = False) -> None:
    """Print ``text``, or write it atomically to ``output``, never over a file the command
    read (a plan file or a plan id's file, the library, rules, pins, a revision's copy).

    With ``pager``, text bound for a terminal goes through the reader's pager instead.
    """
    if output is None and pager:
        from plandiff.cli.pager import page, pager_command, wants_pager

        command = pager_command()
        if command is not None and wants_pager(True, output):
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            sys.stdout.flush()
            if page(data, command):
                return
    if output is None:
        if isinstance(text, bytes) and getattr(sys.stdout, "buffer", None) is None:
            text = text.decode("utf-8")  # a host's text-only stream (no bytes to write to)
        click.echo(text, nl=False, color=True)  # colour was already decided; don't strip it
        return
    from plandiff.documents.atomic import write_atomic

    write_atomic(output, text)


def warn(message: str) -> None:
    """One warning line on stderr: the run goes on."""
    from plandiff.util.inert import terminal_line

    click.echo(f"plandiff: warning: {terminal_line(message)}", err=True)


def project_options(plans_dir: str = "plans") -> Settings:
    """The project's settings, as every command uses them: the rules (plandiff.toml or
    pyproject.toml here) and the pins of ``plans_dir``/pins.toml, pair by pair."""
    from plandiff.pipeline.settings import project_settings

    return project_settings(plans_dir)


def read_text(path: str) -> str:
    """The text of an input file, noted as an input (no report may be written over it)."""
    from plandiff.model.errors import UsageError
    from plandiff.util import inputs

    try:
        return inputs.read_text(path)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except UnicodeDecodeError as err:
        raise UsageError(f"{path}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read: {err.strerror}") from None


def open_document(spec: str, plans_dir: str, *, date: tuple[str, str] | None = None) -> Plan:
    """The plan a file, plan id, ``REV:path`` or ``-`` names; a draft (any file that is not
    plan JSON) is read by its format's reader, and what was decided is said on stderr.

    ``date`` is (option, value) from the command line: the draft's date, over what it says.
    A plan file keeps its own, so giving one for it is a usage error.
    """
    from plandiff.documents.library import resolve_document
    from plandiff.model.errors import UsageError

    given = {"date": parse_date(*date)} if date else None
    found = resolve_document(spec, folder=plans_dir, given=given)
    if found.kind == "plan" and date:
        raise UsageError(f"{date[0]}: {spec} is a plan file, which keeps its own date")
    if found.kind != "plan":
        say_read(found, spec)
    return found.plan


def parse_date(option: str, value: str) -> str:
    """A date given as an option's value, as YYYY-MM-DD; any notation ``find_date`` reads
    (2025-11-20, 20 November 2025, 20.11.2025), and nothing after it."""
    from plandiff.documents.dates import find_date
    from plandiff.model.errors import UsageError

    found = find_date(value.strip())
    if found is None or found[1] != 0 or found[2] != len(value.strip()):
        raise UsageError(f"{option}: not a date: {value!r}; write 2025-11-20 or 20 November 2025")
    return found[0]


def say_read(found: Imported, spec: str, *, defaults: bool = False) -> None:
    """What reading a draft decided, on stderr: a summary line, the reader's notes, the
    defaults taken (when asked) and every line that found no place, with its number."""
    from plandiff.util.inert import error_line, file_name, terminal_line

    name = file_name(spec)
    plan = found.plan
    subpoints = sum(_count(p.subpoints) for p in plan.provisions)
    summary = (
        f"read as {found.kind}: {len(plan.provisions)} provisions, {subpoints} sub-points, "
        f"numbering {found.scheme}"
    )
    if found.unplaced:
        summary += f", {len(found.unplaced)} line(s) not placed"
    click.echo(f"plandiff: {name}: {error_line(summary)}", err=True)
    for note in found.notes:
        click.echo(f"plandiff: {name}: {error_line(note)}", err=True)
    if defaults:
        for default in found.defaults:
            click.echo(f"plandiff: {name}: {error_line(default)}", err=True)
    for line in found.unplaced:
        where = f"{name}:{line.line}"
        click.echo(
            f"{where}: not placed ({terminal_line(line.reason)}): {terminal_line(line.text)}",
            err=True,
        )


def _count(subpoints: tuple[object, ...]) -> int:
    return sum(1 + _count(getattr(s, "subpoints", ())) for s in subpoints)
