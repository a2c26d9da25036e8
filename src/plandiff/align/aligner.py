"""Pair the provisions of two versions, in passes from the surest evidence to the weakest.

1. Pins from the analyst. 2. Same stable key. 3. Identical text (raw, then normalised).
The longest in-order run of these pairs are the *anchors*.
4. Between two consecutive anchors the few unpaired provisions are scored against each other;
   a pair is accepted by similarity, or by equal display number with a lower similarity. A
   large gap (sparse anchors, e.g. every provision edited) is first cut into small ones by the
   pairs that are sure: mutual best hits of the rare-word index, very similar.
5. What is still unpaired is looked up in the rare-word index (``candidates``), so similarity
   is computed for a bounded number of candidates and never for all pairs.
6. Splits and merges (``splitmerge``).
7. Pairs outside the longest in-order run are moves; a weak one is undone into removed + added
   with a "possible move" note.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from plandiff.align.candidates import candidates
from plandiff.align.pairing import Match
from plandiff.align.pins import resolve
from plandiff.align.scoring import Scorer
from plandiff.align.splitmerge import find_groups
from plandiff.model.changes import MatchedBy
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Provision
from plandiff.util.order import longest_increasing
from plandiff.wording.tokens import normalize

# A gap with at most this many (old x new) pairs is scored exhaustively.
_SMALL_GAP = 64
# Rounds of cutting large gaps with sure pairs, how sure, and how many index hits to score.
_ROUNDS = 3
_SURE = 0.8
_SURE_K = 2
# Bonus for a candidate between the same two anchors: order breaks near-ties, but a clearly
# stronger match elsewhere still wins.
_SAME_GAP = 0.05


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
    fixed, forbidden = resolve(options.pins, old, new)
    matches = [Match(o, n, MatchedBy.PINNED, 1.0, note) for o, n, note in fixed]
    free_old = set(range(len(old))) - {i for m in matches for i in m.old}
    free_new = set(range(len(new))) - {j for m in matches for j in m.new}

    def take(found: list[Match]) -> None:
        for m in found:
            matches.append(m)
            free_old.difference_update(m.old)
            free_new.difference_update(m.new)

    allowed: Callable[[int, int], bool] = lambda i, j: (i, j) not in forbidden  # noqa: E731
    take(_by_key(old, new, free_old, free_new, allowed))
    for fold in (False, True):
        take(_by_text(old, new, free_old, free_new, allowed, fold=fold))
    extendable = free_old | {i for m in matches if m.by is MatchedBy.KEY for i in m.old}
    scorer = Scorer(
        old,
        new,
        extendable,
        free_new | {j for m in matches for j in m.new if m.by is MatchedBy.KEY},
    )

    def acceptable(i: int, j: int, s: float) -> MatchedBy | None:
        if not allowed(i, j):
            return None
        if old[i].number == new[j].number and s >= options.number_threshold:
            return MatchedBy.NUMBER
        return MatchedBy.SIMILARITY if s >= options.similarity_threshold else None

    # Only pairs that are sure (very similar, each the other's best) are taken between anchors;
    # they become anchors in turn and cut large gaps into small ones. Every other pairing is
    # decided once, globally, below: a strong match anywhere beats a weak one next door.
    scored: dict[tuple[int, int], float] = {}
    for _ in range(_ROUNDS):
        _, _, gaps = _gaps(matches, len(old), len(new), free_old, free_new)
        small = [g for g in gaps if len(g[0]) * len(g[1]) <= _SMALL_GAP]
        large = [g for g in gaps if len(g[0]) * len(g[1]) > _SMALL_GAP]
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
        scored.update(found)
        sure = _sure(found, acceptable)
        take(sure)
        if not sure or not large:
            break
    gap_old, gap_new, _ = _gaps(matches, len(old), len(new), free_old, free_new)
    for i, j in sorted(candidates(scorer.old_keys(free_old), scorer.new_keys(free_new))):
        if (i, j) not in scored:
            scored[(i, j)] = scorer.similarity(i, j)
    pending = {pair: s for pair, s in scored.items() if pair[0] in free_old and pair[1] in free_new}
    take(_greedy(pending, gap_old, gap_new, acceptable))
    matches = find_groups(matches, scorer, free_old, free_new, scored, allowed, options)
    return _moves(matches, old, new, options.move_threshold)


def _by_key(
    old: Sequence[Provision],
    new: Sequence[Provision],
    free_old: set[int],
    free_new: set[int],
    allowed: Callable[[int, int], bool],
) -> list[Match]:
    by_key = {new[j].key: j for j in sorted(free_new) if new[j].key}
    found = []
    for i in sorted(free_old):
        j = by_key.get(old[i].key) if old[i].key else None
        if j is not None and allowed(i, j):
            found.append(Match((i,), (j,), MatchedBy.KEY, 1.0))
    return found


def _identity(p: Provision, fold: bool) -> str:
    text = "\x1f".join([p.text, *(s.text for s in p.subpoints)]) if p.subpoints else p.text
    return normalize(text) if fold else text


def _by_text(
    old: Sequence[Provision],
    new: Sequence[Provision],
    free_old: set[int],
    free_new: set[int],
    allowed: Callable[[int, int], bool],
    *,
    fold: bool,
) -> list[Match]:
    # Raw text first: a dictionary lookup per provision, no normalising of the many provisions
    # that did not change at all. Repeated texts pair in order of appearance.
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for j in sorted(free_new):
        waiting[_identity(new[j], fold)].append(j)
    found = []
    for i in sorted(free_old):
        queue = waiting.get(_identity(old[i], fold))
        if queue:
            partner = next((j for j in queue if allowed(i, j)), None)
            if partner is not None:
                queue.remove(partner)
                found.append(Match((i,), (partner,), MatchedBy.TEXT, 1.0))
    return found


def _gaps(
    matches: Sequence[Match], n_old: int, n_new: int, free_old: set[int], free_new: set[int]
) -> tuple[dict[int, int], dict[int, int], list[tuple[list[int], list[int]]]]:
    """The unpaired provisions between consecutive anchors, and the gap number of each."""
    ordered = sorted(matches, key=lambda m: (min(m.old), min(m.new)))
    keep = longest_increasing([min(m.new) for m in ordered])
    anchors = [m for k, m in enumerate(ordered) if k in keep]
    bounds = [(-1, -1)] + [(max(m.old), max(m.new)) for m in anchors]
    starts = [(min(m.old), min(m.new)) for m in anchors] + [(n_old, n_new)]
    sorted_old, sorted_new = sorted(free_old), sorted(free_new)
    gap_old: dict[int, int] = {}
    gap_new: dict[int, int] = {}
    gaps = []
    for g, ((o_end, n_end), (o_next, n_next)) in enumerate(zip(bounds, starts, strict=True)):
        olds = sorted_old[bisect_right(sorted_old, o_end) : bisect_left(sorted_old, o_next)]
        news = sorted_new[bisect_right(sorted_new, n_end) : bisect_left(sorted_new, n_next)]
        for i in olds:
            gap_old[i] = g
        for j in news:
            gap_new[j] = g
        if olds and news:
            gaps.append((olds, news))
    return gap_old, gap_new, gaps


def _sure(
    scored: Mapping[tuple[int, int], float],
    acceptable: Callable[[int, int, float], MatchedBy | None],
) -> list[Match]:
    best_old: dict[int, tuple[float, int]] = {}
    best_new: dict[int, tuple[float, int]] = {}
    for (i, j), s in sorted(scored.items()):
        if s > best_old.get(i, (-1.0, 0))[0]:
            best_old[i] = (s, j)
        if s > best_new.get(j, (-1.0, 0))[0]:
            best_new[j] = (s, i)
    found = []
    for i, (s, j) in sorted(best_old.items()):
        by = acceptable(i, j, s)
        if s >= _SURE and best_new[j][1] == i and by is not None:
            found.append(Match((i,), (j,), by, s))
    return found


def _greedy(
    scored: Mapping[tuple[int, int], float],
    gap_old: Mapping[int, int],
    gap_new: Mapping[int, int],
    acceptable: Callable[[int, int, float], MatchedBy | None],
) -> list[Match]:
    # Assignment: best pair first, each provision used once. An optimal assignment (Hungarian)
    # maximises the *sum* of scores and would trade one clear pair for two mediocre ones; on
    # plan data it was measured no more accurate than this greedy pass, which needs no scipy
    # (0.85 s to import) and runs in O(c log c) for c candidates.
    def rank(item: tuple[tuple[int, int], float]) -> tuple[float, int, int]:
        (i, j), s = item
        same_gap = i in gap_old and gap_old[i] == gap_new.get(j)
        return (-(s + (_SAME_GAP if same_gap else 0.0)), i, j)

    used_old: set[int] = set()
    used_new: set[int] = set()
    found = []
    for (i, j), s in sorted(scored.items(), key=rank):
        if i in used_old or j in used_new:
            continue
        by = acceptable(i, j, s)
        if by is not None:
            used_old.add(i)
            used_new.add(j)
            found.append(Match((i,), (j,), by, s))
    return found


def _moves(
    matches: Sequence[Match], old: Sequence[Provision], new: Sequence[Provision], bar: float
) -> Alignment:
    # The order is judged on the strong pairs first: among equally long in-order runs, one
    # that keeps an exact pair in place beats one that keeps a weak pair, so a weak pair is
    # never the reason a certain one is called a move (and comparing B with A mirrors A with B).
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
    # A weak pair stays only where it fits between its strong neighbours, in order.
    between: dict[int, list[Match]] = defaultdict(list)
    notes: dict[tuple[str, int], str] = {}
    for m in sorted(
        (m for m in matches if m.score < bar and m.by is not MatchedBy.PINNED),
        key=lambda m: (min(m.old), min(m.new)),
    ):
        at = bisect_left(spine_old, min(m.old))
        low = min(spine[at - 1].new) if at else -1
        high = min(spine[at].new) if at < len(spine) else len(new)
        if low < min(m.new) < high:
            between[at].append(m)
        else:
            _undo(m, old, new, notes)
    for group in between.values():
        fits = longest_increasing([min(m.new) for m in group])
        for k, m in enumerate(group):
            if k in fits:
                kept.append(m)
            else:
                _undo(m, old, new, notes)
    return Alignment(tuple(kept), frozenset(moved), notes)


def _undo(
    m: Match, old: Sequence[Provision], new: Sequence[Provision], notes: dict[tuple[str, int], str]
) -> None:
    olds = " + ".join(old[i].number for i in m.old)
    news = " + ".join(new[j].number for j in m.new)
    for i in m.old:
        notes[("old", i)] = f"possible move to new {news} (similarity {m.score:.2f})"
    for j in m.new:
        notes[("new", j)] = f"possible move of old {olds} (similarity {m.score:.2f})"
