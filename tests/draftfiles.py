"""Write one outline as the files a draft arrives in: text, Word, PDF and a web page.

Each writer uses the format's own machinery, so the readers meet what real files hold: Word's
automatic numbering defined in numbering.xml (the numbers are in no paragraph's text), a
header and a footer; PDF pages with a running header, "Page N of M" footers and words
hyphenated at line ends; a page with navigation, a script and the draft in ``<ol>`` lists.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any


@dataclass(frozen=True)
class Point:
    number: str
    text: str
    subpoints: tuple[Point, ...] = ()
    heading: str | None = None


@dataclass(frozen=True)
class Outline:
    title: str
    points: tuple[Point, ...]
    date: str | None = None
    preamble: tuple[str, ...] = field(default=())


SAMPLE = Outline(
    title="Framework for a settlement",
    date="2025-11-20",
    preamble=("The parties set out the following framework for the negotiations.",),
    points=(
        Point("1", "Sovereignty and territorial integrity will be confirmed by all signatories."),
        Point(
            "2",
            "The armed forces of the parties are to be limited in size and in their deployment "
            "along the line of contact, under international supervision:",
            (
                Point("a", "to 600,000 personnel in peacetime;"),
                Point("b", "with no long-range missiles deployed near the border;"),
                Point("c", "subject to verification by an agreed monitoring mission."),
            ),
        ),
        Point(
            "3",
            "Humanitarian questions, including the exchange of prisoners and the reunification "
            "of families, are to be settled by a joint committee within one hundred days.",
        ),
        Point("4", "Sanctions are to be lifted in stages as the commitments are implemented."),
    ),
)

REVISED = Outline(
    title="Framework for a settlement (revised)",
    date="2025-11-23",
    preamble=SAMPLE.preamble,
    points=(
        SAMPLE.points[0],
        Point(
            "2",
            "The armed forces of the parties are to be limited in size and in their deployment "
            "along the line of contact, under international supervision:",
            (
                Point("a", "to 800,000 personnel in peacetime;"),
                Point("b", "with no long-range missiles deployed near the border;"),
                Point("c", "subject to verification by an agreed monitoring mission."),
            ),
        ),
        Point("3", "Sanctions are to be lifted in stages as the commitments are implemented."),
    ),
)


def to_text(outline: Outline) -> str:
    """The outline as numbered plain text, as ``plandiff import`` reads it."""
    lines = [f"# {outline.title}"]
    if outline.date:
        lines.append(f"date: {outline.date}")
    lines.append("")
    for paragraph in outline.preamble:
        lines += [paragraph, ""]
    for point in outline.points:
        if point.heading:
            lines.append(f"## {point.heading}")
        lines.append(f"{point.number}. {point.text}")
        for sub in point.subpoints:
            lines.append(f"   ({sub.number}) {sub.text}")
            lines += [f"      ({inner.number}) {inner.text}" for inner in sub.subpoints]
    return "\n".join(lines) + "\n"


# Word: numbering.xml holds one multi-level list, "1." then "(a)" then "(i)", as Word's own
# "1. a. i." list does; every numbered paragraph names it by numId and level.
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))


def to_docx(
    outline: Outline,
    *,
    header: str = "CONFIDENTIAL - draft for discussion",
    footer: str = "Page",
    table: Sequence[Sequence[str]] = (),
    comment: str | None = None,
    tracked: bool = False,
    numbered: bool = True,
) -> bytes:
    """The outline as a Word document with automatic numbering (or typed numbers)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    core = document.core_properties
    core.title = outline.title
    num_id = _add_numbering(document, parse_xml) if numbered else None
    document.add_heading(outline.title, level=1)
    if outline.date:
        document.add_paragraph(f"date: {outline.date}")
    for paragraph in outline.preamble:
        document.add_paragraph(paragraph)
    first: Any = None
    previous = 0
    for point in outline.points:
        if point.heading:
            document.add_heading(point.heading, level=2)
        if not point.number.isdigit():  # "A1": no list counts so, the number is typed
            paragraph = _numbered(document, None, 0, f"Point {point.number}.", point.text)
        else:
            if num_id is not None and int(point.number) != previous + 1:
                # A gap in the numbers (points 6, 7, 13): the list restarts there.
                num_id = _restart(document, int(point.number))
            previous = int(point.number)
            paragraph = _numbered(document, num_id, 0, f"{point.number}.", point.text)
        first = first or paragraph
        for sub in point.subpoints:
            _numbered(document, num_id, 1, f"({sub.number})", sub.text)
            for inner in sub.subpoints:
                _numbered(document, num_id, 2, f"({inner.number})", inner.text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    if comment and first is not None:
        document.add_comment(first.runs, text=comment, author="Reviewer", initials="R")
    if tracked and first is not None:
        inserted = parse_xml(
            f'<w:ins xmlns:w="{_W}" w:id="90" w:author="Reviewer" w:date="2025-11-21T00:00:00Z">'
            "<w:r><w:t xml:space='preserve'> and guaranteed</w:t></w:r></w:ins>"
        )
        first._p.append(inserted)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_numbering(document: Any, parse_xml: Any) -> str:
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)
    )
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="77">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    num = parse_xml(f'<w:num xmlns:w="{_W}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
    # abstractNum elements come before every num element, as the schema orders them.
    first_num = numbering.find(f"{{{_W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return "77"


def _restart(document: Any, start: int) -> str:
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    num_id = str(1000 + len(numbering.findall(f"{{{_W}}}num")))
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="77"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def _numbered(document: Any, num_id: str | None, level: int, typed: str, text: str) -> Any:
    from docx.oxml import parse_xml

    if num_id is None:  # numbers typed into the text, as a hand-made document has them
        indent = "    " * level
        return document.add_paragraph(f"{indent}{typed} {text}".strip())
    paragraph = document.add_paragraph(text)
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(
            f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def to_pdf(
    outline: Outline,
    *,
    lines_per_page: int = 14,
    width: int = 60,
    header: str = "Framework - draft of 20 November, not for circulation",
    repeat: int = 1,
    spaced: bool = False,
    titled: bool = True,
) -> bytes:
    """The outline set in pages: the title and headings in larger type, a running header,
    "Page N of M" at the foot, narrow lines and long words hyphenated at line ends, as a word
    processor exports them; ``spaced`` sets paragraphs apart by half a line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    body: list[tuple[str, int, bool]] = []  # (text, font size, first line of a paragraph)
    if titled:
        body.append((outline.title, 16, True))
    if outline.date:
        body.append((f"date: {outline.date}", 11, True))

    def paragraph(text: str, indent: str = "") -> None:
        for at, line in enumerate(_wrap(text, width, indent)):
            body.append((line, 11, at == 0))

    for _ in range(repeat):
        for text in outline.preamble:
            paragraph(text)
        for point in outline.points:
            if point.heading:
                body.append((point.heading, 13, True))
            paragraph(f"{point.number}. {point.text}")
            for sub in point.subpoints:
                paragraph(f"({sub.number}) {sub.text}", indent="    ")
    pages = [body[i : i + lines_per_page] for i in range(0, len(body), lines_per_page)]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    canvas.setTitle(outline.title)
    _, height = A4
    for number, page in enumerate(pages, start=1):
        canvas.setFont("Helvetica", 9)
        if header:
            canvas.drawString(72, height - 40, header)
        y = height - 80.0
        for text, size, first in page:
            y -= 8 if spaced and first else 0
            canvas.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
            canvas.drawString(72, y, text)
            y -= 16
        canvas.setFont("Helvetica", 9)
        canvas.drawString(260, 30, f"Page {number} of {len(pages)}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Lines of at most ``width`` characters; a long word that overflows is hyphenated."""
    lines: list[str] = []
    line = indent
    for word in text.split():
        room = width - len(line) - (0 if line == indent else 1)
        if len(word) <= room:
            line = f"{line} {word}" if line != indent else f"{indent}{word}"
            continue
        if "-" in word and word.index("-") + 1 <= room:  # a compound breaks at its own hyphen
            cut = word.index("-") + 1
            lines.append(f"{line} {word[:cut]}" if line != indent else f"{indent}{word[:cut]}")
            line = f"{indent}{word[cut:]}"
            continue
        if len(word) >= 9 and room >= 5 and word.isalpha():
            cut = room - 1
            lines.append(f"{line} {word[:cut]}-" if line != indent else f"{indent}{word[:cut]}-")
            line = f"{indent}{word[cut:]}"
            continue
        lines.append(line)
        line = f"{indent}{word}"
    lines.append(line)
    return lines


def to_html(outline: Outline, *, nested_type: str = "a") -> bytes:
    """The outline as a saved news page: site navigation, the article with its ordered lists,
    a script and a footer around it."""
    items = []
    for point in outline.points:
        heading = f"<h2>{escape(point.heading)}</h2>" if point.heading else ""
        inner = ""
        if point.subpoints:
            subs = "".join(f"<li>{escape(sub.text)}</li>" for sub in point.subpoints)
            inner = f'\n  <ol type="{nested_type}">{subs}</ol>'
        if point.number.isdigit():
            items.append(
                f'{heading}<ol start="{point.number}"><li>{escape(point.text)}{inner}</li></ol>'
            )
        else:  # a number no list can count, typed into the paragraph
            typed = f"Point {escape(point.number)}. {escape(point.text)}"
            items.append(f"{heading}<p>{typed}</p>{inner}")
    preamble = "".join(f"<p>{escape(p)}</p>" for p in outline.preamble)
    date = f"<p>date: {escape(outline.date)}</p>" if outline.date else ""
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(outline.title)} | Example News</title>
<script>document.write("injected");</script><style>p {{ color: black }}</style></head>
<body><nav><ol><li>Home</li><li>World</li></ol></nav>
<main><article><h1>{escape(outline.title)}</h1>{date}
{preamble}
{"".join(items)}
</article></main>
<footer><p>Copyright Example News</p></footer></body></html>
"""
    return page.encode("utf-8")


def outline_of(plan: Any) -> Outline:
    """A plan's provisions as an outline, to write it in another format."""

    def points(items: Any) -> tuple[Point, ...]:
        return tuple(Point(s.label, s.text, points(s.subpoints)) for s in items)

    return Outline(
        title=plan.title,
        date=str(plan.date) if plan.date else None,
        points=tuple(
            Point(p.number, p.text, points(p.subpoints), heading=p.heading) for p in plan.provisions
        ),
    )


def lines_to_docx(text: str) -> bytes:
    """Exported text converted to .docx as a Markdown-aware converter does: ``#`` lines become
    Word headings, every other line a paragraph of its own, its number typed."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        hashes = len(line) - len(line.lstrip("#"))
        if 0 < hashes <= 6 and line[hashes : hashes + 1] == " ":
            document.add_heading(line[hashes + 1 :], level=hashes)
        elif line:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def lines_to_html(text: str) -> bytes:
    """Exported text converted to a web page the same way: headings and paragraphs."""
    parts = []
    for line in text.splitlines():
        hashes = len(line) - len(line.lstrip("#"))
        if 0 < hashes <= 6 and line[hashes : hashes + 1] == " ":
            parts.append(f"<h{hashes}>{escape(line[hashes + 1 :])}</h{hashes}>")
        elif line:
            parts.append(f"<p>{escape(line)}</p>")
    body = "\n".join(parts)
    return f"<!DOCTYPE html><html><body>\n{body}\n</body></html>\n".encode()
