"""Changes to a plan's metadata between two versions (title, date, parties, sources, ...)."""

from __future__ import annotations

import json
from typing import Any, Literal

from plandiff.model.changes import MetadataChange
from plandiff.model.plan import Plan
from plandiff.model.record import document_of

_SCALARS = ("title", "date", "completeness", "completeness_note")
_SOURCE_FIELDS = ("title", "url", "accessed", "publisher")  # all but the id they are keyed by


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
    old, new = before["parties"], after["parties"]
    gone, came = [p for p in old if p not in new], [p for p in new if p not in old]
    if (gone and came) or len(set(old)) < len(old) or len(set(new)) < len(new):
        # A renamed party ("Russia" → "Russian Federation") is paired by deepdiff's distance.
        found.extend(_deepdiff_changes({"parties": old}, {"parties": new}))
    else:
        found.extend(_change(f"parties[{old.index(p)}]", "removed", p, None) for p in gone)
        found.extend(_change(f"parties[{new.index(p)}]", "added", None, p) for p in came)
    return found


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
    path: str, change: Literal["changed", "added", "removed"], old: Any, new: Any
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
