"""Key-language rules, each in both directions, and the project's adjustments to them."""

from __future__ import annotations

import pytest

import builders
from plandiff.findings.rules import figures, key_language, resolve, whole_provision
from plandiff.model.errors import UsageError
from plandiff.model.plan import Plan
from plandiff.model.ruleset import RuleSet, RuleSeverity
from plandiff.model.vocabulary import Severity
from plandiff.pipeline.compare import compare

RULES = resolve(RuleSet())


def plan(pid: str, text: str) -> Plan:
    return builders.plan(pid, [text], provenance="confirmed")


def fired(old: str, new: str, rules: RuleSet | None = None) -> list[tuple[str, str | None]]:
    active = resolve(rules or RuleSet())
    found = figures(old, new, active, "p-1") + key_language(old, new, active, "p-1")
    return [(f.rule, f.term) for f in found]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Ukraine shall withdraw.", "Ukraine may withdraw.", ("modality-weakened", "may")),
        ("Forces must leave.", "Forces should leave.", ("modality-weakened", "should")),
        ("Russia will return.", "Russia is expected to return.",
         ("modality-weakened", "is expected to")),
        ("Ukraine may withdraw.", "Ukraine shall withdraw.", ("modality-strengthened", "shall")),
        ("Forces could leave.", "Forces must leave.", ("modality-strengthened", "must")),
        ("Ukraine will join NATO.", "Ukraine will not join NATO.", ("negation-added", "not")),
        ("Ukraine will not join NATO.", "Ukraine will join NATO.", ("negation-removed", "not")),
        ("Talks resume with conditions.", "Talks resume without conditions.",
         ("negation-added", "without")),
        ("The bar is never lifted.", "The bar is lifted.", ("negation-removed", "never")),
        ("Troops leave.", "Troops leave unless attacked.", ("condition-added", "unless")),
        ("Troops leave, subject to review.", "Troops leave.", ("condition-removed", "subject to")),
        ("Aid flows.", "Aid flows provided that talks go on.",
         ("condition-added", "provided that")),
        ("Aid flows if talks go on.", "Aid flows.", ("condition-removed", "if")),
        ("A referendum is held.", "The vote is held.", ("watched-term-removed", "referendum")),
        ("The vote is held.", "A referendum is held.", ("watched-term-added", "referendum")),
        ("No NATO troops.", "No foreign troops.", ("watched-term-removed", "NATO")),
        ("Sanctions are lifted.", "Restrictions are lifted.",
         ("watched-term-removed", "sanctions")),
    ],
)  # fmt: skip
def test_each_rule_fires(old: str, new: str, expected: tuple[str, str]) -> None:
    assert fired(old, new) == [expected]


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        ("Elections within 100 days.", "Elections within 60 days.", "deadline-changed"),
        ("Elections are held.", "Elections are held within 100 days.", "deadline-added"),
        ("Elections within 100 days.", "Elections are held.", "deadline-removed"),
        ("A cap of 600,000 troops.", "A cap of 800,000 troops.", "number-changed"),
        ("A fund is created.", "A fund of $100 billion is created.", "number-added"),
        ("A fund of $100 billion is created.", "A fund is created.", "number-removed"),
    ],
)
def test_figure_and_deadline_rules_in_both_directions(old: str, new: str, rule: str) -> None:
    assert [r for r, _ in fired(old, new)] == [rule]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Ukraine shall withdraw.", "Ukraine shall withdraw at once."),
        ("Elections no later than 1 May 2026.", "Elections no later than 1 May 2026, freely."),
        ("Elections by May 2026.", "Elections will be held by May 2026."),
        ("Troops withdraw.", "Troops withdraw without delay."),
        ("Talks go on.", "Talks go on without prejudice to earlier claims."),
    ],
)
def test_rewording_that_keeps_the_key_language_is_quiet(old: str, new: str) -> None:
    assert fired(old, new) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # one negation for another: net, nothing changed; phrase by phrase, a rewording
        ("Ukraine will host not a single foreign base.", "Ukraine will host no foreign base.",
         [("negation-reworded", 'Negation reworded: "not" → "no"')]),
        # two phrases: the negation left the verb and now qualifies the troops
        ("Troops shall not enter the zone.", "No troops shall enter the zone.",
         [("negation-added", 'Negation added: "no"'),
          ("negation-removed", 'Negation removed: "not"')]),
        ("Troops will not enter.", "Troops will never enter.",
         [("negation-reworded", 'Negation reworded: "not" → "never"')]),
        ("Sanctions lift unless talks fail.", "Sanctions lift if talks fail.",
         [("condition-reworded", 'Condition reworded: "unless" → "if"')]),
        # a negation moved from one clause to another far from it: both are news
        ("Russia shall not deploy troops in the zone; Ukraine shall keep its air defence "
         "systems in place for the whole period of the agreement.",
         "Russia shall deploy troops in the zone; Ukraine shall keep its air defence "
         "systems in place for the whole period of the agreement, not more.",
         [("negation-removed", 'Negation removed: "not"'),
          ("negation-added", 'Negation added: "not"')]),
        # a sentence that only moved, "shall not" and all, changes nothing
        ("The zone is demilitarised. Heavy weapons shall not be brought into the zone. "
         "Monitors report weekly to the parties and to the council.",
         "Heavy weapons shall not be brought into the zone. The zone is demilitarised. "
         "Monitors report weekly to the parties and to the council.", []),
        # a word inserted inside an ignored phrase breaks it and leaves a bare "no"
        ("Elections no later than 1 May 2026.", "Elections no much later than 1 May 2026.",
         [("negation-added", 'Negation added: "no"')]),
    ],
)  # fmt: skip
def test_key_words_are_counted_phrase_by_phrase_not_net(
    old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    found = compare(plan("a", old), plan("b", new)).findings
    assert [(f.rule, f.message) for f in found if f.rule.startswith(("neg", "cond"))] == expected


def test_no_later_than_is_a_deadline_not_a_negation() -> None:
    assert fired("Leave by 1 May 2026.", "Leave no later than 1 May 2026.") == []


def test_whole_provisions_with_watched_terms_in_both_directions() -> None:
    text = "Ukraine will not join NATO and will hold elections."
    (gone,) = whole_provision(text, False, RULES, "old-7")
    assert (gone.rule, gone.term, gone.severity) == (
        "watched-provision-removed",
        "NATO, elections",
        Severity.ERROR,
    )
    (came,) = whole_provision(text, True, RULES, "p-7")
    assert (came.rule, came.change_id) == ("watched-provision-added", "p-7")
    assert whole_provision("A committee is set up.", True, RULES, "p-8") == []


def test_a_project_adds_terms_changes_severities_and_turns_rules_off() -> None:
    project = RuleSet(
        watch=("Donbas",),
        disable=("condition-added",),
        severity=(RuleSeverity(rule="watched-term-added", severity="info"),),
    )
    old, new = "Troops leave.", "Troops leave Donbas unless attacked."
    assert fired(old, new) == [("condition-added", "unless")]
    assert fired(old, new, project) == [("watched-term-added", "Donbas")]
    (finding,) = key_language(old, new, resolve(project), "p-1")
    assert finding.severity is Severity.INFO


def test_an_unknown_rule_name_is_a_clear_error() -> None:
    with pytest.raises(UsageError, match="unknown rule 'no-such-rule'"):
        resolve(RuleSet(disable=("no-such-rule",)))


def test_every_message_template_fills_from_its_rule_fields() -> None:
    fields = {"what": "W", "direction": "raised", "old": "1", "new": "2", "change": "+1",
              "term": "T", "terms": "T and U", "word": "not", "share": "80%",
              "figure": "60\u09ea", "scripts": "ASCII and Bengali", "count": "4"}  # fmt: skip
    for rule in RULES.enabled.values():
        assert "{" not in rule.message.format(**fields)
        assert rule.description


def test_a_rewritten_provision_is_reported_instead_of_counting_key_words() -> None:
    old = "Ukraine will not join NATO and NATO will not admit it."
    new = "The bar is removed: no renunciation and no change to NATO statutes."
    found = key_language(old, new, RULES, "p-7", share=0.8)
    assert [(f.rule, f.term, f.message) for f in found] == [
        (
            "watched-provision-rewritten",
            "NATO",
            "Provision on NATO rewritten (80% of its wording changed)",
        )
    ]
    assert [f.rule for f in key_language("Aid flows.", "Grain moves.", RULES, "p-2", 0.9)] == [
        "provision-rewritten"
    ]
    # Below the share, the same texts are read word by word: "will" x2 went (no modality
    # shift, since nothing weaker came), and "not" x2 became "no" x2: a negation reworded.
    assert [f.message for f in key_language(old, new, RULES, "p-7", 0.3)] == [
        'Negation reworded: "not" → "no"'
    ]


def test_a_watched_term_matches_the_words_that_share_its_stem() -> None:
    old = "Ukraine will enshrine the neutral status in a constitutional amendment."
    new = "Ukraine will declare the neutral status in a statement."
    found = key_language(old, new, RULES, "p-1")
    assert [(f.rule, f.term) for f in found] == [("watched-term-removed", "constitution")]
    terri = key_language("Talks on borders.", "Talks on territorial questions.", RULES, "p-2")
    assert [(f.rule, f.term) for f in terri] == [("watched-term-added", "territory")]
