"""Word-level edits: they replay both texts, respect whole words and read like a human redline."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from plandiff.wording import edits as wording
from plandiff.wording.edits import word_edits
from plandiff.wording.tokens import tokenize

PIECES = [
    "the",
    "cap",
    "of",
    "600,000",
    "800,000",
    "troops",
    "will",
    "NATO",
    "$100 billion",
    "100 days",
    "50%",
    "Ukraine's",
    "long-range",
    ",",
    ".",
    ";",
    " ",
    "  ",
    "\n",
    "(a)",
]
text_strategy = st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join)


def runs(old: str, new: str, cap: int = 4000) -> list[tuple[str, str, str]]:
    edits, _ = word_edits(old, new, cap=cap)
    return [(e.op, e.old, e.new) for e in edits]


@settings(max_examples=300, deadline=None)
@given(text_strategy, text_strategy)
def test_edits_replay_both_texts(old: str, new: str) -> None:
    edits, capped = word_edits(old, new, cap=4000)
    assert not capped
    assert "".join(e.old for e in edits) == old
    assert "".join(e.new for e in edits) == new
    for e in edits:
        assert (e.op == "equal") == (e.old == e.new)
        assert e.op != "insert" or not e.old
        assert e.op != "delete" or not e.new


def _boundaries(text: str) -> set[int]:
    at, out = 0, {0}
    for token in tokenize(text):
        at += len(token)
        out.add(at)
    return out


@settings(max_examples=300, deadline=None)
@given(text_strategy, text_strategy)
def test_an_edit_never_splits_a_word_or_a_number(old: str, new: str) -> None:
    edits, _ = word_edits(old, new, cap=4000)
    cut_old, cut_new = _boundaries(old), _boundaries(new)
    at_old = at_new = 0
    for e in edits:
        at_old += len(e.old)
        at_new += len(e.new)
        assert at_old in cut_old and at_new in cut_new


@settings(max_examples=300, deadline=None)
@given(text_strategy, text_strategy)
def test_no_tiny_equality_is_left_between_two_edits(old: str, new: str) -> None:
    edits, _ = word_edits(old, new, cap=4000)
    for before, equal, after in zip(edits, edits[1:], edits[2:], strict=False):
        if equal.op == "equal" and before.op != "equal" and after.op != "equal":
            size = len(equal.old.strip())
            if not any(ch.isalnum() for ch in equal.old) and size:
                continue  # punctuation between edits is kept on purpose
            assert size > max(len(before.old), len(before.new)) or size > max(
                len(after.old), len(after.new)
            )


def test_a_changed_number_is_one_edit_of_the_whole_number() -> None:
    assert runs("Troops: 600,000 in total.", "Troops: 800,000 in total.") == [
        ("equal", "Troops: ", "Troops: "),
        ("replace", "600,000", "800,000"),
        ("equal", " in total.", " in total."),
    ]


def test_a_number_keeps_its_unit_and_currency() -> None:
    assert runs("Within 100 days, $100 billion.", "Within 90 days, $200 billion.") == [
        ("equal", "Within ", "Within "),
        ("replace", "100 days", "90 days"),
        ("equal", ", ", ", "),
        ("replace", "$100 billion", "$200 billion"),
        ("equal", ".", "."),
    ]


def test_a_coincidental_shared_word_is_folded_into_the_edit() -> None:
    assert runs("Russia will withdraw its forces.", "NATO will not expand.") == [
        ("replace", "Russia will withdraw its forces", "NATO will not expand"),
        ("equal", ".", "."),
    ]


def test_an_insertion_before_a_full_stop_keeps_the_last_word_equal() -> None:
    assert runs("A cap of 600,000.", "A cap of 600,000 troops.") == [
        ("equal", "A cap of 600,000", "A cap of 600,000"),
        ("insert", "", " troops"),
        ("equal", ".", "."),
    ]


def test_identical_and_empty_texts() -> None:
    assert runs("Same text.", "Same text.") == [("equal", "Same text.", "Same text.")]
    assert runs("", "") == []
    assert runs("", "New.") == [("insert", "", "New.")]


def test_beyond_the_cap_the_texts_are_one_replacement() -> None:
    old, new = "word " * 30, "other " * 30
    edits, capped = word_edits(old, new, cap=10)
    assert capped
    assert [(e.op, e.old, e.new) for e in edits] == [("replace", old, new)]
    assert word_edits(old, old, cap=10) == (
        (replace(edits[0], op="equal", new=old),),
        False,
    )


clause_strategy = st.lists(st.sampled_from([*PIECES, ", ", ". ", "; ", ":\n"]), max_size=40).map(
    "".join
)


@settings(max_examples=400, deadline=None)
@given(clause_strategy, clause_strategy, clause_strategy, clause_strategy)
def test_edits_of_clauses_around_a_change_still_replay(
    head: str, middle_old: str, middle_new: str, tail: str
) -> None:
    # The common head and tail are cut at clause boundaries before tokenising: whatever
    # the cut, the runs must still rebuild both texts and respect whole words.
    old, new = head + middle_old + tail, head + middle_new + tail
    edits, _ = word_edits(old, new, cap=4000)
    assert "".join(e.old for e in edits) == old
    assert "".join(e.new for e in edits) == new
    cut_old, cut_new = _boundaries(old), _boundaries(new)
    at_old = at_new = 0
    for e in edits:
        at_old += len(e.old)
        at_new += len(e.new)
        assert at_old in cut_old and at_new in cut_new


def test_a_change_in_one_clause_leaves_the_others_whole() -> None:
    old = "The parties agree, in good faith, to a ceasefire. Troops: 600,000; no more."
    new = "The parties agree, in good faith, to a ceasefire. Troops: 800,000; no more."
    head, tail = wording._stable_ends(old, new)
    assert old[:head] == "The parties agree, in good faith, to a ceasefire. Troops: "
    assert old[len(old) - tail :] == "no more."
    assert runs(old, new)[1] == ("replace", "600,000", "800,000")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES[:12]), max_size=60),
    st.lists(st.sampled_from(PIECES[:12]), max_size=60),
)
def test_the_compiled_matcher_gives_difflibs_opcodes(a: list[str], b: list[str]) -> None:
    # The word diff relies on cydifflib being difflib's algorithm, only faster: with few
    # distinct tokens every tie-break of the longest-match search is exercised.
    import difflib

    expected = difflib.SequenceMatcher(None, a, b, False).get_opcodes()
    from cydifflib import SequenceMatcher

    assert wording.SequenceMatcher is SequenceMatcher  # type: ignore[attr-defined]
    assert SequenceMatcher(None, a, b, False).get_opcodes() == expected
