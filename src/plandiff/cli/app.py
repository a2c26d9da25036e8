"""The ``plandiff`` group and its entry point: one-line errors, exit codes, UTF-8 streams.

Exit codes follow diff(1): 0 no differences, 1 differences (or invalid documents for
``validate``), 2 trouble. Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import signal
import sys
from types import FrameType
from typing import Any, NoReturn

import click

from plandiff import __version__
from plandiff.cli import compare, documents, git, review, versions
from plandiff.cli.common import EXIT_SAME, EXIT_TROUBLE


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like Ctrl-C, so that no temporary file is left.

    A BaseException, as KeyboardInterrupt is, so that no ``except Exception`` swallows it;
    but not a KeyboardInterrupt, which click turns into an Abort that forgets the signal.
    """

    def __init__(self, number: int) -> None:
        super().__init__(signal.Signals(number).name)


# What `timeout`, a closed terminal and a cancelled CI job send, besides Ctrl-C's SIGINT.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_Handler = Any  # what signal.getsignal returns: a callable, SIG_IGN, SIG_DFL or None


def _terminate(number: int, frame: FrameType | None) -> None:
    # A second signal must not cut the clean-up short: once unwinding, further ones wait.
    for other in _STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    raise Terminated(number)


def _catch_stop_signals() -> dict[int, _Handler]:
    """Turn TERM and HUP into ``Terminated``; returns the handlers to put back afterwards."""
    saved: dict[int, _Handler] = {}
    for number in _STOP_SIGNALS:
        previous = signal.getsignal(number)
        # An ignored signal stays ignored: under nohup a hangup must not stop the run.
        if previous is signal.SIG_IGN:
            continue
        try:
            signal.signal(number, _terminate)
        except ValueError:  # not the main thread (plandiff embedded in another program)
            return saved
        saved[number] = previous
    return saved


def _restore_signals(saved: dict[int, _Handler]) -> None:
    for number, previous in saved.items():
        signal.signal(number, previous if previous is not None else signal.SIG_DFL)


class _Group(click.Group):
    """A click group that turns plandiff's own errors into one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from plandiff.model.errors import PlandiffError, PlanError
        from plandiff.util.inert import error_line
        from plandiff.util.inputs import recording

        try:
            # Every file the command reads is noted, so that no -o or --out lands on one.
            with recording():
                return super().invoke(ctx)
        except PlandiffError as err:
            # A message may quote a file name or a value from a document, so it is made one
            # line whatever it carries. An invalid plan reports its first problem only and
            # says how many more there are: `plandiff validate` is the command that lists them.
            line = err.problems[0] if isinstance(err, PlanError) else (str(err) or "error")
            more = len(err.problems) - 1 if isinstance(err, PlanError) else 0
            if more:
                line += f" (and {more} more; 'plandiff validate' lists them all)"
            click.echo(f"plandiff: {error_line(line)}", err=True)
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


for _command in (
    compare.compare_command,
    documents.validate,
    documents.schema,
    documents.import_,
    documents.export,
    documents.textconv,
    versions.log,
    versions.history,
    versions.synopsis,
    review.report,
    review.github,
    review.annotations_command,
    git.git_diff,
    git.git_config,
):
    cli.add_command(_command)


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
    saved = _catch_stop_signals()
    try:
        try:
            _run()
        finally:
            _restore_signals(saved)
            if was_enabled:
                gc.freeze()
                gc.enable()
    except Terminated as stop:  # arrived as the run was ending: still one line, no traceback
        _say(f"plandiff: interrupted ({stop})")
        sys.exit(EXIT_TROUBLE)


def script() -> NoReturn:
    """The installed ``plandiff`` command: ``main()``, then leave without tearing down the heap.

    A large comparison leaves hundreds of thousands of records that the interpreter would free
    one by one on its way out (a twentieth of the CPU time of a 10,000-provision comparison),
    for a process that ends anyway. Standard output and error are flushed first, so what the
    command wrote is all there. Only the console script leaves this way: a program that calls
    ``main()`` itself (a test runner, an embedding tool) keeps its process.
    """
    try:
        main()
        code = EXIT_SAME
    except SystemExit as stop:
        code = _status(stop.code)
    try:
        sys.stdout.flush()
    except (OSError, ValueError):  # the reader went away: as a failed write in the run says
        code = EXIT_TROUBLE
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


def _status(code: object) -> int:
    """The exit status Python gives ``sys.exit(code)``: a message is printed and means 1."""
    if code is None:
        return EXIT_SAME
    if isinstance(code, int):
        return code
    _say(str(code))
    return 1


def _run() -> NoReturn:
    try:
        code = cli.main(standalone_mode=False)
    except click.UsageError as err:
        if isinstance(err, getattr(click.exceptions, "NoArgsIsHelpError", ())):
            err.show()  # a bare `plandiff` (click 8.2+): the help itself, not an error line
            sys.exit(EXIT_TROUBLE)
        # One line like every other error, naming where the help is, not click's usage block.
        from plandiff.util.inert import error_line

        where = err.ctx.command_path if err.ctx is not None else "plandiff"
        _say(f"plandiff: {error_line(err.format_message())} (see '{where} --help')")
        sys.exit(EXIT_TROUBLE)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_TROUBLE)
    except (click.Abort, KeyboardInterrupt):
        # Ctrl-C is trouble like any other (exit 2, not the shell's 130): the run produced
        # nothing, and -o never leaves a half-written report behind.
        _say("plandiff: interrupted")
        sys.exit(EXIT_TROUBLE)
    except Terminated as stop:
        _say(f"plandiff: interrupted ({stop})")
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
    from plandiff.util.inert import error_line

    if os.environ.get("PLANDIFF_DEBUG") == "1":
        import traceback

        _say("".join(traceback.format_exception(err)).rstrip("\n"))
    message = error_line(str(err))
    _say(f"plandiff: internal error: {type(err).__name__}{': ' if message else ''}{message}")


def _say(line: str) -> None:
    # stderr may be a closed pipe as well; losing the message is better than a traceback.
    with contextlib.suppress(OSError):
        click.echo(line, err=True)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
