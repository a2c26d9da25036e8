"""References between provisions are read, and followed through a renumbering."""

from __future__ import annotations

from plandiff.findings.references import references


def test_references_are_read_with_their_number() -> None:
    text = "As set out in point 2, Article 5(b) and paragraphs 12; see section 3a."
    assert [(r.word, r.number) for r in references(text)] == [
        ("point", "2"), ("article", "5"), ("paragraph", "12"), ("section", "3a"),
    ]  # fmt: skip


def test_a_reference_inside_the_provision_is_left_alone() -> None:
    assert references("The limit in paragraph 3 of this article applies.") == []
    assert references("No figures or references here.") == []
