"""Markdown sized for GitHub: a pull-request comment or a job summary that always fits.

The counts are always complete; headlines and changed provisions are added, worst first, while
they fit, and a visible note says what was cut and where the full report is. The first line
is a hidden marker by which a workflow finds its own comment to update.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from markupsafe import Markup

from plandiff.model.changes import Comparison
from plandiff.model.errors import UsageError
from plandiff.model.vocabulary import SEVERITY_LABELS, Severity
from plandiff.output.view import ReportView, build_view

MARKER = "<!-- plandiff-report -->"
Budget = Literal["comment", "summary"]
# GitHub refuses a comment over 65,536 characters and a step summary over 1 MiB. Sizes are
# counted in UTF-8 bytes, never fewer than characters, and a margin is kept for the workflow.
LIMITS: dict[str, int] = {"comment": 65_536, "summary": 1_048_576}
LIMIT_NAMES = {"comment": "65,536-character comment", "summary": "1 MiB job summary"}
MARGIN = 1_536
METADATA_ROWS, METADATA_CHARS = 12, 200  # the head is always shown, so it is kept short
# Only a plain https URL is linked; anything else could smuggle Markdown or HTML in.
_SAFE_URL = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~/%+-]*)?$")


class _Chunks:
    """Items rendered one by one on demand: a large report renders only what it shows."""

    def __init__(self, items: Sequence[Any], macro: Any) -> None:
        self.items, self.macro = items, macro
        self.done: list[str] = []

    def __len__(self) -> int:
        return len(self.items)

    def take(self, room: int) -> list[str]:
        """The first items that fit in ``room`` bytes, in order (stops at the first misfit)."""
        taken: list[str] = []
        for index in range(len(self.items)):
            if index == len(self.done):
                self.done.append(str(self.macro(self.items[index])))
            room -= _size(self.done[index])
            if room < 0:
                break
            taken.append(self.done[index])
        return taken


@dataclass(frozen=True)
class _Part:
    """One comparison's pieces: the head is always shown, the rest while they fit."""

    view: ReportView
    head: str
    tail: str  # the metadata, after the provisions; always shown, like the head
    what: str  # what the provision list holds, e.g. '7 changed, 22 not covered'
    headlines: _Chunks
    rows: _Chunks


def render_github(
    comparison: Comparison, *, budget: Budget = "comment", details_url: str | None = None
) -> str:
    """``comparison`` as GitHub Markdown within ``budget`` ('comment' or 'summary')."""
    return render_github_many((comparison,), budget=budget, details_url=details_url)


def render_github_many(
    comparisons: Sequence[Comparison],
    *,
    budget: Budget = "comment",
    details_url: str | None = None,
) -> str:
    """Several comparisons in one comment or summary (one marker), within ``budget``."""
    if budget not in LIMITS:
        raise UsageError(f"unknown budget {budget!r}; choose comment or summary")
    url = _safe_url(details_url)
    macros = _macros()
    limit = LIMITS[budget] - MARGIN
    parts = [_part(build_view(c), macros) for c in comparisons]
    top = MARKER + "\n" + str(macros.top(len(parts), *_finding_counts(comparisons)))
    # Room for the note on what was cut, written with the widest figures it can hold.
    reserve = _size(str(macros.cut(99_999, 100_000, 99_999, 100_000, LIMIT_NAMES[budget], url)))
    fixed = _size(top) + sum(_size(p.head) + _size(p.tail) + reserve for p in parts)
    while parts and fixed > limit:  # heads alone too large: drop whole comparisons, last first
        gone = parts.pop()
        fixed -= _size(gone.head) + _size(gone.tail) + reserve
    room = limit - fixed - (reserve if len(parts) < len(comparisons) else 0)
    out = [top]
    for index, part in enumerate(parts):
        share = room // (len(parts) - index)
        text, used = _fill(part, share, macros, budget, url)
        out.append(text)
        room -= used
    if len(parts) < len(comparisons):
        out.append(str(macros.dropped(len(comparisons) - len(parts), url)))
    return "".join(out).rstrip("\n") + "\n"


def _fill(part: _Part, share: int, macros: Any, budget: str, url: Markup | None) -> tuple[str, int]:
    head_open = str(macros.headlines_open(len(part.headlines)))
    rows_open, rows_close = str(macros.rows_open(part.what)), str(macros.rows_close())
    frame = _size(head_open) + _size(rows_open) + _size(rows_close)
    # Headlines first but at most half the room while provisions wait, so both are seen;
    # whatever the provisions leave goes back to the headlines.
    headlines = part.headlines.take((share - frame) // 2 if len(part.rows) else share - frame)
    rows = part.rows.take(share - frame - sum(map(_size, headlines)))
    if len(rows) == len(part.rows):
        headlines = part.headlines.take(share - frame - sum(map(_size, rows)))
    shown = []
    if headlines:
        shown += [head_open, *headlines]
    if rows:
        shown += [rows_open, *rows, rows_close]
    note = ""  # its room was reserved with the head
    if len(headlines) < len(part.headlines) or len(rows) < len(part.rows):
        counts = (len(headlines), len(part.headlines), len(rows), len(part.rows))
        note = str(macros.cut(*counts, LIMIT_NAMES[budget], url))
    return "".join([part.head, *shown, note, part.tail]), sum(map(_size, shown))


def _part(view: ReportView, macros: Any) -> _Part:
    rows = (*view.changed, *view.not_covered)
    metadata = [
        {
            "path": m.path,
            "change": m.change,
            "old": _short(m.old),
            "new": _short(m.new),
            "old_link": m.old_link,
            "new_link": m.new_link,
        }
        for m in view.metadata[:METADATA_ROWS]
    ]
    more = len(view.metadata) - len(metadata)
    what = f"{len(view.changed)} changed" + (
        f", {len(view.not_covered)} not covered" if view.not_covered else ""
    )
    return _Part(
        view=view,
        head=str(macros.head(view)),
        tail=str(macros.tail(view, _short(view.partial_details), metadata, more)),
        what=what,
        headlines=_Chunks(view.headlines, macros.headline),
        rows=_Chunks(rows, macros.row),
    )


def _finding_counts(comparisons: Sequence[Comparison]) -> tuple[int, list[dict[str, Any]]]:
    tally = Counter(f.severity for c in comparisons for f in c.findings)
    severities = [{"label": SEVERITY_LABELS[s], "count": tally[s]} for s in Severity if tally[s]]
    return sum(tally.values()), severities


def _short(text: str | None) -> str | None:
    # Metadata values can be whole lists of sources; the head must stay small.
    if text is None or len(text) <= METADATA_CHARS:
        return text
    return text[: METADATA_CHARS - 1].rstrip() + "…"


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _safe_url(url: str | None) -> Markup | None:
    if url is None:
        return None
    if not _SAFE_URL.match(url):
        raise UsageError(f"--details-url must be a plain https:// URL, not {url!r}")
    return Markup(url)


def _macros() -> Any:
    from plandiff.output.environments import markdown_environment

    return markdown_environment().get_template("github.md.j2").module
