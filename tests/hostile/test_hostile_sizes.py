"""Pathological sizes stay bounded: guarded by the caps that bound the work, not by the clock.

The timings of the same cases are in ``benchmarks/hostile.py``.
"""

from __future__ import annotations

import random

import pytest

import builders
from plandiff.findings.figures import changes as numdiff
from plandiff.findings.figures.quantities import quantities
from plandiff.model.changes import ChangeKind, Comparison
from plandiff.model.plan import Plan
from plandiff.output import FORMATS, render
from plandiff.pipeline.compare import compare
from plandiff.wording import edits as wording
from plandiff.wording.invisible import MAX_SPAN, invisible_change
from plandiff.wording.tokens import diff_units

RNG_SEED = 11


def plan(pid: str, texts: list[str]) -> Plan:
    return builders.plan(pid, texts, provenance="confirmed")


def two_letter_words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(("a", "b", "ab", "ba")) for _ in range(count))


def scattered_edits(rng: random.Random, text: str, count: int) -> str:
    words = text.split(" ")
    for _ in range(count):
        words[rng.randrange(len(words))] = rng.choice(("a", "b"))
    return " ".join(words)


def one_to_one(cmp: Comparison) -> None:
    olds = [r.position for c in cmp.changes for r in c.old]
    news = [r.position for c in cmp.changes for r in c.new]
    assert sorted(olds) == list(range(cmp.old.provision_count))
    assert sorted(news) == list(range(cmp.new.provision_count))


def test_a_20000_character_provision_falls_back_to_text_replaced() -> None:
    rng = random.Random(RNG_SEED)
    long = two_letter_words(rng, 10_000)[:20_000]
    new = scattered_edits(rng, long, 50)
    assert len(diff_units(long)) > 4000  # over the cap of units a side
    cmp = compare(plan("a", [long]), plan("b", [new]))
    (change,) = cmp.changes
    assert change.edits_capped
    assert [e.op for e in change.edits] == ["replace"]
    for fmt in FORMATS:
        assert render(cmp, fmt)
    assert "too long to compare word by word" in render(cmp, "terminal")


def test_few_recurring_words_under_the_unit_cap_are_capped_too() -> None:
    # 2,000 units is under the cap of 4,000, but two letters recurring 1,000 times each would
    # make the matcher do millions of steps; the count of equal unit pairs bounds that.
    rng = random.Random(RNG_SEED)
    old = " ".join(rng.choice("ab") for _ in range(2000))
    new = scattered_edits(rng, old, 200)
    a, b = diff_units(old), diff_units(new)
    assert max(len(a), len(b)) <= 4000
    assert wording._equal_pairs(a, b) > wording.MAX_EQUAL_PAIRS
    edits, capped = wording.word_edits(old, new, cap=4000)
    assert capped and len(edits) == 1


def test_ordinary_long_prose_is_still_diffed_word_by_word() -> None:
    sentence = "The parties agree that the {} commission shall report on the {} every month. "
    words = ["joint", "border", "naval", "energy", "grain", "prisoner", "monitoring"]
    old = "".join(sentence.format(w, v) for w in words for v in words * 2)
    new = old.replace("every month", "every week", 3)
    assert wording._equal_pairs(diff_units(old), diff_units(new)) < wording.MAX_EQUAL_PAIRS
    edits, capped = wording.word_edits(old, new, cap=4000)
    assert not capped and sum(e.op != "equal" for e in edits) == 3


def test_thousands_of_figures_are_paired_in_order() -> None:
    rng = random.Random(RNG_SEED)
    old = " ".join(f"{rng.randrange(1, 10**6):,} troops" for _ in range(300))
    new = old.replace("1", "2")
    assert len(quantities(old)) * len(quantities(new)) > numdiff.MAX_PAIRINGS
    pairs = numdiff.pair_quantities(old, new)
    assert pairs and all(o is not None and n is not None for o, n in pairs)
    assert [o.start for o, _ in pairs if o] == sorted(o.start for o, _ in pairs if o)
    cmp = compare(plan("a", [old]), plan("b", [new]))
    assert cmp.changes[0].kind is ChangeKind.MODIFIED


def test_a_few_figures_are_still_paired_by_meaning() -> None:
    old = "Troops: 600,000. Aid: $100 billion. Elections within 100 days."
    new = "Elections within 120 days. Troops: 800,000. Aid: $100 billion."
    pairs = numdiff.pair_quantities(old, new)
    assert {(o.text if o else None, n.text if n else None) for o, n in pairs} == {
        ("600,000", "800,000"),
        ("100 days", "120 days"),
    }


@pytest.mark.parametrize("size", [1500])
def test_near_identical_provisions_pair_one_to_one(size: int) -> None:
    clause = "The parties shall respect the line of contact in sector {} and report monthly."
    old = [clause.format(i % 7) for i in range(size)]
    new = [t.replace("monthly", "weekly") if i % 3 == 0 else t for i, t in enumerate(old)]
    cmp = compare(plan("a", old), plan("b", new))
    one_to_one(cmp)
    assert render(cmp, "json")


@pytest.mark.parametrize("order", ["reversed", "shuffled"])
def test_every_provision_reordered(order: str) -> None:
    texts = [
        f"Provision {i}: the parties shall take measure {i} within {i % 90} days."
        for i in range(800)
    ]
    new = texts[::-1] if order == "reversed" else random.Random(RNG_SEED).sample(texts, 800)
    cmp = compare(plan("a", texts), plan("b", new))
    one_to_one(cmp)
    kinds = {c.kind for c in cmp.changes}
    assert kinds <= {ChangeKind.MOVED, ChangeKind.RENUMBERED, ChangeKind.UNCHANGED}
    assert all(not c.reworded for c in cmp.changes)


def test_invisible_changes_in_a_huge_text_are_named_in_bounded_time() -> None:
    old = "word " * 4000
    scattered = old.replace(" ", "\u00a0", 300)  # 300 changes, each in a piece of its own
    note = invisible_change(old, scattered)
    assert note is not None and note.count("U+0020 → U+00A0") == 5 and note.endswith("295 more")
    local = old[:10_000] + "\u200b" + old[10_000:]
    assert invisible_change(old, local) == "invisible change: U+200B added"


def test_a_huge_word_with_invisible_changes_is_described_not_diffed() -> None:
    # One piece without white space, longer than MAX_SPAN between its first and last change:
    # the character diff that would name its code points is quadratic, so it is not run.
    word = "ab" * 2000
    changed = word[:10] + "\u200b" + word[10:3990] + "\u200d" + word[3990:]
    assert MAX_SPAN < 3990 - 10
    note = invisible_change(word, changed)
    assert note == "invisible change: white space, zero-width or Unicode-form characters differ"
