"""The one alignment state the passes read and extend: pairs made so far, who is still free."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from plandiff.align.anchors import Gaps
from plandiff.align.pairing import Match
from plandiff.align.pins import resolve
from plandiff.align.scoring import Scorer
from plandiff.model.changes import MatchedBy
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Provision


@dataclass(slots=True)
class AlignState:
    """Everything the passes share, in one place, changed only through its methods.

    ``matches`` grow pass by pass; ``free_old`` / ``free_new`` are the provisions no pair holds
    yet; ``scored`` remembers every similarity worked out, so a later pass never scores a pair
    twice and splits and merges can start from the best candidates seen. ``growable`` names
    the pairs a split or merge may grow from (set by the passes that made them).
    """

    old: Sequence[Provision]
    new: Sequence[Provision]
    options: CompareOptions
    growable: frozenset[MatchedBy]
    pinned: list[tuple[tuple[int, ...], tuple[int, ...], str | None]]
    forbidden: frozenset[tuple[int, int]]
    free_old: set[int]
    free_new: set[int]
    matches: list[Match] = field(default_factory=list)
    scored: dict[tuple[int, int], float] = field(default_factory=dict)
    moved: frozenset[int] = frozenset()
    notes: dict[tuple[str, int], str] = field(default_factory=dict)
    # The gaps between anchors as best-first assignment saw them: the relative tier's locality
    # guard at scale (cutting them again would cost a tenth of the alignment).
    seen_gaps: Gaps | None = None
    # Whether the relative tier scored every leftover pair (few enough), not only the index's.
    leftovers_all_scored: bool = False
    _scorer: Scorer | None = None

    @classmethod
    def start(
        cls,
        old: Sequence[Provision],
        new: Sequence[Provision],
        options: CompareOptions,
        growable: frozenset[MatchedBy],
    ) -> AlignState:
        """Nothing paired yet; the analyst's pins resolved to indices (fixed and forbidden)."""
        pinned, forbidden = resolve(options.pins, old, new)
        return cls(
            old=old,
            new=new,
            options=options,
            growable=growable,
            pinned=pinned,
            forbidden=frozenset(forbidden),
            free_old=set(range(len(old))),
            free_new=set(range(len(new))),
        )

    def allowed(self, i: int, j: int) -> bool:
        """Whether old ``i`` may be paired with new ``j`` (no pin forbids it)."""
        return (i, j) not in self.forbidden

    def take(self, found: Iterable[Match]) -> None:
        """Add pairs; their provisions are no longer free."""
        for m in found:
            self.matches.append(m)
            self.free_old.difference_update(m.old)
            self.free_new.difference_update(m.new)

    def regroup(self, at: int | None, group: Match) -> None:
        """Put a split or merge in place of pair ``at`` (or add it), taking its other parts."""
        if at is None:
            self.matches.append(group)
        else:
            self.matches[at] = group
        self.free_old.difference_update(group.old)
        self.free_new.difference_update(group.new)

    def can_grow(self, m: Match) -> bool:
        """Whether a split or merge may grow from pair ``m``."""
        return m.by in self.growable

    @property
    def scorer(self) -> Scorer:
        """Word profiles of the free provisions and of pairs that may still grow.

        Built on first use, after the exact passes, so the many provisions they pair are never
        profiled at all.
        """
        if self._scorer is None:
            grow = [m for m in self.matches if self.can_grow(m)]
            self._scorer = Scorer(
                self.old,
                self.new,
                self.free_old | {i for m in grow for i in m.old},
                self.free_new | {j for m in grow for j in m.new},
            )
        return self._scorer

    def accept(self, i: int, j: int, score: float) -> MatchedBy | None:
        """How a scored pair is named if it passes the bars: equal number, else similarity."""
        if not self.allowed(i, j):
            return None
        if self.old[i].number == self.new[j].number and score >= self.options.number_threshold:
            return MatchedBy.NUMBER
        return MatchedBy.SIMILARITY if score >= self.options.similarity_threshold else None
