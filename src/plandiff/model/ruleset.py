"""A project's adjustments to the default findings rules, as carried by ``CompareOptions``."""

from __future__ import annotations

from pydantic import Field

from plandiff.model.plan import Frozen, Slug
from plandiff.model.vocabulary import SeverityName


class RuleSeverity(Frozen):
    """A rule whose severity the project changes."""

    rule: str
    severity: SeverityName


class TopicTerms(Frozen):
    """Terms that tag a provision with a topic, added to the default lexicon."""

    topic: Slug
    terms: tuple[str, ...] = Field(min_length=1)


class RuleSet(Frozen):
    """Adjustments on top of the rules and lexicon that ship with plandiff.

    The empty value means "the defaults as shipped", so a report's options stay short.

    >>> RuleSet().disable
    ()
    """

    watch: tuple[str, ...] = Field(default=(), description="Extra watched terms.")
    disable: tuple[str, ...] = Field(default=(), description="Names of rules turned off.")
    severity: tuple[RuleSeverity, ...] = Field(default=(), description="Changed severities.")
    topics: tuple[TopicTerms, ...] = Field(default=(), description="Extra topic terms.")
