"""Turn the leading ``key: value`` lines of an imported text into a plan's metadata."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from plandiff.documents.dates import find_date
from plandiff.model.errors import PlanError
from plandiff.model.plan import Provenance

Skip = Callable[[int, str, str], None]
# The title is read a character or a whole run of blanks at a time: a lazy ``.*?`` looked for
# the closing " [id]" from every blank of a long run, quadratic in the line.
SOURCE = re.compile(
    r"^(?P<url>https?://\S++)(?:\s++[\u2014\u2013]\s+(?P<title>(?:\S|[^\S\n]++)*?))?"
    r"(?:\s+\[(?P<id>[a-z0-9._-]+)\])?$"
)
# Sources are split at " ; " or at a ";" before a URL. A match starts only where a run of
# blanks starts (or at the ";" itself): a split tried from every blank of a run re-read the
# run each time.
SOURCE_BREAK = re.compile(r"(?<!\s)\s+;\s+|(?<!\s)\s*;\s*(?=https?://)|;\s*(?=https?://)")
COVERAGE = {"full": "full", "complete": "full", "partial": "partial", "incomplete": "partial"}


def plan_metadata(
    meta: dict[str, Any],
    name: str,
    skip: Skip,
    *,
    title_hint: str | None = None,
    date_hint: str | None = None,
) -> tuple[dict[str, Any], str | None, list[str]]:
    """(plan fields, provenance for every provision or None, the defaults that were taken).

    ``title_hint`` and ``date_hint`` are what the file's own properties say (a Word or PDF
    title, a web page's publication date): taken, and said so, when the text names none.
    """
    defaults: list[str] = []
    stem = slug(PurePath(name).stem) or "imported"
    fields: dict[str, Any] = {}
    fields["id"] = _value(meta, "id") or _default(defaults, "id", stem, "the file name")
    fields["title"] = (
        _value(meta, "title")
        or (title_hint and _default(defaults, "title", title_hint, "the file's properties"))
        or _default(defaults, "title", stem, "the file name")
    )
    fields["version"] = _value(meta, "version") or _default(defaults, "version", fields["id"],
                                                            "the id")  # fmt: skip
    fields["date"] = _date(meta, name, skip, defaults, date_hint)
    if parent := _value(meta, "parent"):
        fields["parent"] = parent
    fields["parties"] = [party for _, party in meta.get("parties", [])]
    fields["sources"] = _sources(meta.get("sources", []), skip)
    notes = [_value(meta, "note")]
    fields["completeness"], coverage_note = _coverage(meta, skip, defaults)
    notes.insert(0, coverage_note)
    if note := " ".join(n for n in notes if n):
        fields["completeness_note"] = note
    return fields, _provenance(meta, skip), defaults


def slug(text: str) -> str:
    """A plan or source id made from free text.

    >>> slug("US 28-point draft (v2).txt")
    'us-28-point-draft-v2-txt'
    """
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:100].strip("-")


def _value(meta: dict[str, Any], key: str) -> str | None:
    # Not stripped: the reader has trimmed the line, and what is left (escaped) is the value.
    found = meta.get(key)
    return found[1] if found and found[1].strip() else None


def _default(defaults: list[str], field: str, value: str, origin: str) -> str:
    defaults.append(f"no {field} given: using {value!r} from {origin}")
    return value


def _date(
    meta: dict[str, Any], name: str, skip: Skip, defaults: list[str], hint: str | None
) -> str:
    if "date" not in meta:
        title = _value(meta, "title")
        if title and (found_in_title := find_date(title)):
            return _default(defaults, "date", found_in_title[0], "the title")
        if hint and (found_in_hint := find_date(hint)):
            return _default(defaults, "date", found_in_hint[0], "the file's properties")
        raise PlanError(
            [f"{name}: no date: add a line 'date: YYYY-MM-DD' before the first point, or give "
             "it on the command line (compare --old-date/--new-date, import --date)"]
        )  # fmt: skip
    line, value = meta["date"]
    found = find_date(value.strip())
    if not found or found[1] != 0:
        raise PlanError(
            [f"{name}:{line}: the date must start with a date such as 2025-11-20 or "
             f"20 November 2025, not {value!r}"]
        )  # fmt: skip
    if rest := value.strip()[found[2] :].strip():
        skip(line, rest, "no place for what follows the date")
    return found[0]


def _sources(entries: list[tuple[int, str]], skip: Skip) -> list[dict[str, str]]:
    sources: list[dict[str, str]] = []
    taken: set[str] = set()
    for line, value in entries:
        for part in SOURCE_BREAK.split(value.strip()):
            found = SOURCE.match(part.strip())
            if not found:
                skip(line, part, "a source must be a URL (optionally '— title [id]')")
                continue
            url = found.group("url")
            host = re.sub(r"^https?://(?:www\.)?", "", url).split("/")[0]
            wanted = found.group("id") or slug(host) or "source"
            ident, n = wanted, 1
            while ident in taken:
                n += 1
                ident = f"{wanted}-{n}"
            taken.add(ident)
            sources.append({"id": ident, "title": found.group("title") or host, "url": url})
    return sources


def _coverage(meta: dict[str, Any], skip: Skip, defaults: list[str]) -> tuple[str, str | None]:
    if "completeness" not in meta:
        return _default(defaults, "completeness", "full", "the default"), None
    line, value = meta["completeness"]
    found = re.match(r"^(\w+)\W*(.*)$", value.strip())
    word = found.group(1).lower() if found else ""
    if word not in COVERAGE:
        skip(line, value, "coverage must be 'full' or 'partial'")
        return _default(defaults, "completeness", "full", "the default"), None
    assert found is not None
    return COVERAGE[word], found.group(2).strip() or None


def _provenance(meta: dict[str, Any], skip: Skip) -> str | None:
    value = _value(meta, "provenance")
    if value is None:
        return None
    if value.lower() not in {p.value for p in Provenance}:
        reason = "provenance must be confirmed, reported or reconstructed"
        skip(meta["provenance"][0], value, reason)
        return None
    return value.lower()
