"""The order judgement: strong pairs out of the in-order run are moves, weak ones are undone."""

from __future__ import annotations

from alignbuild import state
from plandiff.align.order import judge_order
from plandiff.align.pairing import Match
from plandiff.model.changes import MatchedBy
from plandiff.model.options import CompareOptions


def _judged(
    pairs: list[tuple[int, int, float]], size: int = 4, options: CompareOptions | None = None
) -> tuple[list[tuple[int, int]], set[int], dict[tuple[str, int], str]]:
    texts = [f"clause {k}" for k in range(size)]
    s = state(texts, texts, options)
    s.take(Match((i,), (j,), MatchedBy.SIMILARITY, score) for i, j, score in pairs)
    judge_order(s)
    kept = [(m.old[0], m.new[0]) for m in s.matches]
    notes = dict(s.notes)
    notes.update({("pair", m.old[0]): m.note for m in s.matches if m.note})
    return kept, {kept[k][0] for k in s.moved}, notes


def test_identical_order_yields_no_move() -> None:
    kept, moved, notes = _judged([(0, 0, 0.9), (1, 1, 0.2), (2, 2, 0.7), (3, 3, 1.0)])
    assert sorted(kept) == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert not moved and not notes


def test_a_strong_pair_out_of_order_is_a_move() -> None:
    kept, moved, notes = _judged([(0, 3, 0.9), (1, 0, 1.0), (2, 1, 1.0), (3, 2, 1.0)])
    assert moved == {0}
    assert len(kept) == 4 and not notes


def test_a_weak_pair_out_of_order_is_a_low_confidence_move_with_its_score() -> None:
    # Real reordered paraphrases score 0.2-0.5: undoing them lost the change a reader needs.
    kept, moved, notes = _judged([(0, 3, 0.3), (1, 0, 1.0), (2, 1, 1.0), (3, 2, 1.0)])
    assert (0, 3) in kept and moved == {0}
    assert notes == {("pair", 0): "low-confidence move (similarity 0.30)"}


def test_a_very_weak_pair_out_of_order_is_undone_with_a_note_on_both_sides() -> None:
    loose = CompareOptions(similarity_threshold=0.1)
    kept, moved, notes = _judged(
        [(0, 3, 0.15), (1, 0, 1.0), (2, 1, 1.0), (3, 2, 1.0)], options=loose
    )
    assert (0, 3) not in kept and not moved
    assert notes[("old", 0)] == "possible move to new 4 (similarity 0.15)"
    assert notes[("new", 3)] == "possible move of old 1 (similarity 0.15)"


def test_a_very_weak_pair_under_the_bars_is_dropped_unremarked() -> None:
    # Only the relative tier makes such a pair; a "possible move" at 0.15 would be noise.
    kept, moved, notes = _judged([(0, 3, 0.15), (1, 0, 1.0), (2, 1, 1.0), (3, 2, 1.0)])
    assert (0, 3) not in kept and not moved and not notes


def test_a_weak_pair_never_makes_a_strong_one_a_move() -> None:
    # Two in-order runs of equal length: {weak 0->0, strong 2->2} against {strong 1->1 ...}.
    # The weak pair must not be the reason the strong ones move: it is the move.
    _, moved, notes = _judged([(0, 2, 0.3), (1, 0, 1.0), (2, 1, 1.0)], size=3)
    assert moved == {0}
    assert notes == {("pair", 0): "low-confidence move (similarity 0.30)"}


def test_a_weak_pair_that_fits_between_its_strong_neighbours_stays() -> None:
    kept, moved, notes = _judged([(0, 0, 1.0), (1, 1, 0.2), (2, 2, 1.0)], size=3)
    assert (1, 1) in kept and not moved and not notes
