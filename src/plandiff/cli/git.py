"""``plandiff git-diff`` and ``git-config``: plandiff inside git's own diff."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

import click

from plandiff.cli.common import project_options


@click.command(
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
    click.echo(external_diff(args, color=color, options=project_options()), nl=False, color=color)


@click.command("git-config")
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
