"""The certain passes: the analyst's pins, the same stable key, identical text."""

from __future__ import annotations

from collections import defaultdict, deque

from plandiff.align.pairing import Match
from plandiff.align.state import AlignState
from plandiff.model.changes import MatchedBy
from plandiff.model.plan import Provision
from plandiff.wording.tokens import normalize


def by_pins(state: AlignState) -> None:
    """The pairs an analyst fixed in the pin file."""
    state.take(Match(o, n, MatchedBy.PINNED, 1.0, note) for o, n, note in state.pinned)


def by_key(state: AlignState) -> None:
    """Provisions that carry the same stable key, whatever their number or wording."""
    new = state.new
    by_key = {new[j].key: j for j in sorted(state.free_new) if new[j].key}
    found = []
    for i in sorted(state.free_old):
        j = by_key.get(state.old[i].key) if state.old[i].key else None
        if j is not None and state.allowed(i, j):
            found.append(Match((i,), (j,), MatchedBy.KEY, 1.0))
    state.take(found)


def by_raw_text(state: AlignState) -> None:
    """Byte-identical text: a dictionary lookup per provision, no normalising needed.

    Most provisions of a long plan do not change at all, and this pass pairs them cheaply.
    """
    _by_text(state, fold=False)


def by_folded_text(state: AlignState) -> None:
    """Text identical once case, spacing and typography are folded."""
    _by_text(state, fold=True)


def _identity(p: Provision, fold: bool) -> str:
    text = "\x1f".join([p.text, *(s.text for s in p.subpoints)]) if p.subpoints else p.text
    return normalize(text) if fold else text


def _by_text(state: AlignState, *, fold: bool) -> None:
    # Repeated texts pair in order of appearance.
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for j in sorted(state.free_new):
        waiting[_identity(state.new[j], fold)].append(j)
    found = []
    for i in sorted(state.free_old):
        queue = waiting.get(_identity(state.old[i], fold))
        if queue:
            partner = next((j for j in queue if state.allowed(i, j)), None)
            if partner is not None:
                queue.remove(partner)
                found.append(Match((i,), (partner,), MatchedBy.TEXT, 1.0))
    state.take(found)
