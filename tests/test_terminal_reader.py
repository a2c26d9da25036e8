"""The terminal report as a person meets it: through a pager, wrapped to the terminal, with the
lead repeated at the end. A pseudo-terminal stands in for the reader's terminal and a small
script for the pager."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import unicodedata
from pathlib import Path

import pytest

from comparisons import representative
from plandiff.cli.pager import pager_command, wants_pager
from plandiff.output import render
from plandiff.output.wrap import wrap

ROOT = Path(__file__).resolve().parents[1]
PAIR = [str(ROOT / "plans" / f"{name}.json") for name in ("us-28-point-draft", "geneva-revision")]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# A pager that keeps what it was given, and the LESS it was started with, for the test to read.
FAKE_PAGER = (
    "import os, sys, pathlib; d = pathlib.Path(sys.argv[1]); "
    "(d / 'paged').write_bytes(sys.stdin.buffer.read()); "
    "(d / 'less').write_text(os.environ.get('LESS', '-'))"
)


def _columns(line: str) -> int:
    plain = ANSI.sub("", line)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in plain)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PAGER", "LESS")}
    env.pop("PLANDIFF_PAGER", None)
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    env["PYTHONPATH"] = str(ROOT / "src")
    env.update(extra)
    return env


def _on_terminal(args: list[str], env: dict[str, str], columns: int = 72) -> tuple[int, str]:
    """Run plandiff with its standard output on a pseudo-terminal ``columns`` wide."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "plandiff", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: the run is over
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    code = process.wait(timeout=60)
    assert process.stderr is not None
    process.stderr.close()
    return code, shown.decode("utf-8").replace("\r\n", "\n")


def test_a_terminal_gets_the_report_through_the_pager_wrapped_to_its_width(
    tmp_path: Path,
) -> None:
    pager = f'{sys.executable} -c "{FAKE_PAGER}" {tmp_path}'
    code, shown = _on_terminal(["compare", *PAIR], _env(PLANDIFF_PAGER=pager), columns=72)
    assert code == 1
    paged = (tmp_path / "paged").read_text(encoding="utf-8")
    assert shown == ""  # everything went to the pager
    assert (tmp_path / "less").read_text() == "FRX"
    assert "\x1b[" in paged  # a terminal: coloured
    lines = paged.splitlines()
    # No line wider than the terminal unless it is one word too long to fit anywhere.
    too_wide = [line for line in lines if _columns(line) > 72 and " " in line.strip()]
    assert too_wide == []
    words = ANSI.sub("", paged).split()
    assert "600,000" in " ".join(words) and "Personnel" in words  # words kept whole
    flat = ANSI.sub("", paged)
    assert re.search(r"^    the wording changed\)$", flat, re.M) is None
    assert "Ukraine's armed forces are to be limited to" in flat
    closing = ANSI.sub("", "\n".join(lines[-3:]))
    assert "6 modified · 1 added · 22 not covered" in closing
    assert "Personnel figure raised: 600,000 → 800,000" in closing


def test_no_pager_writes_to_the_terminal_itself(tmp_path: Path) -> None:
    pager = f'{sys.executable} -c "{FAKE_PAGER}" {tmp_path}'
    code, shown = _on_terminal(["compare", "--no-pager", *PAIR], _env(PLANDIFF_PAGER=pager), 60)
    assert code == 1 and not (tmp_path / "paged").exists()
    flat = ANSI.sub("", shown)
    assert flat.startswith("28-point draft (leaked) (2025-11-20)")
    assert max(_columns(line) for line in flat.splitlines() if " " in line.strip()) <= 60
    assert "worst: ERROR" in flat.splitlines()[-2] + flat.splitlines()[-1]


def test_pager_that_cannot_start_falls_back_to_the_terminal(tmp_path: Path) -> None:
    env = _env(PLANDIFF_PAGER=str(tmp_path / "no-such-pager"))
    code, shown = _on_terminal(["compare", *PAIR], env)
    assert code == 1 and "Personnel figure raised" in shown


def test_a_pipe_gets_no_pager_and_no_wrapping(tmp_path: Path) -> None:
    pager = f'{sys.executable} -c "{FAKE_PAGER}" {tmp_path}'
    result = subprocess.run(
        [sys.executable, "-m", "plandiff", "compare", *PAIR],
        env=_env(PLANDIFF_PAGER=pager, COLUMNS="40"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1 and not (tmp_path / "paged").exists()
    assert "\x1b[" not in result.stdout
    assert any(len(line) > 100 for line in result.stdout.splitlines())  # as written, unwrapped


def test_pager_choice_follows_plandiff_pager_then_pager() -> None:
    assert pager_command({}) == ["less"]
    assert pager_command({"PAGER": "most"}) == ["most"]
    assert pager_command({"PAGER": "most", "PLANDIFF_PAGER": "less -S"}) == ["less", "-S"]
    assert pager_command({"PAGER": "most", "PLANDIFF_PAGER": ""}) is None
    assert pager_command({"PAGER": "cat"}) is None


class _Tty:
    def isatty(self) -> bool:
        return True


def test_only_a_terminal_is_paged() -> None:
    assert wants_pager(True, None, _Tty())
    assert not wants_pager(False, None, _Tty())  # --no-pager
    assert not wants_pager(True, Path("report.txt"), _Tty())  # -o FILE
    assert not wants_pager(True, None, object())  # a pipe


@pytest.mark.parametrize("width", [20, 33, 50, 80])
def test_wrapping_never_breaks_a_word_and_keeps_every_one(width: int) -> None:
    out = render(representative(), "terminal", color=True, width=width)
    plain = render(representative(), "terminal", color=True)
    assert ANSI.sub("", out).split() == ANSI.sub("", plain).split()
    for line in out.splitlines():
        if _columns(line) > width:
            assert " " not in ANSI.sub("", line).strip(), line  # a single overlong word


def test_a_style_is_closed_at_a_break_and_opened_after_the_indent() -> None:
    line = "    kept \x1b[9;31mone two three four five\x1b[0m kept"
    out = wrap(line, 20, 4)
    assert out == [
        "    kept \x1b[9;31mone two\x1b[0m",
        "    \x1b[9;31mthree four five\x1b[0m",
        "    kept",
    ]
    assert wrap("中文字符 中文字符 中文字符", 18, 0) == ["中文字符 中文字符", "中文字符"]


def test_the_closing_line_repeats_the_counts_and_the_worst_headline() -> None:
    out = render(representative(), "terminal").splitlines()
    assert out[-1].startswith("In all: 1 modified · 1 renumbered")
    assert "worst: ERROR" in out[-1]
    assert "600,000 to 800,000" in out[-1]
