"""Findings end to end: golden case expectations, the bundled pair's headlines, and the
``--fail-on``, ``--topic`` and ``--rules`` options of ``plandiff compare``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from plandiff.documents.load import load_plan
from plandiff.findings.topics import filter_by_topic
from plandiff.pipeline.compare import compare

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
OLD = ROOT / "plans" / "us-28-point-draft.json"
NEW = ROOT / "plans" / "geneva-revision.json"
WITH_FINDINGS = sorted(
    case
    for case in CASES.iterdir()
    if (case / "expect.toml").is_file()
    and "findings" in tomllib.loads((case / "expect.toml").read_text(encoding="utf-8"))
)


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "plandiff", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=env, check=False,
    )  # fmt: skip


def test_there_is_a_case_about_findings() -> None:
    assert any(case.name == "key-language" for case in WITH_FINDINGS)


@pytest.mark.parametrize("case", WITH_FINDINGS, ids=[c.name for c in WITH_FINDINGS])
def test_case_findings(case: Path) -> None:
    expect: dict[str, Any] = tomllib.loads((case / "expect.toml").read_text(encoding="utf-8"))
    comparison = compare(load_plan(case / "old.json"), load_plan(case / "new.json"))
    got = [[f.change_id, f.rule, f.term] for f in comparison.findings]
    assert got == expect["findings"]


def test_the_bundled_pair_headlines_the_cap_and_nato_changes_first() -> None:
    comparison = compare(load_plan(OLD), load_plan(NEW))
    first = comparison.findings[:3]
    rows = {c.id: c for c in comparison.changes}
    cap = next(f for f in first if f.number is not None)
    assert cap.number is not None
    assert (cap.number.old_value, cap.number.new_value, cap.number.percent) == (
        600_000,
        800_000,
        33.33,
    )
    assert "600,000 → 800,000" in cap.message and "+33%" in cap.message
    assert rows[cap.change_id].new[0].key == "military-cap"
    nato = next(f for f in first if f.term is not None and "NATO" in f.term)
    assert rows[nato.change_id].new[0].key == "nato-membership"
    assert nato.severity == "error"


def test_filtering_by_topic_keeps_only_its_provisions_and_findings() -> None:
    comparison = compare(load_plan(OLD), load_plan(NEW))
    narrowed = filter_by_topic(comparison, "armed-forces")
    assert narrowed.changes and all("armed-forces" in c.topics for c in narrowed.changes)
    ids = {c.id for c in narrowed.changes}
    assert narrowed.findings and all(f.change_id in ids for f in narrowed.findings)
    assert sum(k.count for k in narrowed.counts) == len(narrowed.changes)
    assert [t.topic for t in narrowed.topics] == ["armed-forces"]


def test_fail_on_error_fails_when_an_error_is_found() -> None:
    result = run("compare", OLD, NEW, "--format", "json", "--fail-on", "error")
    assert result.returncode == 1, result.stderr
    assert any(f["severity"] == "error" for f in json.loads(result.stdout)["findings"])


def test_fail_on_passes_when_no_finding_is_that_severe(tmp_path: Path) -> None:
    # A reworded provision with no figure or key word changed: a difference, no finding.
    old = json.loads((CASES / "key-language" / "old.json").read_text(encoding="utf-8"))
    new = json.loads(json.dumps(old))
    new["provisions"][0]["text"] = (
        "All parties to this agreement will confirm Ukraine's sovereignty."
    )
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(new), encoding="utf-8")
    plain = run("compare", tmp_path / "old.json", tmp_path / "new.json")
    assert plain.returncode == 1, plain.stderr  # without --fail-on, diff(1) codes stay
    gated = run("compare", tmp_path / "old.json", tmp_path / "new.json", "--fail-on", "warning")
    assert gated.returncode == 0, gated.stderr


def test_fail_on_warning_counts_errors_too_and_error_ignores_warnings(tmp_path: Path) -> None:
    case = CASES / "key-language"
    (tmp_path / "plandiff.toml").write_text(
        'disable = ["modality-weakened", "negation-added", "negation-removed"]\n',
        encoding="utf-8",
    )
    # Only warnings are left (a strengthened modality, conditions): error passes, warning fails.
    args = ("compare", case / "old.json", case / "new.json")
    assert run(*args, "--fail-on", "error", cwd=tmp_path).returncode == 0
    assert run(*args, "--fail-on", "warning", cwd=tmp_path).returncode == 1


def test_rules_file_is_found_in_the_working_directory_or_named(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.plandiff]\ndisable = ["watched-provision-rewritten", "watched-term-removed", '
        '"number-changed"]\n',
        encoding="utf-8",
    )
    discovered = run("compare", OLD, NEW, "--format", "json", cwd=tmp_path)
    rules = {f["rule"] for f in json.loads(discovered.stdout)["findings"]}
    assert "number-changed" not in rules and "watched-provision-rewritten" not in rules
    assert json.loads(discovered.stdout)["options"]["rules"]["disable"] == [
        "number-changed", "watched-provision-rewritten", "watched-term-removed"
    ]  # fmt: skip
    named = run("compare", OLD, NEW, "--format", "json", "--rules", tmp_path / "pyproject.toml")
    assert json.loads(named.stdout) == json.loads(discovered.stdout)


def test_an_invalid_rules_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "plandiff.toml").write_text('[severity]\nnumber-changed = "loud"\n', "utf-8")
    result = run("compare", OLD, NEW, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "plandiff: plandiff.toml: severity.number-changed: must be one of error, warning, info"
    ]
    assert result.stdout == ""


def test_topic_option_filters_the_report_and_rejects_unknown_topics() -> None:
    result = run("compare", OLD, NEW, "--format", "json", "--topic", "alliances")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["changes"] and all("alliances" in c["topics"] for c in report["changes"])
    unknown = run("compare", OLD, NEW, "--topic", "weather")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("plandiff: no provision has topic 'weather'")
