"""The similarity passes: sure pairs that cut large gaps, best-first assignment, then the
relative tier for what is left."""

from __future__ import annotations

from collections.abc import Mapping

from plandiff.align.anchors import Gaps, gaps
from plandiff.align.candidates import candidates
from plandiff.align.pairing import Match
from plandiff.align.state import AlignState
from plandiff.model.changes import MatchedBy

# A gap with at most this many (old x new) pairs is scored exhaustively.
SMALL_GAP = 64
# Rounds of cutting large gaps with sure pairs, how sure, and how many index hits to score.
_ROUNDS = 3
_SURE = 0.8
_SURE_K = 2
# Bonus for a candidate between the same two anchors: order breaks near-ties, but a clearly
# stronger match elsewhere still wins.
_SAME_GAP = 0.05
# The relative tier. Leftover pairs are all scored when there are at most this many (about
# 15 ms); above that, through the index with lookup keys found in both versions.
EXHAUSTIVE = 10_000
# A leftover pair is still each other's best after splits and merges when it scores at least
# this share of each one's best match, paired or not. The real pairs give the same figures
# anywhere from 0.7 to 0.85; the higher end lets fewest false pairs into the synthetic ones.
NEAR_TIE = 0.85


def by_sure_pairs(state: AlignState) -> None:
    """Between anchors, pairs that are very similar and each other's best become anchors too.

    Small gaps are scored exhaustively; large ones (sparse anchors, e.g. every provision
    edited) through the rare-word index, and the sure pairs found cut them into small ones for
    the next round. Every other pairing is left to ``by_best_first``, decided once, globally: a
    strong match anywhere beats a weak one next door.
    """
    scorer = state.scorer
    for _ in range(_ROUNDS):
        found_gaps = _gaps(state).both
        small = [g for g in found_gaps if len(g[0]) * len(g[1]) <= SMALL_GAP]
        large = [g for g in found_gaps if len(g[0]) * len(g[1]) > SMALL_GAP]
        found = {
            (i, j): scorer.similarity(i, j) for olds, news in small for i in olds for j in news
        }
        if large:
            hits = candidates(
                scorer.old_keys(i for olds, _ in large for i in olds),
                scorer.new_keys(j for _, news in large for j in news),
                k=_SURE_K,
            )
            found.update({(i, j): scorer.similarity(i, j) for i, j in sorted(hits)})
        state.scored.update(found)
        sure = _sure(state, found)
        state.take(sure)
        if not sure or not large:
            break


def by_best_first(state: AlignState) -> None:
    """Every free provision's index candidates, assigned best pair first, one to one.

    An optimal assignment (Hungarian) maximises the *sum* of scores and would trade one clear
    pair for two mediocre ones; on plan data it was measured no more accurate than this greedy
    pass, which needs no scipy (0.85 s to import) and runs in O(c log c) for c candidates.
    """
    scorer = state.scorer
    between = state.seen_gaps = _gaps(state)
    found = candidates(scorer.old_keys(state.free_old), scorer.new_keys(state.free_new))
    for i, j in sorted(found):
        if (i, j) not in state.scored:
            state.scored[(i, j)] = scorer.similarity(i, j)
    pending = {
        pair: s
        for pair, s in state.scored.items()
        if pair[0] in state.free_old and pair[1] in state.free_new
    }
    state.take(_greedy(state, pending, between))


def _gaps(state: AlignState) -> Gaps:
    return gaps(state.matches, len(state.old), len(state.new), state.free_old, state.free_new)


def _sure(state: AlignState, scored: Mapping[tuple[int, int], float]) -> list[Match]:
    best_old: dict[int, tuple[float, int]] = {}
    best_new: dict[int, tuple[float, int]] = {}
    for (i, j), s in sorted(scored.items()):
        if s > best_old.get(i, (-1.0, 0))[0]:
            best_old[i] = (s, j)
        if s > best_new.get(j, (-1.0, 0))[0]:
            best_new[j] = (s, i)
    found = []
    for i, (s, j) in sorted(best_old.items()):
        by = state.accept(i, j, s)
        if s >= _SURE and best_new[j][1] == i and by is not None:
            found.append(Match((i,), (j,), by, s))
    return found


def _greedy(
    state: AlignState, scored: Mapping[tuple[int, int], float], between: Gaps
) -> list[Match]:
    def rank(item: tuple[tuple[int, int], float]) -> tuple[float, int, int]:
        (i, j), s = item
        return (-(s + (_SAME_GAP if between.same(i, j) else 0.0)), i, j)

    used_old: set[int] = set()
    used_new: set[int] = set()
    found = []
    for (i, j), s in sorted(scored.items(), key=rank):
        if i in used_old or j in used_new:
            continue
        by = state.accept(i, j, s)
        if by is not None:
            used_old.add(i)
            used_new.add(j)
            found.append(Match((i,), (j,), by, s))
    return found


def by_mutual_best(state: AlignState) -> None:
    """Leftovers that are each other's best match, down to a low floor: the relative tier.

    Absolute bars miss a heavily reworded provision whose partner is nonetheless its best match
    by far: real paraphrases score 0.1-0.5. The floor is ``relative_floor``. Every leftover
    pair is scored when there are few, and every leftover against each paired provision that
    a split or merge may still grow from, so that whether best-first assignment happened to
    pair a provision does not decide which scores are seen (otherwise the index proposes
    pairs, keyed by words present in both versions, and a pair must lie between the same two
    anchors as best-first assignment saw them).
    When most pairs so far keep their display number, a leftover pair with equal numbers in the
    same gap is taken first. Then a leftover pair is accepted when each is the other's best
    among *all* scores worked out, paired provisions included, so a provision that matches a
    paired one better (a part of a merge, say) is left to the split and merge pass.
    """
    free_old, free_new = sorted(state.free_old), sorted(state.free_new)
    if not free_old or not free_new:
        return
    scorer = state.scorer
    local = len(free_old) * len(free_new) > EXHAUSTIVE
    state.leftovers_all_scored = not local
    between = (state.seen_gaps or _gaps(state)) if local else None
    if local:
        pairs = sorted(
            candidates(scorer.shared_old_keys(free_old), scorer.shared_new_keys(free_new))
        )
    else:
        # Leftovers against every provision that may still take a part, paired ones included:
        # which of them best-first assignment already paired must not decide what is scored.
        grow_old, grow_new = _growable(state)
        pairs = [(i, j) for i in free_old for j in (*free_new, *grow_new)]
        pairs += [(i, j) for i in grow_old for j in free_new]
    for pair in pairs:
        if pair not in state.scored:
            state.scored[pair] = scorer.similarity(*pair)
    _equal_numbers(state, between)
    state.take(_mutual(state, *best_partners(state), between))


def by_leftover_best(state: AlignState) -> None:
    """What is still free after splits and merges: each other's best among the free alone.

    The relative tier let a provision whose best match was a paired one wait for the split and
    merge passes; if no group took it, its best free partner is taken when the two are each
    other's best among the free and score within ``NEAR_TIE`` of each one's best overall (a
    clearly better match already paired marks a removed provision that resembles another, not
    a rewording: without that bar, the generated 1,000-provision pair gained 11 false pairs and
    no true one). Only when the relative tier scored every leftover pair: through the index, at
    10,000 provisions, the second look cost 0.7% of pair precision and found nothing true.
    """
    if not state.free_old or not state.free_new:
        return
    if not state.leftovers_all_scored:
        return
    best_old, best_new = best_partners(state)
    free_old, free_new = best_partners(state, free_only=True)
    scored = state.scored
    near = [
        m
        for m in _mutual(state, free_old, free_new, None)
        if m.score >= NEAR_TIE * scored[(m.old[0], best_old[m.old[0]])]
        and m.score >= NEAR_TIE * scored[(best_new[m.new[0]], m.new[0])]
    ]
    state.take(near)


def _mutual(
    state: AlignState, best_old: dict[int, int], best_new: dict[int, int], between: Gaps | None
) -> list[Match]:
    floor = state.options.relative_floor
    old, new = state.old, state.new
    found = []
    for i in sorted(state.free_old):
        if i not in best_old:
            continue
        j = best_old[i]
        score = state.scored[(i, j)]
        if (
            j in state.free_new
            and best_new[j] == i
            and score >= floor
            and state.allowed(i, j)
            and (between is None or between.same(i, j))
        ):
            by = MatchedBy.NUMBER if old[i].number == new[j].number else MatchedBy.SIMILARITY
            found.append(Match((i,), (j,), by, score, _low(state, i, j, score)))
    return found


def _growable(state: AlignState) -> tuple[list[int], list[int]]:
    """The paired provisions a split or merge may still grow from, old and new."""
    grow = [m for m in state.matches if state.can_grow(m)]
    return sorted({i for m in grow for i in m.old}), sorted({j for m in grow for j in m.new})


def _low(state: AlignState, i: int, j: int, score: float) -> str | None:
    """The note that marks a pair the options' bars alone would not have made."""
    if state.accept(i, j, score) is not None:
        return None
    return f"low confidence: each other's best match (similarity {score:.2f})"


def best_partners(
    state: AlignState, *, free_only: bool = False
) -> tuple[dict[int, int], dict[int, int]]:
    """Each free provision's best partner among every score worked out, paired ones included
    (or only free ones, with ``free_only``).

    Equal display numbers, then the earlier partner, break ties, so the choice does not depend
    on the order in which the scores were worked out.
    """
    old, new = state.old, state.new
    free_old, free_new = state.free_old, state.free_new
    best_old: dict[int, tuple[float, bool, int]] = {}
    best_new: dict[int, tuple[float, bool, int]] = {}
    none = (-1.0, False, 0)
    for (i, j), score in state.scored.items():
        i_free, j_free = i in free_old, j in free_new
        if not (i_free and j_free if free_only else i_free or j_free):
            continue
        same = old[i].number == new[j].number
        if i_free and (key := (score, same, -j)) > best_old.get(i, none):
            best_old[i] = key
        if j_free and (key := (score, same, -i)) > best_new.get(j, none):
            best_new[j] = key
    return (
        {i: -key[2] for i, key in best_old.items()},
        {j: -key[2] for j, key in best_new.items()},
    )


def _equal_numbers(state: AlignState, between: Gaps | None) -> None:
    """When most pairs keep their number, equal-numbered leftovers in one gap are paired."""
    old, new = state.old, state.new
    singles = [m for m in state.matches if len(m.old) == 1 and len(m.new) == 1]
    kept = sum(1 for m in singles if old[m.old[0]].number == new[m.new[0]].number)
    if not singles or 2 * kept <= len(singles):
        return
    if between is None:
        between = state.seen_gaps or _gaps(state)
    by_number = {new[j].number: j for j in sorted(state.free_new)}
    found = []
    for i in sorted(state.free_old):
        j = by_number.get(old[i].number)
        if j is None or not between.same(i, j) or not state.allowed(i, j):
            continue
        score = state.scored.get((i, j))
        if score is None:
            score = state.scored[(i, j)] = state.scorer.similarity(i, j)
        if score >= state.options.relative_floor:
            note = None
            if state.accept(i, j, score) is None:
                note = f"low confidence: same number, similarity {score:.2f}"
            found.append(Match((i,), (j,), MatchedBy.NUMBER, score, note))
    state.take(found)
