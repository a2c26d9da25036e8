"""The names findings are given: their severities and the rules that raise them.

Every module spells a severity or a rule name through these enumerations; the findings rules'
data file (``findings/data/rules.toml``) and the README's rule table list the same names, and
a test holds the three together.

>>> Rule.NEGATION_ADDED.value, SEVERITY_LABELS[Severity.WARNING]
('negation-added', 'Warning')
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class Severity(StrEnum):
    """How loudly a finding should be reported; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# The values of ``Severity`` as a type, for settings records that take the plain word.
SeverityName = Literal["error", "warning", "info"]
SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_LABELS = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Info"}


class Rule(StrEnum):
    """Every findings rule plandiff ships, by the name a project's settings use."""

    NUMBER_CHANGED = "number-changed"
    NUMBER_ADDED = "number-added"
    NUMBER_REMOVED = "number-removed"
    DEADLINE_CHANGED = "deadline-changed"
    DEADLINE_ADDED = "deadline-added"
    DEADLINE_REMOVED = "deadline-removed"
    WATCHED_TERM_ADDED = "watched-term-added"
    WATCHED_TERM_REMOVED = "watched-term-removed"
    WATCHED_PROVISION_ADDED = "watched-provision-added"
    WATCHED_PROVISION_REMOVED = "watched-provision-removed"
    WATCHED_PROVISION_REWRITTEN = "watched-provision-rewritten"
    PROVISION_REWRITTEN = "provision-rewritten"
    MODALITY_WEAKENED = "modality-weakened"
    MODALITY_STRENGTHENED = "modality-strengthened"
    NEGATION_ADDED = "negation-added"
    NEGATION_REMOVED = "negation-removed"
    NEGATION_REWORDED = "negation-reworded"
    CONDITION_ADDED = "condition-added"
    CONDITION_REMOVED = "condition-removed"
    CONDITION_REWORDED = "condition-reworded"
    FIGURE_MIXES_SCRIPTS = "figure-mixes-scripts"
    REFERENCE_RENUMBERED = "reference-renumbered"
    REFERENCE_NOT_UPDATED = "reference-not-updated"
    REFERENCE_TO_REMOVED = "reference-to-removed"
    REFERENCES_LEFT_BEHIND = "references-left-behind"
