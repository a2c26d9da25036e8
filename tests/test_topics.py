"""Topics: the default lexicon, project topic terms, and narrowing a comparison to one topic."""

from __future__ import annotations

from dataclasses import replace

import pytest

from comparisons import representative
from plandiff.findings.topics import default_lexicon, filter_by_topic, topics_in
from plandiff.model.changes import ChangeKind
from plandiff.model.errors import UsageError
from plandiff.model.ruleset import RuleSet, TopicTerms


def test_the_default_lexicon_has_the_documented_topics() -> None:
    assert [topic for topic, _ in default_lexicon()] == [
        "alliances", "armed-forces", "territory", "security-guarantees", "sanctions",
        "frozen-assets", "reconstruction", "elections", "amnesty", "nuclear", "humanitarian",
        "language-and-religion", "implementation",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Ukraine will not join NATO.", "alliances"),
        ("The army is capped.", "armed-forces"),
        ("Crimea is recognised de facto.", "territory"),
        ("Reliable security guarantees are given.", "security-guarantees"),
        ("Sanctions are lifted in stages.", "sanctions"),
        ("Frozen assets are invested.", "frozen-assets"),
        ("A fund for rebuilding Ukraine.", "reconstruction"),
        ("Elections are held.", "elections"),
        ("A full amnesty is granted.", "amnesty"),
        ("The IAEA supervises the plant.", "nuclear"),
        ("All prisoners are exchanged.", "humanitarian"),
        ("Religious tolerance is promoted.", "language-and-religion"),
        ("A council monitors implementation.", "implementation"),
    ],
)
def test_each_default_topic_is_found(text: str, topic: str) -> None:
    assert topic in topics_in(text)


def test_plurals_and_prefix_terms_match_but_not_inside_other_words() -> None:
    assert topics_in("Guarantees are implemented.") == ("security-guarantees", "implementation")
    assert topics_in("A significant signal.") == ()


def test_a_project_adds_topics_and_terms() -> None:
    rules = RuleSet(topics=(TopicTerms(topic="energy", terms=("power grid", "gas transit")),
                            TopicTerms(topic="alliances", terms=("CSTO",))))  # fmt: skip
    assert topics_in("Gas transit and the CSTO.", rules=rules) == ("alliances", "energy")
    assert topics_in("Gas transit and the CSTO.") == ()


def test_filtering_keeps_the_topic_s_provisions_findings_and_counts() -> None:
    comparison = representative()
    narrowed = filter_by_topic(comparison, "nato")
    assert [c.id for c in narrowed.changes] == ["p-7"]
    assert {f.change_id for f in narrowed.findings} == {"p-7"}
    assert {k.kind: k.count for k in narrowed.counts if k.count} == {ChangeKind.RENUMBERED: 1}
    assert [t.topic for t in narrowed.topics] == ["nato"]
    assert narrowed.old == comparison.old and narrowed.metadata == comparison.metadata


def test_filtering_by_an_unknown_topic_names_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"no provision has topic 'weather'; topics here: "):
        filter_by_topic(representative(), "weather")


def test_a_topic_found_only_on_not_covered_provisions_can_still_be_chosen() -> None:
    comparison = representative()
    not_covered = next(c for c in comparison.changes if c.kind is ChangeKind.NOT_COVERED)
    tagged = replace(not_covered, topics=("ceasefire",))
    changes = tuple(tagged if c.id == not_covered.id else c for c in comparison.changes)
    narrowed = filter_by_topic(replace(comparison, changes=changes), "ceasefire")
    assert [c.id for c in narrowed.changes] == [not_covered.id]
