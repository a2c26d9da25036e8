"""Changes to a plan's metadata between two versions (title, date, parties, sources, ...)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Literal

from plandiff.model.changes import MetadataChange
from plandiff.model.plan import Plan
from plandiff.model.record import document_of

_SCALARS = ("title", "date", "completeness", "completeness_note")
_SOURCE_FIELDS = ("title", "url", "accessed", "publisher")  # all but the id they are keyed by
MAX_RENAME_PAIRS = 2_500
"""Most (removed, added) pairs of party names that deepdiff weighs for renames; beyond that
(a party list replaced wholesale) every name is said as removed or added, in linear time."""


def _view(plan: Plan) -> dict[str, Any]:
    # Sources are keyed by id so that inserting one does not shift every later source.
    return {
        "parties": list(plan.parties),
        "sources": {s.id: document_of(s, include=_SOURCE_FIELDS) for s in plan.sources},
    }


def metadata_changes(old: Plan, new: Plan) -> tuple[MetadataChange, ...]:
    """What changed in the metadata, one record per changed field, sorted by path.

    >>> from plandiff.documents.load import load_plan_text
    >>> base = dict(id="a", title="Plan", version="1", date="2025-11-20",
    ...             completeness="full", provisions=[dict(number="1", text="x",
    ...             provenance="confirmed")])
    >>> a = load_plan_text(json.dumps(base), "a.json")
    >>> b = load_plan_text(json.dumps({**base, "title": "Plan B"}), "b.json")
    >>> [(c.path, c.old, c.new) for c in metadata_changes(a, b)]
    [('title', 'Plan', 'Plan B')]
    """
    found = [
        MetadataChange(path=name, change="changed", old=_text(a), new=_text(b))
        for name in _SCALARS
        if (a := _scalar(old, name)) != (b := _scalar(new, name))
    ]
    before, after = _view(old), _view(new)
    if before != after:
        found.extend(_nested_changes(before, after))
    return tuple(sorted(found, key=lambda c: (c.path, c.change, c.old or "", c.new or "")))


def _scalar(plan: Plan, name: str) -> str | None:
    value = getattr(plan, name)
    return None if value is None else str(value)


def _nested_changes(before: dict[str, Any], after: dict[str, Any]) -> list[MetadataChange]:
    found = _source_changes(before["sources"], after["sources"])
    found.extend(_party_changes(before["parties"], after["parties"]))
    return found


def _party_changes(old: list[str], new: list[str]) -> list[MetadataChange]:
    """Parties added, removed or renamed, each extra copy of one, and a change of order.

    Names are compared as distinct names first (deepdiff pairs a renamed party, "Russia" →
    "Russian Federation", by distance); then every copy beyond the first is counted, so that
    dropping a duplicate is a change; then the order of the names both sides share.
    """
    found: list[MetadataChange] = []
    places_old, places_new = _places(old), _places(new)
    gone = [p for p in places_old if p not in places_new]
    came = [p for p in places_new if p not in places_old]
    if gone and came and len(gone) * len(came) <= MAX_RENAME_PAIRS:
        found.extend(_renamed(places_old, places_new))
    else:
        found.extend(_change(f"parties[{places_old[p][0]}]", "removed", p, None) for p in gone)
        found.extend(_change(f"parties[{places_new[p][0]}]", "added", None, p) for p in came)
    found.extend(_extra_copies(places_old, places_new, "removed"))
    found.extend(_extra_copies(places_new, places_old, "added"))
    if [p for p in places_old if p in places_new] != [p for p in places_new if p in places_old]:
        found.append(_change("parties", "reordered", old, new))
    return found


def _renamed(
    places_old: dict[str, list[int]], places_new: dict[str, list[int]]
) -> list[MetadataChange]:
    distinct_old, distinct_new = list(places_old), list(places_new)
    found = []
    for change in _deepdiff_changes({"parties": distinct_old}, {"parties": distinct_new}):
        # deepdiff's indices are into the lists of distinct names; give the plans' own.
        names, places = (
            (distinct_new, places_new) if change.change == "added" else (distinct_old, places_old)
        )
        index = int(change.path.removeprefix("parties[").split("]", 1)[0])
        found.append(replace(change, path=f"parties[{places[names[index]][0]}]"))
    return found


def _extra_copies(
    places: dict[str, list[int]],
    other: dict[str, list[int]],
    change: Literal["added", "removed"],
) -> list[MetadataChange]:
    # The copies of a name beyond those the other side has; when the other side lacks the
    # name, beyond the first, which is already said as the name's addition or removal.
    found = []
    for name, where in places.items():
        extra = len(where) - max(len(other.get(name, ())), 1)
        for index in where[len(where) - extra :] if extra > 0 else ():
            old, new = (name, None) if change == "removed" else (None, name)
            found.append(_change(f"parties[{index}]", change, old, new))
    return found


def _places(names: list[str]) -> dict[str, list[int]]:
    """Each distinct name, in order of first appearance, with the indices it stands at."""
    places: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        places.setdefault(name, []).append(index)
    return places


def _source_changes(before: dict[str, Any], after: dict[str, Any]) -> list[MetadataChange]:
    # Sources are keyed by id and have fixed fields: a plain comparison says everything, so
    # deepdiff (a tenth of a second to import) is left for the parties' pairing of renames.
    found = [
        _change(f"sources[{k}]", "removed", before[k], None) for k in before.keys() - after.keys()
    ]
    found += [
        _change(f"sources[{k}]", "added", None, after[k]) for k in after.keys() - before.keys()
    ]
    for key in before.keys() & after.keys():
        found.extend(
            _change(f"sources[{key}].{name}", "changed", value, after[key][name])
            for name, value in before[key].items()
            if value != after[key][name]
        )
    return found


def _change(
    path: str, change: Literal["changed", "added", "removed", "reordered"], old: Any, new: Any
) -> MetadataChange:
    return MetadataChange(path=path, change=change, old=_text(old), new=_text(new))


def _deepdiff_changes(before: dict[str, Any], after: dict[str, Any]) -> list[MetadataChange]:
    # Only the plain comparison is used; a Delta (which can unpickle) is never built.
    from deepdiff import DeepDiff

    # threshold_to_diff_deeper=0: report each item added or removed, even when the two
    # collections have nothing in common (deepdiff would otherwise replace the whole value).
    diff = DeepDiff(before, after, ignore_order=True, view="tree", threshold_to_diff_deeper=0)
    found = []
    for report, levels in diff.items():
        for level in levels:
            path = _path(level.path(output_format="list"))
            old_value, new_value = level.t1, level.t2
            if "added" in report:
                found.append(_change(path, "added", None, new_value))
            elif "removed" in report:
                found.append(_change(path, "removed", old_value, None))
            else:
                found.append(_change(path, "changed", old_value, new_value))
    return found


def _path(parts: list[Any]) -> str:
    out = ""
    for n, part in enumerate(parts):
        if isinstance(part, int) or (n == 1 and parts[0] == "sources"):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _text(value: Any) -> str | None:
    if value is None or type(value).__name__ == "NotPresent":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and {"title", "url"} <= value.keys():
        return f"{value['title']} <{value['url']}>"  # a whole source, as a reader cites it
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
