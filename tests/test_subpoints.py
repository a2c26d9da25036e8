"""Sub-points are paired within a provision pair: by identical wording, by label, by words."""

from __future__ import annotations

import random

from plandiff.align import subpoints
from plandiff.align.subpoints import subpoint_changes
from plandiff.model.changes import ChangeKind
from plandiff.model.plan import SubPoint

WORDS = [f"w{n}" for n in range(5000)]


def sub(label: str, text: str) -> SubPoint:
    return SubPoint(label=label, text=text)


def pairs(old: list[SubPoint], new: list[SubPoint]) -> set[tuple[str | None, str | None]]:
    return {(c.old_label, c.new_label) for c in subpoint_changes(old, new, cap=10_000)}


def test_identical_wording_pairs_before_labels() -> None:
    old = [sub("a", "Prisoners are exchanged."), sub("b", "Sanctions are lifted in stages.")]
    new = [sub("a", "A new first item."), sub("b", "Prisoners are exchanged.")]
    new.append(sub("c", "Sanctions are lifted in stages."))
    assert pairs(old, new) == {(None, "a"), ("a", "b"), ("b", "c")}


def test_equal_label_needs_some_shared_words() -> None:
    old = [sub("a", "The ceasefire starts at once along the line of contact.")]
    same_topic = [sub("a", "The ceasefire starts within three days along the contact line.")]
    other = [sub("a", "Frozen assets fund reconstruction.")]
    assert pairs(old, same_topic) == {("a", "a")}
    assert pairs(old, other) == {("a", None), (None, "a")}


def texts(rng: random.Random, count: int) -> list[str]:
    return [" ".join(rng.sample(WORDS, 8)) for _ in range(count)]


def test_many_subpoints_pair_by_words_beyond_the_all_pairs_bound() -> None:
    """Above the bound only pairs that share words are scored; reworded, shuffled and
    relabelled sub-points still find their partners."""
    rng = random.Random(7)
    count = 600  # 600 x 600 leftover pairs is above the bound
    assert count * count > subpoints._ALL_PAIRS
    old_texts = texts(rng, count)
    old = [sub(f"o{n}", t) for n, t in enumerate(old_texts)]
    order = list(range(count))
    rng.shuffle(order)
    new = []
    for n, i in enumerate(order):
        words = old_texts[i].split()
        words[rng.randrange(8)] = "changed"  # one word of eight reworded: overlap 0.875
        new.append(sub(f"n{n}", " ".join(words)))
    expected = {(f"o{i}", f"n{n}") for n, i in enumerate(order)}
    changes = subpoint_changes(old, new, cap=10_000)
    assert {(c.old_label, c.new_label) for c in changes} == expected
    assert all(c.kind is ChangeKind.RENUMBERED for c in changes)


def test_candidates_are_bounded_per_subpoint_above_the_bound() -> None:
    rng = random.Random(3)
    count = 700
    words = {i: set(t.split()) for i, t in enumerate(texts(rng, count))}
    # Every new sub-point shares a word with every old one: the all-pairs route would give
    # 490,000 candidates.
    for i in words:
        words[i].add("common")
    new_words = {j: set(t.split()) | {"common"} for j, t in enumerate(texts(rng, count))}
    found = list(subpoints._candidates(list(range(count)), list(range(count)), words, new_words))
    assert len(found) <= count * subpoints._PER_SUBPOINT
    assert len(set(found)) == len(found)


def test_few_leftovers_score_every_pair() -> None:
    words = {0: {"x"}, 1: {"y"}}
    new_words = {0: {"z"}}
    assert set(subpoints._candidates([0], [0, 1], words, new_words)) == {(0, 0), (0, 1)}
