"""Splits and merges grown from a pair or a candidate, bounded by parts, pins and relevance."""

from __future__ import annotations

from alignbuild import state
from plandiff.align.pairing import Match
from plandiff.align.splitmerge import by_groups
from plandiff.align.state import AlignState
from plandiff.model.changes import MatchedBy
from plandiff.model.options import CompareOptions, PinnedPair

WHOLE = (
    "Grain exports through Odesa resume under Turkish inspection, and frozen Russian assets "
    "finance a reconstruction fund managed by the World Bank."
)
PARTS = (
    "Grain exports through Odesa resume under Turkish inspection.",
    "Frozen Russian assets finance a reconstruction fund managed by the World Bank.",
)
OTHER = "Prisoners are exchanged all for all within thirty days."


def _seeded(s: AlignState, by: MatchedBy = MatchedBy.SIMILARITY) -> AlignState:
    # Old 1 paired with new 1 as the best-first pass would, leaving new 2 free.
    s.take([Match((0,), (0,), by, s.scorer.similarity(0, 0))])
    return s


def test_a_split_grows_from_its_pair_by_the_free_neighbour() -> None:
    s = _seeded(state([WHOLE, OTHER], [*PARTS, OTHER]))
    s.take([Match((1,), (2,), MatchedBy.TEXT, 1.0)])
    by_groups(s)
    assert (s.matches[0].old, s.matches[0].new, s.matches[0].by) == (
        (0,),
        (0, 1),
        MatchedBy.CONTAINMENT,
    )
    assert not s.free_new


def test_a_merge_is_the_mirror_of_a_split() -> None:
    s = state([*PARTS], [WHOLE])
    s.take([Match((1,), (0,), MatchedBy.SIMILARITY, s.scorer.similarity(1, 0))])
    by_groups(s)
    assert [(m.old, m.new) for m in s.matches] == [((0, 1), (0,))]


def test_a_group_grows_from_a_free_provision_and_its_best_candidate() -> None:
    s = state([WHOLE], [*PARTS])
    s.scored.update({(0, 0): s.scorer.similarity(0, 0), (0, 1): s.scorer.similarity(0, 1)})
    by_groups(s)
    assert [(m.old, m.new) for m in s.matches] == [((0,), (0, 1))]


def test_a_pair_by_identical_text_is_never_broken_up() -> None:
    s = _seeded(state([PARTS[0]], [*PARTS]), MatchedBy.TEXT)
    by_groups(s)
    assert [(m.old, m.new, m.by) for m in s.matches] == [((0,), (0,), MatchedBy.TEXT)]


def test_an_unrelated_neighbour_stays_out() -> None:
    s = _seeded(state([PARTS[0]], [PARTS[0] + " Now.", OTHER]))
    by_groups(s)
    assert [(m.old, m.new) for m in s.matches] == [((0,), (0,))]
    assert s.free_new == {1}


def test_no_more_parts_than_the_options_allow() -> None:
    thirds = (
        "Grain exports through Odesa resume.",
        "Turkish officers inspect every ship.",
        "Frozen Russian assets finance a reconstruction fund.",
    )
    whole = " ".join(thirds)
    three = _seeded(state([whole], list(thirds)))
    by_groups(three)
    assert three.matches[0].new == (0, 1, 2)
    two = _seeded(state([whole], list(thirds), CompareOptions(max_parts=2)))
    by_groups(two)
    assert len(two.matches[0].new) <= 2


def test_a_forbidden_pin_keeps_a_part_out() -> None:
    pins = (PinnedPair(old=("1",), new=("2",), forbid=True),)
    s = _seeded(state([WHOLE], [*PARTS], CompareOptions(pins=pins)))
    by_groups(s)
    assert [(m.old, m.new) for m in s.matches] == [((0,), (0,))]
