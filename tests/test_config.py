"""Project configuration of the findings rules: plandiff.toml, [tool.plandiff], clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import TypeAdapter

from plandiff.model.errors import UsageError
from plandiff.model.ruleset import RuleSet, RuleSeverity, TopicTerms
from plandiff.pipeline.config import discover_rules, load_rules

EXAMPLE = """
watch = ["Donbas", "Zaporizhzhia"]
disable = ["condition-removed", "condition-added"]

[severity]
number-added = "error"

[topics]
energy = ["power plant", "gas transit"]
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_plandiff_toml_is_read_in_full(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path / "plandiff.toml", EXAMPLE))
    assert rules == RuleSet(
        watch=("Donbas", "Zaporizhzhia"),
        disable=("condition-added", "condition-removed"),
        severity=(RuleSeverity(rule="number-added", severity="error"),),
        topics=(TopicTerms(topic="energy", terms=("power plant", "gas transit")),),
    )


def test_discovery_prefers_plandiff_toml_then_pyproject_then_defaults(tmp_path: Path) -> None:
    assert discover_rules(tmp_path) == RuleSet()
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert discover_rules(tmp_path) == RuleSet()
    write(tmp_path / "pyproject.toml", '[tool.plandiff]\nwatch = ["Kursk"]\n')
    assert discover_rules(tmp_path).watch == ("Kursk",)
    write(tmp_path / "plandiff.toml", 'watch = ["Odesa"]\n')
    assert discover_rules(tmp_path).watch == ("Odesa",)


def test_an_explicit_pyproject_is_read_for_its_tool_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool.plandiff]\ndisable = ["number-added"]\n')
    assert load_rules(path).disable == ("number-added",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("watch = [", "plandiff.toml: invalid TOML"),
        ("colour = 1", "plandiff.toml: colour: unknown key"),
        ("watch = 'NATO'", "plandiff.toml: watch: must be a list of non-empty strings"),
        ('watch = [""]', "plandiff.toml: watch: must be a list of non-empty strings"),
        ('disable = ["nope"]', "plandiff.toml: disable: unknown rule 'nope'"),
        ('[severity]\nnope = "error"', "plandiff.toml: severity.nope: unknown rule"),
        (
            '[severity]\nnumber-added = "fatal"',
            "plandiff.toml: severity.number-added: must be one of error, warning, info",
        ),
        ("severity = 3", "plandiff.toml: severity: must be a table"),
        ('[topics]\n"Big Topic" = ["x"]', "plandiff.toml: topics.Big Topic: a topic is"),
        ("[topics]\nenergy = []", "plandiff.toml: topics.energy: list at least one term"),
    ],
)
def test_an_invalid_file_is_one_line_naming_file_and_key(
    tmp_path: Path, text: str, message: str
) -> None:
    write(tmp_path / "plandiff.toml", text)
    with pytest.raises(UsageError) as caught:
        discover_rules(tmp_path)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)
    assert str(tmp_path) not in str(caught.value)


def test_errors_in_pyproject_name_the_tool_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.plandiff]\nmode = 1\n")
    with pytest.raises(UsageError, match=r"^pyproject.toml: tool.plandiff.mode: unknown key"):
        discover_rules(tmp_path)


def test_a_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="rules file not found"):
        load_rules(tmp_path / "nowhere.toml")


def test_the_loaded_rules_survive_a_json_round_trip() -> None:
    rules = RuleSet(severity=(RuleSeverity(rule="number-added", severity="info"),))
    adapter = TypeAdapter(RuleSet)
    assert adapter.validate_json(adapter.dump_json(rules)) == rules
