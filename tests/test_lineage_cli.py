"""log, history, synopsis and report over a three-version lineage built inside the tests.

The third version revises the bundled Geneva revision: the military cap is renumbered (6 → 5)
and the territorial point is split in two, so lineages longer than two are exercised.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
TERRITORY_DONBAS = "Territorial questions, including the withdrawal from Donbas, are left open."
TERRITORY_RECOGNITION = (
    "The recognition clauses are left open for Presidents Trump and Zelensky to decide."
)


def third_version() -> dict[str, object]:
    """The Geneva revision with one more renumbering and a split."""
    plan: dict[str, Any] = json.loads(
        (REPO / "plans" / "geneva-revision.json").read_text(encoding="utf-8")
    )
    plan.pop("$schema", None)
    plan.update(id="follow-up", version="Follow-up draft", date="2025-11-30")
    plan["parent"] = "geneva-revision"
    provisions = []
    for p in plan["provisions"]:
        if p["key"] == "military-cap":
            provisions.append({**p, "number": "5"})
        elif p["key"] == "territory":
            provisions.append({**p, "key": "territory-donbas", "text": TERRITORY_DONBAS})
            provisions.append(
                {**p, "number": "22", "key": "territory-recognition", "text": TERRITORY_RECOGNITION}
            )
        else:
            provisions.append(p)
    plan["provisions"] = provisions
    return plan


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("library") / "plans"
    folder.mkdir()
    for name in ("us-28-point-draft.json", "geneva-revision.json"):
        shutil.copy(REPO / "plans" / name, folder / name)
    (folder / "follow-up.json").write_text(json.dumps(third_version()), encoding="utf-8")
    return folder


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), *filter(None, [env.get("PYTHONPATH")])])
    return subprocess.run(
        [sys.executable, "-m", "plandiff", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_log_draws_three_generations(library: Path) -> None:
    done = run("log", "--plans", str(library))
    assert done.returncode == 0, done.stderr
    ids = [line.lstrip("│├└─ ").split()[0] for line in done.stdout.splitlines()]
    assert ids == ["us-28-point-draft", "geneva-revision", "follow-up"]
    assert done.stdout.splitlines()[2].startswith("    └── follow-up")


def test_history_follows_the_cap_through_three_versions(library: Path) -> None:
    done = run("history", "military-cap", "--plans", str(library))
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "First version: present in the first version as 6" in text
    assert "600,000" in text and "800,000" in text
    assert "Renumbered: 6 → 5" in text
    assert text.index("us-28-point-draft ·") < text.index("geneva-revision ·")
    assert text.index("geneva-revision ·") < text.index("follow-up ·")


def test_history_by_number_and_by_topic(library: Path) -> None:
    by_number = run("history", "6", "--plans", str(library), "--format", "json")
    assert by_number.returncode == 0, by_number.stderr
    rows = json.loads(by_number.stdout)["rows"]
    assert [r["label"] for r in rows] == ["military-cap"]
    assert [c["plan_id"] for c in rows[0]["cells"]] == [
        "us-28-point-draft",
        "geneva-revision",
        "follow-up",
    ]
    by_topic = run("history", "--topic", "territory", "--plans", str(library), "--format", "json")
    assert by_topic.returncode == 0, by_topic.stderr
    rows = {r["label"]: r for r in json.loads(by_topic.stdout)["rows"]}
    assert "no-change-by-force" in rows  # tagged with the topic, though never in Geneva
    last = rows["territory"]["cells"][2]
    assert [p["number"] for p in last["provisions"]] == ["21", "22"]
    assert [c["kind"] for c in last["changes"]] == ["split"]


def test_history_of_an_unknown_provision_is_one_line(library: Path) -> None:
    done = run("history", "no-such-key", "--plans", str(library))
    assert done.returncode == 2
    assert done.stderr.startswith("plandiff: no provision with key or number 'no-such-key' in ")
    assert len(done.stderr.splitlines()) == 1


def test_history_formats(library: Path) -> None:
    for fmt, start in (("markdown", "# History of military-cap"), ("html", "<!DOCTYPE html>")):
        done = run("history", "military-cap", "--plans", str(library), "--format", fmt)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(start)


def test_synopsis_lines_up_three_versions(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "synopsis.md"
    done = run(
        "synopsis", "us-28-point-draft", "geneva-revision", "follow-up",
        "--plans", str(library), "-o", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    table = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    assert table[0].count(" | ") == 3  # the provision column and three versions
    cap = next(line for line in table if line.startswith("| military-cap |"))
    assert "<del>" in cap and "*Renumbered*" in cap
    html = run("synopsis", "--plans", str(library), "--format", "html")
    assert html.returncode == 0, html.stderr
    assert html.stdout.count('<th scope="col"') == 4


def test_report_writes_checks_and_leaves_unchanged_files_alone(
    library: Path, tmp_path: Path
) -> None:
    out = tmp_path / "reports"
    first = run("report", "--plans", str(library), "--out", str(out))
    assert first.returncode == 0, first.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        ".plandiff-manifest",
        "README.md",
        "geneva-revision--follow-up.html",
        "geneva-revision--follow-up.md",
        "us-28-point-draft--geneva-revision.html",
        "us-28-point-draft--geneva-revision.md",
    ]
    index = (out / "README.md").read_text(encoding="utf-8")
    assert "[Markdown](geneva-revision--follow-up.md)" in index
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = run("report", "--plans", str(library), "--out", str(out))
    assert again.returncode == 0 and "0 written, 6 unchanged" in again.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    assert run("report", "--check", "--plans", str(library), "--out", str(out)).returncode == 0

    (out / "geneva-revision--follow-up.md").write_text("edited by hand\n", encoding="utf-8")
    (out / "us-28-point-draft--geneva-revision.html").unlink()
    check = run("report", "--check", "--plans", str(library), "--out", str(out))
    assert check.returncode == 1
    assert f"{out}/us-28-point-draft--geneva-revision.html: missing" in check.stdout
    assert f"{out}/geneva-revision--follow-up.md: stale" in check.stdout
    assert (out / "geneva-revision--follow-up.md").read_text(encoding="utf-8") == "edited by hand\n"


def test_compare_takes_plan_ids(library: Path) -> None:
    done = run(
        "compare", "geneva-revision", "follow-up", "--plans", str(library), "--format", "json"
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["new"]["id"] == "follow-up"


def test_the_committed_reports_are_up_to_date() -> None:
    done = run("report", "--check")
    assert done.returncode == 0, done.stdout + done.stderr


def _readme_block(command: str) -> str:
    """The output pasted in the README right after ``$ plandiff <command>``."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index(f"$ plandiff {command}\n") + len(f"$ plandiff {command}\n")
    end = min(readme.index("\n$ ", start), readme.index("\n```", start))
    return readme[start:end] + "\n"


@pytest.mark.parametrize("command", ["log", "history military-cap", "report --check"])
def test_the_readme_shows_real_output(command: str) -> None:
    done = run(*command.split())
    assert done.stdout == _readme_block(command)


def test_the_readme_synopsis_rows_are_real() -> None:
    done = run("synopsis", "us-28-point-draft", "geneva-revision")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pasted = readme[readme.index("An excerpt of the Markdown") :].split("\n\n")[1].splitlines()
    assert len(pasted) >= 4
    assert all(line in done.stdout.splitlines() for line in pasted)


def test_history_and_synopsis_refuse_unclear_requests(library: Path) -> None:
    neither = run("history", "--plans", str(library))
    assert (neither.returncode, neither.stderr) == (
        2,
        "plandiff: name one provision (KEY or NUMBER) or give --topic T, not both\n",
    )
    alone = run("synopsis", "geneva-revision", "--plans", str(library))
    assert (alone.returncode, alone.stderr) == (
        2,
        "plandiff: a synopsis needs at least two versions\n",
    )


def test_history_can_stop_at_an_earlier_version(library: Path) -> None:
    done = run("history", "military-cap", "--plan", "geneva-revision", "--plans", str(library))
    assert done.returncode == 0, done.stderr
    assert "follow-up" not in done.stdout and "geneva-revision ·" in done.stdout


def test_history_and_synopsis_bridge_the_partial_geneva_version(tmp_path: Path) -> None:
    """A full text after Geneva: the points Geneva did not cover rejoin their draft history."""
    for name in ("us-28-point-draft.json", "geneva-revision.json"):
        shutil.copy(REPO / "plans" / name, tmp_path / name)
    full = json.loads((REPO / "plans" / "us-28-point-draft.json").read_text(encoding="utf-8"))
    full.pop("$schema", None)
    full.update(id="full-text", version="Full text", date="2025-12-01", parent="geneva-revision")
    (tmp_path / "full-text.json").write_text(json.dumps(full), encoding="utf-8")
    done = run("history", "sovereignty", "--plans", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "Not covered: 1 is not in this partial version" in done.stdout
    assert "Unchanged: 1 (compared with us-28-point-draft: the version before" in done.stdout
    table = run("synopsis", "--plans", str(tmp_path), "--format", "json")
    rows = json.loads(table.stdout)["rows"]
    assert len(rows) == 29  # the 28 points and Geneva's added approval point, nothing twice
