"""Metadata changes: the plain comparison of sources and parties agrees with deepdiff's."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from plandiff.pipeline import metadata

NAMES = ["United States", "Ukraine", "Russia", "Russian Federation", "EU", "European Union"]
source = st.fixed_dictionaries(
    {
        "title": st.sampled_from(["Report", "Report (update)", "Text"]),
        "url": st.sampled_from(["https://a.example/1", "https://b.example/2"]),
        "accessed": st.sampled_from([None, "2025-11-21", "2025-11-24"]),
        "publisher": st.sampled_from([None, "Agency", "Paper"]),
    }
)
view = st.fixed_dictionaries(
    {
        "parties": st.lists(st.sampled_from(NAMES), max_size=4),
        "sources": st.dictionaries(st.sampled_from(["s1", "s2", "s3", "s4"]), source),
    }
)


def _records(changes: list[Any]) -> list[tuple[str, str, str | None, str | None]]:
    return sorted((c.path, c.change, c.old, c.new) for c in changes)


@settings(max_examples=300, deadline=None)
@given(view, view)
def test_plain_comparison_says_what_deepdiff_says(before: Any, after: Any) -> None:
    expected = metadata._deepdiff_changes(before, after) if before != after else []
    assert _records(metadata._nested_changes(before, after)) == _records(expected)


def test_an_added_party_and_a_changed_source_field() -> None:
    before = {"parties": ["United States"], "sources": {"s1": {"title": "T", "accessed": None}}}
    after = {
        "parties": ["United States", "Ukraine"],
        "sources": {"s1": {"title": "T", "accessed": "2025-11-24"}},
    }
    assert _records(metadata._nested_changes(before, after)) == [
        ("parties[1]", "added", None, "Ukraine"),
        ("sources[s1].accessed", "changed", None, "2025-11-24"),
    ]
