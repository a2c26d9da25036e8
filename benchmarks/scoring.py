"""Provision pairs from truth files, plandiff's reports and baselines, and their scores."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Pair = tuple[str, str]  # (old display number, new display number)
KINDS = ("moved", "renumbered", "split", "merged")


@dataclass(frozen=True)
class Truth:
    """The true pairing of two plan versions and the kind of change behind each pair."""

    pairs: frozenset[Pair]
    kind_of: Mapping[Pair, str]
    order_preserving: bool = False


def load_truth(path: Path) -> Truth:
    return truth_from_groups(json.loads(path.read_text(encoding="utf-8"))["groups"])


def truth_from_groups(groups: Iterable[Mapping[str, Any]]) -> Truth:
    kind_of: dict[Pair, str] = {}
    moves = False
    for g in groups:
        kind = g["kind"]
        moves = moves or kind == "moved"
        for o in g["old"]:
            for n in g["new"]:
                if kind in ("split", "merged", "moved"):
                    kind_of[(o, n)] = kind
                else:
                    kind_of[(o, n)] = "renumbered" if o != n else "in-place"
    return Truth(frozenset(kind_of), kind_of, order_preserving=not moves)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    found: int
    true: int
    per_kind: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # hits, total

    def kind_recall(self, kind: str) -> float | None:
        hits, total = self.per_kind.get(kind, (0, 0))
        return hits / total if total else None


def score(found: Iterable[Pair], truth: Truth) -> Score:
    found_set = set(found)
    hits = found_set & truth.pairs
    precision = len(hits) / len(found_set) if found_set else 1.0
    recall = len(hits) / len(truth.pairs) if truth.pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_kind = {}
    for kind in KINDS:
        of_kind = [p for p in truth.pairs if truth.kind_of[p] == kind]
        per_kind[kind] = (sum(1 for p in of_kind if p in hits), len(of_kind))
    return Score(precision, recall, f1, len(found_set), len(truth.pairs), per_kind)


def merge_scores(scores: Sequence[tuple[set[Pair], Truth]]) -> Score:
    """Pool several labelled pairs into one score (pairs are made unique per case)."""
    found: set[Pair] = set()
    kind_of: dict[Pair, str] = {}
    for case, (pairs, truth) in enumerate(scores):
        found |= {(f"{case}:{o}", f"{case}:{n}") for o, n in pairs}
        kind_of |= {(f"{case}:{o}", f"{case}:{n}"): k for (o, n), k in truth.kind_of.items()}
    return score(found, Truth(frozenset(kind_of), kind_of))


def pairs_of_changes(changes: Iterable[Any]) -> set[Pair]:
    """Pairs from ``Comparison.changes`` (records) or from the JSON report (dicts)."""
    out: set[Pair] = set()
    for c in changes:
        olds = c["old"] if isinstance(c, Mapping) else c.old
        news = c["new"] if isinstance(c, Mapping) else c.new
        for o in olds:
            for n in news:
                out.add((_number(o), _number(n)))
    return out


def _number(ref: Any) -> str:
    return str(ref["number"] if isinstance(ref, Mapping) else ref.number)


def moves_reported(changes: Iterable[Any]) -> int:
    count = 0
    for c in changes:
        kind = c["kind"] if isinstance(c, Mapping) else str(c.kind)
        moved = c.get("moved", False) if isinstance(c, Mapping) else c.moved
        count += bool(moved) or kind == "moved"
    return count


def kind_named(changes: Iterable[Any], truth: Truth) -> dict[str, tuple[int, int]]:
    """Per kind: true pairs that plandiff found *and* named with that kind, out of all."""
    named: set[Pair] = set()
    for c in changes:
        kind = str(c.kind)
        flags = {
            "moved": c.moved or kind == "moved",
            "renumbered": c.renumbered,
            "split": kind == "split",
            "merged": kind == "merged",
        }
        for o in c.old:
            for n in c.new:
                pair = (o.number, n.number)
                if flags.get(truth.kind_of.get(pair, ""), False):
                    named.add(pair)
    out = {}
    for kind in KINDS:
        of_kind = [p for p in truth.pairs if truth.kind_of[p] == kind]
        out[kind] = (sum(1 for p in of_kind if p in named), len(of_kind))
    return out


def same_number_pairs(old_numbers: Sequence[str], new_numbers: Sequence[str]) -> set[Pair]:
    """Baseline: a provision is the one with the same display number in the other version."""
    new = set(new_numbers)
    return {(n, n) for n in old_numbers if n in new}


def line_diff_pairs(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]) -> set[Pair]:
    """Baseline: difflib over provision texts, one line each, as a side-by-side diff shows it.

    Equal lines pair; inside a replaced block, lines pair in order (the first removed line faces
    the first added one), the way a line diff lays changed lines against each other.
    """
    matcher = difflib.SequenceMatcher(
        None, [t for _, t in old], [t for _, t in new], autojunk=False
    )
    out: set[Pair] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for k in range(min(i2 - i1, j2 - j1)):
                out.add((old[i1 + k][0], new[j1 + k][0]))
    return out


_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def unified_diff_pairs(
    diff: str, old_numbers: Sequence[str], new_numbers: Sequence[str]
) -> set[Pair]:
    """Pairs implied by a ``-U0`` unified diff of one-provision-per-line files (git's view)."""
    out: set[Pair] = set()
    i = j = 0  # next unpaired line, 0-based, on each side
    for m in _HUNK.finditer(diff):
        a, b = int(m.group(1)), int(m.group(2) or 1)
        c, d = int(m.group(3)), int(m.group(4) or 1)
        start_old = a - 1 if b else a  # a zero-length side names the line *before* the hunk
        start_new = c - 1 if d else c
        while i < start_old and j < start_new:
            out.add((old_numbers[i], new_numbers[j]))
            i += 1
            j += 1
        for k in range(min(b, d)):
            out.add((old_numbers[start_old + k], new_numbers[start_new + k]))
        i, j = start_old + b, start_new + d
    while i < len(old_numbers) and j < len(new_numbers):
        out.add((old_numbers[i], new_numbers[j]))
        i += 1
        j += 1
    return out


def positional_pairs(
    old_numbers: Sequence[str],
    new_numbers: Sequence[str],
    skipped_old: set[int] = frozenset(),  # type: ignore[assignment]
    skipped_new: set[int] = frozenset(),  # type: ignore[assignment]
) -> set[Pair]:
    """What a list diff by index pairs: item i with item i, less items it calls added/removed."""
    out = set()
    for k in range(min(len(old_numbers), len(new_numbers))):
        if k not in skipped_old and k not in skipped_new:
            out.add((old_numbers[k], new_numbers[k]))
    return out


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


# The greedy ratio baseline's bar: below it, a pair is left as removed + added.
RATIO_BAR = 0.3


def greedy_ratio_pairs(
    old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]], bar: float = RATIO_BAR
) -> set[Pair]:
    """Baseline: difflib's word ratio for every (old, new) pair, taken best first, one to one.

    The naive approach a reader might script: no index, no order, no number; quadratic, so only
    for small real pairs.
    """
    words_old = [t.lower().split() for _, t in old]
    words_new = [t.lower().split() for _, t in new]
    scored = []
    for i, a in enumerate(words_old):
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(a)
        for j, b in enumerate(words_new):
            matcher.set_seq1(b)
            scored.append((-matcher.ratio(), i, j))
    scored.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: set[Pair] = set()
    for negative, i, j in scored:
        if -negative < bar:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.add((old[i][0], new[j][0]))
    return out
