"""Changes a reader cannot see: white space, zero-width and bidi characters, Unicode forms.

Identity matching may treat a no-break space as a space and NFD as NFC, but a report must
still say when two texts differ; when the difference is invisible it names the code points.

>>> invisible_change("30\\u00a0days", "30 days")
'invisible change: U+00A0 → U+0020'
>>> invisible_change("Kyïv", "Kyi\\u0308v")
'invisible change: U+00EF → U+0069 U+0308'
>>> invisible_change("cease\\u200bfire", "ceasefire")
'invisible change: U+200B removed'
>>> invisible_change("30 days", "31 days") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache

from plandiff.model.changes import ChangeKind, SubPointChange
from plandiff.wording.charclasses import HIDDEN
from plandiff.wording.tokens import common_prefix

_SPACE = re.compile(r"(\s+)")
# Most code-point differences named in one note; the rest are counted.
MAX_NAMED = 5
# Code points are named by a character diff of each differing piece between white space; that
# diff is quadratic at worst, so a longer piece is only described.
MAX_SPAN = 500


@cache
def _hidden() -> re.Pattern[str]:
    # Compiled on first use: a class beyond Latin-1 costs the compiler a few milliseconds.
    return re.compile(f"[{HIDDEN}]")


def looks_same(old: str, new: str) -> bool:
    """True when the texts read the same: same characters once the code points shown as
    nothing (format characters such as zero-width spaces and bidi controls, soft hyphens,
    variation selectors, the combining grapheme joiner, every default-ignorable code point)
    are dropped, white space unified and Unicode composed."""
    return _seen(old) == _seen(new)


def _seen(text: str) -> str:
    if text.isascii():
        return " ".join(text.split())  # the common case: only spacing can be invisible
    kept = _hidden().sub("", unicodedata.normalize("NFC", text))
    return " ".join(kept.split())


def hidden_change(old: str, new: str) -> str | None:
    """A note naming the code points shown as nothing that one text has more of than the
    other, whatever else changed: a variation selector slipped into a word beside a visible
    edit is news too. None when there is no such difference.

    >>> hidden_change("Kyiv at 30 days", "Kyiv\ufe0f at 60 days")
    'hidden characters: U+FE0F added'
    """
    if old.isascii() and new.isascii():
        return None
    pattern = _hidden()
    before, after = Counter(pattern.findall(old)), Counter(pattern.findall(new))
    if before == after:
        return None
    named = []
    for ch in sorted(before.keys() | after.keys()):
        delta = after[ch] - before[ch]
        if delta:
            times = "" if abs(delta) == 1 else f" ({abs(delta)} times)"
            named.append(f"{_points(ch)} {'added' if delta > 0 else 'removed'}{times}")
    more = len(named) - MAX_NAMED
    said = "; ".join(named[:MAX_NAMED]) + (f"; and {more} more" if more > 0 else "")
    return f"hidden characters: {said}"


def invisible_change(old: str, new: str) -> str | None:
    """A note naming the code points that differ, when ``old`` and ``new`` differ but look
    the same; None when they are equal or differ visibly."""
    if old == new or not looks_same(old, new):
        return None
    start = common_prefix(old, new)
    end = common_prefix(old[start:][::-1], new[start:][::-1])
    named = _differences(old[start : len(old) - end], new[start : len(new) - end])
    if named is None:
        return "invisible change: white space, zero-width or Unicode-form characters differ"
    more = len(named) - MAX_NAMED
    said = "; ".join(named[:MAX_NAMED]) + (f"; and {more} more" if more > 0 else "")
    return f"invisible change: {said}"


def _differences(old: str, new: str) -> list[str] | None:
    """The code points that differ, or None when a differing piece is too long to search."""
    # Character-level difflib is quadratic in the text length (3-70 ms for one provision).
    # Texts that look the same have the same words in the same places, so the pieces between
    # white space pair up one to one and only the pieces that differ are searched.
    old_pieces, new_pieces = _pieces(old), _pieces(new)
    if len(old_pieces) != len(new_pieces):
        old_pieces, new_pieces = [old], [new]
    named: list[str] = []
    for a, b in zip(old_pieces, new_pieces, strict=True):
        if a == b:
            continue
        if max(len(a), len(b)) > MAX_SPAN:
            return None
        named.extend(_char_differences(a, b))
    return named


def _pieces(text: str) -> list[str]:
    body = text.strip()
    start = text.find(body) if body else len(text)
    return [text[:start], *_SPACE.split(body), text[start + len(body) :]]


def _char_differences(old: str, new: str) -> Iterable[str]:
    # Imported here: most comparisons have no invisible change to describe.
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = _points(old[i1:i2]), _points(new[j1:j2])
        yield f"{a} → {b}" if a and b else (f"{a} removed" if a else f"{b} added")


def _points(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


def invisible_note(old: str, new: str, subpoints: tuple[SubPointChange, ...] = ()) -> str | None:
    """The invisible changes of a provision's text and of its sub-points, as one note."""
    notes = [_note(old, new)]
    for label, sub_old, sub_new in _modified(subpoints):
        note = _note(sub_old, sub_new)
        notes.append(f"({label}) {note}" if note else None)
    found = [n for n in notes if n]
    return "; ".join(found) or None


def _note(old: str, new: str) -> str | None:
    if old == new:
        return None
    return invisible_change(old, new) or hidden_change(old, new)


def _modified(subpoints: tuple[SubPointChange, ...]) -> Iterable[tuple[str, str, str]]:
    for sub in subpoints:
        if sub.kind is ChangeKind.MODIFIED and sub.new_label is not None:
            yield sub.new_label, sub.old_text, sub.new_text
        yield from _modified(sub.children)
