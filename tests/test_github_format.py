"""``--format github``: sized for GitHub comments and job summaries, with complete counts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from comparisons import identical, info, representative
from plandiff.model.changes import (
    ChangeKind,
    Comparison,
    Finding,
    KindCount,
    ProvisionChange,
    ProvisionRef,
    WordEdit,
)
from plandiff.model.errors import UsageError
from plandiff.model.options import CompareOptions
from plandiff.model.vocabulary import Severity
from plandiff.output import FORMATS, render
from plandiff.output.annotations import render_annotations
from plandiff.output.github import LIMITS, MARKER, render_github, render_github_many

WORDS = (
    "the",
    "parties",
    "agree",
    "that",
    "the",
    "commission",
    "will",
    "verify",
    "the",
    "withdrawal",
    "of",
    "forces",
    "from",
    "the",
    "zone",
    "within",
    "100",
    "days",
    "and",
    "report",
    "to",
    "the",
    "guarantors",
    "on",
    "every",
    "step",
    "taken",
)


def _text(i: int, changed: bool) -> str:
    words = [WORDS[(i + k) % len(WORDS)] for k in range(70)]
    if changed:
        words[10] = f"{600 + i},000"
    return f"Provision {i}: " + " ".join(words) + "."


def big(n: int = 10_000) -> Comparison:
    """A comparison of two n-provision versions: a fifth modified, some removed."""
    changes = []
    findings = []
    for i in range(n):
        old = ProvisionRef(number=str(i + 1), position=i, text=_text(i, False))
        if i % 5 == 0:
            new = replace(old, text=_text(i, True))
            edits = (WordEdit(op="replace", old=old.text, new=new.text),)
            kind = ChangeKind.MODIFIED
            findings.append(
                Finding(
                    rule="number-changed",
                    severity=Severity.ERROR if i % 10 == 0 else Severity.WARNING,
                    message=f"Figure in provision {i + 1} changed",
                    change_id=f"p-{i}",
                )
            )
            change = ProvisionChange(
                id=f"p-{i}",
                kind=kind,
                old=(old,),
                new=(new,),
                confidence=0.9,
                reworded=True,
                edits=edits,
            )
        elif i % 97 == 0:
            change = ProvisionChange(
                id=f"old-{i}",
                kind=ChangeKind.REMOVED,
                old=(old,),
                new=(),
                confidence=1.0,
                edits=(WordEdit(op="delete", old=old.text),),
            )
        else:
            change = ProvisionChange(
                id=f"p-{i}",
                kind=ChangeKind.UNCHANGED,
                old=(old,),
                new=(old,),
                confidence=1.0,
                edits=(WordEdit(op="equal", old=old.text, new=old.text),),
            )
        changes.append(change)
    tally: dict[ChangeKind, int] = {}
    for c in changes:
        tally[c.kind] = tally.get(c.kind, 0) + 1
    return Comparison(
        old=info(provision_count=n),
        new=info(
            id="big-revision",
            version="revision",
            date=dt.date(2025, 12, 1),
            provision_count=n - tally[ChangeKind.REMOVED],
        ),
        options=CompareOptions(),
        changes=tuple(changes),
        findings=tuple(findings),
        counts=tuple(KindCount(kind=k, count=v) for k, v in tally.items()),
    )


BIG = big()
RUN_URL = "https://github.com/o/r/actions/runs/1"


@pytest.fixture(scope="module")
def big_outputs() -> dict[str, str]:
    """The 10,000-provision comparison rendered once per budget for the tests below."""
    return {
        budget: render_github(BIG, budget=budget, details_url=RUN_URL)
        for budget in ("comment", "summary")
    }


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def test_github_is_a_render_format_and_starts_with_the_marker() -> None:
    assert "github" in FORMATS
    text = render(representative(), "github")
    assert text.splitlines()[0] == MARKER == "<!-- plandiff-report -->"
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_small_comparison_shows_everything_without_a_cut_note() -> None:
    text = render_github(representative())
    assert "Details cut" not in text
    for label in ("6", "7 → 8", "12 → 3", "20 (added)", "26 (removed)"):
        assert f"**{label}**" in text
    # Headlines worst first.
    positions = [text.index(word) for word in ("**Error**", "**Warning**", "**Info**")]
    assert positions == sorted(positions)
    assert "3 findings (1 error, 1 warning, 1 info)" in text


@pytest.mark.parametrize("budget", ["comment", "summary"])
def test_ten_thousand_provisions_fit_both_limits_with_full_counts(
    budget: str, big_outputs: dict[str, str]
) -> None:
    text = big_outputs[budget]
    assert _size(text) < LIMITS[budget]
    assert len(text) < LIMITS[budget]
    modified, removed = 2_000, len([i for i in range(10_000) if i % 97 == 0 and i % 5])
    unchanged = 10_000 - modified - removed
    header = re.search(r"^\| Modified \|.*\n.*\n(.*)$", text, re.M)
    assert header is not None
    assert header.group(1) == f"| {modified} | {removed} | {unchanged} | 10000 |"
    assert "2000 findings (1000 error, 1000 warning)" in text
    assert "Details cut" in text and "plandiff-reports" in text
    assert "[this workflow run](https://github.com/o/r/actions/runs/1)" in text
    shown = len(re.findall(r"^\*\*\d+(?: \(removed\))?\*\* · ", text, re.M))
    assert f"{shown} of {modified + removed} provisions listed" in text
    assert text.count("<details>") == text.count("</details>") == 1


def test_summary_budget_shows_more_than_comment_budget(big_outputs: dict[str, str]) -> None:
    assert _size(big_outputs["summary"]) > 10 * _size(big_outputs["comment"])


def test_many_comparisons_share_one_marker_and_the_budget() -> None:
    text = render_github_many([big(2_000), representative(), identical()], budget="comment")
    assert text.count(MARKER) == 1
    assert _size(text) < LIMITS["comment"]
    assert text.startswith(MARKER + "\n## plandiff: 3 comparisons")
    assert text.count("\n### ") == 3


def test_details_url_must_be_plain_https() -> None:
    with pytest.raises(UsageError):
        render_github(representative(), details_url="javascript:alert(1)")
    with pytest.raises(UsageError):
        render_github(representative(), details_url="https://x.example/a)[b](c")


def test_output_is_deterministic() -> None:
    assert render_github(big(2_000)) == render_github(big(2_000))


def test_annotations_worst_first_escaped_and_capped() -> None:
    cmp = representative()
    hostile = Finding(
        rule="r", severity=Severity.WARNING, message="50% cut\r\n::error::pwned", change_id="p-6"
    )
    cmp = replace(cmp, findings=(*cmp.findings, hostile))
    lines = render_annotations([(cmp, "plans/a,b:c.json")]).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::error",
        "::warning",
        "::warning",
        "::notice",
    ]
    assert lines[0].startswith("::error file=plans/a%2Cb%3Ac.json,title=plandiff number-changed")
    assert "50%25 cut" in lines[2] and "::error::pwned" in lines[2]
    assert all(line.count("\n") == 0 for line in lines)
    capped = render_annotations([(BIG, "plans/big.json")], limit=50).splitlines()
    assert len(capped) == 51
    assert all(line.startswith("::error ") for line in capped[:50])
    assert capped[-1] == (
        "::notice title=plandiff::1950 more findings not annotated; "
        "see the job summary and the HTML reports"
    )
