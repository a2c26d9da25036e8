"""The order judgement: which pairs are moves, and which weak ones are undone."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace

from plandiff.align.pairing import Match
from plandiff.align.state import AlignState
from plandiff.model.changes import MatchedBy
from plandiff.util.order import longest_increasing

# A weak pair out of order is kept as a low-confidence move from this score up (real reordered
# paraphrases score 0.2-0.5); below it, it is undone into removed + added.
WEAK_MOVE = 0.2


def judge_order(state: AlignState) -> None:
    """Pairs outside the longest in-order run of strong pairs are moves.

    The order is judged on the strong pairs first (similarity at least ``move_threshold``, or
    pinned): among equally long in-order runs, one that keeps an exact pair in place beats one
    that keeps a weak pair, so a weak pair is never the reason a certain one is called a move
    (and comparing B with A mirrors A with B). A weak pair stays only where it fits between its
    strong neighbours, in order; any other scoring at least ``WEAK_MOVE`` is kept as a
    low-confidence move, with a note, and the rest are undone into removed + added, with a
    "possible move" note on both.
    """
    bar = state.options.move_threshold
    matches = state.matches
    strong = sorted(
        (m for m in matches if m.score >= bar or m.by is MatchedBy.PINNED),
        key=lambda m: (min(m.old), min(m.new)),
    )
    in_order = longest_increasing([min(m.new) for m in strong])
    spine = [m for k, m in enumerate(strong) if k in in_order]
    spine_old = [min(m.old) for m in spine]
    kept = list(spine)
    moved = {len(kept) + k for k in range(len(strong) - len(spine))}
    kept.extend(m for k, m in enumerate(strong) if k not in in_order)
    between: dict[int, list[Match]] = defaultdict(list)
    undone: list[Match] = []
    for m in sorted(
        (m for m in matches if m.score < bar and m.by is not MatchedBy.PINNED),
        key=lambda m: (min(m.old), min(m.new)),
    ):
        at = bisect_left(spine_old, min(m.old))
        low = min(spine[at - 1].new) if at else -1
        high = min(spine[at].new) if at < len(spine) else len(state.new)
        if low < min(m.new) < high:
            between[at].append(m)
        else:
            undone.append(m)
    for group in between.values():
        fits = longest_increasing([min(m.new) for m in group])
        for k, m in enumerate(group):
            if k in fits:
                kept.append(m)
            else:
                undone.append(m)
    for m in undone:
        if m.score >= WEAK_MOVE:
            moved.add(len(kept))
            kept.append(replace(m, note=f"low-confidence move (similarity {m.score:.2f})"))
        else:
            _undo(state, m)
    state.matches[:] = kept
    state.moved = frozenset(moved)


def _undo(state: AlignState, m: Match) -> None:
    olds = " + ".join(state.old[i].number for i in m.old)
    news = " + ".join(state.new[j].number for j in m.new)
    state.free_old.update(m.old)
    state.free_new.update(m.new)
    # A pair that only the relative tier made (under the options' bars) is dropped unremarked:
    # a "possible move" at a similarity that low would be noise.
    if len(m.old) == len(m.new) == 1 and state.accept(m.old[0], m.new[0], m.score) is None:
        return
    for i in m.old:
        state.notes[("old", i)] = f"possible move to new {news} (similarity {m.score:.2f})"
    for j in m.new:
        state.notes[("new", j)] = f"possible move of old {olds} (similarity {m.score:.2f})"
