"""Word-level edits between two texts, cleaned up to read like a careful human redline."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from cydifflib import SequenceMatcher

from plandiff.model.changes import WordEdit
from plandiff.wording.tokens import common_prefix, diff_units

# The matcher is cydifflib's: a compiled port of difflib's SequenceMatcher that gives the same
# opcodes (tests/test_wording.py checks it against difflib) about 4.5 times faster: opcodes of
# 6,000 pairs of provision-length token lists took 0.73 s with difflib and 0.15 s with it.

# Punctuation followed by white space: a place where the tokens of any text start anew.
_CUT = re.compile(r"[.,;:!?]\s+")
# The last such place before a given end, found in one backward scan.
_LAST_CUT = re.compile(r"(?s:.*)([.,;:!?])\s+")
# The matcher (without autojunk) works in proportion to the (old unit, new unit) pairs that
# are equal, so text made of a few recurring words takes minutes though it is under the cap:
# 8 s for 4,000 units of two letters. Prose of 4,000 units has ~500,000 such pairs (~1 s).
MAX_EQUAL_PAIRS = 1_000_000


@dataclass(slots=True)
class _Run:
    """A run under construction (mutable only inside this module's functions)."""

    old: str
    new: str
    equal: bool


def word_edits(old: str, new: str, *, cap: int) -> tuple[tuple[WordEdit, ...], bool]:
    """The runs that turn ``old`` into ``new``, and whether the work cap cut the diff short.

    Runs cover both texts end to end, so joining every ``old`` (or ``new``) gives that text back.
    An edit always covers whole words and numbers, and a short equality squeezed between two
    edits is folded into them, as diff-match-patch's semantic cleanup does.

    >>> edits, capped = word_edits("A cap of 600,000.", "A cap of 800,000.", cap=100)
    >>> [(e.op, e.old, e.new) for e in edits]
    [('equal', 'A cap of ', 'A cap of '), ('replace', '600,000', '800,000'), ('equal', '.', '.')]
    """
    if old == new:
        return ((WordEdit(op="equal", old=old, new=new),) if old else ()), False
    head, tail = _stable_ends(old, new)
    old_middle, new_middle = old[head : len(old) - tail], new[head : len(new) - tail]
    a, b = _Units(diff_units(old_middle)), _Units(diff_units(new_middle))
    if len(a.units) > cap or len(b.units) > cap or _too_repetitive(a.tokens, b.tokens):
        return (_edit(old, new),), True
    runs: list[_Run] = []
    _push(runs, old[:head], old[:head], True)
    _raw_runs(runs, a, b)
    _push(runs, old[len(old) - tail :], old[len(old) - tail :], True)
    runs = _shift_shared_space(_absorb_small_equalities(runs))
    return tuple(_equal(r.old) if r.equal else _edit(r.old, r.new) for r in runs), False


def _stable_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of a common head and tail that need no tokenising, cut where tokens start anew.

    A cut right after punctuation and white space ("..., " or ". ") is a token boundary in any
    text: no word or number token contains such a pair. The head and tail are equal runs
    either way; diffing only the middle saves tokenising what did not change.
    """
    size = common_prefix(old, new)
    # The white space must end where both texts go on with a token, not mid-run.
    goes_on = (
        size < len(old) and size < len(new) and not old[size].isspace() and not new[size].isspace()
    )
    head, end = 0, size
    while (cut := _LAST_CUT.match(old, 0, end)) is not None:
        if cut.end() < size or goes_on:
            head = cut.end()
            break
        end = cut.start(1)  # its white space may go on past the shared head: take the one before
    size = common_prefix(old[::-1], new[::-1])
    start = max(len(old) - size, head + max(0, len(old) - len(new)))
    found = _CUT.search(old, start)
    tail = len(old) - found.end() if found and found.end() < len(old) else 0
    if head + tail > min(len(old), len(new)):
        tail = 0
    return head, tail


def _too_repetitive(a: list[str], b: list[str]) -> bool:
    # The equal pairs cannot outnumber all pairs: ordinary provisions need no counting.
    return len(a) * len(b) > MAX_EQUAL_PAIRS and _equal_pairs(a, b) > MAX_EQUAL_PAIRS


def _equal_pairs(ka: list[str], kb: list[str]) -> int:
    # Counted between the common head and tail, which _raw_runs takes without the matcher.
    head = 0
    while head < len(ka) and head < len(kb) and ka[head] == kb[head]:
        head += 1
    tail = 0
    while tail < len(ka) - head and tail < len(kb) - head and ka[-1 - tail] == kb[-1 - tail]:
        tail += 1
    counts = Counter(kb[head : len(kb) - tail])
    return sum(counts[token] for token in ka[head : len(ka) - tail])


def _equal(text: str) -> WordEdit:
    return WordEdit(op="equal", old=text, new=text)


def _edit(old: str, new: str) -> WordEdit:
    if old and new:
        return WordEdit(op="replace", old=old, new=new)
    return WordEdit(op="delete", old=old) if old else WordEdit(op="insert", new=new)


class _Units:
    """A text cut into diff units (token and the white space after it), and their tokens."""

    __slots__ = ("tokens", "units")

    def __init__(self, units: list[str]) -> None:
        self.units = units
        self.tokens = list(map(str.rstrip, units))

    def span(self, start: int, end: int) -> str:
        """The text of units ``start`` to ``end``."""
        return "".join(self.units[start:end])


def _raw_runs(runs: list[_Run], a: _Units, b: _Units) -> None:
    # Units are compared by their token alone, so that "troops" at the end of a sentence still
    # equals "troops " followed by an insertion; a white-space difference is kept as an edit of
    # its own, which the cleanup folds into the neighbouring insertion.
    ka, kb = a.tokens, b.tokens
    # The common head and tail are equal without asking difflib, whose cost grows with the
    # product of the lengths it searches; most redrafts touch the middle of a clause only.
    head = 0
    while head < len(ka) and head < len(kb) and ka[head] == kb[head]:
        head += 1
    tail = 0
    while tail < len(ka) - head and tail < len(kb) - head and ka[-1 - tail] == kb[-1 - tail]:
        tail += 1
    _equal_span(runs, a, b, 0, head, 0, head)
    matcher = SequenceMatcher(None, ka[head : len(ka) - tail], kb[head : len(kb) - tail], False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if tag == "equal":
            _equal_span(runs, a, b, i1, i2, j1, j2)
        else:
            _push(runs, a.span(i1, i2), b.span(j1, j2), False)
    _equal_span(runs, a, b, len(ka) - tail, len(ka), len(kb) - tail, len(kb))


def _equal_span(runs: list[_Run], a: _Units, b: _Units, i1: int, i2: int, j1: int, j2: int) -> None:
    # Same tokens on both sides, so the spans are equal unless the white space after a token
    # differs; only then is the run cut unit by unit.
    old, new = a.span(i1, i2), b.span(j1, j2)
    if old == new:
        _push(runs, old, new, True)
    else:
        _equal_units(runs, a.units[i1:i2], b.units[j1:j2])


def _equal_units(runs: list[_Run], a: list[str], b: list[str]) -> None:
    start = 0
    for k, (unit_a, unit_b) in enumerate(zip(a, b, strict=True)):
        if unit_a != unit_b:
            token = unit_a.rstrip()
            text = "".join(a[start:k]) + token
            _push(runs, text, text, True)
            _push(runs, unit_a[len(token) :], unit_b[len(token) :], False)
            start = k + 1
    text = "".join(a[start:])
    _push(runs, text, text, True)


def _push(runs: list[_Run], old: str, new: str, equal: bool) -> None:
    if not old and not new:
        return
    if runs and runs[-1].equal == equal:
        runs[-1].old += old
        runs[-1].new += new
    else:
        runs.append(_Run(old, new, equal))


def _absorb_small_equalities(runs: list[_Run]) -> list[_Run]:
    # diff-match-patch's rule: an equality between two edits that is no longer than the larger
    # side of the edit before it and of the edit after it is coincidence ("will" shared by two
    # unrelated clauses); folding it in gives one readable replacement instead of confetti.
    # Punctuation alone is kept: "100 days, $100 billion" stays two separate edits.
    changed = True
    while changed:
        changed = False
        out: list[_Run] = []
        k = 0
        while k < len(runs):
            run = runs[k]
            if run.equal and out and k + 1 < len(runs) and _is_small(run.old, out[-1], runs[k + 1]):
                _push(out, run.old, run.new, False)
                changed = True
            else:
                _push(out, run.old, run.new, run.equal)
            k += 1
        runs = out
    return runs


def _shift_shared_space(runs: list[_Run]) -> list[_Run]:
    # Units carry their trailing space, so "600,000 " → "800,000 " would strike the space too;
    # a space both sides end with belongs to the equality that follows.
    for run, after in pairwise(runs):
        if run.equal or not after.equal or not run.old or not run.new:
            continue
        space = _common_trailing_space(run.old, run.new)
        if space:
            run.old, run.new = run.old[: -len(space)], run.new[: -len(space)]
            after.old = after.new = space + after.old
    return runs


def _common_trailing_space(a: str, b: str) -> str:
    # Only the same whole run of white space moves, so that no space token is cut in two.
    tail_a, tail_b = a[len(a.rstrip()) :], b[len(b.rstrip()) :]
    return tail_a if tail_a == tail_b and a.strip() and b.strip() else ""


def _is_small(equal: str, before: _Run, after: _Run) -> bool:
    size = len(equal.strip())
    if size and not any(ch.isalnum() for ch in equal):
        return False  # punctuation between two edits is structure, not coincidence
    return size <= max(len(before.old), len(before.new)) and size <= max(
        len(after.old), len(after.new)
    )
