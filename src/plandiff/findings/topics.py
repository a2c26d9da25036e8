"""Topics: tag provisions from the default lexicon, summarise a comparison per topic, filter it.

>>> from plandiff.model.plan import Provenance, Provision
>>> topics_for(Provision(number="7", text="No NATO troops.", provenance=Provenance.REPORTED))
('alliances', 'armed-forces')
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path

from plandiff.findings.lexicon import Lexicon
from plandiff.model.changes import (
    ChangeKind,
    Comparison,
    Finding,
    KindCount,
    ProvisionChange,
    TopicSummary,
)
from plandiff.model.errors import UsageError
from plandiff.model.plan import Provision, SubPoint
from plandiff.model.ruleset import RuleSet, TopicTerms

# The package data beside this module, read as a plain file (see ``rules.DATA``).
DATA = Path(__file__).with_name("data")


@cache
def default_lexicon() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The shipped topics and their terms, in the order reports list them."""
    raw = tomllib.loads(DATA.joinpath("topics.toml").read_text(encoding="utf-8"))
    return tuple((topic, tuple(terms)) for topic, terms in raw["topics"].items())


# Keyed by the project's extra topic terms alone (the only part of a RuleSet topics read):
# hashing an empty tuple is free, hashing the whole RuleSet on every lookup was not.
@lru_cache(maxsize=16)
def _compiled(extras: tuple[TopicTerms, ...]) -> tuple[Lexicon, tuple[str, ...]]:
    topics = dict(default_lexicon())
    for extra in extras:
        topics[extra.topic] = (*topics.get(extra.topic, ()), *extra.terms)
    pairs = ((term, topic) for topic, terms in topics.items() for term in terms)
    return Lexicon.build(pairs), tuple(topics)


def topics_in(text: str, *, rules: RuleSet | None = None) -> tuple[str, ...]:
    """The lexicon topics ``text`` mentions, in lexicon order."""
    return _topics_in(text, rules.topics if rules else ())


# Most provisions of a long plan stand unchanged in both versions, so the same text is looked
# up for its old side, its new side and its row: remembering recent answers saves that work.
@lru_cache(maxsize=32_768)
def _topics_in(text: str, extras: tuple[TopicTerms, ...]) -> tuple[str, ...]:
    lexicon, order = _compiled(extras)
    found = lexicon.labels_in(text)
    return tuple([t for t in order if t in found]) if found else ()


def _subpoint_text(points: Iterable[SubPoint]) -> str:
    return " ".join(f"{p.text} {_subpoint_text(p.subpoints)}" for p in points)


def topics_for(provision: Provision, *, rules: RuleSet | None = None) -> tuple[str, ...]:
    """The provision's own topic tags, or when it has none, the topics its wording mentions."""
    if provision.topics:
        return provision.topics
    subpoints = _subpoint_text(provision.subpoints) if provision.subpoints else ""
    text = f"{provision.heading or ''} {provision.text} {subpoints}"
    return _topics_in(text, rules.topics if rules else ())


def change_topics(change: ProvisionChange, *, rules: RuleSet | None = None) -> tuple[str, ...]:
    """The topics of a provision change: its own, else its provisions', else its wording's."""
    if change.topics:
        return change.topics
    refs = (*change.old, *change.new)
    tagged = tuple(dict.fromkeys(t for ref in refs for t in ref.topics))
    if tagged:
        return tagged
    return topics_in(" ".join(f"{r.heading or ''} {r.text}" for r in refs), rules=rules)


def summarise(
    changes: Iterable[ProvisionChange],
    findings: Iterable[Finding],
    *,
    rules: RuleSet | None = None,
) -> tuple[TopicSummary, ...]:
    """Per topic: changed and unchanged provisions and findings; busiest topics first.

    Provisions a partial version does not cover are neither: their fate is unknown.
    """
    per_change = Counter(f.change_id for f in findings)
    changed: Counter[str] = Counter()
    unchanged: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for change in changes:
        kind = change.kind
        if kind is ChangeKind.NOT_COVERED:
            continue
        tags = change.topics or change_topics(change, rules=rules)
        (unchanged if kind is ChangeKind.UNCHANGED else changed).update(tags)
        hits = per_change.get(change.id)
        if hits:
            for topic in tags:
                found[topic] += hits
    topics = sorted(changed.keys() | unchanged.keys(), key=lambda t: (-found[t], -changed[t], t))
    return tuple(TopicSummary(topic=t, changed=changed[t], unchanged=unchanged[t],
                              findings=found[t]) for t in topics)  # fmt: skip


def filter_by_topic(comparison: Comparison, topic: str) -> Comparison:
    """The comparison narrowed to the provisions tagged ``topic``, with counts to match.

    An unknown topic is an error that names the topics the comparison has.
    """
    rules = comparison.options.rules
    # Not only the summary's topics: it leaves out provisions a partial version does not cover.
    known = {s.topic for s in comparison.topics} | {
        t for c in comparison.changes for t in change_topics(c, rules=rules)
    }
    if topic not in known:
        listed = ", ".join(sorted(known)) or "none"
        raise UsageError(f"no provision has topic {topic!r}; topics here: {listed}")
    kept = tuple(c for c in comparison.changes if topic in change_topics(c, rules=rules))
    ids = {c.id for c in kept}
    by_kind = Counter(c.kind for c in kept)
    return replace(
        comparison,
        changes=kept,
        findings=tuple(f for f in comparison.findings if f.change_id in ids),
        counts=tuple(KindCount(kind=k.kind, count=by_kind[k.kind]) for k in comparison.counts),
        topics=tuple(s for s in comparison.topics if s.topic == topic),
    )
