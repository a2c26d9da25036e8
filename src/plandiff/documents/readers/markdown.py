"""Markdown drafts: read as text, whose ``#`` headings, ``**1.**`` numbers and ``-`` bullets the
outline builder already knows."""

from __future__ import annotations

from plandiff.documents.draft import Draft
from plandiff.documents.readers.text import blocks, decode


def read(data: bytes, name: str) -> Draft:
    """The blocks of a Markdown file.

    >>> [b.heading for b in read(b"# Plan\\n\\n## 1. Peace\\n", "p.md").blocks]
    [1, 2]
    """
    return Draft(blocks(decode(data, name)), escapes=True)
