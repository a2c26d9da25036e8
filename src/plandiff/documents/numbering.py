"""The numbering a block of a draft opens with: its label, its style, and whether it numbers a
provision or a sub-point.

Styles of provisions: ``1.`` ``1)`` ``(1)`` ``1:`` ``1 -`` ``1.1``, ``§ 1``, ``Article 1``
(``Article I``, ``Art. 1``), ``Point 1``, ``Section 1``, ``Clause 1``, each also in Markdown bold
(``**1.**``). Sub-points: ``(a)`` ``a)`` ``a.`` ``(i)`` ``i.``, a numeric style other than the
provisions', ``1.1`` under ``1``, and bullets (``-`` ``*`` ``+`` ``•``, an en dash).

Every pattern is anchored and built of character classes and bounded repeats that cannot
overlap one another, so matching a line costs time linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plandiff.documents.draft import SPACE

LABEL = r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*"
_WORDS = {"article": "Article", "art.": "Art.", "point": "Point", "section": "Section",
          "clause": "Clause", "§": "§"}  # fmt: skip
# After a word, a number as drafts write them (7, 10a, 2.1, IV, B); any other label only in
# the form export writes ("Point preamble. Text"), so that a sentence such as "Point taken"
# or "Section about trade" opens nothing.
NUMBERED = r"(?:\d{1,6}[A-Za-z]?|[IVXLCDM]{1,8}|[A-Z])(?:[.\-][A-Za-z0-9]{1,6}){0,8}"
WORD_MARKER = re.compile(
    r"^(?P<word>(?:article|art\.|point|section|clause)(?=[ \t\u00a0])|§)[ \t\u00a0]*"
    rf"(?:(?P<num>{NUMBERED})(?![A-Za-z0-9])|(?P<any>{LABEL})(?=\.(?:[ \t]|$)))(?P<rest>.*)$",
    re.I,
)
NUMBER_MARKER = re.compile(
    r"^(?P<num>\d{1,6}[A-Za-z]?(?:\.\d{1,6}){0,8})(?P<punct>[.):]|[ \t]+[-\u2013\u2014](?=[ \t]))"
    r"(?:[ \t]+(?P<text>.*)|[ \t]*)$"
)
PAREN_NUMBER = re.compile(r"^\((?P<num>\d{1,6}[A-Za-z]?)\)(?:[ \t]+(?P<text>.*)|[ \t]*)$")
DOTTED = re.compile(r"^(?P<num>\d{1,6}(?:\.\d{1,6}){1,8})[ \t]+(?P<text>.*)$")
SUB_MARKER = re.compile(
    rf"^(?:\((?P<paren>{LABEL})\)|(?P<bare>[a-z]|[A-Z]|[ivxlc]{{1,8}}|[IVXLC]{{1,8}}|\d{{1,3}})"
    r"(?P<punct>[.)]))(?:[ \t]+(?P<text>.*)|[ \t]*)$"
)
BULLET = re.compile(r"^[-*+\u2022\u2023\u25e6\u2013](?:[ \t]+(?P<text>.*)|[ \t]*)$")
BOLD = re.compile(r"^(?P<mark>\*\*|__)(?P<inner>[^*_]{1,60}?)(?P=mark)(?P<after>.*)$")
COMMENT = re.compile(r"^<!--\s*plandiff\s+(?P<json>\{.*\})\s*-->$")
METADATA = re.compile(r"^(?P<key>[A-Za-z][A-Za-z _-]{0,30}):[ \t]*(?P<value>.*)$")
ROMAN = re.compile(r"^(?:[ivxlc]+|[IVXLC]+)$")
_HEADING = re.compile(r"^#{1,6}\s")
_DASH = re.compile("^[ \t]*[\u2014\u2013-][ \t]*(.*)$")
_PLAIN = re.compile(r"^(?:[.:)][ \t]*|[ \t]+|$)(.*)$")
WORD_STYLES = frozenset({*_WORDS.values(), "§"})


@dataclass(frozen=True, slots=True)
class Marker:
    """What a block's first line opens, and the text after the marker.

    ``role`` is "provision", "subpoint", "dotted" (a ``1.1`` label, placed by what it extends)
    or "bullet" (no label of its own). ``style`` names the numbering ("1.", "(a)", "Article 1")
    for the report of what was read; a word marker's dash part is the provision's heading.
    """

    role: str
    label: str
    text: str
    heading: str = ""
    style: str = ""


def read_marker(line: str, level: int, scheme: str | None) -> Marker | None:
    """The marker ``line`` opens with, given its nesting ``level`` and the numbering style of
    the document's provisions so far (None before the first), or None.

    >>> read_marker("Article 2 — Borders", 0, None)
    Marker(role='provision', label='2', text='', heading='Borders', style='Article 1')
    >>> read_marker("(1) The parties agree.", 0, "1.").role
    'subpoint'
    >>> read_marker("**3.** Trade", 0, None)
    Marker(role='provision', label='3', text='Trade', heading='', style='**1.**')
    """
    bold = BOLD.match(line)
    if bold and (inner := _read(bold.group("inner").strip(SPACE), level, scheme, bolded=True)):
        after = bold.group("after").strip(SPACE)
        if inner.role != "provision":
            return _with(inner, text=_join(inner.text, after))
        if after or inner.text:  # "**1.** Text" or "**1. Title** text"
            heading, text = (
                (inner.text, after) if inner.text and after else ("", inner.text or after)
            )
            return _with(inner, heading=inner.heading or heading, text=text)
        return inner
    return _read(line, level, scheme, bolded=False)


def _read(line: str, level: int, scheme: str | None, *, bolded: bool) -> Marker | None:
    prefix = "**" if bolded else ""
    if word := WORD_MARKER.match(line):
        found = _word(word, prefix)
        if found is not None:
            return found
    if (number := NUMBER_MARKER.match(line)) is not None:
        label, punct = number.group("num"), number.group("punct").strip()
        text = (number.group("text") or "").strip(SPACE)
        if "." in label:
            return Marker("dotted", label, text, style="1.1")
        style = prefix + ("1 -" if punct in "-\u2013\u2014" else f"1{punct}") + prefix
        return Marker(_numeric_role(style, level, scheme), label, text, style=style)
    if (paren := PAREN_NUMBER.match(line)) is not None:
        style = f"{prefix}(1){prefix}"
        role = _numeric_role(style, level, scheme)
        text = (paren.group("text") or "").strip(SPACE)
        return Marker(role, paren.group("num"), text, style=style)
    if (dotted := DOTTED.match(line)) is not None:
        return Marker("dotted", dotted.group("num"), dotted.group("text").strip(SPACE), style="1.1")
    if sub := SUB_MARKER.match(line):
        label = sub.group("paren") or sub.group("bare")
        text = (sub.group("text") or "").strip(SPACE)
        return Marker("subpoint", label, text, style=_sub_style(sub))
    if bullet := BULLET.match(line):
        return Marker("bullet", "", (bullet.group("text") or "").strip(SPACE), style="bullets")
    return None


def _word(word: re.Match[str], prefix: str) -> Marker | None:
    rest = word.group("rest")
    dash = _DASH.match(rest)
    plain = _PLAIN.match(rest)
    if dash is None and plain is None:
        return None
    name = _WORDS[word.group("word").lower()]
    label = word.group("num") or word.group("any")
    number = "I" if re.fullmatch(r"[IVXLCDM]+", label) else "1"
    style = f"{prefix}{name} {number}{prefix}"
    if dash:
        return Marker("provision", label, "", dash.group(1).strip(SPACE), style)
    assert plain is not None
    return Marker("provision", label, plain.group(1).strip(SPACE), "", style)


def _numeric_role(style: str, level: int, scheme: str | None) -> str:
    """A numeric style numbers provisions when it is the document's first or its provisions'
    style, at the top level; under another style it numbers sub-points."""
    if level > 0:
        return "subpoint"
    if scheme is None or scheme == "bullets" or scheme == style:
        return "provision"
    return "subpoint"


def _sub_style(sub: re.Match[str]) -> str:
    label = sub.group("paren") or sub.group("bare")
    kind = "1" if label.isdigit() else "i" if ROMAN.match(label) and len(label) > 1 else "a"
    if label in ("i", "I"):
        kind = "i"
    return f"({kind})" if sub.group("paren") else f"{kind}{sub.group('punct')}"


def _with(marker: Marker, **changes: str) -> Marker:
    from dataclasses import replace

    return replace(marker, **changes)


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def opens_block(line: str) -> bool:
    """Whether a line of text starts a block of its own (a marker, a bullet, a heading, a
    comment) rather than continuing the line before it.

    >>> opens_block("2. Trade:"), opens_block("- goods"), opens_block("of both states.")
    (True, True, False)
    """
    stripped = line.strip(SPACE)
    return bool(
        _HEADING.match(stripped)
        or COMMENT.match(stripped)
        or read_marker(stripped, 0, None) is not None
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
