"""Read a PDF's text layer: lines in reading order, without running heads, feet or page numbers.

pypdf extracts each page's text. A line that repeats at the top or the bottom of most pages
(digits aside, so "Draft of 20 November - page 3" counts as one line) is a running header or
footer, and a page number at a page's edge ("3", "- 3 -", "Page 3 of 12", "3/12") is one when
its value moves with the page. A word broken by a hyphen at the end of a line is rejoined
("nego-" + "tiation"), unless the document writes the hyphenated form elsewhere
("self-determination").
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from plandiff.documents.draft import Block, Draft
from plandiff.model.errors import UsageError
from plandiff.util.inert import file_name

EDGE = 3
"""Lines at the top and at the bottom of a page examined for running heads and page numbers."""

# Blanks are possessive (``\s*+``): two runs of blanks with only optional text between them
# would otherwise try every split of a long run between them.
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|página|стр\.?|страница)\s*+)?[-\u2013\u2014(\[]?\s*+"
    r"(?P<n>\d{1,4})\s*+[-\u2013\u2014)\]]?\s*+(?:(?:of|/|von|de|из)\s*+\d{1,4})?$",
    re.IGNORECASE,
)
# Both start only where a word starts (``(?<!\w)``): searched from every letter of a long word,
# each re-read the rest of the word, quadratic in it.
_BROKEN = re.compile(r"(?<!\w)(?P<stem>\w*[^\W\d_])[-\u00ad]$")
_WORDS = re.compile(r"(?<!\w)\w++(?:-\w++)+")
_WORD_START = re.compile(r"^(?P<tail>[^\W\d_][\w\-]*\w[.,;:)]*|[^\W\d_][.,;:)]*)")
_MARKER = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.):]?\s|\(?[a-zA-Z]{1,2}[.)]\s|\(?[ivxlcIVXLC]{1,6}[.)]\s"
    r"|(?:article|art\.|section|point|chapter|§)\s*\w|[-\u2022\u25aa\u25e6*\u2013]\s)",
    re.IGNORECASE,
)
"""What opens a numbered point or a bullet at the start of a line (the outline reads it)."""
_SCAN_HINT = "run OCR on it first (for example ocrmypdf), or ask for the text as .docx or .txt"


def read(data: bytes, name: str) -> Draft:
    """Read a PDF's text into blocks, one per paragraph, its lines numbered through all pages.

    >>> read(b"%PDF-1.4 nothing else", "a.pdf")
    Traceback (most recent call last):
    ...
    plandiff.model.errors.UsageError: a.pdf: a damaged PDF (PdfStreamError); open it and save...
    """
    pages, page_looks = _page_lines(data, name)
    if not any(line.strip() for page in pages for line in page):
        raise UsageError(f"{file_name(name)}: the PDF has no text layer (a scan?); {_SCAN_HINT}")
    kept = _without_running_matter(pages)
    removed = sum(1 for p in pages for line in p if line.strip()) - sum(len(p) for p in kept)
    looks = dict(enumerate((look for page in page_looks for look in page), start=1))
    lines = _rejoined(kept)
    notes = (f"{removed} running header, footer and page-number lines left out",) if removed else ()
    return Draft(blocks=_paragraphs(lines, looks), title=_title(data), notes=notes)


def _rejoined(pages: list[list[tuple[int, str]]]) -> list[tuple[int, str]]:
    """(line number, text) of every line, a word broken at a line's end made whole again on
    that line, so the line keeps its length."""
    vocabulary = {w.lower() for page in pages for _, line in page for w in _WORDS.findall(line)}
    lines = [(number, " ".join(line.split())) for page in pages for number, line in page]
    for at in range(len(lines) - 1):
        number, text = lines[at]
        if broken := _BROKEN.search(text):
            following = lines[at + 1][1]
            word, rest = _rejoin(broken.group(), following, vocabulary)
            lines[at] = (number, text[: broken.start()] + word)
            lines[at + 1] = (lines[at + 1][0], rest)
    return [(number, text) for number, text in lines if text]


def _paragraphs(lines: list[tuple[int, str]], looks: dict[int, _Look]) -> tuple[Block, ...]:
    """Lines grouped into paragraphs, wrapped lines joined with a soft break.

    A line set larger than the body text is a heading, ranked by size. Otherwise a paragraph
    starts at a numbering marker, after a wider gap than the lines' usual spacing, after a
    short line that ends a sentence, or after a much shorter line when it starts with a capital.
    """
    if not lines:
        return ()
    ranks = _heading_ranks([(text, looks.get(number)) for number, text in lines])
    lengths = sorted(len(text) for _, text in lines)
    full = lengths[(len(lengths) * 9) // 10]  # a full line, whatever the page's width
    spacing = _usual_spacing([looks.get(number) for number, _ in lines])
    blocks: list[Block] = []
    start, held = lines[0][0], [lines[0][1]]
    for (before_number, before), (number, text) in itertools.pairwise(lines):
        rank, before_rank = ranks.get(_size(looks, number)), ranks.get(_size(looks, before_number))
        ends = before.endswith((".", ":", ";", "!", "?", '"', "\u201d", ")"))
        gap = _gap(looks.get(before_number), looks.get(number))
        if (
            rank != before_rank
            or (rank is None and _MARKER.match(text))
            or (gap is not None and spacing is not None and gap > 1.4 * spacing)
            or (rank is None and ends and len(before) < 0.85 * full)
            or (rank is None and len(before) < 0.6 * full and text[:1].isupper())
        ):
            blocks.append(Block("\n".join(held), start, heading=before_rank))
            start, held = number, []
        held.append(text)
    blocks.append(Block("\n".join(held), start, heading=ranks.get(_size(looks, lines[-1][0]))))
    return tuple(blocks)


def _size(looks: dict[int, _Look], number: int) -> float:
    look = looks.get(number)
    return round(look.size, 1) if look else 0.0


def _heading_ranks(lines: list[tuple[str, _Look | None]]) -> dict[float, int]:
    """Font sizes clearly larger than the body's (the size most characters are set in), each
    with its heading rank: the largest is 1."""
    weight: Counter[float] = Counter()
    for text, look in lines:
        if look is not None:
            weight[round(look.size, 1)] += len(text)
    if not weight:
        return {}
    body = max(weight, key=lambda size: (weight[size], -size))
    larger = sorted((size for size in weight if size >= body * 1.15), reverse=True)
    return {size: rank for rank, size in enumerate(larger[:6], start=1)}


def _gap(before: _Look | None, after: _Look | None) -> float | None:
    """How far below the line before a line sits, when both are on one page."""
    if before is None or after is None or before.page != after.page:
        return None
    if before.y is None or after.y is None:
        return None
    return before.y - after.y


def _usual_spacing(looks: list[_Look | None]) -> float | None:
    gaps = sorted(
        gap
        for before, after in itertools.pairwise(looks)
        if (gap := _gap(before, after)) is not None and gap > 0
    )
    return gaps[len(gaps) // 2] if gaps else None


def _rejoin(broken: str, following: str, vocabulary: set[str]) -> tuple[str, str]:
    """The word ``broken`` (ending in a hyphen) makes with the start of the next line, and
    what is left of that line.

    >>> _rejoin("nego-", "tiations begin", set())
    ('negotiations', 'begin')
    >>> _rejoin("Russia-", "Ukraine talks", set())
    ('Russia-Ukraine', 'talks')
    """
    tail = _WORD_START.match(following)
    if tail is None:
        return broken.replace("\u00ad", "-"), following
    rest = following[tail.end() :].lstrip()
    word = tail.group("tail")
    if not word[0].islower():
        # "Russia-" then "Ukraine": a compound split at its own hyphen, which stays.
        return broken.replace("\u00ad", "-") + word, rest
    stem = broken[:-1]
    if broken.endswith("-") and f"{stem}-{word}".lower() in vocabulary:
        return f"{stem}-{word}", rest
    return f"{stem}{word}", rest


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs its repairs of sloppy files; they are not the reader's business."""
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


@dataclass(frozen=True, slots=True)
class _Look:
    """How a line is set: its largest font size, and its baseline's height on the page."""

    size: float
    y: float | None
    page: int


def _page_lines(data: bytes, name: str) -> tuple[list[list[str]], list[list[_Look]]]:
    """Each page's lines, and how each line is set, as pypdf extracts them."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not _decrypt(reader):
                raise UsageError(_encrypted(name))
            pages, looks = [], []
            for index, page in enumerate(reader.pages):
                lines, page_looks = _lines_of(page, index)
                pages.append(lines)
                looks.append(page_looks)
            return pages, looks
        except UsageError:
            raise
        except FileNotDecryptedError:
            raise UsageError(_encrypted(name)) from None
        except DependencyError:  # AES, which pypdf decrypts only with the cryptography package
            raise UsageError(
                f"{file_name(name)}: the PDF is encrypted (AES) and cannot be opened here; "
                "save an unlocked copy (for example qpdf --decrypt in.pdf out.pdf) and read that"
            ) from None
        except RecursionError:
            raise UsageError(f"{file_name(name)}: a damaged PDF (nested too deeply)") from None
        # pypdf meets hostile and broken files with many kinds of exception; every one of them
        # means the same thing here, a file that cannot be read.
        except Exception as err:
            raise UsageError(
                f"{file_name(name)}: a damaged PDF ({type(err).__name__}); "
                "open it and save or print it as PDF again"
            ) from None


def _lines_of(page: Any, index: int) -> tuple[list[str], list[_Look]]:
    """A page's lines from the pieces pypdf hands its visitor, which make up its text."""
    lines: list[str] = []
    looks: list[_Look] = []
    held: list[str] = []
    size, y = 0.0, None

    def visit(text: str, cm: Any, tm: Any, font: Any, font_size: Any) -> None:
        nonlocal size, y
        pieces = text.split("\n")
        for at, piece in enumerate(pieces):
            if piece.strip():
                scale = abs(float(tm[3]) * float(cm[3])) if tm and cm else 1.0
                size = max(size, float(font_size or 0) * (scale or 1.0))
                if y is None and tm and cm:
                    y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
            held.append(piece)
            if at < len(pieces) - 1:
                lines.append("".join(held))
                looks.append(_Look(size, y, index))
                held.clear()
                size, y = 0.0, None

    page.extract_text(visitor_text=visit)
    if "".join(held).strip():
        lines.append("".join(held))
        looks.append(_Look(size, y, index))
    return lines, looks


def _decrypt(reader: object) -> bool:
    """Open a PDF locked only against editing (an empty user password), as viewers do."""
    from pypdf import PasswordType, PdfReader

    assert isinstance(reader, PdfReader)
    return reader.decrypt("") != PasswordType.NOT_DECRYPTED


def _encrypted(name: str) -> str:
    return (
        f"{file_name(name)}: the PDF is encrypted with a password; save an unlocked copy "
        "(for example qpdf --decrypt --password=PASSWORD in.pdf out.pdf) and read that"
    )


def _title(data: bytes) -> str | None:
    from pypdf import PdfReader

    with _quiet_pypdf():
        try:
            metadata = PdfReader(io.BytesIO(data), strict=False).metadata
            title = metadata.title if metadata else None
        except Exception:
            return None
    text = " ".join(str(title).split()) if title else ""
    # Word and others stamp the file name as the title: no help.
    if re.search(r"^Microsoft Word|\.(?:docx?|pdf|rtf|odt|txt)$", text, re.I):
        return None
    return text or None


def _without_running_matter(pages: list[list[str]]) -> list[list[tuple[int, str]]]:
    """Each page's lines, numbered through the document, without repeated heads and feet and
    without its page number."""
    numbered: list[list[tuple[int, str]]] = []
    count = 0
    for page in pages:
        numbered.append([])
        for line in page:
            count += 1
            if line.strip():
                numbered[-1].append((count, line))
    trimmed = [[line for _, line in page] for page in numbered]
    repeated = _repeated_edges(trimmed)
    numbers = _page_number_lines(trimmed)
    kept = []
    for index, page in enumerate(trimmed):
        drop = numbers.get(index, set())
        for at, key in _edge_keys(page):
            if key in repeated:
                drop.add(at)
        kept.append([line for at, line in enumerate(numbered[index]) if at not in drop])
    return kept


def _edges(page: list[str]) -> list[int]:
    count = len(page)
    return sorted(set(range(min(EDGE, count))) | set(range(max(0, count - EDGE), count)))


def _edge_keys(page: list[str]) -> list[tuple[int, tuple[bool, str]]]:
    """(position, (at the top?, shape)) for each edge line: a head repeats heads only."""
    return [(at, (at < EDGE, _shape(page[at]))) for at in _edges(page)]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _repeated_edges(pages: list[list[str]]) -> set[tuple[bool, str]]:
    """Edge lines (top or bottom, and shape) found on at least half the pages, two at least."""
    if len(pages) < 2:
        return set()
    seen = Counter(key for page in pages for key in {key for _, key in _edge_keys(page)})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in seen.items() if count >= needed and key[1].strip("# ")}


def _page_number_lines(pages: list[list[str]]) -> dict[int, set[int]]:
    """Edge lines that are page numbers: their value minus the page's index is the same on
    most pages, or they say "page" outright."""
    found: list[tuple[int, int, int, bool]] = []
    for index, page in enumerate(pages):
        for at in _edges(page):
            line = " ".join(page[at].split())
            if match := _PAGE_NUMBER.match(line):
                explicit = not line[0].isdigit() or "/" in line or " " in line
                found.append((index, at, int(match.group("n")) - index, explicit))
    offsets = Counter(offset for _, _, offset, _ in found)
    common = {offset for offset, count in offsets.items() if count >= max(2, len(pages) // 2)}
    lines: dict[int, set[int]] = {}
    for index, at, offset, explicit in found:
        if offset in common or (explicit and len(pages) == 1):
            lines.setdefault(index, set()).add(at)
    return lines
