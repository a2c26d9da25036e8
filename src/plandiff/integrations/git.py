"""git integration: the external-diff entry point, and the driver in git config and attributes.

``git diff`` on a plan file runs ``plandiff git-diff`` with git's seven arguments (the
provision-level comparison) and ``git log -p`` runs ``plandiff textconv`` (canonical text that
git diffs line by line). ``enable`` and ``disable`` write exactly those settings, idempotently.
"""

from __future__ import annotations

import difflib
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from plandiff.documents.canonical import BLOCK_MARK, canonical_text
from plandiff.model.errors import PlanError, UsageError
from plandiff.model.options import CompareOptions

if TYPE_CHECKING:
    from plandiff.pipeline.settings import Settings
from plandiff.model.plan import Plan
from plandiff.util.inert import ci_log_line, plain_line, raw_file_line

DRIVER = "plandiff"
ATTRIBUTE_LINE = f"plans/*.json diff={DRIVER}"
NULL_FILE = "/dev/null"
Scope = Literal["local", "global"]
Driver = Literal["both", "textconv", "command"]


@dataclass(frozen=True)
class Setting:
    """One git config entry of the driver."""

    key: str
    value: str


def driver_settings(program: str, driver: Driver = "both") -> tuple[Setting, ...]:
    """The config entries ``enable`` writes: textconv and/or external command, plus hunk headers.

    >>> [s.key for s in driver_settings("plandiff")]
    ['diff.plandiff.textconv', 'diff.plandiff.command', 'diff.plandiff.xfuncname']
    """
    settings = []
    if driver in ("both", "textconv"):
        settings.append(Setting(f"diff.{DRIVER}.textconv", f"{program} textconv"))
    if driver in ("both", "command"):
        settings.append(Setting(f"diff.{DRIVER}.command", f"{program} git-diff"))
    # Hunk headers name the provision a change sits in (git matches this on textconv output).
    settings.append(Setting(f"diff.{DRIVER}.xfuncname", f"^{BLOCK_MARK}.*$"))
    return tuple(settings)


def default_program() -> str:
    """How git should start plandiff: by name when it is on PATH, else through this interpreter."""
    if shutil.which("plandiff"):
        return "plandiff"
    return shlex.join([sys.executable, "-m", "plandiff"])


def enable(
    scope: Scope, *, cwd: Path, program: str | None = None, driver: Driver = "both"
) -> list[str]:
    """Write the driver into git config and the attribute line; returns what was changed."""
    attributes = attributes_file(scope, cwd)  # first: outside a repository, change nothing
    _refuse_links(attributes, cwd)
    done = []
    for setting in driver_settings(program or default_program(), driver):
        if _config_get(scope, setting.key, cwd) != setting.value:
            _git(["config", f"--{scope}", setting.key, setting.value], cwd)
            done.append(f"set {setting.key}")
    if _add_line(attributes, ATTRIBUTE_LINE):
        done.append(f"added '{ATTRIBUTE_LINE}' to {_shown(attributes, cwd)}")
    return done


def disable(scope: Scope, *, cwd: Path) -> list[str]:
    """Remove what ``enable`` wrote (and nothing else); returns what was changed."""
    attributes = attributes_file(scope, cwd)
    _refuse_links(attributes, cwd)
    done = []
    for setting in driver_settings("plandiff"):
        if _config_get(scope, setting.key, cwd) is not None:
            _git(["config", f"--{scope}", "--unset-all", setting.key], cwd)
            done.append(f"removed {setting.key}")
    # git leaves an empty section header behind after --unset; drop it only when it is empty.
    pattern = rf"^diff\.{DRIVER}\."
    section = _git(["config", f"--{scope}", "--get-regexp", pattern], cwd, check=False)
    if done and not section.stdout.strip():
        _git(["config", f"--{scope}", "--remove-section", f"diff.{DRIVER}"], cwd, check=False)
    if _remove_line(attributes, ATTRIBUTE_LINE):
        done.append(f"removed '{ATTRIBUTE_LINE}' from {_shown(attributes, cwd)}")
    return done


def attributes_file(scope: Scope, cwd: Path) -> Path:
    """``.gitattributes`` at the top of the work tree, or git's global attributes file."""
    if scope == "local":
        top = _git(["rev-parse", "--show-toplevel"], cwd, check=False)
        if top.returncode != 0:
            raise UsageError("not inside a git work tree; use --global or run it in a repository")
        return Path(top.stdout.strip()) / ".gitattributes"
    configured = _config_get("global", "core.attributesFile", cwd)
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(xdg) / "git" / "attributes"


def _refuse_links(path: Path, cwd: Path) -> None:
    # A repository can commit .gitattributes as a symbolic link to any file of the user's:
    # rewriting it would copy that file into the work tree, or edit it in place. Only a
    # regular file (or none) is ever read and replaced; anything else is the user's to edit.
    shown = str(Path(_shown(path.parent, cwd)) / path.name)  # the link, not where it points
    if path.is_symlink():
        raise UsageError(
            f"{shown}: is a symbolic link; refusing to follow it "
            f"(edit the file it points to by hand: '{ATTRIBUTE_LINE}')"
        )
    if path.exists() and not path.is_file():
        raise UsageError(f"{shown}: not a regular file; refusing to read or replace it")


def external_diff(
    argv: Sequence[str], *, color: bool, options: CompareOptions | Settings | None = None
) -> str:
    """What ``plandiff git-diff`` prints for git's arguments (7, or 9 for a rename)."""
    if len(argv) not in (7, 9):
        raise UsageError(
            "git-diff takes git's arguments: path old-file old-hex old-mode "
            f"new-file new-hex new-mode (got {len(argv)})"
        )
    path = plain_line(argv[0])
    new_path = plain_line(argv[7]) if len(argv) == 9 else path
    old_text, new_text = _read_side(argv[1]), _read_side(argv[4])
    header = _style(ci_log_line(f"plandiff a/{path} b/{new_path}"), bold=True, color=color)
    try:
        old = _parse(old_text, f"a/{path}")
        new = _parse(new_text, f"b/{new_path}")
    except PlanError as err:
        note = ci_log_line(f"not a valid plan ({str(err).splitlines()[0]}); showing a line diff")
        lines = _line_diff(_decoded(old_text), _decoded(new_text), path, new_path, color=color)
        return "\n".join([header, note, *lines]) + "\n"
    if old is None and new is None:
        return ""
    if old is None or new is None:
        plan = new if old is None else old
        assert plan is not None
        what = "new plan" if old is None else "deleted plan"
        sign, fg = ("+", "green") if old is None else ("-", "red")
        body = [
            _style(f"{sign} {line}" if line else sign, fg=fg, color=color)
            for line in canonical_text(plan).splitlines()
        ]
        count = len(plan.provisions)
        summary = f"{what} {plan.id}: {count} provision{'' if count == 1 else 's'}"
        return "\n".join([header, summary, *body]) + "\n"
    from plandiff.output import render
    from plandiff.pipeline.compare import compare
    from plandiff.pipeline.settings import options_for

    comparison = compare(old, new, options=options_for(options, old, new))
    body_text = render(comparison, "terminal", color=color)
    return header + "\n" + body_text + ("" if body_text.endswith("\n") else "\n")


def git_wants_color(stdout_is_tty: bool, cwd: Path) -> bool:
    """Colour as git would: ``color.diff``/``color.ui``, a tty or git's pager on stdout."""
    answer = _git(
        ["config", "--get-colorbool", "color.diff", "true" if stdout_is_tty else "false"],
        cwd,
        check=False,
    )
    if answer.returncode == 0 and answer.stdout.strip() in ("true", "false"):
        return answer.stdout.strip() == "true"
    return stdout_is_tty


def _read_side(name: str) -> bytes | None:
    if name == NULL_FILE:
        return None
    from plandiff.documents.load import read_plan_bytes

    return read_plan_bytes(name)


def _parse(data: bytes | None, name: str) -> Plan | None:
    if data is None:
        return None
    from plandiff.documents.load import load_plan_text

    return load_plan_text(data, name)


def _decoded(data: bytes | None) -> str:
    return "" if data is None else data.decode("utf-8", errors="replace")


def _line_diff(old: str, new: str, path: str, new_path: str, *, color: bool) -> list[str]:
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), f"a/{path}", f"b/{new_path}", lineterm=""
    )
    out = []
    for line in lines:
        line = raw_file_line(line)
        fg = "green" if line.startswith("+") else "red" if line.startswith("-") else None
        out.append(_style(line, fg=fg, color=color))
    return out


def _style(text: str, *, color: bool, fg: str | None = None, bold: bool = False) -> str:
    if not color or (fg is None and not bold):
        return text
    import click

    return click.style(text, fg=fg, bold=bold or None)


def _config_get(scope: Scope, key: str, cwd: Path) -> str | None:
    result = _git(["config", f"--{scope}", "--get", key], cwd, check=False)
    return result.stdout.rstrip("\n") if result.returncode == 0 else None


def _git(args: list[str], cwd: Path, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise UsageError("git is not installed or not on PATH") from None
    if check and result.returncode != 0:
        detail = result.stderr.strip().splitlines()
        raise UsageError(f"git {args[0]} failed: {detail[-1] if detail else result.returncode}")
    return result


def _add_line(path: Path, line: str) -> bool:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if line in text.splitlines():
        return False
    if text and not text.endswith("\n"):
        text += "\n"
    _write(path, text + line + "\n")
    return True


def _remove_line(path: Path, line: str) -> bool:
    if not path.exists():
        return False
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [entry for entry in lines if entry.rstrip("\r\n") != line]
    if len(kept) == len(lines):
        return False
    if kept:
        _write(path, "".join(kept))
    else:
        path.unlink()  # the file held only our line: enabling created it
    return True


def _write(path: Path, text: str) -> None:
    from plandiff.documents.atomic import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text)


def _shown(path: Path, cwd: Path) -> str:
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(path)
