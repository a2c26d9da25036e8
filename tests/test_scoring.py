"""The scorer: rarity learned across both versions, pair and group similarity, lookup keys."""

from __future__ import annotations

import pytest

from alignbuild import provisions
from plandiff.align.scoring import Scorer

OLD = provisions(
    "The parties agree that Ukraine keeps armed forces of 600,000.",
    "The parties agree that grain exports through Odesa resume.",
    "The parties agree that prisoners are exchanged all for all.",
)
NEW = provisions(
    "The parties agree that Ukraine keeps armed forces of 800,000.",
    "The parties agree that grain exports resume.",
    "The parties agree that exports of grain pass through Odesa.",
    "The parties agree that prisoners and detainees are exchanged all for all.",
)


def test_boilerplate_shared_by_every_provision_weighs_least() -> None:
    scorer = Scorer(OLD, NEW, range(3), range(4))
    assert scorer.weight["agree"] < scorer.weight["grain"] < scorer.weight["600"]


def test_the_true_partner_scores_highest() -> None:
    scorer = Scorer(OLD, NEW, range(3), range(4))
    row = {j: scorer.similarity(2, j) for j in range(4)}
    assert max(row, key=row.__getitem__) == 3
    assert scorer.similarity(0, 0) > scorer.similarity(0, 1)


def test_a_split_reads_better_joined_than_either_part() -> None:
    scorer = Scorer(OLD, NEW, range(3), range(4))
    joined = scorer.group_similarity((1,), (1, 2))
    assert joined > scorer.similarity(1, 1)
    assert joined > scorer.similarity(1, 2)
    assert scorer.old_in(1, (1, 2)) == pytest.approx(1.0)
    assert scorer.new_in(1, (1,)) == pytest.approx(1.0)


def test_only_the_chosen_provisions_are_profiled() -> None:
    scorer = Scorer(OLD, NEW, [1], [1, 2])
    assert scorer.has("old", 1) and not scorer.has("old", 0)
    assert scorer.has("new", 2) and not scorer.has("new", 3)
    # The others still teach rarity, so a handful of leftovers does not make every word rare.
    assert scorer.weight["agree"] < scorer.weight["odesa"]


def test_lookup_keys_are_rarest_first_and_the_same_on_every_call() -> None:
    scorer = Scorer(OLD, NEW, range(3), range(4))
    keys = scorer.old_keys([2])[2]
    weights = [scorer.weight[w] for w in keys]
    assert weights == sorted(weights, reverse=True)
    assert scorer.old_keys([2]) == {2: keys}
    assert Scorer(OLD, NEW, range(3), range(4)).old_keys([2])[2] == keys
