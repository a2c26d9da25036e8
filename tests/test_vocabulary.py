"""One spelling for each name: the rule enumeration, the shipped rules file and the README agree."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import get_args

from plandiff.model.changes import ChangeKind
from plandiff.model.vocabulary import SEVERITY_LABELS, SEVERITY_RANK, Rule, Severity, SeverityName
from plandiff.output.kinds import KINDS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SHIPPED = tomllib.loads(
    resources.files("plandiff.findings").joinpath("data/rules.toml").read_text(encoding="utf-8")
)["rules"]


def readme_rules() -> dict[str, str]:
    """Rule name -> severity, from the README's rule table (a row may name several rules)."""
    found: dict[str, str] = {}
    table = README.split("| Rule | Severity | Fires when |", 1)[1].split("\n\n", 1)[0]
    for row in table.splitlines()[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        for name in re.findall(r"`([a-z-]+)`", cells[0]):
            found[name] = cells[1]
    return found


def test_the_shipped_rules_are_exactly_the_enumeration_in_its_order() -> None:
    assert list(SHIPPED) == [r.value for r in Rule]


def test_the_readme_table_lists_every_rule_with_its_default_severity() -> None:
    assert readme_rules() == {name: spec["severity"] for name, spec in SHIPPED.items()}


def test_every_shipped_severity_is_a_severity() -> None:
    assert {spec["severity"] for spec in SHIPPED.values()} <= {s.value for s in Severity}


def test_severity_names_ranks_and_labels_cover_every_severity() -> None:
    assert get_args(SeverityName) == tuple(s.value for s in Severity)
    assert sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__) == list(Severity)
    assert set(SEVERITY_LABELS) == set(Severity)


def test_rule_names_are_spelled_once_in_the_source() -> None:
    # A string constant equal to a rule's name anywhere but the enumeration is a second
    # spelling that can drift; so is one built with an f-string ("{family}-added").
    source = Path(__file__).resolve().parents[1] / "src" / "plandiff"
    names = {r.value for r in Rule}
    spelled: list[tuple[str, str]] = []
    for path in source.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in names:
                spelled.append((path.name, node.value))
            elif isinstance(node, ast.JoinedStr):
                tail = [v.value for v in node.values if isinstance(v, ast.Constant)]
                if any(str(t) in {"-added", "-removed", "-changed"} for t in tail):
                    spelled.append((path.name, ast.unparse(node)))
    assert sorted(spelled) == sorted(("vocabulary.py", name) for name in names)


def test_every_change_kind_has_a_label_a_sign_and_a_colour() -> None:
    assert set(KINDS) == set(ChangeKind)
    assert len({shown.label for shown in KINDS.values()}) == len(KINDS)
    assert all(len(shown.sign) == 1 for shown in KINDS.values())
    css = resources.files("plandiff.output").joinpath("templates/report.css").read_text("utf-8")
    # Unchanged is the colour a badge has by default; merged shares split's.
    for kind in set(ChangeKind) - {ChangeKind.UNCHANGED}:
        assert f".kind-{kind.value} " in css or f".kind-{kind.value}," in css, kind
