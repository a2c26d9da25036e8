"""The analyst's pin file, ``plans/pins.toml``: pairings that compare must make or must not.

A pin names old and new provisions by display number or stable key::

    [[pin]]
    old_plan = "us-28-point-draft"   # optional: the pin applies only to this pair of versions
    new_plan = "geneva-revision"
    old = ["13", "14"]               # two old provisions ...
    new = ["3"]                      # ... became new 3 (a merge)
    note = "Points 13 and 14 were combined"

    [[pin]]
    old = ["7"]
    new = ["7"]
    forbid = true                    # never pair old 7 with new 7

The file is TOML, not JSON, because every ``*.json`` file in ``plans/`` is read as a plan.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path

from plandiff.model.errors import UsageError
from plandiff.model.options import PinnedPair
from plandiff.model.plan import Plan, Provision
from plandiff.util.inputs import read_text

PINS_FILE = "pins.toml"
MAX_PINS = 10_000
"""Most [[pin]] entries in a pin file: each is resolved against both plans."""
_PIN_FIELDS = {"old_plan", "new_plan", "old", "new", "forbid", "note"}


def pins_beside(plan_path: Path) -> Path | None:
    """The pin file in the directory of a plan file, if there is one."""
    candidate = plan_path.parent / PINS_FILE
    return candidate if candidate.is_file() else None


def find_pins(new_spec: Path, plans_dir: Path) -> Path | None:
    """The pin file that applies by default: beside the NEW plan file, else in the library."""
    if new_spec.is_file():
        return pins_beside(new_spec)
    candidate = plans_dir / PINS_FILE
    return candidate if candidate.is_file() else None


def load_pins(path: Path, *, old: Plan, new: Plan) -> tuple[PinnedPair, ...]:
    """The pins of ``path`` that apply when comparing ``old`` with ``new``.

    Raises ``UsageError`` with a one-line message naming the file and the pin at fault.
    """
    try:
        document = tomllib.loads(read_text(path))
    except OSError as err:
        raise UsageError(f"{path}: cannot read pin file: {err.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: pin file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"{path}: not valid TOML: {err}") from None
    unknown = sorted(set(document) - {"pin"})
    if unknown:
        raise UsageError(f"{path}: unknown table {unknown[0]!r} (expected [[pin]] entries)")
    entries = document.get("pin", [])
    if not isinstance(entries, list):
        raise UsageError(f"{path}: 'pin' must be written as [[pin]] tables")
    if len(entries) > MAX_PINS:
        raise UsageError(f"{path}: {len(entries):,} pins; a pin file holds at most {MAX_PINS:,}")
    pins = []
    for n, entry in enumerate(entries, start=1):
        where = f"{path}: pin {n}"
        if not isinstance(entry, dict):
            raise UsageError(f"{where}: must be a table")
        extra = sorted(set(entry) - _PIN_FIELDS)
        if extra:
            raise UsageError(f"{where}: unknown field {extra[0]!r}")
        if entry.get("old_plan", old.id) != old.id or entry.get("new_plan", new.id) != new.id:
            continue
        pins.append(_pin(entry, where))
    return tuple(pins)


def _pin(entry: dict[str, object], where: str) -> PinnedPair:
    sides: list[tuple[str, ...]] = []
    for side in ("old", "new"):
        value = entry.get(side)
        if isinstance(value, str):
            sides.append((value,))
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            sides.append(tuple(value))
        else:
            raise UsageError(f"{where}: {side!r} must be a provision number or a list of them")
    forbid, note = entry.get("forbid", False), entry.get("note")
    if not isinstance(forbid, bool):
        raise UsageError(f"{where}: forbid: must be true or false")
    if note is not None and not isinstance(note, str):
        raise UsageError(f"{where}: note: must be a string")
    pin = PinnedPair(old=sides[0], new=sides[1], forbid=forbid, note=note)
    if len(pin.old) > 1 and len(pin.new) > 1 and not pin.forbid:
        raise UsageError(f"{where}: a pin joins several old provisions to one new, or the reverse")
    return pin


def resolve(
    pins: Sequence[PinnedPair], old: Sequence[Provision], new: Sequence[Provision]
) -> tuple[list[tuple[tuple[int, ...], tuple[int, ...], str | None]], set[tuple[int, int]]]:
    """Pins as index pairs: the fixed pairings (old, new, note) and the forbidden (old, new)."""
    fixed = []
    forbidden: set[tuple[int, int]] = set()
    used_old: set[int] = set()
    used_new: set[int] = set()
    for pin in pins:
        olds = tuple(_index(ref, old, "old") for ref in pin.old)
        news = tuple(_index(ref, new, "new") for ref in pin.new)
        if pin.forbid:
            forbidden.update((i, j) for i in olds for j in news)
            continue
        if used_old & set(olds) or used_new & set(news):
            raise UsageError(
                f"pin {'+'.join(pin.old)} -> {'+'.join(pin.new)}: a provision is pinned twice"
            )
        used_old.update(olds)
        used_new.update(news)
        fixed.append((olds, news, pin.note))
    return fixed, forbidden


def _index(ref: str, provisions: Sequence[Provision], side: str) -> int:
    for by_key in (True, False):
        for i, p in enumerate(provisions):
            if (p.key if by_key else p.number) == ref:
                return i
    raise UsageError(f"pin names {side} provision {ref!r}, which is not in that version")
