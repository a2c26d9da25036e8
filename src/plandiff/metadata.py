"""Changes to a plan's metadata between two versions (title, date, parties, sources, ...)."""

from __future__ import annotations

import json
from typing import Any

from plandiff.changes import MetadataChange
from plandiff.model import Plan

_SCALARS = ("title", "date", "completeness", "completeness_note")


def _view(plan: Plan) -> dict[str, Any]:
    # Sources are keyed by id so that inserting one does not shift every later source.
    return {
        "parties": list(plan.parties),
        "sources": {s.id: s.model_dump(mode="json", exclude={"id"}) for s in plan.sources},
    }


def metadata_changes(old: Plan, new: Plan) -> tuple[MetadataChange, ...]:
    """What changed in the metadata, one record per changed field, sorted by path.

    >>> from plandiff.model import Plan
    >>> base = dict(id="a", title="Plan", version="1", date="2025-11-20",
    ...             completeness="full", provisions=[dict(number="1", text="x",
    ...             provenance="confirmed")])
    >>> a = Plan.model_validate_json(json.dumps(base))
    >>> b = Plan.model_validate_json(json.dumps({**base, "title": "Plan B"}))
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
    # deepdiff takes a quarter of a second to import, so it is only asked about the lists of
    # parties and sources, and only when they differ; plain fields are compared directly.
    # Only the plain comparison is used; a Delta (which can unpickle) is never built.
    from deepdiff import DeepDiff

    # threshold_to_diff_deeper=0: report each source added or removed, even when the two lists
    # of sources have nothing in common (deepdiff would otherwise replace the whole mapping).
    diff = DeepDiff(before, after, ignore_order=True, view="tree", threshold_to_diff_deeper=0)
    found = []
    for report, levels in diff.items():
        for level in levels:
            path = _path(level.path(output_format="list"))
            old_value, new_value = level.t1, level.t2
            if "added" in report:
                found.append(
                    MetadataChange(path=path, change="added", old=None, new=_text(new_value))
                )
            elif "removed" in report:
                found.append(
                    MetadataChange(path=path, change="removed", old=_text(old_value), new=None)
                )
            else:
                found.append(
                    MetadataChange(
                        path=path, change="changed", old=_text(old_value), new=_text(new_value)
                    )
                )
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
