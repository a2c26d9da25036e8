"""Work that input can grow stays bounded: a git blob is read only up to the size limit, long
lineages are walked without recursion, collections are capped, and every regular expression
in the package is listed with the reason it cannot backtrack without bound."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gitplans import plan_doc, write_plan
from hostile.test_hostile_overwrites import run
from plandiff.align.pins import MAX_PINS
from plandiff.documents import library as library_module
from plandiff.documents.library import lineage, open_library
from plandiff.documents.strictjson import MAX_DEPTH, strict_problems
from plandiff.model.plan import MAX_PARTIES, MAX_PROVISIONS, MAX_SOURCES, MAX_SUBPOINTS, MAX_TOPICS
from plandiff.output.jsondoc import document_bytes
from plandiff.output.log import lineage_json
from plandiff.pipeline.config import MAX_TERM_LENGTH, MAX_TERMS

REPO = Path(__file__).resolve().parents[2]
FAKE_GIT = textwrap.dedent(
    """\
    #!{python}
    import sys, time
    # 'git show' of a blob far over the size limit, and then a git that never ends.
    chunk = b"0" * (1 << 20)
    for _ in range(40):
        sys.stdout.buffer.write(chunk)
    sys.stdout.flush()
    time.sleep(60)
    """
)


def test_a_huge_git_blob_is_refused_after_the_limit_without_waiting_for_git(
    tmp_path: Path,
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    git = bin_dir / "git"
    git.write_text(FAKE_GIT.format(python=sys.executable), encoding="utf-8")
    git.chmod(git.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        [sys.executable, "-m", "plandiff", "compare", "HEAD:plans/a.json", "HEAD:plans/b.json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=30,  # git sleeps for 60 s after its 40 MiB: reading to the end would hang
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "plandiff: HEAD:plans/a.json: the file is larger than the limit of 33,554,432 bytes\n"
    )


class _Scanned(str):
    """A text that tallies how many characters line counting scans (count and rfind)."""

    scanned = 0

    def count(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        _Scanned.scanned += (len(self) if end is None else end) - (start or 0)
        return str.count(self, sub, start, end)

    def rfind(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        _Scanned.scanned += (len(self) if end is None else end) - (start or 0)
        return str.rfind(self, sub, start, end)


def test_locating_many_problems_scans_the_text_a_bounded_number_of_times() -> None:
    # 'validate' of 1.6 MB of NaN tokens took 30 s: each problem counted the lines before it.
    lines = ["[" + ", ".join(["NaN"] * 50) + "]," for _ in range(400)]
    text = _Scanned('{"id": [\n' + "\n".join(lines) + "\n[]]}")
    _Scanned.scanned = 0
    problems = list(strict_problems(text, "nan.json", MAX_DEPTH))
    assert len(problems) == 400 * 50
    assert _Scanned.scanned <= 2 * len(text)
    assert (problems[0].line, problems[0].column) == (2, 2)
    assert (problems[-1].line, problems[-1].column) == (401, 2 + 49 * 5)


def test_a_duplicate_key_still_names_where_the_first_stood() -> None:
    text = '{\n  "id": "a",\n  "title": "t",\n    "id": "b"}'
    (problem,) = strict_problems(text, "dup.json", MAX_DEPTH)
    assert str(problem) == "dup.json:4:5: duplicate key 'id' (first at 2:3)"


def _deep_library(folder: Path, depth: int) -> None:
    folder.mkdir()
    for i in range(depth):
        doc = plan_doc([f"The cap is {i} troops."], plan_id=f"v{i}", version=f"v{i}")
        if i:
            doc["parent"] = f"v{i - 1}"
        write_plan(folder / f"v{i:04d}.json", doc)


def test_a_lineage_700_versions_deep_is_walked_without_recursion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # It ended in 'internal error: RecursionError' in log, log --format json and report.
    _deep_library(tmp_path / "plans", 700)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["log"], capsys)
    assert code == 0 and err == ""
    rows = out.splitlines()
    assert len(rows) == 700
    assert all(row.endswith(f"  v{i}  (plans/v{i:04d}.json)") for i, row in enumerate(rows))
    assert max(map(len, rows)) < 300  # the tree stops indenting: lines stay short

    code, out, err = run(["log", "--format", "json"], capsys)
    assert code == 0 and err == ""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(10_000)  # to read back a nesting this deep with the json module
    try:
        node = json.loads(out)["roots"][0]
    finally:
        sys.setrecursionlimit(limit)
    ids = []
    while True:
        ids.append(node["plan"]["id"])
        if not node["children"]:
            break
        (node,) = node["children"]
    assert ids == [f"v{i}" for i in range(700)]

    code, out, err = run(["report", "--check"], capsys)
    assert code == 1 and err.startswith("plandiff: reports are out of date")
    assert out.count(": missing") == 2 * 699 + 2  # the reports, the index and the manifest

    code, out, err = run(["history", "point-1", "--format", "json"], capsys)
    assert code == 0, err


def test_the_json_log_is_written_as_the_record_serializer_writes_it(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    tree = {"a": None, "b": "a", "c": "a", "d": "c", "e": None}
    for pid, parent in tree.items():
        doc = plan_doc(["One.", "Two."], plan_id=pid, version=f"{pid} \u202e::error::x ##[")
        if parent:
            doc["parent"] = parent
        write_plan(folder / f"{pid}.json", doc)
    record = lineage(open_library(str(folder)))
    assert lineage_json(record) == document_bytes(record)


def _plan_with(**fields: object) -> dict[str, object]:
    doc = plan_doc(["One."], plan_id="big")
    doc.update(fields)
    return doc


@pytest.mark.parametrize(
    ("field", "value", "pointer", "limit"),
    [
        ("parties", [f"Party {i}" for i in range(MAX_PARTIES + 1)], "/parties", MAX_PARTIES),
        (
            "sources",
            [
                {"id": f"s{i}", "title": "T", "url": f"https://e.example/{i}"}
                for i in range(MAX_SOURCES + 1)
            ],
            "/sources",
            MAX_SOURCES,
        ),
        (
            "provisions",
            [
                {"number": str(i), "text": "x", "provenance": "confirmed"}
                for i in range(1, MAX_PROVISIONS + 2)
            ],
            "/provisions",
            MAX_PROVISIONS,
        ),
        (
            "provisions",
            [
                {
                    "number": "1",
                    "text": "x",
                    "provenance": "confirmed",
                    "subpoints": [
                        {"label": f"a{i}", "text": "y"} for i in range(MAX_SUBPOINTS + 1)
                    ],
                }
            ],
            "/provisions/0/subpoints (provision 1)",
            MAX_SUBPOINTS,
        ),
        (
            "provisions",
            [
                {
                    "number": "1",
                    "text": "x",
                    "provenance": "confirmed",
                    "topics": [f"t{i}" for i in range(MAX_TOPICS + 1)],
                }
            ],
            "/provisions/0/topics (provision 1)",
            MAX_TOPICS,
        ),
    ],
    ids=["parties", "sources", "provisions", "sub-points", "topics"],
)
def test_a_collection_past_its_cap_is_one_clear_problem(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    field: str,
    value: object,
    pointer: str,
    limit: int,
) -> None:
    path = write_plan(tmp_path / "big.json", _plan_with(**{field: value}))
    code, out, err = run(["compare", str(path), str(path)], capsys)
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"plandiff: {path}: {pointer}: must have at most {limit:,} items")


def test_a_library_of_too_many_versions_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(library_module, "MAX_PLANS", 3)
    folder = tmp_path / "plans"
    for i in range(4):
        write_plan(folder / f"p{i}.json", plan_doc(["One."], plan_id=f"p{i}"))
    code, out, err = run(["log", "--plans", str(folder)], capsys)
    assert code == 2 and out == ""
    assert err == f"plandiff: {folder}: 4 plan files; a library holds at most 3\n"


def test_too_many_pins_or_rules_terms_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(REPO / "plans", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    pins = "".join(f'[[pin]]\nold = "{i}"\nnew = "{i}"\n' for i in range(MAX_PINS + 1))
    (tmp_path / "plans" / "pins.toml").write_text(pins, encoding="utf-8")
    code, _, err = run(["compare", "us-28-point-draft", "geneva-revision"], capsys)
    assert code == 2
    said = f"{MAX_PINS + 1:,} pins; a pin file holds at most {MAX_PINS:,}"
    assert err == f"plandiff: plans/pins.toml: {said}\n"
    (tmp_path / "plans" / "pins.toml").unlink()
    terms = ", ".join(f'"term {i}"' for i in range(MAX_TERMS + 1))
    (tmp_path / "plandiff.toml").write_text(f"watch = [{terms}]\n", encoding="utf-8")
    code, _, err = run(["compare", "us-28-point-draft", "geneva-revision"], capsys)
    assert code == 2
    assert err == (
        f"plandiff: plandiff.toml: {MAX_TERMS + 1:,} terms; a rules file holds at most "
        f"{MAX_TERMS:,} (watch and topics together)\n"
    )
    long_term = "x" * (MAX_TERM_LENGTH + 1)
    (tmp_path / "plandiff.toml").write_text(f'watch = ["{long_term}"]\n', encoding="utf-8")
    code, _, err = run(["compare", "us-28-point-draft", "geneva-revision"], capsys)
    assert code == 2
    assert err == (
        f"plandiff: plandiff.toml: watch: a term is at most {MAX_TERM_LENGTH} characters\n"
    )
