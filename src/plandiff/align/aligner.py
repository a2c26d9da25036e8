"""Pair the provisions of two versions: an ordered list of passes, surest evidence first.

Each pass reads and extends one ``AlignState`` and declares what its pairs are called in
``matched_by``, how sure they are, and whether a split or merge may grow from them:

1. pins from the analyst; 2. the same stable key; 3. identical text, raw, then folded.
   The longest in-order run of the pairs made so far are the *anchors*.
4. sure pairs between anchors (very similar, each other's best), which cut large gaps;
5. every free provision's candidates from the rare-word index (``candidates``), assigned best
   first; an equal display number lowers the bar;
6. the relative tier: leftovers that are each other's best match, down to a low floor (all
   leftover pairs scored when few, and against the paired provisions that may still grow, so
   one whose best match is already paired waits for step 7), equal numbers first when most
   pairs keep theirs;
7. splits and merges (``splitmerge``): grown from neighbours, then a leftover whose best
   match is a paired provision joins that pair as a part, wherever it lies;
8. what no group took: leftovers that are each other's best among the free, and nearly as
   good as their best match anywhere.
Then the order is judged (``order``): pairs outside the longest in-order run of strong pairs
are moves, and a weak one out of order is undone into removed + added with a note.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from plandiff.align.exact import by_folded_text, by_key, by_pins, by_raw_text
from plandiff.align.order import judge_order
from plandiff.align.pairing import Match
from plandiff.align.similar import by_best_first, by_leftover_best, by_mutual_best, by_sure_pairs
from plandiff.align.splitmerge import by_distant_parts, by_groups
from plandiff.align.state import AlignState
from plandiff.model.changes import MatchedBy
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Provision


@dataclass(frozen=True, slots=True)
class Pass:
    """One alignment pass and what the pairs it makes are.

    ``names``: the ``matched_by`` values its pairs carry. ``certain``: their confidence is 1.0
    whatever the score (otherwise it is the score). ``growable``: a split or merge may grow
    from them (a clean pair by identical text or by pin is never broken up).
    """

    name: str
    run: Callable[[AlignState], None]
    names: tuple[MatchedBy, ...]
    certain: bool
    growable: bool


PASSES: tuple[Pass, ...] = (
    Pass("pins", by_pins, (MatchedBy.PINNED,), certain=True, growable=False),
    Pass("stable key", by_key, (MatchedBy.KEY,), certain=True, growable=True),
    Pass("identical text", by_raw_text, (MatchedBy.TEXT,), certain=True, growable=False),
    Pass("folded text", by_folded_text, (MatchedBy.TEXT,), certain=True, growable=False),
    Pass(
        "sure pairs between anchors",
        by_sure_pairs,
        (MatchedBy.NUMBER, MatchedBy.SIMILARITY),
        certain=False,
        growable=True,
    ),
    Pass(
        "best first",
        by_best_first,
        (MatchedBy.NUMBER, MatchedBy.SIMILARITY),
        certain=False,
        growable=True,
    ),
    Pass(
        "mutual best, low floor",
        by_mutual_best,
        (MatchedBy.NUMBER, MatchedBy.SIMILARITY),
        certain=False,
        growable=True,
    ),
    Pass("splits and merges", by_groups, (MatchedBy.CONTAINMENT,), certain=False, growable=False),
    Pass(
        "distant parts",
        by_distant_parts,
        (MatchedBy.CONTAINMENT,),
        certain=False,
        growable=False,
    ),
    Pass(
        "leftovers' best",
        by_leftover_best,
        (MatchedBy.NUMBER, MatchedBy.SIMILARITY),
        certain=False,
        growable=True,
    ),
)


def _rules(passes: Sequence[Pass]) -> dict[MatchedBy, Pass]:
    rules: dict[MatchedBy, Pass] = {}
    for p in passes:
        for by in p.names:
            first = rules.setdefault(by, p)
            if (first.certain, first.growable) != (p.certain, p.growable):
                raise ValueError(f"passes {first.name!r} and {p.name!r} disagree about {by}")
    return rules


_RULES: Mapping[MatchedBy, Pass] = _rules(PASSES)
_GROWABLE = frozenset(by for by, p in _RULES.items() if p.growable)


@dataclass(frozen=True, slots=True)
class Alignment:
    """The pairs, which of them moved (indices into ``matches``), and notes for unpaired ones.

    ``notes`` is keyed by ("old", index) or ("new", index).
    """

    matches: tuple[Match, ...]
    moved: frozenset[int]
    notes: Mapping[tuple[str, int], str]


def align(
    old: Sequence[Provision], new: Sequence[Provision], *, options: CompareOptions
) -> Alignment:
    """Pair ``old`` and ``new`` provisions one to one, or as split and merged groups."""
    state = AlignState.start(old, new, options, _GROWABLE)
    for p in PASSES:
        p.run(state)
    judge_order(state)
    return Alignment(tuple(state.matches), state.moved, state.notes)


def confidence(m: Match) -> float:
    """How sure a pair is, as reported: 1.0 for a certain pass, else its score (3 decimals)."""
    return 1.0 if _RULES[m.by].certain else round(m.score, 3)
