"""The similarity contract: folded word sets, rarity weights, Dice and containment."""

from __future__ import annotations

import pytest

from alignbuild import provision
from plandiff.align.similarity import containment, joined, profile, rarity, similarity, words_of


def test_words_are_folded_and_stop_words_dropped() -> None:
    words = words_of(provision("The Forces, of Ukraine: 600,000 troops."))
    assert words == {"forces", "ukraine", "600", "000", "troops"}


def test_heading_and_subpoints_count_as_words_of_the_provision() -> None:
    p = provision(
        "Sanctions are lifted.",
        heading="Economy",
        subpoints=[{"label": "a", "text": "Frozen assets return."}],
    )
    assert {"economy", "sanctions", "frozen", "assets"} <= words_of(p)


def test_compatibility_forms_fold_to_one_word() -> None:
    assert words_of(provision("\ufb01nal \uff54\uff52\uff4f\uff4f\uff50\uff53")) == words_of(
        provision("final troops")
    )


def test_a_rare_word_weighs_more_than_a_common_one_and_a_number_more_than_a_word() -> None:
    documents = [frozenset({"ukraine", "amnesty", "7"})] + [frozenset({"ukraine"})] * 9
    documents.append(frozenset({"ukraine", "treaty"}))
    weight = rarity(documents)
    assert weight["amnesty"] > weight["ukraine"] > 0
    # "7" and "amnesty" are each in one document: the number weighs half as much again.
    assert weight["7"] == pytest.approx(1.5 * weight["amnesty"])
    assert weight["treaty"] == pytest.approx(weight["amnesty"])


def test_dice_is_one_for_the_same_words_zero_for_none_and_symmetric() -> None:
    a, b, c = frozenset({"grain", "ports"}), frozenset({"grain", "odesa"}), frozenset({"x"})
    weight = rarity([a, b, c])
    pa, pb, pc = (profile(w, weight) for w in (a, b, c))
    assert similarity(pa, pa, weight) == pytest.approx(1.0)
    assert similarity(pa, pc, weight) == 0.0
    assert similarity(pa, pb, weight) == similarity(pb, pa, weight)
    assert 0.0 < similarity(pa, pb, weight) < 1.0


def test_containment_is_one_for_a_part_of_the_joined_whole() -> None:
    a, b = frozenset({"grain", "ports"}), frozenset({"prisoners", "exchange"})
    weight = rarity([a, b])
    pa, pb = profile(a, weight), profile(b, weight)
    whole = joined([pa, pb], weight)
    assert containment(pa, whole, weight) == pytest.approx(1.0)
    assert containment(whole, pa, weight) == pytest.approx(0.5)
    assert similarity(pa, whole, weight) < 1.0


def test_an_empty_profile_is_similar_to_nothing() -> None:
    weight = rarity([frozenset({"grain"})])
    empty, grain = profile(frozenset(), weight), profile(frozenset({"grain"}), weight)
    assert similarity(empty, empty, weight) == 0.0
    assert containment(empty, grain, weight) == 0.0
