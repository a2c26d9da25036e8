"""A project's adjustments to the default findings rules, as carried by ``CompareOptions``."""

from __future__ import annotations

from dataclasses import dataclass, field

from plandiff.model.plan import SLUG
from plandiff.model.record import Record
from plandiff.model.vocabulary import SeverityName


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSeverity(Record):
    """A rule whose severity the project changes."""

    rule: str
    severity: SeverityName


@dataclass(frozen=True, slots=True, kw_only=True)
class TopicTerms(Record):
    """Terms that tag a provision with a topic, added to the default lexicon."""

    topic: str = field(metadata={"pattern": SLUG, "max_length": 100})
    terms: tuple[str, ...] = field(metadata={"min_length": 1})


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSet(Record):
    """Adjustments on top of the rules and lexicon that ship with plandiff.

    The empty value means "the defaults as shipped", so a report's options stay short.

    >>> RuleSet().disable
    ()
    """

    watch: tuple[str, ...] = field(default=(), metadata={"description": "Extra watched terms."})
    disable: tuple[str, ...] = field(
        default=(), metadata={"description": "Names of rules turned off."}
    )
    severity: tuple[RuleSeverity, ...] = field(
        default=(), metadata={"description": "Changed severities."}
    )
    topics: tuple[TopicTerms, ...] = field(
        default=(), metadata={"description": "Extra topic terms."}
    )
