"""The short forms a report leads with: metadata in one line, the partial-text note in one.

Reports put the headlines and the changed provisions first; metadata changes (a list of
twenty sources, a page-long completeness note) come last, as one line, with the details
folded away. These functions make that line and the short note on partial texts.

>>> metadata_summary((("date", "changed", "2025-11-20", "2025-11-23"),), {}, {})
'date 2025-11-20 → 2025-11-23'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

# Fields shown with their old and new values (short ones); the others are only named.
_VALUED = ("date", "completeness")
_NAMED = {"title": "title changed", "completeness_note": "completeness note changed"}
# Fields in the order the summary names them; the lists come last, as they take most room.
_ORDER = ("title", "date", "completeness", "completeness_note", "parties", "sources")

MetadataItem = tuple[str, str, str | None, str | None]  # path, change, old, new


def _field(path: str) -> str:
    """'sources[liga].url' -> 'sources', 'parties[1]' -> 'parties', 'title' -> 'title'."""
    return path.split("[", 1)[0].split(".", 1)[0]


def metadata_summary(
    items: Iterable[MetadataItem], old_sizes: Mapping[str, int], new_sizes: Mapping[str, int]
) -> str:
    """The metadata changes in one line, '' when there are none.

    ``old_sizes`` and ``new_sizes`` give how many items each list field ('sources', 'parties')
    holds on each side, for 'sources 11 → 8 (7 removed, 4 added)'.

    >>> metadata_summary(
    ...     [("sources[a]", "removed", "A", None), ("sources[b]", "added", None, "B"),
    ...      ("sources[c].url", "changed", "x", "y"), ("title", "changed", "T", "U")],
    ...     {"sources": 3}, {"sources": 3})
    'title changed · sources 3 → 3 (1 removed, 1 added, 1 changed)'
    """
    by_field: dict[str, list[MetadataItem]] = {}
    for item in items:
        by_field.setdefault(_field(item[0]), []).append(item)
    known = [f for f in _ORDER if f in by_field]
    parts = [_said(f, by_field[f], old_sizes, new_sizes) for f in known]
    parts += [f"{f} changed" for f in sorted(by_field) if f not in _ORDER]
    return " · ".join(parts)


def _said(
    field: str,
    items: list[MetadataItem],
    old_sizes: Mapping[str, int],
    new_sizes: Mapping[str, int],
) -> str:
    if field in _NAMED:
        return _NAMED[field]
    if field in _VALUED:
        _, _, old, new = items[0]
        return f"{field} {old or '—'} → {new or '—'}"
    # A list: how many items each side has, then what happened to them.
    tally: Counter[str] = Counter()
    changed: set[str] = set()
    for path, change, _, _ in items:
        if change == "changed":
            changed.add(path.split(".", 1)[0])  # one source with two changed fields counts once
        else:
            tally[change] += 1
    tally["changed"] = len(changed)
    what = [f"{tally[c]} {c}" for c in ("removed", "added", "changed") if tally[c]]
    if tally["reordered"]:
        what.append("reordered")
    sizes = ""
    if field in old_sizes and field in new_sizes:
        sizes = f" {old_sizes[field]} → {new_sizes[field]}"
    return f"{field}{sizes} ({', '.join(what)})"


def partial_short(old_partial: bool, new_partial: bool) -> str | None:
    """The one-sentence note on partial versions, or None when both are full texts.

    >>> partial_short(False, True)[:60]
    'the new version is a partial text: a provision it lacks is n'
    """
    if old_partial and new_partial:
        return (
            "both versions are partial texts: a provision the new one lacks is not covered "
            "(its fate is unknown)."
        )
    if new_partial:
        return (
            "the new version is a partial text: a provision it lacks is not covered "
            "(its fate is unknown), never removed."
        )
    if old_partial:
        return (
            "the old version is a partial text: a provision it lacks may have existed before, "
            "so an addition may be one only to this record."
        )
    return None
