"""Sub-points aligned and diffed within one provision pair."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from plandiff.model.changes import ChangeKind, SubPointChange, WordEdit
from plandiff.model.plan import SubPoint
from plandiff.util.order import interleave
from plandiff.wording.edits import word_edits
from plandiff.wording.tokens import content_words, normalize

# Least word overlap for a sub-point to keep its label's partner, and to pair by text alone.
_SAME_LABEL = 0.3
_SIMILAR = 0.5
# Beyond this many leftover (old, new) pairs, only pairs that share words are scored: at most
# _PER_SUBPOINT per new sub-point, through words found in at most _COMMON old sub-points.
_ALL_PAIRS = 250_000
_PER_SUBPOINT = 32
_COMMON = 64


def subpoint_changes(
    old: Sequence[SubPoint], new: Sequence[SubPoint], *, cap: int
) -> tuple[SubPointChange, ...]:
    """Pair the sub-points of two versions of a provision and diff each pair.

    Identical wording pairs first (so an inserted "(a)" does not make every later label look
    rewritten), then equal labels with some shared words, then similar wording.
    """
    if not old and not new:
        return ()
    partner = _pair(old, new)
    rows = []
    for j, sub in enumerate(new):
        i = partner.get(j)
        change = _added(sub, cap) if i is None else _paired(old[i], sub, cap)
        rows.append((i, change))
    paired = set(partner.values())
    dropped = [(i, _removed(sub, cap)) for i, sub in enumerate(old) if i not in paired]
    return tuple(interleave(rows, dropped))


def _pair(old: Sequence[SubPoint], new: Sequence[SubPoint]) -> dict[int, int]:
    partner: dict[int, int] = {}  # new index -> old index
    free_old: dict[int, None] = dict.fromkeys(range(len(old)))  # in order, O(1) removal
    by_text: dict[str, list[int]] = {}
    for i, sub in enumerate(old):
        by_text.setdefault(normalize(sub.text), []).append(i)
    for j, sub in enumerate(new):
        same = [i for i in by_text.get(normalize(sub.text), ()) if i in free_old]
        if same:
            i = next((i for i in same if old[i].label == sub.label), same[0])
            partner[j] = i
            del free_old[i]
    words = {i: set(content_words(s.text)) for i, s in enumerate(old)}
    new_words = {j: set(content_words(s.text)) for j, s in enumerate(new)}
    by_label: dict[str, list[int]] = {}
    for i in free_old:
        by_label.setdefault(old[i].label, []).append(i)
    for j, sub in enumerate(new):
        if j in partner:
            continue
        for i in by_label.get(sub.label, ()):
            if i in free_old and _overlap(words[i], new_words[j]) >= _SAME_LABEL:
                partner[j] = i
                del free_old[i]
                break
    todo = [j for j in range(len(new)) if j not in partner]
    scored = sorted(
        (-_overlap(words[i], new_words[j]), j, i)
        for j, i in _candidates(todo, list(free_old), words, new_words)
    )
    for score, j, i in scored:
        if -score >= _SIMILAR and j not in partner and i in free_old:
            partner[j] = i
            del free_old[i]
    return partner


def _candidates(
    todo: list[int], free_old: list[int], words: dict[int, set[str]], new_words: dict[int, set[str]]
) -> Iterator[tuple[int, int]]:
    """The (new, old) pairs worth scoring by wording: all of them while that is cheap, else
    those sharing the most of their less common words, a bounded number per sub-point.

    A provision with thousands of sub-points a side would otherwise score and sort every pair
    (36 million at 6,000 a side, gigabytes of tuples).
    """
    if len(todo) * len(free_old) <= _ALL_PAIRS:
        yield from ((j, i) for j in todo for i in free_old)
        return
    postings: dict[str, list[int]] = {}
    for i in free_old:
        for word in words[i]:
            postings.setdefault(word, []).append(i)
    for j in todo:
        shared: Counter[int] = Counter()
        for word in new_words[j]:
            found = postings.get(word, ())
            if len(found) <= _COMMON:
                shared.update(found)
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:_PER_SUBPOINT]
        yield from ((j, i) for i, _ in best)


def _overlap(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def _paired(old: SubPoint, new: SubPoint, cap: int) -> SubPointChange:
    edits, _ = word_edits(old.text, new.text, cap=cap)
    children = subpoint_changes(old.subpoints, new.subpoints, cap=cap)
    if old.label != new.label:
        kind = ChangeKind.RENUMBERED
    elif old.text != new.text or any(c.kind is not ChangeKind.UNCHANGED for c in children):
        kind = ChangeKind.MODIFIED
    else:
        kind = ChangeKind.UNCHANGED
    return SubPointChange(
        kind=kind, old_label=old.label, new_label=new.label, edits=edits, children=children
    )


def _added(sub: SubPoint, cap: int) -> SubPointChange:
    return SubPointChange(
        kind=ChangeKind.ADDED,
        old_label=None,
        new_label=sub.label,
        edits=(WordEdit(op="insert", new=sub.text),),
        children=tuple(_added(c, cap) for c in sub.subpoints),
    )


def _removed(sub: SubPoint, cap: int) -> SubPointChange:
    return SubPointChange(
        kind=ChangeKind.REMOVED,
        old_label=sub.label,
        new_label=None,
        edits=(WordEdit(op="delete", old=sub.text),),
        children=tuple(_removed(c, cap) for c in sub.subpoints),
    )
