"""Pipes and environment: a reader that stops early ends the run quietly, and reports are the
same bytes whatever the hash seed, time zone, locale or working directory."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import plandiff
from hostile import hostile_plans as hp
from plandiff.output import FORMATS

SRC = Path(plandiff.__file__).resolve().parent


@pytest.fixture(scope="module")
def big_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A pair whose every report is far larger than a pipe's buffer (64 KiB)."""
    folder = tmp_path_factory.mktemp("big")
    paths = []
    for side in ("old", "new"):
        doc = hp.plan_document(side)
        doc["provisions"] = [
            {
                "number": str(i),
                "text": f"Clause {i} of the {side} text, {i * 7} days.",
                "provenance": "confirmed",
            }
            for i in range(1, 1200)
        ]
        path = folder / f"{side}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_head_closing_the_pipe_is_quiet(
    big_pair: tuple[Path, Path], fmt: str, buffered: bool, tmp_path: Path
) -> None:
    env = hp.environment()
    env.pop("PYTHONUNBUFFERED", None)
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    command = (
        f'"{sys.executable}" -m plandiff compare "{big_pair[0]}" "{big_pair[1]}" '
        f'--format {fmt} 2>"{tmp_path / "err"}" | head -1; echo "${{PIPESTATUS[0]}}"'
    )
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=env, check=False
    )
    first, code = done.stdout.splitlines()[0], done.stdout.splitlines()[-1]
    assert first
    assert (tmp_path / "err").read_text() == ""  # no traceback, no "Exception ignored"
    # Buffered output meets the closed pipe and says "trouble"; unbuffered output is cut
    # short by the pipe without an error and ends with the comparison's own code, as does a
    # report that fits in the pipe's buffer (the GitHub comment is kept under 64 KiB).
    assert int(code) in (1, 2)
    if buffered and fmt != "github":
        assert int(code) == 2


def run_report(fmt: str, pair: tuple[Path, Path], cwd: Path, **env: str) -> bytes:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "plandiff",
            "compare",
            str(pair[0]),
            str(pair[1]),
            "--format",
            fmt,
            "--color",
            "never",
        ],
        capture_output=True,
        cwd=cwd,
        env=hp.environment(**env),
        check=False,
    )
    assert done.returncode == 1, done.stderr
    return done.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_reports_are_byte_identical_across_environments(fmt: str, tmp_path: Path) -> None:
    pair = hp.write_pair(tmp_path, partial=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    first = run_report(fmt, pair, tmp_path, PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C.UTF-8")
    second = run_report(
        fmt,
        pair,
        elsewhere,
        PYTHONHASHSEED="4242",
        TZ="Pacific/Kiritimati",
        LC_ALL="C",
        LANG="tr_TR.UTF-8",
    )
    assert first == second
    assert str(tmp_path).encode() not in first  # no absolute path in a report


def test_no_clock_reaches_an_output() -> None:
    # Reports may only carry dates from the inputs (or SOURCE_DATE_EPOCH): no module reads
    # the clock. Benchmarks and tests may; the package may not.
    clocks = {
        ("datetime", "now"),
        ("datetime", "utcnow"),
        ("date", "today"),
        ("time", "time"),
        ("time", "localtime"),
        ("time", "gmtime"),
        ("time", "strftime"),
        ("time", "ctime"),
    }
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name | ast.Attribute):
                owner = node.value.attr if isinstance(node.value, ast.Attribute) else node.value.id
                if (owner, node.attr) in clocks:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} {owner}.{node.attr}")
    assert found == []


def test_no_code_unpickles_or_builds_a_deepdiff_delta() -> None:
    # deepdiff's Delta can load pickled data (its advisories below 8.6.2); plandiff never
    # deserialises anything but strict JSON, so none of these may appear in the package.
    banned_modules = {"pickle", "cPickle", "dill", "marshal", "shelve", "jsonpickle", "yaml"}
    banned_names = {"Delta", "pickle_load", "pickle_dump", "_RestrictedUnpickler", "eval", "exec"}
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(SRC)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Import):
                found += [
                    f"{where} import {a.name}"
                    for a in node.names
                    if a.name.split(".")[0] in banned_modules
                ]
            elif isinstance(node, ast.ImportFrom):
                if (node.module or "").split(".")[0] in banned_modules:
                    found.append(f"{where} from {node.module}")
                found += [f"{where} import {a.name}" for a in node.names if a.name in banned_names]
            elif isinstance(node, ast.Name | ast.Attribute):
                name = node.id if isinstance(node, ast.Name) else node.attr
                if name in banned_names:
                    found.append(f"{where} {name}")
    assert found == []


def test_dependency_floors_leave_out_releases_with_advisories() -> None:
    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    required = set(project["project"]["dependencies"])
    assert {"deepdiff>=8.6.2", "jinja2>=3.1.6"} <= required
