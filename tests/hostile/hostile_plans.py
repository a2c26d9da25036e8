"""One hostile plan pair for the hostile suite: every free-text field of both versions carries
markup, links, mentions, terminal control sequences and CI workflow commands.

Each value starts with a marker naming its field and side (``MARK-text-old``), so a test can
tell which field a piece of output came from and check that the field is shown at all.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import plandiff
from plandiff.documents.load import load_plan_text
from plandiff.model.changes import Comparison
from plandiff.model.plan import Plan
from plandiff.pipeline.compare import compare

# Everything the renderers must keep inert, in one string. Line breaks are part of it: a
# fence, an HTML comment, a heading or a workflow command only act at the start of a line.
PAYLOAD = (
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> [x](javascript:alert(1)) '
    "`tick` ``two``\n```\nfenced\n```\n</details>\n<!-- hidden\n| a | b | "
    "[link](https://evil.example/a) ![](https://evil.example/i.png) @someone #123 "
    "\x1b[2J \x1b]8;;https://evil.example/\x07osc8\x1b]8;;\x07 \x1b]52;c;cGF5bG9hZA==\x07 "
    "bell\x07 over\rwrite \u202eevil\u202c\n# heading\n::error::pwned\n  ::warning::indented "
    "see ##[error]legacy"
)
# The version label is limited to 200 characters; this keeps one of everything.
SHORT = (
    '<script>x</script>"><img src=x onerror=alert(1)>[x](javascript:alert(1))`t`\n```\n'
    "</details>\n<!--|![](https://e.example/i)@me #1\x1b[2J\x1b]52;c;eA==\x07\x07\r\n::error::v"
)
# A URL may hold no white space (the plan format refuses it), but anything else goes.
URL = (
    'https://evil.example/"><img/src/onerror=alert(1)><script>alert(1)</script>'
    "[x](javascript:alert(1))@someone#123\x1b[2J\x1b]52;c;eA==\x07"
)
# What every terminal-like output must show in place of the control sequences.
ESCAPED = ("\\x1b[2J", "\\x07")
# The fields a plan file lets carry free text, as (name, shown as) pairs.
FIELDS = (
    "title",
    "version",
    "party",
    "completeness-note",
    "source-title",
    "source-url",
    "publisher",
    "heading",
    "text",
    "subpoint",
    "note",
)


def mark(field: str, side: str) -> str:
    return f"MARK-{field}-{side}"


def value(field: str, side: str, *, short: bool = False) -> str:
    return f"{mark(field, side)} {SHORT if short else PAYLOAD}"


def plan_document(side: str, *, partial: bool = False) -> dict[str, Any]:
    """The plan file (as JSON data) of one side, 'old' or 'new'."""

    def v(field: str) -> str:
        return value(field, side)

    # Provision 1 is the same on both sides; 2 changes a word; 3 exists only in the old
    # version and 4 only in the new one; 5 moves to the front in the new version.
    same = value("text", "both")
    provisions = [
        {
            "number": "1",
            "heading": value("heading", "both"),
            "text": same,
            "provenance": "confirmed",
            "sources": ["s1"],
        },
        {
            "number": "2",
            "key": "changed",
            "heading": v("heading"),
            "text": f"{v('text')} Troops capped at {'600,000' if side == 'old' else '800,000'}.",
            "subpoints": [{"label": "a", "text": v("subpoint")}],
            "provenance": "reported",
            "note": v("note"),
            "topics": ["military"],
        },
        {
            "number": "3" if side == "old" else "4",
            "text": (
                "Sanctions against every party are lifted in three stages \x1b[2J<b>x</b>."
                if side == "old"
                else f"{v('text')} Elections follow within one hundred days."
            ),
            "provenance": "reconstructed",
            "note": v("note"),
        },
        {
            "number": "5",
            "key": "moved",
            "text": value("text", "moved") + " This provision moves to the front.",
            "provenance": "confirmed",
        },
    ]
    if side == "new":
        provisions.insert(0, provisions.pop())
    doc: dict[str, Any] = {
        "id": f"hostile-{side}",
        "title": v("title"),
        "version": value("version", side, short=True),
        "date": "2025-11-20" if side == "old" else "2025-11-23",
        "parties": [v("party"), "Plain Party"],
        "sources": [
            {
                "id": "s1",
                "title": v("source-title"),
                "url": f"{URL}{mark('source-url', side)}",
                "publisher": v("publisher"),
            }
        ],
        "completeness": "partial" if partial else "full",
        "completeness_note": v("completeness-note"),
        "provisions": provisions,
    }
    if side == "new":
        doc["parent"] = "hostile-old"
    return doc


def plan(side: str, *, partial: bool = False) -> Plan:
    doc = plan_document(side, partial=partial)
    return load_plan_text(json.dumps(doc), f"{side}.json")


def comparison(*, partial: bool = False) -> Comparison:
    """The hostile comparison; ``partial`` makes the new version a partial text."""
    return compare(plan("old"), plan("new", partial=partial))


def write_pair(folder: Path, *, partial: bool = False) -> tuple[Path, Path]:
    """The two plan files, written as a user would have them."""
    old, new = folder / "old.json", folder / "new.json"
    for path, side in ((old, "old"), (new, "new")):
        doc = plan_document(side, partial=partial and side == "new")
        path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return old, new


def environment(**changes: str) -> dict[str, str]:
    """The environment for running ``python -m plandiff`` from any folder: this package first."""
    source = str(Path(plandiff.__file__).resolve().parents[1])
    path = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, **changes}
