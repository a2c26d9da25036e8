"""The report view-model computes every figure the templates show."""

from __future__ import annotations

import os
import subprocess
import sys

from comparisons import identical, representative
from plandiff.model.changes import WordEdit
from plandiff.output.view import anchor_for, build_view, segments, side_segments


def test_summary_counts_follow_the_fixed_kind_order() -> None:
    view = build_view(representative())
    assert [(c.kind, c.count) for c in view.counts] == [
        ("modified", 1),
        ("renumbered", 1),
        ("moved", 1),
        ("split", 1),
        ("merged", 1),
        ("added", 1),
        ("removed", 1),
        ("not-covered", 1),
        ("unchanged", 1),
    ]
    assert view.total == 9
    assert view.changed_total == 7
    assert view.summary_line.startswith("1 modified · 1 renumbered")


def test_headlines_are_worst_first_and_link_to_their_provision() -> None:
    view = build_view(representative())
    assert [h.severity for h in view.headlines] == ["error", "warning", "info"]
    cap = view.headlines[0]
    assert cap.anchor == "c-p-6"
    assert cap.provision == "6"
    assert cap.figures is None  # the message already carries both figures
    assert view.headlines[2].figures == "all parties → none"
    assert [h.message for h in view.changed[0].findings] == [cap.message]


def test_rows_are_grouped_changed_not_covered_unchanged() -> None:
    view = build_view(representative())
    assert [r.label for r in view.changed] == [
        "6",
        "7 → 8",
        "12 → 3",
        "4 → 4a, 4b",
        "9, 10 → 9",
        "20 (added)",
        "26 (removed)",
    ]
    assert [r.label for r in view.not_covered] == ["27 (not covered)"]
    assert [r.label for r in view.unchanged] == ["1"]
    assert view.unchanged_summary == "1 unchanged provision"
    moved = view.changed[2]
    assert moved.aspects == ("reworded", "renumbered 12 → 3", "moved")
    assert moved.matched == "matched by text, confidence 0.88"


def test_partial_new_version_is_explained() -> None:
    view = build_view(representative())
    assert view.new.is_partial and not view.old.is_partial
    # One short sentence near the top; the version's own note waits in the metadata details.
    assert view.partial_notice is not None and "not covered" in view.partial_notice
    assert "points 21-28 unknown" not in view.partial_notice and len(view.partial_notice) < 120
    assert view.partial_details is not None and "points 21-28 unknown" in view.partial_details
    assert view.not_covered_notice is not None
    assert "unknown" in view.not_covered_notice and "not as removed" in view.not_covered_notice
    assert build_view(identical()).partial_notice is None


def test_metadata_is_summed_up_in_one_line() -> None:
    view = build_view(representative())
    assert view.metadata_summary == (
        "title changed · completeness full → partial · parties 1 → 2 (1 added) · "
        "sources 1 → 1 (1 changed)"
    )
    assert build_view(identical()).metadata_summary == ""


def test_metadata_thresholds_and_subpoints() -> None:
    view = build_view(representative())
    assert [(m.path, m.change) for m in view.metadata][:2] == [
        ("title", "changed"),
        ("parties[1]", "added"),
    ]
    assert [t.value for t in view.thresholds] == ["0.50", "0.30", "0.60", "0.70"]
    sources = view.metadata[3]
    assert sources.old == "{" + "x" * 500 + "}"
    assert sources.old_short == "{" + "x" * 158 + "…" and sources.new_short is None
    split = view.changed[3]
    assert [(s.depth, s.label) for s in split.subpoints] == [
        (0, "a"),
        (1, "i (added)"),
        (0, "b (removed)"),
    ]


def test_redline_segments_cover_both_texts() -> None:
    edits = (
        WordEdit(op="equal", old="capped at ", new="capped at "),
        WordEdit(op="replace", old="600,000", new="800,000"),
        WordEdit(op="insert", new=" troops"),
    )
    assert [(s.op, s.text) for s in segments(edits)] == [
        ("equal", "capped at "),
        ("delete", "600,000"),
        ("insert", "800,000 troops"),
    ]
    assert "".join(s.text for s in side_segments(edits, "old")) == "capped at 600,000"
    assert "".join(s.text for s in side_segments(edits, "new")) == "capped at 800,000 troops"


def test_rows_without_edits_show_their_whole_text() -> None:
    row = build_view(representative()).not_covered[0]
    assert [(s.op, s.text) for s in row.segments] == [
        ("delete", "The agreement is legally binding.")
    ]


def test_anchors_are_safe_and_distinct() -> None:
    assert anchor_for("p-6") == "c-p-6"
    assert anchor_for('a"b') != anchor_for("a_b")
    assert all(ch.isalnum() or ch in "-." for ch in anchor_for('x"><script>'))


def test_the_facade_render_is_the_function_even_after_its_package_was_imported() -> None:
    probe = (
        "import plandiff.cli, plandiff.output.view\n"
        "from plandiff import render\n"
        "print(render.__module__, callable(render), type(render).__name__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=True,
    ).stdout
    assert out.split() == ["plandiff.output", "True", "function"]
