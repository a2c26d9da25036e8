"""Reports are written whole or not at all, and never over an input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plandiff.documents.atomic import write_atomic
from plandiff.model.errors import PlandiffError, UsageError


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_atomic(target, "first\n")
    write_atomic(target, "second → ✓\n")
    assert target.read_text(encoding="utf-8") == "second → ✓\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_atomic(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_failure_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report\n", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", broken_fsync)
    expected: type[BaseException] = (
        KeyboardInterrupt if isinstance(failure, KeyboardInterrupt) else PlandiffError
    )
    with pytest.raises(expected) as caught:
        write_atomic(target, "new report\n")
    if expected is PlandiffError:
        assert str(caught.value) == f"{target}: cannot write: No space left on device"
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text("{}", encoding="utf-8")
    alias = tmp_path / "sub" / ".." / "plan.json"
    (tmp_path / "sub").mkdir()
    with pytest.raises(UsageError, match="refusing to overwrite an input"):
        write_atomic(alias, "report", inputs=[plan])
    assert plan.read_text(encoding="utf-8") == "{}"


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "r.md", "x")
