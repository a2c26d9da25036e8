"""The ordered list of alignment passes and what each declares about its pairs."""

from __future__ import annotations

import pytest

from alignbuild import provisions
from plandiff.align.aligner import PASSES, Pass, _rules, align, confidence
from plandiff.align.pairing import Match
from plandiff.model.changes import MatchedBy
from plandiff.model.options import CompareOptions


def test_every_matched_by_is_named_by_a_pass() -> None:
    assert {by for p in PASSES for by in p.names} == set(MatchedBy)


def test_the_passes_run_surest_first() -> None:
    first_named = [p.names[0] for p in PASSES]
    assert first_named[:3] == [MatchedBy.PINNED, MatchedBy.KEY, MatchedBy.TEXT]
    # Splits and merges come after every one-to-one pass but the last look at what they left.
    assert first_named[-2] is MatchedBy.CONTAINMENT
    assert PASSES[-1].name == "leftovers' best"


def test_passes_that_name_pairs_alike_must_agree_on_their_rules() -> None:
    def noop(_: object) -> None:
        return None

    clash = (
        Pass("a", noop, (MatchedBy.NUMBER,), certain=False, growable=True),
        Pass("b", noop, (MatchedBy.NUMBER,), certain=False, growable=False),
    )
    with pytest.raises(ValueError, match="disagree about number"):
        _rules(clash)


def test_confidence_is_certain_for_pins_keys_and_text_and_the_score_otherwise() -> None:
    assert confidence(Match((0,), (0,), MatchedBy.KEY, 0.2)) == 1.0
    assert confidence(Match((0,), (0,), MatchedBy.PINNED, 0.2)) == 1.0
    assert confidence(Match((0,), (0,), MatchedBy.SIMILARITY, 0.61234)) == 0.612
    assert confidence(Match((0,), (0, 1), MatchedBy.CONTAINMENT, 0.8)) == 0.8


def test_a_pair_is_made_by_the_first_pass_that_can_make_it() -> None:
    old = provisions("Grain exports resume.", "Prisoners are exchanged all for all.")
    new = provisions("grain   exports resume.", "Prisoners are exchanged all for all.")
    alignment = align(old, new, options=CompareOptions())
    assert sorted((m.old, m.new, m.by) for m in alignment.matches) == [
        ((0,), (0,), MatchedBy.TEXT),
        ((1,), (1,), MatchedBy.TEXT),
    ]
