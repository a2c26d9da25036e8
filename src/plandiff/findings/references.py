"""Cross-references between provisions ("as set out in point 2", "article 5(b)"), followed
through the alignment: updated with a renumbering, left behind by one, or pointing at a
provision that is gone.

>>> [(r.word, r.number) for r in references("as set out in point 2 and Article 5(b)")]
[('point', '2'), ('article', '5')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from plandiff.findings.rules import Rules
from plandiff.model.changes import ChangeKind, Finding, ProvisionChange
from plandiff.model.vocabulary import Rule

# "point 2", "points 2", "article 5(b)", "paragraph 12"; a reference to a part of the
# provision itself ("paragraph 3 of this article") is read and left alone: it points inward.
_WORDS = ("point", "article", "paragraph", "section", "clause", "item")
_REFERENCE = re.compile(
    rf"\b(?P<word>{'|'.join(_WORDS)})s?\s{{1,3}}(?P<number>\d{{1,4}}[a-z]?)\b"
    rf"(?P<part>\s?\([a-z0-9]{{1,3}}\))?(?P<inward>\s{{1,3}}of\s{{1,3}}this\s{{1,3}}\w+)?",
    re.IGNORECASE,
)
_CHEAP = re.compile(rf"(?i:{'|'.join(_WORDS)})")


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference read from a provision's text: the word, the number, where it stands."""

    word: str
    number: str
    text: str
    start: int


def references(text: str) -> list[Reference]:
    """The references to other provisions in ``text``, in order (inward ones left out)."""
    if _CHEAP.search(text) is None:
        return []
    return [
        Reference(m["word"].lower(), m["number"], m.group(), m.start())
        for m in _REFERENCE.finditer(text)
        if not m["inward"]
    ]


def _fates(changes: Sequence[ProvisionChange]) -> dict[str, str | None]:
    """Old display number -> its new number, or None when removed (not-covered is unknown)."""
    fates: dict[str, str | None] = {}
    for change in changes:
        if change.kind is ChangeKind.REMOVED:
            fates.update((r.number, None) for r in change.old)
        elif change.old and change.new and change.kind is not ChangeKind.NOT_COVERED:
            fates.update((r.number, change.new[0].number) for r in change.old)
    return fates


def reference_findings(changes: Sequence[ProvisionChange], rules: Rules) -> list[Finding]:
    """Findings about the references of every paired provision, in document order."""
    fates = _fates(changes)
    if all(number == fates[number] for number in fates):
        return []  # nothing renumbered or removed: every reference still holds
    out: list[Finding] = []
    for change in changes:
        if not change.old or not change.new or change.kind is ChangeKind.NOT_COVERED:
            continue
        new = references(change.new_text)
        if not new:
            continue
        old = references(change.old_text) if change.old_text != change.new_text else new
        out += _followed(old, new, fates, change.id, rules)
    updated = sum(f.rule == Rule.REFERENCE_RENUMBERED for f in out)
    if not updated and len(out) > _MOST_UNCONFIRMED:
        # Many references left behind and none updated: they name provisions of some other
        # instrument ("Article 5" of a treaty), not of this plan. Said nothing rather than noise.
        return []
    return out


# Most stale or dangling references reported when no reference of the comparison was seen to
# follow a renumbering (which would show that the plan's references point into the plan).
_MOST_UNCONFIRMED = 3


def _followed(old: list[Reference], new: list[Reference], fates: dict[str, str | None],
              change_id: str, rules: Rules) -> Iterable[Finding]:  # fmt: skip
    # References are paired in order when both texts hold as many; otherwise each new one is
    # read against the old numbering alone.
    unchanged = {r.text for r in old}
    paired = (
        zip(old, new, strict=True)
        if len(old) == len(new)
        else ((None, r) for r in new if r.text in unchanged)
    )
    for was, now in paired:
        if was is not None and was.number in fates and now.number != was.number:
            target = fates[was.number]
            if target == now.number:
                yield from _one(rules, Rule.REFERENCE_RENUMBERED, change_id, was.text, now.text)
            continue
        if now.number not in fates:
            continue
        target = fates[now.number]
        if target is None:
            yield from _one(rules, Rule.REFERENCE_TO_REMOVED, change_id, now.text, now.text)
        elif target != now.number:
            shown = f"{now.word} {target}"
            yield from _one(rules, Rule.REFERENCE_NOT_UPDATED, change_id, now.text, shown)


def _one(rules: Rules, rule: Rule, change_id: str, old: str, new: str) -> Iterable[Finding]:
    found = rules.finding(rule, change_id, old=old, new=new, term=old)
    if found is not None:
        yield found
