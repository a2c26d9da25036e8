"""The readers of drafts, one module per file type, and how a file's type is told from its bytes.

A reader is a module with a function ``read(data: bytes, name: str) -> Draft``; ``READERS``
names it by type. Modules are imported only when a file of their type is read, so a reader may
import a heavy library at its top.

>>> kind, draft = read_draft(b"# Plan\\n\\n1. Peace.\\n", "plan.txt")
>>> kind, [b.text for b in draft.blocks]
('text', ['Plan', '1. Peace.'])
"""

from __future__ import annotations

import codecs
import importlib
import re
from pathlib import PurePath

from plandiff.documents.draft import Block, Draft
from plandiff.model.errors import UsageError
from plandiff.util.inert import file_name

__all__ = ["READERS", "REFUSALS", "Block", "Draft", "read_draft", "sniff"]

READERS: dict[str, str] = {
    "text": "plandiff.documents.readers.text",
    "markdown": "plandiff.documents.readers.markdown",
    "docx": "plandiff.documents.readers.word",
    "pdf": "plandiff.documents.readers.pdf",
    "html": "plandiff.documents.readers.webpage",
}
"""Type name → the module that reads it."""

# What a file of a type no reader takes looks like, and what its owner can do.
REFUSALS: dict[str, tuple[str, str]] = {
    "doc": (
        "a Word 97-2003 document (.doc) or a password-protected Office file",
        "open it in a word processor and save it as .docx without a password",
    ),
    "odt": ("an OpenDocument text (.odt)", "save it as .docx or as plain text"),
    "rtf": ("a rich-text document (.rtf)", "save it as .docx or as plain text"),
    "zip": ("a zip archive that is not a Word document", "unpack it and give the draft inside"),
    "image": ("an image", "a picture of a page has no text: run it through OCR and give the text"),
    "empty": ("an empty file", "give a file with the draft's text in it"),
    "binary": ("binary data, not a document", "give a text, Markdown, Word, PDF or HTML draft"),
    "json": ("JSON that is not UTF-8", "save the plan file as UTF-8"),
}

_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text"}
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
# Comments before the first tag are taken whole, each ending at its first "-->" (possessive
# ``*+``): when no tag followed, trying every way to regroup a run of comments took time
# exponential in their number (22 empty comments, over a second).
_HTML = re.compile(
    r"^(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*+<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)


def sniff(data: bytes, name: str) -> str:
    """The type of a file, from its first bytes; the suffix of ``name`` only breaks ties.

    >>> sniff(b"%PDF-1.7 ...", "draft.txt"), sniff(b"<!DOCTYPE html><p>x", "a"), sniff(b"", "a.md")
    ('pdf', 'html', 'empty')
    """
    suffix = PurePath(name).suffix.lower()
    head = data[:8192]
    if not head.strip():
        return "empty"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/document.xml" in data:
            return "docx"
        return "odt" if b"application/vnd.oasis.opendocument" in head else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_IMAGES):
        return "image"
    text = _head_text(head)
    if text is None:
        return _SUFFIXES.get(suffix, "binary")  # a text reader says what the bytes are
    start = text.lstrip(" \t\r\n\ufeff")
    if start[:1] in ("{", "["):
        return "json"
    if _HTML.match(start) or (suffix in (".html", ".htm") and start.startswith("<")):
        return "html"
    return _SUFFIXES.get(suffix, "text")


def _head_text(head: bytes) -> str | None:
    """The first bytes as text when they read as text (a character cut at the end allowed)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore")
    if b"\x00" in head:
        return None
    return head.decode("utf-8", errors="replace")


def read_draft(data: bytes, name: str) -> tuple[str, Draft]:
    """(type, draft) of a file's bytes; a type no reader takes is one ``UsageError`` line."""
    kind = sniff(data, name)
    if kind not in READERS:
        what, advice = REFUSALS.get(kind, (f"a {kind} file", "convert it to plain text"))
        shown = file_name(name)
        raise UsageError(f"{shown}: looks like {what}, which plandiff cannot read; {advice}")
    module = importlib.import_module(READERS[kind])
    draft: Draft = module.read(data, name)
    return kind, draft
