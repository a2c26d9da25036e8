"""Alignment behaviour that the golden cases do not pin down on their own."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import builders
from plandiff.align.aligner import align
from plandiff.model.changes import ChangeKind, MatchedBy
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Plan
from plandiff.output import render
from plandiff.pipeline.compare import compare


def plan(pid: str, provisions: list[Any], **extra: Any) -> Plan:
    return builders.plan(pid, provisions, **extra)


def clause(rng: random.Random, k: int) -> str:
    topic = ["grain", "ports", "prisoners", "sanctions", "elections", "assets", "energy"][k % 7]
    words = [f"term{rng.randrange(5000)}" for _ in range(12)]
    return f"The parties will agree on {topic} matters {' '.join(words)} under this agreement."


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=2, max_value=40))
def test_identical_order_never_yields_a_move(seed: int, size: int) -> None:
    rng = random.Random(seed)
    old = [clause(rng, k) for k in range(size)]
    new = []
    for text in old:
        roll = rng.random()
        if roll < 0.2:
            words = text.split()
            words[rng.randrange(len(words))] = f"edited{rng.randrange(99)}"
            new.append(" ".join(words))
        elif roll < 0.3:
            continue
        elif roll < 0.4:
            new.extend([text, clause(rng, rng.randrange(7))])
        else:
            new.append(text)
    comparison = compare(plan("a", old), plan("b", new or [old[0]]))
    assert not any(c.moved or c.kind is ChangeKind.MOVED for c in comparison.changes)


def test_every_provision_edited_still_pairs_in_order() -> None:
    # Nothing is byte-identical, so there are no anchors at all: the large gap must be cut by
    # sure pairs from the rare-word index rather than give up.
    rng = random.Random(7)
    old = [clause(rng, k) for k in range(300)]
    new = [t.replace("The parties", "Both parties") for t in old]
    alignment = align(
        plan("a", old).provisions, plan("b", new).provisions, options=CompareOptions()
    )
    assert sorted((m.old, m.new) for m in alignment.matches) == [((k,), (k,)) for k in range(300)]
    assert not alignment.moved


def test_a_weak_pair_is_a_move_only_out_of_order_and_then_marked_low_confidence() -> None:
    first = "Grain corridors through the Black Sea ports will stay open for exports."
    second = "Prisoners of war will be exchanged all for all within 30 days."
    third = "Sanctions will be lifted in stages as the ceasefire holds."
    fourth = "Frozen assets will finance the reconstruction fund."
    moved_weak = "Black Sea grain exports will be insured by a new fund."
    old = plan("a", [first, second, third, fourth])
    new = plan("b", [moved_weak, second, third, fourth])
    strict = CompareOptions(similarity_threshold=0.2, number_threshold=1.0, move_threshold=0.99)
    pairs = compare(old, new, options=strict)
    assert not any(c.kind is ChangeKind.MOVED for c in pairs.changes)
    # Now the weak match lies out of order: a move, but marked low-confidence with its score.
    new_moved = plan("b", [second, third, fourth, moved_weak])
    result = compare(old, new_moved, options=strict)
    kinds = {c.id: c for c in result.changes}
    assert kinds["p-4"].kind is ChangeKind.MOVED and kinds["p-4"].old[0].number == "1"
    assert kinds["p-4"].note is not None
    assert kinds["p-4"].note.startswith("low-confidence move (similarity 0.")
    loose = compare(old, new_moved, options=replace(strict, move_threshold=0.1))
    assert {c.id: c.kind for c in loose.changes}["p-4"] is ChangeKind.MOVED
    assert {c.id: c.note for c in loose.changes}["p-4"] is None


def test_a_stable_key_pairs_whatever_the_wording() -> None:
    old = plan(
        "a",
        [
            {
                "number": "1",
                "key": "security",
                "text": "Guarantees by the US.",
                "provenance": "reported",
            }
        ],
    )
    new = plan(
        "b",
        [
            {
                "number": "4",
                "key": "security",
                "text": "A coalition will deter.",
                "provenance": "reported",
            }
        ],
    )
    change = compare(old, new).changes[0]
    assert (change.kind, change.matched_by, change.confidence) == (
        ChangeKind.RENUMBERED,
        MatchedBy.KEY,
        1.0,
    )
    assert change.reworded and change.renumbered


def test_the_same_number_pairs_a_rewrite_with_some_shared_words() -> None:
    old = plan("a", ["Grain exports through Odesa will resume.", "Prisoners will be exchanged."])
    new = plan(
        "b",
        [
            "Grain exports through Odesa are guaranteed by Turkey, the UN and Europe.",
            "Prisoners will be exchanged.",
        ],
    )
    change = compare(old, new).changes[0]
    assert change.matched_by is MatchedBy.NUMBER
    assert change.kind is ChangeKind.MODIFIED


def test_a_partial_new_version_leaves_the_rest_not_covered() -> None:
    old = plan("a", ["Grain exports will resume.", "Prisoners will be exchanged."])
    new = plan(
        "b",
        ["Prisoners will be exchanged."],
        completeness="partial",
        completeness_note="Only point 2 was reported.",
    )
    changes = compare(old, new).changes
    assert [(c.id, c.kind) for c in changes] == [
        ("old-1", ChangeKind.NOT_COVERED),
        ("p-1", ChangeKind.RENUMBERED),
    ]


def test_metadata_changes_are_listed_by_field() -> None:
    old = plan(
        "a",
        ["Grain exports will resume."],
        parties=["United States"],
        sources=[{"id": "wire", "title": "Wire report", "url": "https://example.org/a"}],
    )
    new = plan(
        "b",
        ["Grain exports will resume."],
        parties=["United States", "Ukraine"],
        title="Revised",
        completeness="partial",
        completeness_note="Points 2-9 unknown.",
        sources=[{"id": "wire", "title": "Wire report", "url": "https://example.org/b"}],
    )
    got = [(m.path, m.change, m.old, m.new) for m in compare(old, new).metadata]
    assert got == [
        ("completeness", "changed", "full", "partial"),
        ("completeness_note", "changed", None, "Points 2-9 unknown."),
        ("parties[1]", "added", None, "Ukraine"),
        ("sources[wire].url", "changed", "https://example.org/a", "https://example.org/b"),
        ("title", "changed", "T", "Revised"),
    ]
    assert compare(old, old).metadata == ()


def test_a_reworded_point_after_a_new_first_point_is_paired_not_removed_and_added() -> None:
    old = plan(
        "a",
        [
            "A ceasefire takes effect along the current line of contact.",
            "Prisoners are exchanged all for all.",
            "Elections are held within 100 days.",
        ],
    )
    new = plan(
        "b",
        [
            "Both sides sign a non-aggression pact.",
            "A ceasefire takes effect along the current line of contact.",
            "Prisoners and civilian detainees are exchanged all for all, within 30 days.",
            "Elections are held within 100 days.",
        ],
    )
    change = next(c for c in compare(old, new).changes if c.new and c.new[0].number == "3")
    assert [r.number for r in change.old] == ["2"]
    assert change.matched_by is MatchedBy.SIMILARITY and change.confidence < 0.5
    # The floor is the analyst's to raise: above the pair's score it is removed + added again.
    strict = compare(old, new, options=CompareOptions(relative_floor=0.6))
    assert {c.id: c.kind for c in strict.changes}["p-3"] is ChangeKind.ADDED


def test_leftovers_pair_only_when_each_is_the_others_best_match() -> None:
    # Old 2 matches new 2 and new 3 alike poorly, but new 3 is far more like old 3 (a paired
    # provision): new 3 is not old 2's to take, and old 2 finds its own partner.
    old = plan(
        "a",
        [
            "Grain corridors through the Black Sea ports stay open for exports.",
            "A joint commission verifies the withdrawal of heavy weapons from the line.",
            "Frozen assets finance the reconstruction fund for the damaged regions.",
        ],
    )
    new = plan(
        "b",
        [
            "Grain corridors through the Black Sea ports stay open for exports.",
            "Observers confirm that heavy weapons have been withdrawn from the line.",
            "Frozen assets finance a reconstruction fund, with the joint commission auditing it.",
        ],
    )
    pairs = sorted(
        (c.old[0].number, c.new[0].number) for c in compare(old, new).changes if c.old and c.new
    )
    assert pairs == [("1", "1"), ("2", "2"), ("3", "3")]


def test_when_most_points_keep_their_number_a_rewrite_under_the_same_number_is_paired() -> None:
    kept = [f"Clause {k} on {topic} stays as agreed." for k, topic in enumerate("abcdef")]
    old = plan("a", [*kept[:3], "Ukraine will not join the alliance.", *kept[3:]])
    new = plan(
        "b",
        [*kept[:3], "Membership of any alliance is a sovereign choice for Kyiv.", *kept[3:]],
    )
    change = {c.id: c for c in compare(old, new).changes}["p-4"]
    # Only "alliance" is shared, and the text alone would not pair it.
    assert change.kind is ChangeKind.MODIFIED and change.matched_by is MatchedBy.NUMBER


def test_many_leftovers_are_found_through_words_both_versions_share() -> None:
    # 150 rewritten provisions: too many leftovers to score every pair, so the index must
    # propose each partner by a word both versions use, not by a word only one of them has.
    rng = random.Random(11)
    old_texts, new_texts = [], []
    for k in range(150):
        shared = [f"name{k}x{w}" for w in range(3)]
        old_texts.append(
            " ".join([*shared, *(f"old{rng.randrange(10**6)}" for _ in range(9))]) + "."
        )
        new_texts.append(
            " ".join([*(f"new{rng.randrange(10**6)}" for _ in range(9)), *shared]) + "."
        )
    rng.shuffle(new_texts)
    alignment = align(
        plan("a", old_texts).provisions, plan("b", new_texts).provisions, options=CompareOptions()
    )
    assert len(alignment.matches) == 150
    for m in alignment.matches:
        assert old_texts[m.old[0]].split()[0] in new_texts[m.new[0]]


def test_a_pair_under_the_bars_is_marked_low_confidence_in_every_format() -> None:
    old = plan("a", ["A ceasefire holds.", "Prisoners are exchanged all for all."])
    new = plan(
        "b",
        [
            "Both sides sign a non-aggression pact.",
            "A ceasefire holds.",
            "Prisoners and civilian detainees are exchanged all for all, within 30 days.",
        ],
    )
    comparison = compare(old, new)
    change = {c.id: c for c in comparison.changes}["p-3"]
    assert change.note is not None and change.note.startswith(
        "low confidence: each other's best match (similarity 0."
    )
    for fmt in ("json", "markdown", "html", "terminal"):
        assert "low confidence: each other" in render(comparison, fmt), fmt
