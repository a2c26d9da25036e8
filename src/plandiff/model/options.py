"""The one frozen options object that carries every threshold and switch of a comparison."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from plandiff.model.record import Record
from plandiff.model.ruleset import RuleSet


@dataclass(frozen=True, slots=True, kw_only=True)
class PinnedPair(Record):
    """An analyst's decision: these old provisions are (or are not) these new ones."""

    old: tuple[str, ...] = field(
        metadata={"min_length": 1, "description": "Old display numbers or keys."}
    )
    new: tuple[str, ...] = field(
        metadata={"min_length": 1, "description": "New display numbers or keys."}
    )
    forbid: bool = field(
        default=False, metadata={"description": "True forbids the pairing instead."}
    )
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompareOptions(Record):
    """Thresholds and switches for ``compare``; derive variants with ``dataclasses.replace``.

    >>> CompareOptions().similarity_threshold
    0.5
    """

    similarity_threshold: float = field(
        default=0.5,
        metadata={"ge": 0.0, "le": 1.0, "description": "Least similarity for pairing by text."},
    )
    number_threshold: float = field(
        default=0.3,
        metadata={"ge": 0.0, "le": 1.0, "description": "Least similarity to pair by equal number."},
    )
    relative_floor: float = field(
        default=0.1,
        metadata={
            "ge": 0.0,
            "le": 1.0,
            "description": "Least similarity to pair two leftovers that are each other's best "
            "match (twice it to join a distant part to a split or merge); such pairs are "
            "reported with their score as low confidence.",
        },
    )
    move_threshold: float = field(
        default=0.6,
        metadata={
            "ge": 0.0,
            "le": 1.0,
            "description": "Least similarity to report a move; below it, removed + added.",
        },
    )
    split_merge_threshold: float = field(
        default=0.7,
        metadata={
            "ge": 0.0,
            "le": 1.0,
            "description": "Least containment to accept a split or merge.",
        },
    )
    max_parts: int = field(
        default=4, metadata={"ge": 2, "le": 10, "description": "Most parts of a split or merge."}
    )
    word_diff_cap: int = field(
        default=4000,
        metadata={"ge": 10, "description": "Most tokens per side diffed word by word."},
    )
    pins: tuple[PinnedPair, ...] = ()
    locale: str | None = field(
        default=None,
        metadata={
            "pattern": r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$",
            "description": "Language (and region) of the plans' number notation, e.g. 'de', "
            "'fr-CH', 'en': it settles a figure such as 600.000 when the texts' own figures do "
            "not.",
        },
    )
    rules: RuleSet = field(
        default_factory=RuleSet,
        metadata={
            "description": "Project adjustments to the default findings rules and topic lexicon."
        },
    )

    def __post_init__(self) -> None:
        # Options come from library callers too: a value out of range is the caller's mistake
        # to report at once, as the model's validation did, not a comparison gone quietly wrong.
        for spec in fields(self):
            value, rule = getattr(self, spec.name), spec.metadata
            low, high, pattern = rule.get("ge"), rule.get("le"), rule.get("pattern")
            if (low is not None and value < low) or (high is not None and value > high):
                span = f"at least {low}" if high is None else f"between {low} and {high}"
                raise ValueError(f"CompareOptions.{spec.name} must be {span}, not {value!r}")
            # '$' in the pattern would match before a final newline; fullmatch ends at the end.
            if pattern and value is not None and not re.fullmatch(pattern.strip("^$"), value):
                raise ValueError(f"CompareOptions.{spec.name}: {value!r} does not match {pattern}")
