"""Writing a report can fail in many ways; each is one line, exit 2, and nothing is lost:
the existing file is untouched and no temporary file is left behind."""

from __future__ import annotations

import errno
import importlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from hostile import hostile_plans as hp
from plandiff.cli import main

OLD_REPORT = "the previous report\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the console entry point in this process; (exit code, stdout, stderr)."""
    saved = sys.argv
    sys.argv = ["plandiff", *argv]
    try:
        with pytest.raises(SystemExit) as done:
            main()
    finally:
        sys.argv = saved
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    return hp.write_pair(tmp_path)


def one_line_error(err: str) -> str:
    # On Ctrl-C click first ends the terminal's '^C' echo with an empty line.
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1, err
    assert lines[0].startswith("plandiff: ")
    assert "Traceback" not in err
    return lines[0]


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_missing_directory(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    target = pair[0].parent / "nowhere" / "report.md"
    code, out, err = run(["compare", *map(str, pair), "-o", str(target)], capsys)
    assert code == 2 and out == ""
    assert "does not exist" in one_line_error(err)
    assert not target.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_a_read_only_directory(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "report.md").write_text(OLD_REPORT)
    folder.chmod(0o555)
    try:
        code, _, err = run(["compare", *map(str, pair), "-o", str(folder / "report.md")], capsys)
    finally:
        folder.chmod(0o755)
    assert code == 2 and "cannot write" in one_line_error(err)
    assert (folder / "report.md").read_text() == OLD_REPORT
    assert names(folder) == ["report.md"]


def test_a_directory_that_refuses_new_files(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # What a read-only directory does, for runs as root (which may write anywhere).
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = pair[0].parent / "report.md"
    target.write_text(OLD_REPORT)
    code, _, err = run(["compare", *map(str, pair), "-o", str(target)], capsys)
    assert code == 2
    assert one_line_error(err).endswith("cannot write: Permission denied")
    assert target.read_text() == OLD_REPORT


@pytest.mark.parametrize("how", ["same path", "other spelling", "symbolic link", "hard link"])
def test_the_output_is_an_input(
    pair: tuple[Path, Path], how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair
    before = new.read_bytes()
    target = {
        "same path": new,
        "other spelling": new.parent / "." / new.name,
        "symbolic link": new.parent / "link.json",
        "hard link": new.parent / "hard.json",
    }[how]
    if how == "symbolic link":
        target.symlink_to(new)
    elif how == "hard link":
        os.link(new, target)
    for fmt in ("markdown", "json"):
        code, _, err = run(
            ["compare", str(old), str(new), "--format", fmt, "-o", str(target)], capsys
        )
        assert code == 2
        assert "refusing to overwrite an input" in one_line_error(err)
    assert new.read_bytes() == before


def test_a_fifo_is_refused_without_blocking(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = pair[0].parent / "pipe"
    os.mkfifo(fifo)
    code, _, err = run(["compare", *map(str, pair), "-o", str(fifo)], capsys)
    assert code == 2 and "not a regular file" in one_line_error(err)
    assert fifo.is_fifo()


def test_a_directory_as_target(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder = pair[0].parent / "reports"
    folder.mkdir()
    code, _, err = run(["compare", *map(str, pair), "-o", str(folder)], capsys)
    assert code == 2 and len(err.strip().splitlines()) >= 1 and "Traceback" not in err
    assert names(folder) == []


def test_a_device_as_target(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["compare", *map(str, pair), "-o", "/dev/full"], capsys)
    assert code == 2 and "not a regular file" in one_line_error(err)


@pytest.mark.parametrize(
    ("where", "failure", "said"),
    [
        ("fsync", OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        ("replace", OSError(errno.EDQUOT, "Disk quota exceeded"), "Disk quota exceeded"),
        ("fsync", KeyboardInterrupt(), "interrupted"),
        ("replace", KeyboardInterrupt(), "interrupted"),
    ],
    ids=["disk full", "quota", "ctrl-c before rename", "ctrl-c at rename"],
)
def test_a_failure_mid_write_keeps_the_old_report(
    pair: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
    failure: BaseException,
    said: str,
) -> None:
    folder = pair[0].parent
    target = folder / "report.html"
    target.write_text(OLD_REPORT)
    before = names(folder)

    def broken(*args: object, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(os, where, broken)
    code, out, err = run(
        ["compare", *map(str, pair), "--format", "html", "-o", str(target)], capsys
    )
    assert code == 2 and out == ""
    assert one_line_error(err).endswith(said)
    assert target.read_text() == OLD_REPORT
    assert names(folder) == before  # no temporary file left


def test_the_real_program_on_a_full_disk_and_ctrl_c(pair: tuple[Path, Path]) -> None:
    # The same through a real process: the patch is made before the entry point runs.
    target = pair[0].parent / "report.md"
    target.write_text(OLD_REPORT)
    for failure, said in (
        ("OSError(28, 'No space left on device')", "No space left on device"),
        ("KeyboardInterrupt()", "interrupted"),
    ):
        script = (
            "import os, sys\n"
            "def broken(fd):\n"
            f"    raise {failure}\n"
            "os.fsync = broken\n"
            "from plandiff.cli import main\n"
            "main()\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script, "compare", *map(str, pair), "-o", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2
        assert one_line_error(done.stderr).endswith(said)
        assert target.read_text() == OLD_REPORT
        assert names(target.parent) == ["new.json", "old.json", "report.md"]


def test_an_unexpected_exception_is_one_line(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("engine bug\n::error::injected \x1b[2J")

    # By module: the package's facade binds the name 'compare' to the function itself.
    monkeypatch.setattr(importlib.import_module("plandiff.pipeline.compare"), "compare", broken)
    monkeypatch.delenv("PLANDIFF_DEBUG", raising=False)
    code, out, err = run(["compare", *map(str, pair)], capsys)
    assert code == 2 and out == ""
    line = one_line_error(err)
    said = "engine bug\\x0a::error::injected \\x1b[2J"
    assert line == f"plandiff: internal error: RuntimeError: {said}"

    monkeypatch.setenv("PLANDIFF_DEBUG", "1")
    code, _, err = run(["compare", *map(str, pair)], capsys)
    assert code == 2
    assert err.startswith("Traceback (most recent call last):")
    assert err.splitlines()[-1].startswith("plandiff: internal error: RuntimeError")


@pytest.mark.parametrize("command", ["import", "export"])
def test_other_writers_refuse_to_overwrite_their_input(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / ("draft.txt" if command == "import" else "plan.json")
    if command == "import":
        source.write_text("# A plan\ndate: 2025-11-20\n\n1. The parties agree.\n", "utf-8")
    else:
        source.write_bytes(hp.write_pair(tmp_path)[0].read_bytes())
    before = source.read_bytes()
    code, _, err = run([command, str(source), "-o", str(source)], capsys)
    assert code == 2 and "refusing to overwrite an input" in err
    assert source.read_bytes() == before
