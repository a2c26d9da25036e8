"""The analyst's pin file: pairings compare must make, or must not make."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import builders
from plandiff.align.pins import load_pins, pins_beside
from plandiff.model.changes import ChangeKind, MatchedBy
from plandiff.model.errors import UsageError
from plandiff.model.options import CompareOptions, PinnedPair
from plandiff.model.plan import Plan
from plandiff.pipeline.compare import compare


def plan(pid: str, *texts: str) -> Plan:
    return builders.plan(pid, texts)


OLD = plan(
    "draft",
    "Alpha clause on grain corridors.",
    "Beta clause on prisoner exchange.",
    "Gamma clause on port access.",
)
NEW = plan("revision", "Grain corridors and port access, one clause.", "Beta clause on prisoners.")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pins.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pin_merges_two_old_provisions_into_one(tmp_path: Path) -> None:
    path = write(tmp_path, '[[pin]]\nold = ["1", "3"]\nnew = "1"\nnote = "combined"\n')
    pins = load_pins(path, old=OLD, new=NEW)
    assert pins == (PinnedPair(old=("1", "3"), new=("1",), note="combined"),)
    comparison = compare(OLD, NEW, options=CompareOptions(pins=pins))
    merged = next(c for c in comparison.changes if c.id == "p-1")
    assert merged.kind is ChangeKind.MERGED
    assert merged.matched_by is MatchedBy.PINNED
    assert merged.confidence == 1.0
    assert merged.note == "combined"
    assert [r.number for r in merged.old] == ["1", "3"]


def test_a_forbidding_pin_keeps_a_pair_apart() -> None:
    free = compare(OLD, NEW)
    assert any(c.kind is ChangeKind.MODIFIED and c.id == "p-2" for c in free.changes)
    pins = (PinnedPair(old=("2",), new=("2",), forbid=True),)
    kept_apart = compare(OLD, NEW, options=CompareOptions(pins=pins))
    kinds = {c.id: c.kind for c in kept_apart.changes}
    assert kinds["p-2"] is ChangeKind.ADDED
    assert kinds["old-2"] is ChangeKind.REMOVED


def test_pins_for_another_pair_of_versions_are_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, '[[pin]]\nold_plan = "other"\nold = ["1"]\nnew = ["1"]\n')
    assert load_pins(path, old=OLD, new=NEW) == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[pin]\nold = 1", "not valid TOML"),
        ('[[pins]]\nold = ["1"]\nnew = ["1"]\n', "unknown table 'pins'"),
        ('[[pin]]\nold = ["1"]\nnew = ["1"]\ncolour = "red"\n', "pin 1: unknown field 'colour'"),
        ('[[pin]]\nold = [1]\nnew = ["1"]\n', "pin 1: 'old' must be"),
        ('[[pin]]\nnew = ["1"]\n', "pin 1: 'old' must be"),
        ('[[pin]]\nold = ["1"]\nnew = ["1"]\nforbid = "yes"\n', "pin 1: forbid:"),
        ('[[pin]]\nold = []\nnew = ["1"]\n', "pin 1: 'old' must be"),
        ('[[pin]]\nold = ["1"]\nnew = ["1"]\nnote = 7\n', "pin 1: note: must be a string"),
        ('[[pin]]\nold = ["1", "2"]\nnew = ["1", "2"]\n', "several old provisions"),
    ],
)
def test_a_bad_pin_file_is_one_clear_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(UsageError) as caught:
        load_pins(path, old=OLD, new=NEW)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_a_pin_naming_an_unknown_provision_is_an_error() -> None:
    pins = (PinnedPair(old=("9",), new=("1",)),)
    with pytest.raises(UsageError, match="old provision '9'"):
        compare(OLD, NEW, options=CompareOptions(pins=pins))


def test_a_provision_pinned_twice_is_an_error() -> None:
    pins = (PinnedPair(old=("1",), new=("1",)), PinnedPair(old=("1",), new=("2",)))
    with pytest.raises(UsageError, match="pinned twice"):
        compare(OLD, NEW, options=CompareOptions(pins=pins))


def test_the_pin_file_is_found_beside_the_plans(tmp_path: Path) -> None:
    plan_path = tmp_path / "draft.json"
    assert pins_beside(plan_path) is None
    write(tmp_path, "")
    assert pins_beside(plan_path) == tmp_path / "pins.toml"


CASE = Path(__file__).parent / "cases" / "pinned-pair"


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plandiff", "compare", *map(str, args), "--format", "json"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )


def test_the_cli_honours_the_pin_file_beside_the_plans(tmp_path: Path) -> None:
    for name in ("old.json", "new.json", "pins.toml"):
        shutil.copy(CASE / name, tmp_path / name)
    run = _cli(tmp_path / "old.json", tmp_path / "new.json")
    assert run.returncode == 1, run.stderr
    rows = {c["id"]: c for c in json.loads(run.stdout)["changes"]}
    assert rows["p-7"]["matched_by"] == "pinned"
    assert rows["old-2"]["kind"] == "removed"
    (tmp_path / "pins.toml").unlink()
    unpinned = {
        c["id"]: c
        for c in json.loads(_cli(tmp_path / "old.json", tmp_path / "new.json").stdout)["changes"]
    }
    assert unpinned["p-7"]["matched_by"] != "pinned"


def test_the_cli_reports_a_bad_pin_file_in_one_line(tmp_path: Path) -> None:
    bad = write(tmp_path, "[[pin]]\nold = 7\n")
    run = _cli(CASE / "old.json", CASE / "new.json", "--pins", bad)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "pin 1" in run.stderr
    assert "Traceback" not in run.stderr
