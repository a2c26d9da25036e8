"""Properties every comparison must keep, on generated plan versions (hypothesis)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import builders
from plandiff.model.changes import ChangeKind, Comparison
from plandiff.model.plan import Plan
from plandiff.pipeline.compare import compare

WORDS = (
    "Ukraine",
    "Russia",
    "NATO",
    "will",
    "shall",
    "the",
    "of",
    "and",
    "agreement",
    "troops",
    "600,000",
    "800,000",
    "$100",
    "billion",
    "100",
    "days",
    "sanctions",
    "amnesty",
    "elections",
    "territory",
    "guarantees",
    "Europe",
    "forces",
    "ceasefire",
    "referendum",
    "nuclear",
    "plant",
    "Zaporizhzhia",
    "corridor",
    "grain",
    "ports",
    "assets",
    "fund",
    "monitoring",
)


@st.composite
def texts(draw: st.DrawFn, tag: int) -> str:
    # Every provision carries a word of its own, so that two provisions are never identical
    # by accident; the rest is drawn from a small, boilerplate-heavy vocabulary.
    body = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=14))
    return " ".join([f"clause{tag}", *body]) + draw(st.sampled_from([".", ";", ""]))


@st.composite
def plan_pairs(draw: st.DrawFn) -> tuple[Plan, Plan]:
    size = draw(st.integers(min_value=1, max_value=8))
    old = [draw(texts(k)) for k in range(size)]
    new: list[str] = []
    for k, text in enumerate(old):
        fate = draw(st.sampled_from(["keep", "keep", "edit", "drop", "add"]))
        if fate == "keep":
            new.append(text)
        elif fate == "edit":
            words = text.split()
            at = draw(st.integers(min_value=1, max_value=len(words)))
            words.insert(at, draw(st.sampled_from(WORDS)))
            new.append(" ".join(words))
        elif fate == "add":
            new.extend([text, draw(texts(100 + k))])
    if not new:
        new.append(draw(texts(200)))
    if draw(st.booleans()):
        new = draw(st.permutations(new))
    return _plan("old", old), _plan("new", new)


def _plan(pid: str, texts: Sequence[str]) -> Plan:
    return builders.plan(pid, texts, title="Generated plan")


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(plan_pairs())
def test_a_plan_compared_with_itself_has_no_change(pair: tuple[Plan, Plan]) -> None:
    old, _ = pair
    comparison = compare(old, old)
    assert not comparison.has_differences
    assert all(c.kind is ChangeKind.UNCHANGED for c in comparison.changes)
    assert comparison.findings == ()


@SETTINGS
@given(plan_pairs())
def test_every_provision_appears_exactly_once(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    comparison = compare(old, new)
    olds = [r.position for c in comparison.changes for r in c.old]
    news = [r.position for c in comparison.changes for r in c.new]
    assert sorted(olds) == list(range(len(old.provisions)))
    assert sorted(news) == list(range(len(new.provisions)))
    assert len({c.id for c in comparison.changes}) == len(comparison.changes)


@SETTINGS
@given(plan_pairs())
def test_edits_replay_both_texts(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    for change in compare(old, new).changes:
        old_text = "\n\n".join(r.text for r in change.old)
        new_text = "\n\n".join(r.text for r in change.new)
        assert "".join(e.old for e in change.edits) == old_text == change.old_text
        assert "".join(e.new for e in change.edits) == new_text == change.new_text
        for sub in change.subpoints:
            assert sub.old_text == "".join(e.old for e in sub.edits)
            assert sub.new_text == "".join(e.new for e in sub.edits)


@SETTINGS
@given(plan_pairs())
def test_reversing_a_comparison_swaps_added_and_removed(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    forward, backward = compare(old, new), compare(new, old)
    assert _numbers(forward, ChangeKind.ADDED, "new") == _numbers(
        backward, ChangeKind.REMOVED, "old"
    )
    assert _numbers(forward, ChangeKind.REMOVED, "old") == _numbers(
        backward, ChangeKind.ADDED, "new"
    )
    assert _pairs(forward) == {(b, a) for a, b in _pairs(backward)}


def _numbers(comparison: Comparison, kind: ChangeKind, side: str) -> set[str]:
    return {r.number for c in comparison.changes if c.kind is kind for r in getattr(c, side)}


def _pairs(comparison: Comparison) -> set[tuple[str, str]]:
    return {(a.number, b.number) for c in comparison.changes for a in c.old for b in c.new}
