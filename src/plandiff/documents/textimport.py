"""Read numbered plain text or Markdown into a plan, reporting every line it cannot place.

The text reader (``documents/readers/text.py``) splits the text into blocks and the outline
builder (``documents/outline.py``) places them; this is the two together, for text in memory.
"""

from __future__ import annotations

from plandiff.documents.draft import Draft
from plandiff.documents.outline import Imported, Unplaced, build
from plandiff.documents.readers.text import blocks

__all__ = ["Imported", "Unplaced", "import_text"]


def import_text(text: str, name: str, *, provenance: str = "confirmed") -> Imported:
    """Turn numbered text into a plan; the file ``name`` appears in errors and gives the default id.

    >>> doc = "# A plan\\ndate: 2025-01-02\\n\\n1. Peace.\\n2. Trade:\\n   a. goods\\n"
    >>> result = import_text(doc, "draft.txt")
    >>> [p.number for p in result.plan.provisions], result.plan.provisions[1].subpoints[0].text
    (['1', '2'], 'goods')
    """
    draft = Draft(blocks(text.removeprefix("\ufeff")), escapes=True)
    return build(draft, name, provenance=provenance)
