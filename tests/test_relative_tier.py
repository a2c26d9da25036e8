"""The relative tier and the last look at leftovers: which scores they see, what they pair."""

from __future__ import annotations

from alignbuild import state
from plandiff.align.pairing import Match
from plandiff.align.similar import by_leftover_best, by_mutual_best
from plandiff.align.splitmerge import by_distant_parts
from plandiff.model.changes import MatchedBy

WHOLE = (
    "Grain exports through Odesa resume under Turkish inspection, and frozen Russian assets "
    "finance a reconstruction fund managed by the World Bank."
)
FIRST = "Grain exports through Odesa resume under Turkish inspection."
SECOND = "Frozen Russian assets finance a reconstruction fund managed by the World Bank."
STRAY = "Observers from the World Bank report every quarter on the fund."


def test_a_leftover_is_scored_against_a_pair_that_may_grow_and_joins_it_as_a_part() -> None:
    # Best-first assignment paired the whole with its first half before anything scored the
    # second half against it: the relative tier scores it, and leaves it to the group passes
    # rather than pairing it with a poorer free partner.
    # (The halves are in the other order, so that no equal number pairs the stray and the
    # second half first.)
    s = state([WHOLE, STRAY], [SECOND, FIRST])
    s.take([Match((0,), (1,), MatchedBy.SIMILARITY, s.scorer.similarity(0, 1))])
    by_mutual_best(s)
    assert (0, 0) in s.scored and s.scored[(0, 0)] > s.scored[(1, 0)] > 0.1
    assert s.free_new == {0}
    by_distant_parts(s)
    assert [(m.old, m.new, m.by) for m in s.matches] == [((0,), (0, 1), MatchedBy.CONTAINMENT)]


def test_a_pair_by_identical_text_is_not_scored_as_a_place_for_parts() -> None:
    s = state([FIRST, STRAY], [FIRST, SECOND])
    s.take([Match((0,), (0,), MatchedBy.TEXT, 1.0)])
    by_mutual_best(s)
    assert (1, 0) not in s.scored


def _last_look(score: float) -> list[Match]:
    # Old 0 and new 0 are paired and took no part; old 1's best match is new 0 (0.30), its
    # best free one new 1 (``score``).
    s = state(["Grain exports resume.", "Ports reopen."], ["Grain exports resume.", "Ports."])
    s.take([Match((0,), (0,), MatchedBy.SIMILARITY, 0.6)])
    s.leftovers_all_scored = True
    s.scored.update({(0, 0): 0.6, (1, 0): 0.30, (1, 1): score})
    by_leftover_best(s)
    return s.matches


def test_leftovers_no_group_took_pair_when_nearly_as_good_as_their_best_match() -> None:
    match = next(m for m in _last_look(0.28) if m.old == (1,))
    assert match.new == (1,)
    # Under the options' bars: marked as the relative tier's, with its score.
    assert match.note is not None and match.note.startswith(
        "low confidence: each other's best match (similarity 0.28)"
    )


def test_a_leftover_whose_best_match_is_clearly_a_paired_one_stays_unpaired() -> None:
    assert [(m.old, m.new) for m in _last_look(0.20)] == [((0,), (0,))]


def test_the_last_look_waits_for_a_relative_tier_that_scored_every_leftover_pair() -> None:
    s = state(["Grain exports resume.", "Ports reopen."], ["Grain exports resume.", "Ports."])
    s.take([Match((0,), (0,), MatchedBy.SIMILARITY, 0.6)])
    s.scored.update({(0, 0): 0.6, (1, 1): 0.3})
    by_leftover_best(s)  # leftovers_all_scored is still False: only the index had looked
    assert s.free_old == {1}
