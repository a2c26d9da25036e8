"""Splits and merges: one provision against the joined text of neighbouring unpaired ones."""

from __future__ import annotations

from collections.abc import Mapping

from plandiff.align.pairing import Match
from plandiff.align.scoring import Scorer
from plandiff.align.similar import best_partners
from plandiff.align.state import AlignState
from plandiff.model.changes import MatchedBy
from plandiff.model.options import CompareOptions

# A group replaces a one-to-one pair only if reading the parts together is clearly better.
_GAIN = 0.05
# Least share of a part's weighted words found in the whole: keeps an unrelated neighbour (which
# shares only boilerplate, well under this) out, while a reworded part still gets in.
_PART = 0.4


def by_groups(state: AlignState) -> None:
    """Splits and merges found among the unpaired provisions next to a pair or a candidate.

    A group grows from a pair that may grow (``AlignState.can_grow``; a clean pair by text or
    pin is never broken up) or from an unpaired provision's best candidate, by neighbours that
    make the joined text more similar to the whole. It is accepted when at least
    ``split_merge_threshold`` of the whole's weighted words are found in the joined parts, its
    joined similarity passes ``similarity_threshold`` and it beats the pair it grew from.
    """
    options = state.options
    scorer = state.scorer
    free = {"old": state.free_old, "new": state.free_new}
    for side in ("old", "new"):  # old side: one old became several new (a split)
        other = "new" if side == "old" else "old"
        for seed_at, whole, part, base in _seeds(state, side):
            if seed_at is None:
                if whole not in free[side] or part not in free[other]:
                    continue
            elif not state.can_grow(state.matches[seed_at]):
                continue  # already grown into a group from the other side
            parts = _grow(whole, part, side, state)
            if len(parts) < 2:
                continue
            olds, news = ((whole,), parts) if side == "old" else (parts, (whole,))
            score = scorer.group_similarity(olds, news)
            covered = scorer.old_in(whole, news) if side == "old" else scorer.new_in(whole, olds)
            if (
                score < options.similarity_threshold
                or score < base + _GAIN
                or covered < options.split_merge_threshold
            ):
                continue
            state.regroup(seed_at, Match(olds, news, MatchedBy.CONTAINMENT, min(score, 1.0)))


def _seeds(state: AlignState, side: str) -> list[tuple[int | None, int, int, float]]:
    """(index of the pair grown from or None, the whole, the first part, the score to beat)."""
    free: Mapping[str, set[int]] = {"old": state.free_old, "new": state.free_new}
    seeds: list[tuple[int | None, int, int, float]] = []
    for k, m in enumerate(state.matches):
        if len(m.old) == 1 and len(m.new) == 1 and state.can_grow(m):
            whole, part = (m.old[0], m.new[0]) if side == "old" else (m.new[0], m.old[0])
            seeds.append((k, whole, part, m.score))
    other = "new" if side == "old" else "old"
    best: dict[int, tuple[float, int]] = {}
    for (i, j), s in state.scored.items():
        whole, part = (i, j) if side == "old" else (j, i)
        if whole in free[side] and part in free[other] and s > best.get(whole, (-1.0, 0))[0]:
            best[whole] = (s, part)
    seeds.extend((None, whole, part, 0.0) for whole, (_, part) in sorted(best.items()))
    return seeds


def _grow(whole: int, seed: int, side: str, state: AlignState) -> tuple[int, ...]:
    scorer = state.scorer
    free_other = state.free_new if side == "old" else state.free_old
    options: CompareOptions = state.options

    def pair(part: int) -> tuple[int, int]:
        return (whole, part) if side == "old" else (part, whole)

    def inside(part: int) -> float:
        if side == "old":
            return scorer.new_in(part, (whole,))
        return scorer.old_in(part, (whole,))

    def usable(part: int) -> bool:
        return (
            part in free_other
            and state.allowed(*pair(part))
            and scorer.has("new" if side == "old" else "old", part)
            and inside(part) >= _PART
        )

    # Most pairs have no unpaired neighbour at all: check that before weighing any words.
    if seed - 1 not in free_other and seed + 1 not in free_other:
        return (seed,)
    if inside(seed) < _PART:
        return (seed,)
    parts = [seed]
    best = _score(whole, parts, side, scorer)
    while len(parts) < options.max_parts:
        choices = [p for p in (parts[0] - 1, parts[-1] + 1) if usable(p)]
        if not choices:
            break
        score, chosen = max((_score(whole, sorted([*parts, p]), side, scorer), -p) for p in choices)
        if score <= best:
            break
        best = score
        parts = sorted([*parts, -chosen])
    return tuple(parts)


def _score(whole: int, parts: list[int], side: str, scorer: Scorer) -> float:
    if side == "old":
        return scorer.group_similarity((whole,), parts)
    return scorer.group_similarity(parts, (whole,))


def by_distant_parts(state: AlignState) -> None:
    """A leftover whose best match is a provision already paired joins that pair as a part.

    ``by_groups`` grows groups from neighbours; a provision divided between two distant new
    ones (or two distant old ones merged) has its other part anywhere. A free provision whose
    best score among all worked out is with a paired provision, at least twice
    ``relative_floor`` (a part's best match need not be mutual, so it needs more), joins that
    pair (a one-to-one pair, a split or a merge, never a certain pair) when reading the parts
    together makes the two sides more alike.
    """
    options = state.options
    scorer = state.scorer
    best_old, best_new = best_partners(state)
    # Which pair holds each provision as the single member of its side, by index in matches
    # (a regroup keeps the index).
    holds_new = {m.new[0]: k for k, m in enumerate(state.matches) if len(m.new) == 1}
    holds_old = {m.old[0]: k for k, m in enumerate(state.matches) if len(m.old) == 1}
    for side, best in (("old", best_old), ("new", best_new)):
        free = state.free_old if side == "old" else state.free_new
        holds = holds_new if side == "old" else holds_old
        for part, whole in sorted(best.items()):
            pair = (part, whole) if side == "old" else (whole, part)
            if part not in free or state.scored[pair] < 2 * options.relative_floor:
                continue
            at = holds.get(whole)
            if at is None:
                continue
            m = state.matches[at]
            if not (state.can_grow(m) or m.by is MatchedBy.CONTAINMENT):
                continue
            olds = tuple(sorted((*m.old, part))) if side == "old" else m.old
            news = m.new if side == "old" else tuple(sorted((*m.new, part)))
            if max(len(olds), len(news)) > options.max_parts:
                continue
            if not all(state.allowed(i, j) for i in olds for j in news):
                continue
            score = scorer.group_similarity(olds, news)
            if score <= m.score:
                continue
            note = None
            if score < options.similarity_threshold:
                note = f"low confidence: part joined as its best match (similarity {score:.2f})"
            state.regroup(at, Match(olds, news, MatchedBy.CONTAINMENT, min(score, 1.0), note))
            for members, holds_side in ((olds, holds_old), (news, holds_new)):
                if len(members) > 1:
                    for k in members:
                        holds_side.pop(k, None)
