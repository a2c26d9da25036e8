"""annotate(): findings over provision changes, worst first, and per-topic summaries."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace

from plandiff.findings.headlines import annotate, texts, topics_for
from plandiff.model.changes import (
    ChangeKind,
    ProvisionChange,
    ProvisionRef,
    SubPointChange,
    WordEdit,
)
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Provenance, Provision
from plandiff.model.ruleset import RuleSet, RuleSeverity
from plandiff.model.vocabulary import Severity

OPTIONS = CompareOptions()


def change(
    id_: str,
    old: str,
    new: str,
    kind: ChangeKind = ChangeKind.MODIFIED,
    topics: tuple[str, ...] = (),
) -> ProvisionChange:
    def ref(text: str) -> tuple[ProvisionRef, ...]:
        return (ProvisionRef(number=id_[2:], position=0, text=text),) if text else ()

    return ProvisionChange(id=id_, kind=kind, old=ref(old), new=ref(new), confidence=1.0,
                           edits=word_edits(old, new), topics=topics)  # fmt: skip


def word_edits(old: str, new: str) -> tuple[WordEdit, ...]:
    """A plain word diff, enough to give annotate() realistic runs to read."""
    a, b = re.findall(r"[\w,]+|[^\w\s]|\s+", old), re.findall(r"[\w,]+|[^\w\s]|\s+", new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return tuple(
        WordEdit(op=op, old="".join(a[i1:i2]), new="".join(b[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def test_findings_come_worst_first_then_in_document_order() -> None:
    changes = (
        change("p-1", "Talks begin.", "Talks begin unless fighting resumes."),
        change("p-6", "A cap of 600,000 personnel.", "A cap of 800,000 personnel."),
        change("p-7", "Ukraine will not join NATO.", "Ukraine will not join."),
    )
    findings, _ = annotate(changes, options=OPTIONS)
    assert [(f.change_id, f.rule) for f in findings] == [
        ("p-6", "number-changed"),
        ("p-7", "watched-term-removed"),
        ("p-1", "condition-added"),
    ]
    assert findings[0].message == "Personnel figure raised: 600,000 → 800,000 (+200,000, +33%)"
    assert findings[0].number is not None and findings[0].number.percent == 33.33


def test_unchanged_moved_without_rewording_and_not_covered_are_not_read() -> None:
    text = "Ukraine will not join NATO; a cap of 600,000."
    changes = (
        change("p-1", text, text, ChangeKind.UNCHANGED),
        change("p-2", text, text, ChangeKind.MOVED),
        change("old-3", text, "", ChangeKind.NOT_COVERED),
    )
    assert annotate(changes, options=OPTIONS)[0] == ()


def test_added_and_removed_provisions_with_watched_terms_are_surfaced() -> None:
    changes = (
        change("old-20", "Full amnesty for all parties.", "", ChangeKind.REMOVED),
        change("p-21", "", "A referendum on the agreement.", ChangeKind.ADDED),
        change("p-22", "", "A committee meets monthly.", ChangeKind.ADDED),
    )
    findings, _ = annotate(changes, options=OPTIONS)
    assert [(f.change_id, f.rule, f.severity) for f in findings] == [
        ("old-20", "watched-provision-removed", Severity.ERROR),
        ("p-21", "watched-provision-added", Severity.WARNING),
    ]


def test_sub_point_wording_is_read_too() -> None:
    sub = SubPointChange(
        kind=ChangeKind.MODIFIED, old_label="a", new_label="a",
        edits=(WordEdit(op="equal", old="within ", new="within "),
               WordEdit(op="replace", old="30", new="60"),
               WordEdit(op="equal", old=" days", new=" days")),
    )  # fmt: skip
    base = change("p-3", "Troops withdraw:", "Troops withdraw:")
    modified = replace(base, kind=ChangeKind.MODIFIED, subpoints=(sub,))
    assert texts(modified) == (
        "Troops withdraw:\nwithin 30 days",
        "Troops withdraw:\nwithin 60 days",
    )
    (finding,) = annotate((modified,), options=OPTIONS)[0]
    assert (finding.rule, finding.message) == (
        "deadline-changed",
        "Deadline extended: 30 days → 60 days (+30 days, +100%)",
    )


def test_options_carry_the_project_rules() -> None:
    changes = (change("p-1", "Troops leave.", "Troops leave Donbas unless attacked."),)
    project = replace(OPTIONS, rules=RuleSet(watch=("Donbas",), disable=("condition-added",),
                                 severity=(RuleSeverity(rule="watched-term-added",
                                                        severity="error"),)))  # fmt: skip
    findings, _ = annotate(changes, options=project)
    assert [(f.rule, f.severity, f.term) for f in findings] == [
        ("watched-term-added", Severity.ERROR, "Donbas")
    ]


def test_topic_summaries_count_changes_and_findings() -> None:
    changes = (
        change("p-1", "Ukraine will not join NATO.", "Ukraine will join NATO."),
        change("p-2", "NATO troops stay out.", "NATO troops stay out.", ChangeKind.UNCHANGED),
        change("p-3", "Grain exports resume.", "Grain exports resume soon.", topics=("trade",)),
    )
    _, summaries = annotate(changes, options=OPTIONS)
    by_topic = {s.topic: (s.changed, s.unchanged, s.findings) for s in summaries}
    assert by_topic == {"alliances": (1, 1, 1), "armed-forces": (0, 1, 0), "trade": (1, 0, 0)}
    assert summaries[0].topic == "alliances"


def test_topics_for_prefers_the_provisions_own_tags() -> None:
    tagged = Provision(number="1", text="NATO.", topics=("custom",), provenance=Provenance.REPORTED)
    untagged = Provision(
        number="2", text="Sanctions on frozen assets are lifted.", provenance=Provenance.REPORTED
    )
    assert topics_for(tagged) == ("custom",)
    assert topics_for(untagged) == ("sanctions", "frozen-assets")


def test_annotating_is_deterministic() -> None:
    changes = tuple(
        change(
            f"p-{i}", f"Within {i} days, no NATO troops.", f"Within {i + 1} days, troops may stay."
        )
        for i in range(1, 30)
    )
    assert annotate(changes, options=OPTIONS) == annotate(changes, options=OPTIONS)


def test_not_covered_provisions_count_neither_as_changed_nor_unchanged() -> None:
    changes = (
        change("old-3", "NATO will not expand.", "", ChangeKind.NOT_COVERED),
        change("p-4", "NATO talks.", "NATO talks.", ChangeKind.UNCHANGED),
    )
    _, summaries = annotate(changes, options=OPTIONS)
    assert [(s.topic, s.changed, s.unchanged) for s in summaries] == [("alliances", 0, 1)]


def test_a_heavily_rewritten_provision_gets_one_rewrite_finding() -> None:
    old = "Ukraine is to write into its constitution that it will not join NATO."
    new = "The clauses barring Ukraine from NATO are removed; presidents decide."
    findings, _ = annotate((change("p-7", old, new),), options=OPTIONS)
    assert [(f.rule, f.term) for f in findings] == [
        ("watched-provision-rewritten", "NATO, constitution"),
        ("watched-term-removed", "constitution"),
    ]
    assert (
        findings[0].message
        == "Provision on NATO and constitution rewritten (80% of its wording changed)"
    )


def test_a_rewrite_names_watched_terms_even_in_its_unchanged_words() -> None:
    # The term stands further from the changed run than the context read around it.
    kept = "Sanctions are discussed by the parties in a standing working group of experts; "
    old = kept + (
        "the group meets monthly in Vienna, reports to both foreign ministers, keeps minutes "
        "of every session, invites outside lawyers when asked, and drafts a yearly review."
    )
    new = kept + (
        "its members rotate yearly, publish each paper online, answer questions put by "
        "journalists, consult business groups first, then vote by simple majority."
    )
    (finding,) = annotate((change("p-1", old, new),), options=OPTIONS)[0]
    assert (finding.rule, finding.term) == ("watched-provision-rewritten", "sanctions")


def test_reading_only_the_changed_runs_finds_what_reading_everything_finds() -> None:
    old = (
        "Within 100 days the parties shall hold elections. Ukraine's army is capped at "
        "600,000. Frozen assets of US$100bn are invested, subject to review."
    )
    new = (
        "Within 60 days the parties may hold elections. Ukraine's army is capped at "
        "800,000. Frozen assets of US$100bn are invested."
    )
    near = annotate((change("p-1", old, new),), options=OPTIONS)[0]
    whole = annotate((replace(change("p-1", old, new), edits_capped=True),), options=OPTIONS)[0]
    assert [f.rule for f in near] == [f.rule for f in whole] == [
        "deadline-changed", "number-changed", "modality-weakened", "condition-removed"
    ]  # fmt: skip


def test_a_figure_that_vanished_twice_is_one_finding_with_its_count() -> None:
    old = "US$100 billion is invested in Ukraine and Europe adds another US$100 billion."
    new = "Ukraine receives support from both."
    findings, _ = annotate((change("p-14", old, new),), options=OPTIONS)
    vanished = [f.message for f in findings if f.rule == "number-removed"]
    assert vanished == ["Amount in US dollars vanished: US$100 billion (twice)"]


def test_a_plain_count_lost_in_a_rewrite_is_not_a_finding() -> None:
    old = "Russia gives up the other territories it controls outside the five regions."
    new = "Territorial questions are left open for the presidents to decide."
    findings, _ = annotate((change("p-21", old, new),), options=OPTIONS)
    assert "number-removed" not in [f.rule for f in findings]
    assert "watched-provision-rewritten" in [f.rule for f in findings]


def test_a_plain_count_lost_in_a_small_edit_is_still_a_finding() -> None:
    old = "Russia gives up the other territories it controls outside the five regions."
    new = "Russia gives up the other territories it controls outside the regions."
    findings, _ = annotate((change("p-21", old, new),), options=OPTIONS)
    assert [f.message for f in findings if f.rule == "number-removed"] == ["Figure vanished: five"]
