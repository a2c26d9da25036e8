"""A document as a reader hands it to the outline builder: its text in blocks, and a few hints.

A reader (``documents/readers/``) knows one file format and nothing of plans; the outline
builder (``documents/outline.py``) knows numbering and plans and nothing of formats. A
``Draft`` is all that passes between them; an ``Imported`` is what the builder makes of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from plandiff.model.plan import Plan

SPACE = " \t\f\v"
"""What indents or pads a line of text. Other white space (a no-break space) is text, kept."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, heading or list item of a document, in reading order.

    ``text`` is the block's text; a line break inside it is a soft break (a wrapped line),
    read as a space. ``line`` is where the block starts in the source (a line number for text,
    a paragraph number for other formats), quoted in "not placed" messages; the lines of a
    wrapped block count from it. ``level`` is its nesting as the format shows it (indentation,
    a list level): only compared, greater is deeper, None when the format says nothing.
    ``label`` is a numbering label the format itself holds (Word's automatic numbering) and
    that is therefore not in ``text``. ``heading`` is the rank of a heading the format marks
    as such (1 highest), None for body text. ``plain`` asks the builder to read no marker in
    ``text``: the source escaped it.
    """

    text: str
    line: int
    level: int | None = None
    label: str | None = None
    heading: int | None = None
    plain: bool = False


@dataclass(frozen=True, slots=True)
class Draft:
    """A document's blocks in reading order, with the hints its format gave.

    ``title`` and ``date`` are what the file's own properties say (a Word title, an HTML
    ``<title>``), used only when the text names none. ``notes`` are one-line remarks the reader
    wants said, such as what it left out and why (a running header, a page number).
    ``escapes`` says that the text holds the escapes of plandiff's text form (``\\u{hex}``,
    ``\\\\``), to be read back: true for text and Markdown, which ``export`` writes.
    """

    blocks: tuple[Block, ...]
    title: str | None = None
    date: str | None = None
    notes: tuple[str, ...] = ()
    escapes: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Unplaced:
    """A line of the input that found no place in the plan, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Imported:
    """What an import produced: the plan, the lines left out, the defaults it took, the
    numbering scheme it read, the reader's own remarks, and the type of file it came from."""

    plan: Plan
    unplaced: tuple[Unplaced, ...]
    defaults: tuple[str, ...]
    scheme: str = "none"
    notes: tuple[str, ...] = ()
    kind: str = "text"
