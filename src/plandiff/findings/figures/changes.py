"""Pair the quantities of a provision's two texts and describe each changed figure.

>>> [c.change.quantity for c in number_changes("cap of 600,000 troops", "cap of 800,000 troops")]
['personnel']
>>> number_changes("six hundred thousand troops", "600,000 troops")
[]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from plandiff.findings.figures.quantities import Quantity, quantities
from plandiff.findings.lexicon import words
from plandiff.model.changes import NumberChange
from plandiff.model.units import QUANTITIES, UNITS

# A bare figure may count the same thing as one whose noun is known: "600,000" / "600,000 troops".
_COUNTABLE = frozenset({"count", *(u.quantity for u in UNITS if not u.measure)})
_NOUN_UNITS = frozenset({"count", *(u.quantity for u in UNITS)})
_NO_RATIO = frozenset({"date", "year", "percent", "ratio"})
_FIGURE = QUANTITIES["count"]
_CONTEXT_CHARS = 60
# Most (old figure, new figure) candidates weighed for one provision (100 figures a side).
MAX_PAIRINGS = 10_000


@dataclass(frozen=True, slots=True)
class FigureChange:
    """One paired (or unpaired) figure, with the words a finding message needs."""

    change: NumberChange
    deadline: bool
    fields: dict[str, str]


def _compatible(a: str, b: str) -> bool:
    return a == b or (a in _COUNTABLE and b in _COUNTABLE and "count" in (a, b))


def _same(a: Quantity, b: Quantity) -> bool:
    # A bare figure equal to a counted one is the same figure whose noun moved away from it
    # ("649 days" / "649 at the latest days"): no change in what was agreed.
    # Not so for a sign or symbol: "50" / "50%" and "100" / "$100" do differ.
    units = {a.unit, b.unit}
    agree = len(units) == 1 or ("count" in units and units <= _NOUN_UNITS)
    return agree and math.isclose(a.value, b.value, rel_tol=1e-9)


def _context(text: str, q: Quantity) -> set[str]:
    near = text[max(0, q.start - _CONTEXT_CHARS) : q.start] + " " + text[q.end : q.end + 60]
    return {w for w in words(near) if len(w) > 2 and not w.isdigit()}


def pair_quantities(
    old_text: str, new_text: str, decimal: str | None = None
) -> list[tuple[Quantity | None, Quantity | None]]:
    """Figures that differ between the texts: (old, new) pairs, (old, None), (None, new).

    ``decimal`` is the decimal separator of the texts' notation, when known."""
    old_qs, new_qs = quantities(old_text, decimal), quantities(new_text, decimal)
    if not old_qs and not new_qs:
        return []
    if len(old_qs) * len(new_qs) > MAX_PAIRINGS:
        # A table-like text with thousands of figures would make the pairing below take
        # minutes (it is quadratic); figures are then paired in order of appearance.
        return _in_order(old_qs, new_qs)
    # The same value in both texts is no change, however it is written or wherever it moved.
    unused_new = list(new_qs)
    left_old: list[Quantity] = []
    for q in old_qs:
        twin = next((n for n in unused_new if _same(q, n)), None)
        if twin is None:
            left_old.append(q)
        else:
            unused_new.remove(twin)
    if not left_old or not unused_new:
        return [(q, None) for q in left_old] + [(None, n) for n in unused_new]
    scored: list[tuple[float, int, int]] = []
    old_ctx = [_context(old_text, q) for q in left_old]
    new_ctx = [_context(new_text, q) for q in unused_new]
    for i, q in enumerate(left_old):
        for j, n in enumerate(unused_new):
            if not _compatible(q.unit, n.unit):
                continue
            union = old_ctx[i] | new_ctx[j]
            overlap = len(old_ctx[i] & new_ctx[j]) / len(union) if union else 0.0
            place = 1 - abs(q.start / len(old_text) - n.start / len(new_text))
            scored.append((overlap + 0.25 * place + (0.5 if q.unit == n.unit else 0), i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs: list[tuple[Quantity | None, Quantity | None]] = []
    for _, i, j in scored:
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            pairs.append((left_old[i], unused_new[j]))
    pairs += [(q, None) for i, q in enumerate(left_old) if i not in taken_old]
    pairs += [(None, n) for j, n in enumerate(unused_new) if j not in taken_new]
    # Document order of the new text first, then what vanished, in old order.
    pairs.sort(key=lambda p: (p[1] is None, p[1].start if p[1] else 0, p[0].start if p[0] else 0))
    return pairs


def _in_order(
    old_qs: list[Quantity], new_qs: list[Quantity]
) -> list[tuple[Quantity | None, Quantity | None]]:
    pairs: list[tuple[Quantity | None, Quantity | None]] = []
    for k in range(max(len(old_qs), len(new_qs))):
        o = old_qs[k] if k < len(old_qs) else None
        n = new_qs[k] if k < len(new_qs) else None
        if o is None or n is None or not _same(o, n):
            pairs.append((o, n))
    return pairs


def _fmt(value: float) -> str:
    size = abs(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if size >= scale and round(size / scale, 3) * scale == size:
            return f"{value / scale:g} {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _signed(value: float, unit: str) -> str:
    sign = "+" if value > 0 else "-" if value < 0 else "±"
    shown = QUANTITIES.get(unit, _FIGURE)
    return f"{sign}{shown.prefix}{_fmt(abs(value))}{shown.suffix}"


def _direction(delta: float, unit: str, deadline: bool) -> str:
    if unit in {"date", "year"}:
        return "moved later" if delta > 0 else "moved earlier"
    if deadline:
        return "extended" if delta > 0 else "shortened"
    return "raised" if delta > 0 else "lowered"


def describe(old: Quantity | None, new: Quantity | None) -> FigureChange:
    """The number change record and message words for one pair from ``pair_quantities``."""
    unit = (new.unit if new and new.unit != "count" else None) or (old.unit if old else "count")
    deadline = bool((old and old.deadline) or (new and new.deadline))
    fields = {"what": QUANTITIES.get(unit, _FIGURE).label, "old": "", "new": "", "change": ""}
    delta = percent = None
    if old is not None and new is not None:
        delta = round(new.value - old.value, 6)
        if unit not in _NO_RATIO and old.value:
            percent = round(100 * delta / old.value, 2)
        change = _signed(delta, "days" if unit == "date" else unit)
        if percent is not None:
            change += f", {percent:+.0f}%" if abs(percent) >= 1 else f", {percent:+.1f}%"
        fields.update(
            old=old.text, new=new.text, change=change, direction=_direction(delta, unit, deadline)
        )
    else:
        fields.update(old=old.text if old else "", new=new.text if new else "")
    record = NumberChange(
        quantity=unit,
        old_value=old.value if old else None,
        new_value=new.value if new else None,
        old_text=old.text if old else None,
        new_text=new.text if new else None,
        delta=delta,
        percent=percent,
    )
    return FigureChange(record, deadline, fields)


def number_changes(old_text: str, new_text: str, decimal: str | None = None) -> list[FigureChange]:
    """Every figure that changed, appeared or vanished between two texts of one provision."""
    return [describe(o, n) for o, n in pair_quantities(old_text, new_text, decimal)]
