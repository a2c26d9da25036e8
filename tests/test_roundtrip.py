"""Export then import keeps every character of every field, or the import says why not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandiff.documents.load import load_plan_text
from plandiff.documents.textexport import export_text
from plandiff.documents.textimport import import_text
from plandiff.model.plan import Plan
from test_validate import run


def plan_with(text: str = "Peace.", **fields: object) -> Plan:
    document: dict[str, object] = {
        "id": "p", "title": "P", "version": "v", "date": "2025-01-01", "completeness": "full",
        "provisions": [{"number": "1", "text": text, "provenance": "confirmed"}],
    }  # fmt: skip
    document.update(fields)
    return load_plan_text(json.dumps(document), "p.json")


def again(plan: Plan) -> Plan:
    result = import_text(export_text(plan), "p.txt")
    assert result.unplaced == ()
    return result.plan


@pytest.mark.parametrize(
    "text",
    [
        "an \x1b[31m escape and a \x00 byte",
        "##[warning] a runner command, and ##[error] again",
        "no-break\u00a0space and  two spaces",
        "a line\nbreak inside a paragraph",
        "  leading and trailing  ",
        "a back\\slash, \\u{41} and \\\\ two",
        "\\1. starts with a backslash",
        "tab\there and a form\x0cfeed",
        "two paragraphs\n\nand a third\n\n\nafter two breaks",
        "ends with a break\n",
    ],
)
def test_every_character_of_a_provision_reads_back(text: str) -> None:
    plan = plan_with(text, title=f"T {text}", version=f"v {text}")
    back = again(plan)
    assert back.provisions == plan.provisions
    assert (back.title, back.version) == (plan.title, plan.version)


def test_a_party_holding_a_semicolon_stays_one_party() -> None:
    plan = plan_with(parties=["Ukraine; its allies", "Russia"])
    assert again(plan).parties == ("Ukraine; its allies", "Russia")


def test_a_parties_line_still_lists_several() -> None:
    result = import_text("# T\ndate: 2025-01-01\nparties: A; B\n\n1. x\n", "t.txt")
    assert result.plan.parties == ("A", "B")


def test_no_exported_line_carries_a_control_or_a_runner_command() -> None:
    plan = plan_with("\x1b]52;c;x\x07 \u0085 \u2028 ##[x]", parties=["::error::p"])
    for line in export_text(plan).splitlines():
        assert line.isprintable() and "##[" not in line and not line.startswith("::")


PRINTABLE = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=PRINTABLE.filter(lambda t: t.strip() != ""), party=PRINTABLE)
def test_any_text_and_party_read_back(text: str, party: str) -> None:
    if not party.strip():
        party = "x" + party
    plan = plan_with(text, parties=[party])
    back = again(plan)
    assert back.provisions == plan.provisions and back.parties == plan.parties


DUPLICATED = "# T\ndate: 2025-01-01\ndate: 2025-02-02\nversion: a\nversion: b\n\n1. Peace.\n"


def test_duplicate_metadata_lines_are_reported_and_strict_refuses_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "d.txt"
    source.write_text(DUPLICATED, encoding="utf-8")
    code, out, err = run(["import", str(source)], capsys)
    assert code == 0
    assert f"{source}:3: not placed (date is given twice: the value on line 2 is kept)" in err
    assert f"{source}:5: not placed (version is given twice: the value on line 4 is kept)" in err
    assert json.loads(out)["date"] == "2025-01-01"
    target = tmp_path / "d.json"
    code, out, err = run(["import", "--strict", str(source), "-o", str(target)], capsys)
    assert code == 2 and not target.exists()


def test_import_refuses_to_write_a_plan_the_loader_would_refuse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from plandiff.documents import load

    source = tmp_path / "d.txt"
    source.write_text("# T\ndate: 2025-01-01\n\n" + "1. " + "word " * 400 + "\n", "utf-8")
    monkeypatch.setattr(load, "MAX_BYTES", 1_000)  # the written plan is about 2,300 bytes
    target = tmp_path / "d.json"
    code, _, err = run(["import", str(source), "-o", str(target)], capsys)
    assert code == 2 and not target.exists()
    assert "larger than the limit of 1,000 bytes" in err
