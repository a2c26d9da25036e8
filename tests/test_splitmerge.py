"""Splits and merges grown from a pair or a candidate, bounded by parts, pins and relevance."""

from __future__ import annotations

from alignbuild import provisions, state
from plandiff.align.aligner import align
from plandiff.align.pairing import Match
from plandiff.align.splitmerge import by_distant_parts, by_groups
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


def test_a_provision_divided_between_two_distant_new_ones_is_one_split() -> None:
    # The grain half stays first; the assets half lands last, two provisions away: no
    # neighbour to grow by, but its best match is the provision already paired.
    middle = "Elections are held within one hundred days of the signature."
    old = [WHOLE, OTHER, middle]
    new = [PARTS[0], OTHER, middle, PARTS[1]]
    alignment = align(provisions(*old), provisions(*new), options=CompareOptions())
    groups = sorted((m.old, m.new, m.by) for m in alignment.matches)
    assert groups[0] == ((0,), (0, 3), MatchedBy.CONTAINMENT)
    assert not alignment.moved


def test_a_distant_part_joins_only_if_reading_the_parts_together_is_more_alike() -> None:
    s = _seeded(state([WHOLE, OTHER], [PARTS[0], OTHER, "Grain prices are set by the market."]))
    s.take([Match((1,), (1,), MatchedBy.TEXT, 1.0)])
    s.scored[(0, 2)] = s.scorer.similarity(0, 2)
    by_distant_parts(s)
    # "Grain" alone ties the stray provision to the whole; joined, the sides are less alike.
    assert [(m.old, m.new) for m in s.matches] == [((0,), (0,)), ((1,), (1,))]
    assert s.free_new == {2}


def test_a_low_confidence_group_says_so_with_its_score() -> None:
    s = _seeded(state([WHOLE, OTHER], [PARTS[0], OTHER, PARTS[1]]))
    s.take([Match((1,), (1,), MatchedBy.TEXT, 1.0)])
    s.scored[(0, 2)] = s.scorer.similarity(0, 2)
    by_distant_parts(s)
    group = s.matches[0]
    assert (group.old, group.new) == ((0,), (0, 2))
    # Under the similarity bar, the group is marked as the relative tier's, with its score.
    high = CompareOptions(similarity_threshold=1.0)
    reworded = PARTS[1].replace("managed by", "run by")
    s = _seeded(state([WHOLE, OTHER], [PARTS[0], OTHER, reworded], high))
    s.take([Match((1,), (1,), MatchedBy.TEXT, 1.0)])
    s.scored[(0, 2)] = s.scorer.similarity(0, 2)
    by_distant_parts(s)
    note = s.matches[0].note
    assert note is not None and note.startswith("low confidence: part joined as its best match")
