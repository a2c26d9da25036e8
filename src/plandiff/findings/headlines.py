"""Headline findings for a comparison: figures, key language and topics, worst first.

Only provisions whose wording changed (or that were added or removed) are read, so the cost
follows the size of the change, not of the plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from plandiff.findings.figures.patterns import SENTENCE_BREAK
from plandiff.findings.references import reference_findings
from plandiff.findings.rules import (
    Near,
    Phrase,
    figures,
    key_language,
    mixed_digits,
    resolve,
    whole_provision,
)
from plandiff.findings.topics import summarise, topics_for
from plandiff.model.changes import (
    ChangeKind,
    Finding,
    ProvisionChange,
    SubPointChange,
    TopicSummary,
    WordEdit,
)
from plandiff.model.errors import UsageError
from plandiff.model.options import CompareOptions
from plandiff.model.vocabulary import SEVERITY_RANK, Severity
from plandiff.wording.numerals import locale_decimal

__all__ = ["annotate", "reaches", "topics_for"]

_SKIP = frozenset({ChangeKind.UNCHANGED, ChangeKind.NOT_COVERED})
# Unchanged characters kept on each side of a changed run: enough for a phrase such as
# "is expected to" or "no later than" that straddles the run's edge.
_CONTEXT = 40
# Before a run, the unchanged text goes back to the start of its sentence, up to as far as the
# figure reader looks for what a figure counts ("the armed forces … 600,000 persons").
_REACH = 100


def _lead(equal: str) -> str:
    """The unchanged text kept before a changed run: its last ``_CONTEXT`` characters, or back
    to the start of their sentence within ``_REACH``."""
    tail = equal[-_REACH:]
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(tail)]
    return tail[min(breaks[-1] if breaks else 0, max(0, len(tail) - _CONTEXT)) :]


def _subpoints(points: Iterable[SubPointChange], side: str) -> str:
    return "".join(
        f"\n{p.old_text if side == 'old' else p.new_text}{_subpoints(p.children, side)}"
        for p in points
    )


def texts(change: ProvisionChange) -> tuple[str, str]:
    """The old and new wording of a change, each sub-point on a line of its own after it."""
    old, new = change.old_text, change.new_text
    return old + _subpoints(change.subpoints, "old"), new + _subpoints(change.subpoints, "new")


def _edits(change: ProvisionChange) -> list[WordEdit]:
    found = list(change.edits)
    stack = list(change.subpoints)
    while stack:
        point = stack.pop()
        found += point.edits
        stack += point.children
    return found


def _near(edits: list[WordEdit], old: list[str], new: list[str], bare: list[str]) -> None:
    for k, edit in enumerate(edits):
        if edit.op == "equal":
            continue
        before = _lead(edits[k - 1].old) if k and edits[k - 1].op == "equal" else ""
        nxt = edits[k + 1] if k + 1 < len(edits) else None
        after = nxt.old[:_CONTEXT] if nxt is not None and nxt.op == "equal" else ""
        old.append(before + edit.old + after)
        new.append(before + edit.new + after)
        bare += (edit.old, edit.new)


def _phrases(old: list[str], new: list[str], bare: list[str]) -> tuple[Phrase, ...]:
    return tuple(map(Phrase, old, new, bare[0::2], bare[1::2]))


def near_changes(change: ProvisionChange) -> Near:
    """The changed runs of each side, each with the same bit of unchanged text around it."""
    old: list[str] = []
    new: list[str] = []
    bare: list[str] = []
    _near(list(change.edits), old, new, bare)
    stack = list(change.subpoints)
    while stack:
        point = stack.pop()
        _near(list(point.edits), old, new, bare)
        stack += point.children
    return Near("\n".join(old), "\n".join(new), "\n".join(bare), _phrases(old, new, bare))


def changed_share(change: ProvisionChange, old: str, new: str) -> float:
    """How much of the wording changed: the smaller of the old text's share in changed runs
    and the new text's, so that a clause added to a short provision is not a rewrite."""
    if not old or not new:
        return 1.0 if old or new else 0.0
    edits = _edits(change)
    if edits and not change.edits_capped:
        gone = sum(len(e.old) for e in edits if e.op != "equal")
        came = sum(len(e.new) for e in edits if e.op != "equal")
        return min(gone / len(old), came / len(new))
    # Without a word diff, fall back on the distinct words each text does not share.
    a, b = set(old.split()), set(new.split())
    return min(len(a - b) / len(a), len(b - a) / len(b)) if a and b else 1.0


def _read(change: ProvisionChange) -> tuple[str, str, float, Near | None] | None:
    """Both texts of a paired provision, how much changed and where (None when no word did).

    Most pairs have no sub-points and a word diff: their edits give the texts directly, and
    the changed runs (``_near``) say both where and how much changed, as ``texts``,
    ``changed_share`` and ``near_changes`` would."""
    edits = change.edits
    if change.subpoints or not edits or change.edits_capped:
        old, new = texts(change)
        if old == new:
            return None
        # A capped diff is one big replacement: read the whole texts instead.
        near = None if change.edits_capped or not edits else near_changes(change)
        return old, new, changed_share(change, old, new), near
    olds = [e.old for e in edits]
    news = [e.new for e in edits]
    if olds == news:
        return None  # moved or renumbered: the bulk of a long plan, done with here
    old, new = "".join(olds), "".join(news)
    if old == new:
        return None
    near_old: list[str] = []
    near_new: list[str] = []
    bare: list[str] = []  # each changed run's old and new text, in turn
    _near(list(edits), near_old, near_new, bare)
    gone, came = sum(map(len, bare[0::2])), sum(map(len, bare[1::2]))
    share = min(gone / len(old), came / len(new)) if old and new else 1.0
    phrases = _phrases(near_old, near_new, bare)
    return old, new, share, Near("\n".join(near_old), "\n".join(near_new), "\n".join(bare), phrases)


def _bare_count(finding: Finding) -> bool:
    """A plain count ("five") that appeared or vanished: in a rewritten provision it says
    nothing the rewrite finding does not, since a new text seldom repeats the old one's words.
    Figures with a unit (money, personnel, a share, a period) stay."""
    number = finding.number
    return (
        number is not None
        and number.quantity == "count"
        and (number.old_value is None or number.new_value is None)
    )


def merge_repeats(found: list[Finding]) -> list[Finding]:
    """One finding per rule and message in a provision, with how often it occurred.

    "US$100 billion" said twice and gone twice is one thing for a reader, not two headlines.

    >>> f = Finding(rule="r", severity=Severity.WARNING, message="Gone: 5", change_id="c")
    >>> [g.message for g in merge_repeats([f, f, f])]
    ['Gone: 5 (3 times)']
    """
    counts: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], Finding] = {}
    for f in found:
        key = (f.rule, f.message)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, f)
    merged = []
    for key, f in first.items():
        n = counts[key]
        if n > 1:
            times = "twice" if n == 2 else f"{n} times"
            f = replace(f, message=f"{f.message} ({times})")
        merged.append(f)
    return merged


def annotate(
    changes: tuple[ProvisionChange, ...], *, options: CompareOptions
) -> tuple[tuple[Finding, ...], tuple[TopicSummary, ...]]:
    """Findings sorted worst first (then in document order), and a summary per topic."""
    rules = resolve(options.rules)
    decimal = locale_decimal(options.locale) if options.locale else None
    if options.locale and decimal is None:
        raise UsageError(f"unknown locale {options.locale!r}; give a language such as de or en")
    ranked: list[tuple[int, int, int, Finding]] = []
    for index, change in enumerate(changes):
        if change.kind in _SKIP:
            continue
        if change.kind is ChangeKind.ADDED:
            new_text = texts(change)[1]
            found = whole_provision(new_text, True, rules, change.id)
            found += mixed_digits("", new_text, rules, change.id)
        elif change.kind is ChangeKind.REMOVED:
            found = whole_provision(texts(change)[0], False, rules, change.id)
        else:
            read = _read(change)
            if read is None:
                continue  # renumbered or moved without a word changed
            old, new, share, near = read
            found = figures(old, new, rules, change.id, near, decimal)
            if share >= rules.rewritten_share:
                found = [f for f in found if not _bare_count(f)]
            found = merge_repeats(found + key_language(old, new, rules, change.id, share, near))
        ranked += [(SEVERITY_RANK[f.severity], index, i, f) for i, f in enumerate(found)]
    where = {change.id: index for index, change in enumerate(changes)}
    for i, finding in enumerate(reference_findings(changes, rules)):
        ranked.append(
            (SEVERITY_RANK[finding.severity], where[finding.change_id], 1000 + i, finding)
        )
    ranked.sort(key=lambda r: r[:3])
    findings = tuple(r[3] for r in ranked)
    return findings, summarise(changes, findings, rules=options.rules)


def reaches(findings: Iterable[Finding], threshold: Severity) -> bool:
    """True when any finding is at least as severe as ``threshold`` (the ``--fail-on`` gate).

    >>> reaches([], Severity.WARNING)
    False
    """
    rank = SEVERITY_RANK[threshold]
    return any(SEVERITY_RANK[f.severity] <= rank for f in findings)
