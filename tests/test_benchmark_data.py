"""The benchmarks' labelled data stay valid plans whose truth accounts for every provision."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from plandiff.documents.load import load_plan_text
from plandiff.model.plan import Plan

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "benchmarks" / "data"


def _numbers(plan: Plan) -> list[str]:
    return [p.number for p in plan.provisions]


def _check(
    old: Plan,
    new: Plan,
    truth: dict[str, list[dict[str, list[str]]]],
    reused: frozenset[str] = frozenset(),
    reused_new: frozenset[str] = frozenset(),
) -> None:
    seen_old = [n for g in truth["groups"] for n in g["old"]]
    seen_new = [n for g in truth["groups"] for n in g["new"]]
    # Each provision meets exactly one fate (an old one split across two merges may be listed
    # twice, and only where the truth says so).
    assert sorted(set(seen_old)) == sorted(_numbers(old))
    assert sorted(n for n in seen_old if n not in reused) == sorted(
        n for n in _numbers(old) if n not in reused
    )
    assert sorted(set(seen_new)) == sorted(_numbers(new))
    assert sorted(n for n in seen_new if n not in reused_new) == sorted(
        n for n in _numbers(new) if n not in reused_new
    )


def test_generated_pair_is_valid_and_fully_labelled(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate.py"),
            "--size",
            "60",
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        env=dict(os.environ),
    )
    [old_path] = tmp_path.glob("*-old.json")
    old = load_plan_text(old_path.read_text(encoding="utf-8"), "plan.json")
    new = load_plan_text(
        old_path.with_name(old_path.name.replace("-old", "-new")).read_text(encoding="utf-8"),
        "plan.json",
    )
    truth = json.loads(
        old_path.with_name(old_path.name.replace("-old", "-truth")).read_text(encoding="utf-8")
    )
    assert len(old.provisions) == 60
    assert new.parent == old.id
    _check(old, new, truth)
    words = [len(p.text.split()) for p in old.provisions]
    assert 55 <= sum(words) / len(words) <= 100


def test_real_pair_is_valid_and_fully_labelled() -> None:
    old = load_plan_text((REAL / "bill-of-rights-house-1789.json").read_text("utf-8"), "plan.json")
    new = load_plan_text(
        (REAL / "bill-of-rights-congress-1789.json").read_text("utf-8"), "plan.json"
    )
    truth = json.loads((REAL / "bill-of-rights-1789-truth.json").read_text("utf-8"))
    assert (len(old.provisions), len(new.provisions)) == (17, 12)
    # House article 10 was divided between the grand-jury and the trial-jury articles.
    _check(old, new, truth, reused=frozenset({"10"}))


def test_new_real_pairs_are_valid_labelled_and_cite_their_sources() -> None:
    # An article whose paragraphs went to several articles, or that took in paragraphs from
    # articles split elsewhere, is listed in several groups (old side, new side).
    none: frozenset[str] = frozenset()
    pairs = {
        ("eu-tec-nice", "eu-tfeu-lisbon", "eu-tec-tfeu-truth"): (none, none),
        ("eu-teu-nice", "eu-teu-lisbon", "eu-teu-truth"): (
            frozenset({"3", "18"}),
            frozenset({"13", "21", "27"}),
        ),
        ("eu-brussels-i-2001", "eu-brussels-i-recast-2012", "eu-brussels-i-truth"): (none, none),
        (
            "eu-data-protection-directive-1995",
            "eu-gdpr-2016",
            "eu-data-protection-truth",
        ): (frozenset({"18"}), frozenset({"30"})),
    }
    labelled = 0
    for (old_name, new_name, truth_name), (reused, reused_new) in pairs.items():
        old = load_plan_text((REAL / f"{old_name}.json").read_text("utf-8"), "plan.json")
        new = load_plan_text((REAL / f"{new_name}.json").read_text("utf-8"), "plan.json")
        truth = json.loads((REAL / f"{truth_name}.json").read_text("utf-8"))
        _check(old, new, truth, reused=reused, reused_new=reused_new)
        assert new.parent == old.id
        assert old.sources and new.sources and truth["sources"]
        assert all(p.sources for p in (*old.provisions, *new.provisions))
        labelled += len({(o, n) for g in truth["groups"] for o in g["old"] for n in g["new"]})
    assert labelled >= 185
