"""A project's settings, assembled in one place: the rules file, the pins file, the plans folder.

Every command and pipeline that compares versions takes its options from ``Settings``, so
that ``compare``, ``report``, ``github``, ``annotations``, ``history``, ``synopsis`` and
``git-diff`` agree on the same pair: the pins of a pair apply whichever command compares it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plandiff.align.pins import PINS_FILE, find_pins, load_pins
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Plan
from plandiff.model.ruleset import RuleSet
from plandiff.pipeline.config import discover_rules, load_rules


@dataclass(frozen=True)
class Settings:
    """What a project configures: its rules, the pin file that applies, where its plans are."""

    rules: RuleSet
    pins_file: Path | None
    plans_dir: Path
    locale: str | None = None

    def options_for(self, old: Plan, new: Plan) -> CompareOptions:
        """The options to compare ``old`` with ``new``: the rules, and the pins of that pair."""
        pins = load_pins(self.pins_file, old=old, new=new) if self.pins_file else ()
        return CompareOptions(rules=self.rules, pins=pins, locale=self.locale)


def project_settings(
    plans_dir: str | Path = "plans",
    *,
    rules_file: Path | None = None,
    pins_file: Path | None = None,
    new: Path | None = None,
    locale: str | None = None,
    cwd: Path | None = None,
) -> Settings:
    """The settings of the project in ``cwd`` (default: the working directory).

    Rules come from ``rules_file``, else ``plandiff.toml`` or ``pyproject.toml`` there; pins
    from ``pins_file``, else the ``pins.toml`` beside the ``new`` plan file, else the one in
    the plans folder.
    """
    folder = Path(plans_dir)
    rules = load_rules(rules_file) if rules_file else discover_rules(cwd or Path.cwd())
    if pins_file is None:
        if new is not None:
            pins_file = find_pins(new, folder)
        elif (folder / PINS_FILE).is_file():
            pins_file = folder / PINS_FILE
    return Settings(rules=rules, pins_file=pins_file, plans_dir=folder, locale=locale)


def options_for(chosen: CompareOptions | Settings | None, old: Plan, new: Plan) -> CompareOptions:
    """The options for one pair: ``chosen`` itself, the settings' options for the pair, or the
    defaults."""
    if chosen is None:
        return CompareOptions()
    if isinstance(chosen, Settings):
        return chosen.options_for(old, new)
    return chosen
