"""Read a Word document (.docx): its paragraphs in order, with Word's automatic numbering rebuilt.

Word keeps a list's numbers out of the text: a paragraph names a list (``numId``) and a level
(``ilvl``), and ``numbering.xml`` says how each level counts and prints (``%1.%2``, ``(%2)``,
``Article %1``). The numbers are rebuilt here as Word shows them, counting per abstract list,
restarting deeper levels, honouring start values and overrides, and following numbering that a
paragraph style carries (Word's numbered headings). Only the main document part is read:
headers, footers, footnotes and comments are separate parts and are reported as notes, never
mixed into a provision; a table becomes blocks of its own, one per row. A document with tracked
changes is refused, since the text would be neither the old nor the new version.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree

from plandiff.documents.draft import Block, Draft
from plandiff.model.errors import UsageError
from plandiff.util.inert import file_name

MAX_PART_BYTES = 64 * 1024 * 1024
"""Largest uncompressed XML part read: a zip bomb is refused before it is inflated."""

_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = "/officeDocument"
_RESAVE = "open it in Word and save it again"
_TRACKED = ("ins", "del", "moveFrom", "moveTo")
_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str
    legal: bool


@dataclass
class _Numbering:
    """Numbering definitions and the running counters of one read (mutable while reading)."""

    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[tuple[str, int]] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label Word prints for the next paragraph of list ``num_id`` at level ``ilvl``."""
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return None
        counts = self.counters.setdefault(abstract or "", {})
        override = self.overrides.get(num_id, {}).get(ilvl)
        if override is not None and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counts[ilvl] = override - 1
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [level for level in counts if level > ilvl]:
            del counts[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return level.text.strip() or "\u2022"

        def place(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            other = levels.get(at)
            value = counts.get(at, other.start if other else 1)
            fmt = "decimal" if level.legal or other is None else other.fmt
            return _format(value, fmt)

        return re.sub(r"%([1-9])", place, level.text).strip()


def read(data: bytes, name: str) -> Draft:
    """Read a .docx file's body as blocks, each paragraph with its rebuilt number.

    >>> read(b"PK\\x03\\x04broken", "a.docx")
    Traceback (most recent call last):
    ...
    plandiff.model.errors.UsageError: a.docx: a damaged .docx (not a readable zip archive); ...
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UsageError(
            f"{file_name(name)}: a damaged .docx (not a readable zip archive); {_RESAVE}"
        ) from None
    with archive:
        main = _main_part(archive, names)
        if main is None:
            raise UsageError(f"{file_name(name)}: {_not_word(names)}")
        try:
            return _read(archive, names, main, name)
        except (zipfile.BadZipFile, ElementTree.ParseError, EOFError, OSError, KeyError):
            raise UsageError(
                f"{file_name(name)}: a damaged .docx (its XML cannot be read); {_RESAVE}"
            ) from None


def _main_part(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    if "_rels/.rels" in names:
        try:
            rels = _parse(archive, "_rels/.rels")
        except (ElementTree.ParseError, zipfile.BadZipFile, OSError):
            return None
        for rel in rels.iter(f"{{{_REL}}}Relationship"):
            target = rel.get("Target", "").lstrip("/")
            if rel.get("Type", "").endswith(_OFFICE_DOC) and target in names:
                return target if _is_wordprocessing(archive, target) else None
    return "word/document.xml" if "word/document.xml" in names else None


def _is_wordprocessing(archive: zipfile.ZipFile, part: str) -> bool:
    with archive.open(part) as handle:
        head = handle.read(2048)
    return _MAIN.encode() in head or _STRICT.encode() in head


def _not_word(names: set[str]) -> str:
    """What a zip archive that is not a Word document looks like, and what to do."""
    if "mimetype" in names or "content.xml" in names:
        kind = "an OpenDocument file (.odt/.ods)"
    elif any(n.startswith("xl/") for n in names):
        kind = "an Excel workbook (.xlsx)"
    elif any(n.startswith("ppt/") for n in names):
        kind = "a PowerPoint file (.pptx)"
    else:
        kind = "a zip archive that is not a Word document (no word/document.xml)"
    return f"{kind}; save the draft as a Word .docx, PDF, HTML or text file"


def _parse(archive: zipfile.ZipFile, part: str) -> ElementTree.Element:
    info = archive.getinfo(part)
    if info.file_size > MAX_PART_BYTES:
        raise UsageError(f"{part}: more than {MAX_PART_BYTES // 2**20} MiB of XML")
    with archive.open(info) as handle:
        raw = handle.read(MAX_PART_BYTES + 1)
    if len(raw) > MAX_PART_BYTES:
        raise UsageError(f"{part}: more than {MAX_PART_BYTES // 2**20} MiB of XML")
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw[:4096]:
        raise UsageError(f"{part}: an XML document type declaration, which Word never writes")
    return ElementTree.fromstring(raw)


def _read(archive: zipfile.ZipFile, names: set[str], main: str, name: str) -> Draft:
    try:
        root = _parse(archive, main)
    except UsageError as err:
        raise UsageError(f"{file_name(name)}: {err}") from None
    ns = _STRICT if root.tag.startswith(f"{{{_STRICT}}}") else _MAIN
    w = f"{{{ns}}}"
    body = root.find(f"{w}body")
    if body is None:
        raise UsageError(f"{file_name(name)}: a .docx without a document body; {_RESAVE}")
    tracked = {kind: sum(1 for _ in body.iter(f"{w}{kind}")) for kind in _TRACKED}
    if any(tracked.values()):
        counts = ", ".join(f"{n} {_TRACKED_WORDS[k]}" for k, n in tracked.items() if n)
        raise UsageError(
            f"{file_name(name)}: the document has tracked changes ({counts}); accept or reject "
            "them in Word (Review > Accept All Changes, or Reject) and save, so one version is "
            "compared"
        )
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    styles = _styles(archive, names, folder, w)
    numbering = _numbering(archive, names, folder, w)
    pieces: list[Block] = []
    for number, (element, in_table) in enumerate(_blocks(body, w), start=1):
        if in_table:
            cells = [_paragraph_text(p, w) for p in element.iter(f"{w}tc")]
            text = " | ".join(cell for cell in cells if cell)
            if text:
                pieces.append(Block(text=text, line=number, plain=True))
            continue
        text = _paragraph_text(element, w)
        label, level = _number(element, styles, numbering, w)
        heading = _heading_level(element, styles, w)
        if text or label:
            pieces.append(Block(text=text, line=number, level=level, label=label, heading=heading))
    notes = _notes(archive, names, folder, w)
    boxes = sum(1 for d in body.iter(f"{w}drawing") if d.find(f".//{w}txbxContent") is not None)
    if boxes:
        notes += (f"{boxes} text box{'es' if boxes > 1 else ''} left out",)
    return Draft(blocks=tuple(pieces), title=_core_title(archive, names), notes=notes)


_TRACKED_WORDS = {
    "ins": "insertions",
    "del": "deletions",
    "moveFrom": "moves away",
    "moveTo": "moves here",
}


def _blocks(body: ElementTree.Element, w: str) -> Iterator[tuple[ElementTree.Element, bool]]:
    """Paragraphs and table rows in reading order, looking through content controls."""
    for child in body:
        if child.tag == f"{w}p":
            yield child, False
        elif child.tag == f"{w}tbl":
            for row in child.iter(f"{w}tr"):
                yield row, True
        elif child.tag in (f"{w}sdt", f"{w}sdtContent", f"{w}customXml"):
            content = child.find(f"{w}sdtContent")
            yield from _blocks(content if content is not None else child, w)


def _paragraph_text(paragraph: ElementTree.Element, w: str) -> str:
    """The paragraph's visible text: breaks and tabs as spaces; no field codes or deleted text
    (their own elements, never ``w:t``), and nothing from drawings, whose text boxes Word also
    stores twice (a drawing and its fallback picture)."""
    parts: list[str] = []
    skipped = (f"{w}drawing", f"{w}pict", f"{w}object", f"{{{_MARKUP_COMPATIBILITY}}}Fallback")
    spaces = (f"{w}tab", f"{w}br", f"{w}cr")

    def walk(element: ElementTree.Element) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{w}t":
                parts.append(child.text or "")
            elif tag in spaces:
                parts.append(" ")
            elif tag == f"{w}noBreakHyphen":
                parts.append("\u2011")
            elif tag not in skipped:
                walk(child)

    walk(paragraph)
    return " ".join("".join(parts).split())


def _number(
    paragraph: ElementTree.Element, styles: _Styles, numbering: _Numbering, w: str
) -> tuple[str | None, int | None]:
    num_id, ilvl = None, None
    properties = paragraph.find(f"{w}pPr")
    if properties is not None:
        num = properties.find(f"{w}numPr")
        if num is not None:
            num_id = _val(num.find(f"{w}numId"), w)
            ilvl = _int(_val(num.find(f"{w}ilvl"), w))
        style = _val(properties.find(f"{w}pStyle"), w)
        if num_id is None and style is not None:
            num_id, style_level = styles.numbering.get(style, (None, None))
            ilvl = style_level if ilvl is None else ilvl
    if num_id is None or num_id == "0":
        return None, None
    level = ilvl or 0
    shown = numbering.label(num_id, level)
    return (None if shown is None else _core(shown)), level


def _core(shown: str) -> str:
    """The number in a label as Word shows it: "3" for "Article 3.", "a" for "(a)".

    >>> [_core(s) for s in ("1.", "(a)", "Article 3", "§ 2", "1.2.", "•")]
    ['1', 'a', '3', '2', '1.2', '•']
    """
    core = re.sub(
        r"^(?:article|art\.|section|point|chapter|part|clause|§)\s*", "", shown, flags=re.I
    )
    return core.strip(" .:)(-\u2013\u2014[]") or shown


def _heading_level(paragraph: ElementTree.Element, styles: _Styles, w: str) -> int | None:
    properties = paragraph.find(f"{w}pPr")
    if properties is None:
        return None
    outline = _int(_val(properties.find(f"{w}outlineLvl"), w))
    if outline is not None and outline < 9:
        return outline + 1
    style = _val(properties.find(f"{w}pStyle"), w)
    return styles.headings.get(style or "")


@dataclass(frozen=True, slots=True)
class _Styles:
    numbering: dict[str, tuple[str, int | None]]
    headings: dict[str, int]


def _styles(archive: zipfile.ZipFile, names: set[str], folder: str, w: str) -> _Styles:
    part = f"{folder}styles.xml"
    if part not in names:
        return _Styles({}, {})
    numbering: dict[str, tuple[str, int | None]] = {}
    headings: dict[str, int] = {}
    based_on: dict[str, str] = {}
    for style in _parse(archive, part).iter(f"{w}style"):
        style_id = style.get(f"{w}styleId")
        if style_id is None:
            continue
        base = _val(style.find(f"{w}basedOn"), w)
        if base:
            based_on[style_id] = base
        name = (_val(style.find(f"{w}name"), w) or "").lower()
        if found := re.fullmatch(r"heading ([1-9])", name):
            headings[style_id] = int(found.group(1))
        properties = style.find(f"{w}pPr")
        if properties is None:
            continue
        outline = _int(_val(properties.find(f"{w}outlineLvl"), w))
        if outline is not None and outline < 9:
            headings.setdefault(style_id, outline + 1)
        num = properties.find(f"{w}numPr")
        if num is not None and (num_id := _val(num.find(f"{w}numId"), w)) is not None:
            numbering[style_id] = (num_id, _int(_val(num.find(f"{w}ilvl"), w)))
    for style_id in based_on:  # a style inherits its base's numbering, as far as it goes
        seen, base = {style_id}, based_on.get(style_id)
        while base and base not in seen and style_id not in numbering:
            if base in numbering:
                numbering[style_id] = numbering[base]
            seen.add(base)
            base = based_on.get(base)
    return _Styles(numbering, headings)


def _numbering(archive: zipfile.ZipFile, names: set[str], folder: str, w: str) -> _Numbering:
    part = f"{folder}numbering.xml"
    result = _Numbering()
    if part not in names:
        return result
    root = _parse(archive, part)
    for abstract in root.iter(f"{w}abstractNum"):
        abstract_id = abstract.get(f"{w}abstractNumId", "")
        result.levels[abstract_id] = _levels(abstract, w)
    for num in root.iter(f"{w}num"):
        num_id = num.get(f"{w}numId", "")
        abstract_id = _val(num.find(f"{w}abstractNumId"), w) or ""
        result.abstract_of[num_id] = abstract_id
        for override in num.iter(f"{w}lvlOverride"):
            ilvl = _int(override.get(f"{w}ilvl")) or 0
            start = _int(_val(override.find(f"{w}startOverride"), w))
            redefined = override.find(f"{w}lvl")
            if redefined is not None:  # a level redefined for this list alone
                private = f"{abstract_id}/{num_id}"
                levels = dict(result.levels.get(abstract_id, {}))
                levels.update(_levels(override, w))
                result.levels[private] = levels
                result.abstract_of[num_id] = private
                start = start if start is not None else levels[ilvl].start
            if start is not None:
                result.overrides.setdefault(num_id, {})[ilvl] = start
    return result


def _levels(parent: ElementTree.Element, w: str) -> dict[int, _Level]:
    levels = {}
    for lvl in parent.iter(f"{w}lvl"):
        ilvl = _int(lvl.get(f"{w}ilvl"))
        if ilvl is None:
            continue
        levels[ilvl] = _Level(
            start=_int(_val(lvl.find(f"{w}start"), w)) or 1,
            fmt=_val(lvl.find(f"{w}numFmt"), w) or "decimal",
            text=_val(lvl.find(f"{w}lvlText"), w) or "",
            legal=lvl.find(f"{w}isLgl") is not None,
        )
    return levels


def _format(value: int, fmt: str) -> str:
    """``value`` written in Word's number format ``fmt`` (decimal for formats not known here).

    >>> [_format(3, f) for f in ("decimal", "lowerLetter", "upperRoman", "decimalZero")]
    ['3', 'c', 'III', '03']
    >>> _format(28, "lowerLetter")
    'bb'
    """
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        # Word repeats the letter: a..z, then aa..zz, then aaa..
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


def _core_title(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    if "docProps/core.xml" not in names:
        return None
    try:
        core = _parse(archive, "docProps/core.xml")
    except (ElementTree.ParseError, UsageError):
        return None
    title = core.find("{http://purl.org/dc/elements/1.1/}title")
    text = " ".join((title.text or "").split()) if title is not None else ""
    return text or None


def _notes(archive: zipfile.ZipFile, names: set[str], folder: str, w: str) -> tuple[str, ...]:
    """What the reader left out on purpose, said once each with how much there was."""
    notes = []
    running = [
        text
        for part in sorted(names)
        if re.fullmatch(rf"{re.escape(folder)}(header|footer)\d*\.xml", part)
        and (text := " ".join(_paragraph_text(p, w) for p in _parse(archive, part).iter(f"{w}p")))
        and text.strip()
    ]
    if running:
        notes.append(f"{len(running)} running headers and footers left out")
    for part, tag, what in (("comments.xml", "comment", "comments"),
                            ("footnotes.xml", "footnote", "footnotes"),
                            ("endnotes.xml", "endnote", "endnotes")):  # fmt: skip
        if f"{folder}{part}" in names:
            # Word keeps its separator lines among the notes, with a type; real notes have none.
            count = sum(
                1 for e in _parse(archive, f"{folder}{part}").iter(f"{w}{tag}")
                if e.get(f"{w}type") is None
            )  # fmt: skip
            if count:
                notes.append(f"{count} {what if count > 1 else what[:-1]} left out")
    return tuple(notes)


def _val(element: ElementTree.Element | None, w: str) -> str | None:
    return None if element is None else element.get(f"{w}val")


def _int(text: str | None) -> int | None:
    return int(text) if text is not None and text.lstrip("-").isdigit() else None
