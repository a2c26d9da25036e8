"""Property and fuzz tests: random plans and random edits keep the comparison's invariants, and
no bytes at all make the loader raise anything but its documented error."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandiff.documents.load import load_plan_text
from plandiff.model.changes import ChangeKind, Comparison
from plandiff.model.errors import PlandiffError
from plandiff.model.plan import Plan
from plandiff.output import FORMATS, render
from plandiff.pipeline.compare import compare

# Deterministic in CI: the same examples every run, no shared database, no deadline.
FAST = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None)

BUNDLED = Path(__file__).resolve().parents[2] / "plans" / "geneva-revision.json"

WORDS = [
    "ceasefire",
    "troops",
    "sanctions",
    "border",
    "elections",
    "NATO",
    "amnesty",
    "grain",
    "prisoners",
    "Ukraine",
    "Russia",
    "within",
    "days",
    "the",
    "of",
    "shall",
]
# Characters that have tripped text tools: markup, controls, invisible and bidi characters.
ODD = st.sampled_from(
    [
        "<b>",
        "::",
        "##[",
        "\x1b[2J",
        "\u00a0",
        "\u200b",
        "\u202e",
        "e\u0301",
        "`",
        "|",
        "@x",
        "#1",
        "\r",
        "\n\n",
    ]
)
SENTENCE = st.lists(
    st.one_of(st.sampled_from(WORDS), ODD, st.integers(1, 900_000).map(lambda n: f"{n:,}")),
    min_size=3,
    max_size=14,
).map(lambda ws: " ".join(ws) + ".")


def plan_of(pid: str, texts: list[str], *, partial: bool = False) -> Plan:
    doc = {
        "id": pid,
        "title": "T",
        "version": pid,
        "date": "2025-11-20",
        "completeness": "partial" if partial else "full",
        "provisions": [
            {"number": str(n), "text": t, "provenance": "confirmed"} for n, t in enumerate(texts, 1)
        ],
    }
    if partial:
        doc["completeness_note"] = "only some points are known"
    return load_plan_text(json.dumps(doc), "plan.json")


@st.composite
def edited(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Old texts and new texts after random renumbering, moves, splits, merges, rewording,
    number changes, additions and removals."""
    old = draw(st.lists(SENTENCE, min_size=1, max_size=8))
    new = list(old)
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["move", "split", "merge", "reword", "number", "add", "remove"]))
        i = draw(st.integers(0, len(new) - 1))
        if op == "move" and len(new) > 1:
            new.insert(draw(st.integers(0, len(new) - 1)), new.pop(i))
        elif op == "split" and " " in new[i]:
            words = new[i].split(" ")
            cut = len(words) // 2
            new[i : i + 1] = [" ".join(words[:cut]) + ".", " ".join(words[cut:])]
        elif op == "merge" and i + 1 < len(new):
            new[i : i + 2] = [new[i] + " " + new[i + 1]]
        elif op == "reword":
            new[i] = new[i].replace(new[i].split(" ")[0], draw(st.sampled_from(WORDS)), 1)
        elif op == "number":
            new[i] = new[i] + f" {draw(st.integers(1, 999)):,} troops."
        elif op == "add":
            new.insert(i, draw(SENTENCE))
        elif op == "remove" and len(new) > 1:
            new.pop(i)
    return old, new


def sides(cmp: Comparison, side: str) -> list[int]:
    return sorted(r.position for c in cmp.changes for r in getattr(c, side))


@FAST
@given(st.lists(SENTENCE, min_size=1, max_size=8))
def test_a_plan_compared_with_itself_has_no_differences(texts: list[str]) -> None:
    cmp = compare(plan_of("a", texts), plan_of("b", texts))
    assert not cmp.has_differences
    assert {c.kind for c in cmp.changes} == {ChangeKind.UNCHANGED}


@FAST
@given(edited())
def test_pairing_is_one_to_one_edits_replay_and_every_renderer_succeeds(
    pair: tuple[list[str], list[str]],
) -> None:
    old, new = pair
    cmp = compare(plan_of("a", old), plan_of("b", new))
    assert sides(cmp, "old") == list(range(len(old)))
    assert sides(cmp, "new") == list(range(len(new)))
    for change in cmp.changes:
        if change.edits and change.old and change.new:
            joined_old = "\n\n".join(r.text for r in change.old)
            joined_new = "\n\n".join(r.text for r in change.new)
            assert "".join(e.old for e in change.edits) == joined_old
            assert "".join(e.new for e in change.edits) == joined_new
    for fmt in FORMATS:
        assert render(cmp, fmt)


@FAST
@given(edited())
def test_a_partial_new_version_never_reports_a_removal(
    pair: tuple[list[str], list[str]],
) -> None:
    old, new = pair
    cmp = compare(plan_of("a", old), plan_of("b", new, partial=True))
    assert ChangeKind.REMOVED not in {c.kind for c in cmp.changes}
    unknown = {r.position for c in cmp.changes if c.kind is ChangeKind.NOT_COVERED for r in c.old}
    full = compare(plan_of("a", old), plan_of("b", new))
    removed = {r.position for c in full.changes if c.kind is ChangeKind.REMOVED for r in c.old}
    assert unknown == removed  # what a full version calls removed, a partial one leaves unknown


@FUZZ
@given(st.binary(max_size=400))
def test_the_loader_refuses_any_bytes_with_its_own_error(data: bytes) -> None:
    try:
        load_plan_text(data, "fuzz.json")
    except PlandiffError as err:
        assert str(err)
        assert all("\n" not in line for line in err.problems) if hasattr(err, "problems") else 1


@FUZZ
@given(st.data())
def test_the_loader_refuses_mutated_plans_with_its_own_error(data: st.DataObject) -> None:
    original = bytearray(BUNDLED.read_bytes())
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(original) - 1))
        how = data.draw(st.sampled_from(["flip", "delete", "insert", "duplicate"]))
        if how == "flip":
            original[at] = data.draw(st.integers(0, 255))
        elif how == "delete":
            del original[at : at + data.draw(st.integers(1, 40))]
        elif how == "insert":
            original[at:at] = data.draw(
                st.sampled_from(
                    [
                        b"{",
                        b"]",
                        b'"',
                        b"\\u0000",
                        b"\\ud800",
                        b"1e999",
                        b"NaN",
                        b"\xff",
                        b"\x00",
                        b',"id":"x"',
                        b"[" * 100,
                    ]
                )
            )
        else:
            original[at:at] = original[at : at + data.draw(st.integers(1, 200))]
    try:
        plan = load_plan_text(bytes(original), "mutated.json")
    except PlandiffError as err:
        assert str(err).strip()
        for line in getattr(err, "problems", ()):
            assert "\n" not in line and not line.lstrip().startswith("::")
    else:
        assert isinstance(plan, Plan)


@FAST
@given(edited())
def test_reversing_a_comparison_swaps_added_and_removed(
    pair: tuple[list[str], list[str]],
) -> None:
    old, new = pair
    forward = compare(plan_of("a", old), plan_of("b", new))
    backward = compare(plan_of("b", new), plan_of("a", old))

    def positions(cmp: Comparison, kind: ChangeKind, side: str) -> set[int]:
        return {r.position for c in cmp.changes if c.kind is kind for r in getattr(c, side)}

    assert positions(forward, ChangeKind.ADDED, "new") == positions(
        backward, ChangeKind.REMOVED, "old"
    )
    assert positions(forward, ChangeKind.REMOVED, "old") == positions(
        backward, ChangeKind.ADDED, "new"
    )
