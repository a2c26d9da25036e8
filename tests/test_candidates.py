"""The candidate contract: rare shared keys, a fixed document-frequency cap, determinism."""

from __future__ import annotations

import random

from plandiff.align.candidates import DF_CAP, KEYS, candidates, lookup_keys


def test_lookup_keys_are_the_rarest_words() -> None:
    rank = {w: r for r, w in enumerate("abcdefghijkl")}
    assert lookup_keys(set("lkjihgfedcba"), rank) == tuple("abcdefgh")[:KEYS]


def test_a_shared_rare_key_makes_a_candidate_both_ways() -> None:
    old = {0: ("amnesty",), 1: ("grain",)}
    new = {5: ("grain",), 6: ("amnesty",)}
    assert candidates(old, new) == {(0, 6), (1, 5)}


def test_a_key_in_more_than_the_cap_of_provisions_is_not_a_lookup_key() -> None:
    # "ukraine" is in every provision: above the cap it finds nothing, at the cap it does.
    crowded = {k: ("ukraine",) for k in range(DF_CAP + 1)}
    assert candidates(crowded, crowded) == set()
    at_cap = {k: ("ukraine",) for k in range(DF_CAP)}
    assert (0, 0) in candidates(at_cap, at_cap)
    # The cap counts the side looked up: a word crowded among the new provisions only is
    # still found from each new provision, in the one old provision that has it.
    assert candidates({0: ("ukraine",)}, crowded) == {(0, j) for j in crowded}


def test_the_cap_does_not_grow_with_the_input() -> None:
    # A fixed cap is what keeps the index linear: a common key stays skipped however many
    # provisions there are, while a rare key still finds its partner.
    for size in (100, 1000):
        old = {i: ("ukraine", f"rare{i}") for i in range(size)}
        new = {j: ("ukraine", f"rare{j}") for j in range(size)}
        found = candidates(old, new)
        assert found == {(k, k) for k in range(size)}


def test_each_side_keeps_its_top_k_by_shared_keys() -> None:
    old = {0: ("a", "b", "c"), 8: ("a", "y"), 9: ("a", "y")}
    new = {1: ("a", "y"), 2: ("a", "b"), 3: ("a", "b", "c")}
    found = candidates(old, new, k=2)
    # Old 0 keeps new 3 and 2 (three and two shared keys), not new 1 (one); and new 1 keeps
    # old 8 and 9 (two shared keys each), not old 0.
    assert {(0, 3), (0, 2), (8, 1), (9, 1)} <= found
    assert (0, 1) not in found


def test_ties_are_broken_by_provision_order_whatever_the_insertion_order() -> None:
    old = {i: ("grain",) for i in range(4)}
    new = {j: ("grain",) for j in range(10)}
    first = candidates(old, new, k=2)
    assert first == {(i, j) for i in range(4) for j in range(10) if i < 2 or j < 2}
    for seed in range(5):
        rng = random.Random(seed)
        olds, news = list(old.items()), list(new.items())
        rng.shuffle(olds)
        rng.shuffle(news)
        assert candidates(dict(olds), dict(news), k=2) == first
