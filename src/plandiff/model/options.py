"""The one frozen options object that carries every threshold and switch of a comparison."""

from __future__ import annotations

from pydantic import Field

from plandiff.model.plan import Frozen
from plandiff.model.ruleset import RuleSet


class PinnedPair(Frozen):
    """An analyst's decision: these old provisions are (or are not) these new ones."""

    old: tuple[str, ...] = Field(min_length=1, description="Old display numbers or keys.")
    new: tuple[str, ...] = Field(min_length=1, description="New display numbers or keys.")
    forbid: bool = Field(default=False, description="True forbids the pairing instead.")
    note: str | None = None


class CompareOptions(Frozen):
    """Thresholds and switches for ``compare``; derive variants with ``model_copy(update=...)``.

    >>> CompareOptions().similarity_threshold
    0.5
    """

    similarity_threshold: float = Field(
        default=0.5, ge=0.0, le=1.0, description="Least similarity for pairing by text."
    )
    number_threshold: float = Field(
        default=0.3, ge=0.0, le=1.0, description="Least similarity to pair by equal number."
    )
    move_threshold: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="Least similarity to report a move; below it, removed + added.",
    )
    split_merge_threshold: float = Field(
        default=0.7, ge=0.0, le=1.0, description="Least containment to accept a split or merge."
    )
    max_parts: int = Field(default=4, ge=2, le=10, description="Most parts of a split or merge.")
    word_diff_cap: int = Field(
        default=4000, ge=10, description="Most tokens per side diffed word by word."
    )
    pins: tuple[PinnedPair, ...] = ()
    locale: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$",
        description="Language (and region) of the plans' number notation, e.g. 'de', 'fr-CH', "
        "'en': it settles a figure such as 600.000 when the texts' own figures do not.",
    )
    rules: RuleSet = Field(
        default_factory=RuleSet,
        description="Project adjustments to the default findings rules and topic lexicon.",
    )
