"""The numbering a block of a draft opens with: which label, and whether it is a provision's or a
sub-point's.

Every pattern here is anchored and made of classes and bounded repeats that cannot overlap, so
matching a line is linear in its length (no backtracking blow-up on a long line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABEL = r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*"
WORD_MARKER = re.compile(rf"^(?:article|art\.|point|section)\s+(?P<num>{LABEL})(?P<rest>.*)$", re.I)
NUMBER_MARKER = re.compile(r"^(?P<num>\d+[A-Za-z]?(?:\.\d+)*)[.)](?:\s+(?P<text>.*)|\s*)$")
SUB_MARKER = re.compile(
    rf"^(?:\((?P<paren>{LABEL})\)|(?P<bare>[a-z]|[A-Z]|[ivxlc]+|[IVXLC]+|\d{{1,3}})[.)])"
    r"(?:\s+(?P<text>.*)|\s*)$"
)
COMMENT = re.compile(r"^<!--\s*plandiff\s+(?P<json>\{.*\})\s*-->$")
METADATA = re.compile(r"^(?P<key>[A-Za-z][A-Za-z _-]{0,30}):\s*(?P<value>.*)$")
ROMAN = re.compile(r"^(?:[ivxlc]+|[IVXLC]+)$")
_HEADING = re.compile(r"^#{1,6}\s")
_DASH = re.compile("^\\s*[\u2014\u2013-]\\s*(.*)$")
_PLAIN = re.compile(r"^(?:[.:)]\s*|\s+|$)(.*)$")


@dataclass(frozen=True, slots=True)
class Marker:
    """What a block's first line opens: a provision or a sub-point, its label, and the text
    after the marker (a word marker's dash part is the provision's heading)."""

    role: str  # "provision" or "subpoint"
    label: str
    text: str
    heading: str = ""
    scheme: str = ""


def read_marker(line: str, level: int, scheme: str | None) -> Marker | None:
    """The marker ``line`` opens with, given its nesting ``level`` and the document's
    numbering ``scheme`` so far (None before its first provision), or None.

    >>> read_marker("Article 2 — Borders", 0, None)
    Marker(role='provision', label='2', text='', heading='Borders', scheme='Article 1')
    >>> read_marker("(a) along the river;", 0, "1.").role
    'subpoint'
    """
    if (provision := _provision_marker(line, level, scheme)) is not None:
        return provision
    if sub := SUB_MARKER.match(line):
        return Marker("subpoint", sub.group("paren") or sub.group("bare"), sub.group("text") or "")
    return None


def _provision_marker(line: str, level: int, scheme: str | None) -> Marker | None:
    if word := WORD_MARKER.match(line):
        rest = word.group("rest")
        dash = _DASH.match(rest)
        plain = _PLAIN.match(rest)
        if dash is None and plain is None:
            return None
        if dash:
            return Marker("provision", word.group("num"), "", dash.group(1).strip(), "Article 1")
        assert plain is not None
        return Marker("provision", word.group("num"), plain.group(1).strip(), "", "Article 1")
    if scheme == "Article 1" or level > 0:
        return None
    if bare := NUMBER_MARKER.match(line):
        return Marker("provision", bare.group("num"), (bare.group("text") or "").strip(), "", "1.")
    return None


def opens_block(line: str) -> bool:
    """Whether a line of text starts a block of its own (a marker, a heading, a comment)
    rather than continuing the line before it.

    >>> opens_block("2. Trade:"), opens_block("of both states.")
    (True, False)
    """
    stripped = line.strip()
    return bool(
        _HEADING.match(stripped)
        or COMMENT.match(stripped)
        or WORD_MARKER.match(stripped)
        or NUMBER_MARKER.match(stripped)
        or SUB_MARKER.match(stripped)
    )


def kind_of(label: str, previous: str | None) -> str:
    """'letter', 'roman' or 'digit'; 'i' after 'h' is a letter, on its own a roman numeral.

    >>> kind_of("i", "h"), kind_of("i", None)
    ('letter', 'roman')
    """
    if label.isdigit():
        return "digit"
    follows = previous is not None and len(previous) == 1 and ord(label[0]) == ord(previous) + 1
    if ROMAN.match(label) and not (len(label) == 1 and follows):
        return "roman"
    return "letter"
