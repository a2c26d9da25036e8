"""`plandiff validate`: exit codes, one line per problem, no traceback, for every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plandiff.cli import main

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((ROOT / "plans").glob("*.json"))


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the console entry point in-process, as the installed `plandiff` would."""
    old = sys.argv
    sys.argv = ["plandiff", *args]
    try:
        main()
    except SystemExit as done:
        code = done.code
    finally:
        sys.argv = old
    out, err = capsys.readouterr()
    assert isinstance(code, int)
    return code, out, err


def test_bundled_plans_are_valid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["validate", *map(str, PLANS)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{p}: valid ({n} provisions)" for p, n in zip(PLANS, [7, 28], strict=True)
    ]


BAD_INPUTS: list[tuple[str, bytes, str]] = [
    ("empty", b"", "1:1: the file is empty; a plan is a JSON object"),
    ("blank", b"  \n ", "1:1: the file holds only white space; a plan is a JSON object"),
    (
        "truncated",
        b'{"id": "a", "provisions": [',
        "1:28: the file ends too early: the JSON is truncated",
    ),
    ("trailing-comma", b'{"id": "a",}', "1:12: trailing comma before '}'"),
    ("duplicate-keys", b'{"id": "a", "id": "b"}', "1:13: duplicate key 'id' (first at 1:2)"),
    ("nan", b'{"id": NaN}', "1:8: NaN is not valid JSON"),
    (
        "long-integer",
        b'{"id": ' + b"7" * 5000 + b"}",
        "1:8: number of 5,000 characters; the limit is 100",
    ),
    ("deep", b"[" * 100_000, "1:65: nesting deeper than 64 levels"),
    ("bad-utf8", b'{"id": "\xff"}', "1:9: invalid UTF-8 (byte 0xff); save the file as UTF-8"),
    (
        "utf16",
        '{"id": "a"}'.encode("utf-16"),
        "1:1: starts with a UTF-16 byte order mark; save it as UTF-8 without one",
    ),
]


@pytest.mark.parametrize(("name", "content", "problem"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_exit_1_and_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / f"{name}.json"
    path.write_bytes(content)
    code, out, err = run(["validate", str(path)], capsys)
    assert (code, out, err) == (1, f"{path}:{problem}\n", "")


def plan_with(**changes: object) -> dict[str, object]:
    doc: dict[str, object] = json.loads(PLANS[0].read_text(encoding="utf-8"))
    doc.update(changes)
    return doc


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda d: d["provisions"][0].update(extra=1),
            "/provisions/0/extra (provision 6): unknown field: the plan format has no such field",
        ),
        (
            lambda d: d["provisions"][1].update(number="6"),
            "/provisions/1/number (provision 6): provision number '6' is used twice (first at index 0)",
        ),
        (
            lambda d: d["provisions"][2].update(text=""),
            "/provisions/2/text (provision 13): must not be empty or only white space",
        ),
    ],
    ids=["unknown-field", "duplicate-number", "empty-text"],
)
def test_schema_problems_give_exit_1_and_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: object, problem: str
) -> None:
    doc = plan_with()
    edit(doc)  # type: ignore[operator]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run(["validate", str(path)], capsys)
    assert (code, out, err) == (1, f"{path}: {problem}\n", "")


def test_a_50_megabyte_file_gives_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    code, out, err = run(["validate", str(path)], capsys)
    assert (code, out, err) == (
        1,
        f"{path}: the file is larger than the limit of 33,554,432 bytes\n",
        "",
    )


def test_missing_path_and_directory_give_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    code, out, err = run(["validate", str(PLANS[0]), str(missing), str(tmp_path)], capsys)
    assert code == 2
    assert out == f"{PLANS[0]}: valid (7 provisions)\n"
    assert err.splitlines() == [
        f"plandiff: {missing}: no such file",
        f"plandiff: {tmp_path}: is a directory, not a plan file",
    ]


def test_invalid_and_unreadable_together_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, _ = run(["validate", str(bad), str(tmp_path / "none.json")], capsys)
    assert code == 2


def test_json_format_is_machine_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"a": 1, "a": 2}')
    code, out, err = run(["validate", "--format", "json", str(PLANS[0]), str(bad)], capsys)
    assert (code, err) == (1, "")
    report = json.loads(out)
    assert report["status"] == "invalid"
    assert [f["status"] for f in report["files"]] == ["valid", "invalid"]
    assert report["files"][1]["problems"] == [
        {
            "file": str(bad),
            "line": 1,
            "column": 10,
            "pointer": None,
            "provision": None,
            "message": "duplicate key 'a' (first at 1:2)",
            "text": f"{bad}:1:10: duplicate key 'a' (first at 1:2)",
        },
    ]


def test_no_files_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["validate"], capsys)
    assert code == 2 and out == "" and "Missing argument" in err


def test_control_characters_in_a_file_name_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["validate", str(tmp_path / "\x1b[2Jx.json")], capsys)
    assert code == 2 and "\x1b" not in err and "\\x1b[2Jx.json: no such file" in err


def test_the_real_program_prints_no_traceback(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b'{"a": ' * 100_000)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "plandiff", "validate", str(deep), str(tmp_path / "none.json")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == f"{deep}:1:{6 * 64 + 1}: nesting deeper than 64 levels\n"
    assert done.stderr == f"plandiff: {tmp_path / 'none.json'}: no such file\n"
    assert "Traceback" not in done.stderr


def test_the_entry_point_gives_back_the_collector_as_it_found_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A command runs with the cyclic collector off (its records hold no cycles); a caller
    # that runs main() in-process must get it back switched on, and off when it was off.
    import gc

    seen: list[bool] = []
    monkeypatch.setattr("plandiff.cli.app._utf8_streams", lambda: seen.append(gc.isenabled()))
    assert gc.isenabled()
    assert run(["validate", str(PLANS[0])], capsys)[0] == 0
    assert gc.isenabled() and seen == [False]
    gc.disable()
    try:
        assert run(["validate", str(PLANS[0])], capsys)[0] == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
