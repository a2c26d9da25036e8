"""Read any document plandiff takes, a plan file or a draft in another format, into a plan.

A plan file (JSON) goes to the loader as it always did; anything else goes to the reader of its
type (``documents/readers/``) and then to the outline builder. The readers are imported only
here, and only for a file that is not a plan file.
"""

from __future__ import annotations

from collections.abc import Mapping

from plandiff.documents.draft import Imported


def read_document(
    data: bytes,
    name: str,
    *,
    provenance: str = "confirmed",
    given: Mapping[str, str | tuple[str, ...]] | None = None,
) -> Imported:
    """The plan in a file's bytes, with what reading it decided; ``given`` metadata (title,
    date, version, parties, sources, from the command line) replaces what a draft says.

    >>> found = read_document(b"# P\\ndate: 2025-01-02\\n\\n1. Peace.\\n", "p.txt")
    >>> found.kind, found.scheme, len(found.plan.provisions)
    ('text', '1.', 1)
    """
    from dataclasses import replace

    from plandiff.documents.load import is_plan_file, load_plan_text

    if is_plan_file(data, name):
        return Imported(plan=load_plan_text(data, name), unplaced=(), defaults=(), kind="plan")
    from plandiff.documents.outline import build
    from plandiff.documents.readers import read_draft

    kind, draft = read_draft(data, name)
    return replace(build(draft, name, provenance=provenance, given=given), kind=kind)
