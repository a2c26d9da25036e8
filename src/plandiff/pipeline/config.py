"""Read a project's findings configuration: ``plandiff.toml`` or ``[tool.plandiff]``.

The file adds watched terms and topic terms, changes severities and turns rules off::

    watch = ["Donbas"]
    disable = ["condition-added"]

    [severity]
    number-added = "error"

    [topics]
    energy = ["power plant", "gas transit"]

Every mistake is one line naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from plandiff.findings.rules import default_rules
from plandiff.model.errors import UsageError
from plandiff.model.plan import SLUG
from plandiff.model.ruleset import RuleSet, RuleSeverity, TopicTerms
from plandiff.model.vocabulary import Severity
from plandiff.util.inputs import read_text

CONFIG_NAME = "plandiff.toml"
_KEYS = ("watch", "disable", "severity", "topics")
_SEVERITIES = tuple(s.value for s in Severity)
MAX_TERMS = 5_000
"""Most terms in a rules file, watched and topic terms together: each is looked for in every
changed provision, so a file in a pull request could otherwise make any run slow."""
MAX_TERM_LENGTH = 200
"""Longest term, in characters."""


def discover_rules(directory: Path) -> RuleSet:
    """The rules of the project in ``directory``: its ``plandiff.toml``, else the
    ``[tool.plandiff]`` table of its ``pyproject.toml``, else the defaults."""
    own = directory / CONFIG_NAME
    if own.is_file():
        return _parse(_read(own, CONFIG_NAME), CONFIG_NAME)
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        return _from_pyproject(_read(pyproject, "pyproject.toml"), "pyproject.toml")
    return RuleSet()


def load_rules(path: Path) -> RuleSet:
    """The rules in an explicit file (a ``pyproject.toml`` is read for its ``[tool.plandiff]``)."""
    shown = path.as_posix()
    if not path.is_file():
        raise UsageError(f"{shown}: rules file not found")
    data = _read(path, shown)
    if path.name == "pyproject.toml":
        return _from_pyproject(data, shown)
    return _parse(data, shown)


def _read(path: Path, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"{shown}: invalid TOML: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"{shown}: cannot read: {err}") from None


def _from_pyproject(data: dict[str, Any], shown: str) -> RuleSet:
    section = data.get("tool", {}).get("plandiff")
    if section is None:
        return RuleSet()
    if not isinstance(section, dict):
        raise UsageError(f"{shown}: tool.plandiff: must be a table")
    return _parse(section, shown, prefix="tool.plandiff.")


def _strings(value: Any, where: str, shown: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise UsageError(f"{shown}: {where}: must be a list of non-empty strings")
    if any(len(v) > MAX_TERM_LENGTH for v in value):
        raise UsageError(f"{shown}: {where}: a term is at most {MAX_TERM_LENGTH} characters")
    return tuple(dict.fromkeys(v.strip() for v in value))


def _refuse_too_many_terms(data: dict[str, Any], shown: str) -> None:
    lists = [data.get("watch")]
    if isinstance(topics := data.get("topics"), dict):
        lists.extend(topics.values())
    count = sum(len(terms) for terms in lists if isinstance(terms, list))
    if count > MAX_TERMS:
        raise UsageError(
            f"{shown}: {count:,} terms; a rules file holds at most {MAX_TERMS:,} "
            "(watch and topics together)"
        )


def _parse(data: dict[str, Any], shown: str, prefix: str = "") -> RuleSet:
    known_rules = default_rules()[0]
    for key in data:
        if key not in _KEYS:
            raise UsageError(f"{shown}: {prefix}{key}: unknown key (known: {', '.join(_KEYS)})")
    _refuse_too_many_terms(data, shown)
    watch = _strings(data.get("watch", []), f"{prefix}watch", shown)
    disable = _strings(data.get("disable", []), f"{prefix}disable", shown)
    for name in disable:
        if name not in known_rules:
            raise UsageError(f"{shown}: {prefix}disable: unknown rule {name!r}")
    severity_table = data.get("severity", {})
    if not isinstance(severity_table, dict):
        raise UsageError(f"{shown}: {prefix}severity: must be a table of rule = severity")
    severity = []
    for name, level in sorted(severity_table.items()):
        if name not in known_rules:
            raise UsageError(f"{shown}: {prefix}severity.{name}: unknown rule")
        if level not in _SEVERITIES:
            raise UsageError(
                f"{shown}: {prefix}severity.{name}: must be one of {', '.join(_SEVERITIES)}"
            )
        severity.append(RuleSeverity(rule=name, severity=level))
    topic_table = data.get("topics", {})
    if not isinstance(topic_table, dict):
        raise UsageError(f"{shown}: {prefix}topics: must be a table of topic = [terms]")
    topics = []
    for topic, terms in topic_table.items():
        if not re.fullmatch(SLUG, topic):
            raise UsageError(
                f"{shown}: {prefix}topics.{topic}: a topic is lower-case words joined by '-'"
            )
        words = _strings(terms, f"{prefix}topics.{topic}", shown)
        if not words:
            raise UsageError(f"{shown}: {prefix}topics.{topic}: list at least one term")
        topics.append(TopicTerms(topic=topic, terms=words))
    return RuleSet(
        watch=watch, disable=tuple(sorted(disable)), severity=tuple(severity), topics=tuple(topics)
    )
