"""Cross-references between provisions ("as set out in point 2", "article 5(b)", "points 2 to
4", "paragraph 3 of this article", "the preceding point"), followed through the alignment:
updated with a renumbering, left behind by one, or pointing at a provision that is gone.

>>> [(r.word, r.number, r.part) for r in references("as set out in point 2 and Article 5(b)")]
[('point', '2', None), ('article', '5', 'b')]
>>> [r.text for r in references("points 2 to 4, the preceding point, paragraph 3 of this article")]
['point 2', 'point 4', 'the preceding point', 'paragraph 3 of this article']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plandiff.model.changes import ChangeKind, Finding, ProvisionChange, SubPointChange
from plandiff.model.vocabulary import Rule

if TYPE_CHECKING:  # the figure reader imports this module, and the rules import the figures
    from plandiff.findings.rules import Rules

_WORDS = ("point", "article", "paragraph", "section", "clause", "item")
_WORD = "|".join(_WORDS)
# A number, not the start of a figure ("600,000") or of a compound ("Article 5-style").
_NUMBER = r"\d{1,4}[a-z]?\b(?![,.]\d)(?!-[^\W\d])"
_PART = r"(?:\s?\((?P<{}>[a-z0-9]{{1,3}})\))?"
# "point 2", "article 5(b)", "points 2, 3 and 5", "paragraphs 2 to 4"; then what follows it:
# "of this article" points inside the provision itself, "of the UN Charter" (a capital after
# "of", with or without "the") into another document, which is left alone.
_REFERENCE = re.compile(
    rf"\b(?P<word>{_WORD})(?P<plural>s)?\s{{1,3}}(?P<number>{_NUMBER}){_PART.format('part')}"
    rf"(?P<more>(?:\s{{0,3}}(?:,|-|\u2013|\s(?:and|or|to|through))\s{{0,3}}{_NUMBER}"
    rf"(?:\s?\([a-z0-9]{{1,3}}\))?){{0,12}}+)"
    rf"(?:(?P<inward>\s{{1,3}}of\s{{1,3}}this\s{{1,3}}(?P<whole>\w+))"
    rf"|(?P<outward>\s{{1,3}}of\s{{1,3}}(?:the\s{{1,3}})?(?-i:[A-Z])))?",
    re.IGNORECASE,
)
_MORE = re.compile(rf"(?P<number>{_NUMBER}){_PART.format('part')}", re.IGNORECASE)
# "the preceding point", "the next paragraph": a provision's neighbour in its own version.
_STEPS = {"preceding": -1, "previous": -1, "foregoing": -1, "following": 1, "next": 1}
_RELATIVE = re.compile(
    rf"\bthe\s{{1,3}}(?P<step>{'|'.join(_STEPS)})\s{{1,3}}(?P<word>{_WORD})\b", re.IGNORECASE
)


def _cheap(text: str) -> bool:
    """Whether ``text`` may hold a reference: a plain search for each word, many times faster
    than a regular expression that ignores case."""
    lower = text.lower()
    return any(word in lower for word in _WORDS)


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``_REFERENCE.finditer(text)``. In ASCII text a reference can begin only where one of
    ``_WORDS`` stands (in any case), so the pattern is tried there alone, in order, each time
    past the last match's end, as ``finditer`` would go: the engine does not try every
    position of the text. Beyond ASCII, lower-casing may change the text's length and the
    pattern's case folding matches more than ``str.lower`` (the long s, U+017F, is an s)."""
    if not text.isascii():
        yield from _REFERENCE.finditer(text)
        return
    lower = text.lower()
    starts = []
    for word in _WORDS:
        at = lower.find(word)
        while at >= 0:
            starts.append(at)
            at = lower.find(word, at + 1)
    end = 0
    for at in sorted(starts):
        if at < end:
            continue
        m = _REFERENCE.match(text, at)
        if m is not None:
            end = m.end()
            yield m


def _relative(text: str) -> Iterator[re.Match[str]]:
    """``_RELATIVE.finditer(text)``, skipped in ASCII text without any of its step words."""
    if text.isascii():
        lower = text.lower()
        if not any(step in lower for step in _STEPS):
            return
    yield from _RELATIVE.finditer(text)


# Where a reference points in its own version: a provision's number, and a sub-point's label
# or None for the whole provision.
Address = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference read from a provision's text: the word, the number (a neighbour's when
    ``step`` is -1 or 1, a sub-point of the provision itself when ``inward``), where it stands."""

    word: str
    number: str
    text: str
    start: int
    part: str | None = None
    step: int = 0
    inward: bool = False

    def target(self, own: str, order: Sequence[str], at: int) -> Address | None:
        """The address this reference names from provision ``own`` standing at ``at`` in a
        version whose numbers, in order, are ``order``; None past either end."""
        if self.inward:
            return own, self.number
        if not self.step:
            return self.number, self.part
        near = at + self.step
        return (order[near], None) if 0 <= near < len(order) else None


def references(text: str) -> list[Reference]:
    """The references to provisions of this plan in ``text``, in order (those into another
    document, "Article 5 of the Washington Treaty", left out)."""
    if not _cheap(text):
        return []
    found: list[Reference] = []
    for m in _matches(text):
        if m["outward"]:
            continue
        word = m["word"].lower()
        if m["inward"]:
            found.append(Reference(word, m["number"], m.group(), m.start(), inward=True))
            continue
        found.append(_absolute(word, m["number"], m["part"], m.start()))
        if m["plural"]:  # "points 2 and 3"; after "point 2 and" comes anything
            found += [
                _absolute(word, more["number"], more["part"], m.start("more") + more.start())
                for more in _MORE.finditer(m["more"])
            ]
    found += [
        Reference(m["word"].lower(), "", m.group(), m.start(), step=_STEPS[m["step"].lower()])
        for m in _relative(text)
    ]
    return sorted(found, key=lambda r: r.start)


def reference_numbers(text: str) -> list[tuple[int, int]]:
    """Where the numbers of references stand in ``text`` (start, end), in order, those into
    other documents too: they are no figures ("points 2 to 5" holds no 5 of anything).

    >>> reference_numbers("points 2 to 5, and 600 troops")
    [(7, 8), (12, 13)]
    """
    if not _cheap(text):
        return []
    spans = []
    for m in _matches(text):
        spans.append(m.span("number"))
        if m["plural"]:
            at = m.start("more")
            spans += [(at + n.start(), at + n.end()) for n in _MORE.finditer(m["more"])]
    return spans


def _absolute(word: str, number: str, part: str | None, start: int) -> Reference:
    shown = f"{word} {number}" + (f"({part})" if part else "")
    return Reference(word, number, shown, start, part.lower() if part else None)


@dataclass(frozen=True, slots=True)
class _Versions:
    """What the alignment says of every address, and each version's numbers in order."""

    fates: dict[Address, Address | None]  # old address -> new one, or None when removed
    old: list[str]
    new: list[str]
    old_at: dict[int, int]  # a provision's position in its plan -> its place in ``old``
    new_at: dict[int, int]
    complete: bool  # no provision is unknown (not covered) on the new side

    def knows(self, address: Address) -> bool:
        """Whether the alignment says where an old address went (not so for a provision
        the new version does not cover, or a number this plan does not have)."""
        return address in self.fates or (address[0], None) in self.fates

    def fate(self, address: Address) -> Address | None:
        """Where a known old address went: its new address, or None when it was removed."""
        if address in self.fates:
            return self.fates[address]
        went = self.fates[address[0], None]
        return None if went is None else (went[0], address[1])


def _versions(changes: Sequence[ProvisionChange]) -> _Versions:
    fates: dict[Address, Address | None] = {}
    old: dict[int, str] = {}
    new: dict[int, str] = {}
    for change in changes:
        old.update((r.position, r.number) for r in change.old)
        new.update((r.position, r.number) for r in change.new)
        if change.kind is ChangeKind.REMOVED:
            fates.update(((r.number, None), None) for r in change.old)
        elif change.old and change.new and change.kind is not ChangeKind.NOT_COVERED:
            to = change.new[0].number
            fates.update(((r.number, None), (to, None)) for r in change.old)
            fates.update(_subpoint_fates(change.old[0].number, to, change.subpoints))
    complete = all(c.kind is not ChangeKind.NOT_COVERED for c in changes)
    return _Versions(
        fates,
        [old[k] for k in sorted(old)],
        [new[k] for k in sorted(new)],
        {k: i for i, k in enumerate(sorted(old))},
        {k: i for i, k in enumerate(sorted(new))},
        complete,
    )


def _subpoint_fates(
    was: str, now: str, points: Iterable[SubPointChange]
) -> Iterable[tuple[Address, Address | None]]:
    for point in points:
        if point.old_label is not None:
            gone = point.kind is ChangeKind.REMOVED or point.new_label is None
            yield (was, point.old_label.lower()), None if gone else (now, point.new_label)


def reference_findings(changes: Sequence[ProvisionChange], rules: Rules) -> list[Finding]:
    """Findings about the references of every paired provision, in document order."""
    versions = _versions(changes)
    if versions.old == versions.new and all(k == v for k, v in versions.fates.items()):
        return []  # nothing renumbered, removed, added or moved: every reference still holds
    out: list[tuple[Rule, str, str, str]] = []
    for change in changes:
        if not change.old or not change.new or change.kind is ChangeKind.NOT_COVERED:
            continue
        old_text, new_text = _wording(change)
        new = references(new_text)
        if not new:
            continue
        old = references(old_text) if old_text != new_text else new
        out += _followed(old, new, versions, change)
    updated = sum(rule is Rule.REFERENCE_RENUMBERED for rule, *_ in out)
    if not updated and len(out) > _MOST_UNCONFIRMED:
        return _left_behind(out, rules)
    return [f for rule, *fields in out if (f := _one(rules, rule, *fields)) is not None]


# Most stale or dangling references reported one by one when no reference of the comparison
# was seen to follow a renumbering (which would show that the references point into the plan).
_MOST_UNCONFIRMED = 3


def _left_behind(out: list[tuple[Rule, str, str, str]], rules: Rules) -> list[Finding]:
    """One finding for many references that all stayed behind: the plan may have forgotten
    to update them, or they may name provisions of another document ("Article 5" of a treaty).
    Either way the reader hears of them once, on the first provision that holds one."""
    terms = list(dict.fromkeys(old for _, _, old, _ in out))
    shown = ", ".join(terms[:_SHOWN])
    if len(terms) > _SHOWN:
        shown += f" and {len(terms) - _SHOWN} more"
    found = rules.finding(
        Rule.REFERENCES_LEFT_BEHIND, out[0][1], count=str(len(out)), old=shown, term=terms[0]
    )
    return [found] if found is not None else []


_SHOWN = 6


def _followed(
    old: list[Reference], new: list[Reference], versions: _Versions, change: ProvisionChange
) -> Iterable[tuple[Rule, str, str, str]]:
    # References are paired in order when both texts hold as many; otherwise each new one is
    # paired with the old one written alike, if any.
    written = {r.text.lower(): r for r in old}
    paired = (
        zip(old, new, strict=True)
        if len(old) == len(new)
        else ((written[r.text.lower()], r) for r in new if r.text.lower() in written)
    )
    own_old, own_new = change.old[0].number, change.new[0].number
    at_old = versions.old_at[change.old[0].position]
    at_new = versions.new_at[change.new[0].position]
    for was, now in paired:
        if (was.step or now.step) and not versions.complete:
            continue  # a neighbour in a partial version is no neighbour
        aimed = was.target(own_old, versions.old, at_old)
        lands = now.target(own_new, versions.new, at_new)
        if aimed is None or lands is None or not versions.knows(aimed):
            continue  # a target past either end, or unknown
        went = versions.fate(aimed)
        if was.text.lower() != now.text.lower():
            if went == lands and aimed != lands:
                yield Rule.REFERENCE_RENUMBERED, change.id, was.text, now.text
        elif went is None:
            yield Rule.REFERENCE_TO_REMOVED, change.id, now.text, now.text
        elif went != lands:
            yield Rule.REFERENCE_NOT_UPDATED, change.id, now.text, _shown(now, went)


def _wording(change: ProvisionChange) -> tuple[str, str]:
    """The old and new wording of a provision with its sub-points', where references stand
    ("as under paragraph 3 of this article" often opens a sub-point)."""
    old, new = [change.old_text], [change.new_text]
    stack = list(reversed(change.subpoints))
    while stack:
        point = stack.pop()
        old.append(point.old_text)
        new.append(point.new_text)
        stack += reversed(point.children)
    return "\n".join(old), "\n".join(new)


def _shown(ref: Reference, address: Address) -> str:
    """How a reference would name ``address``: "point 3", "point 3(b)", "paragraph 4"."""
    number, part = address
    if ref.inward:
        return f"{ref.word} {part}"
    return f"{ref.word} {number}" + (f"({part})" if part else "")


def _one(rules: Rules, rule: Rule, change_id: str, old: str, new: str) -> Finding | None:
    return rules.finding(rule, change_id, old=old, new=new, term=old)
