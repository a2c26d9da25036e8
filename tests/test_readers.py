"""The input seam: a file's type told from its bytes, readers by type, drafts straight into
every command that reads a plan."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plandiff.documents.drafts import read_document
from plandiff.documents.load import is_plan_file, load_plan
from plandiff.documents.readers import READERS, read_draft, sniff
from plandiff.model.errors import UsageError

ROOT = Path(__file__).resolve().parents[1]
DRAFT = (
    "# Sample draft\ndate: 2025-03-04\n\n"
    "1. The parties agree.\n2. Forces are capped:\n   a. on land;\n"
)
REVISED = DRAFT.replace("capped:", "capped at 600,000:")


def cli(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plandiff", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        env=dict(os.environ),
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"%PDF-1.7\n...", "leak.txt", "pdf"),
        (b"PK\x03\x04....word/document.xml....", "leak.bin", "docx"),
        (b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.text", "a.odt", "odt"),
        (b"PK\x03\x04....other/file.xml", "leak.docx", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "old.doc", "doc"),
        (b"{\\rtf1\\ansi hello}", "a.rtf", "rtf"),
        (b"\x89PNG\r\n\x1a\n", "scan.txt", "image"),
        (b"", "empty.txt", "empty"),
        (b" \n\t\n", "blank.md", "empty"),
        (b"<!DOCTYPE html><html><p>1. Peace</p>", "page.txt", "html"),
        (b"<!-- saved --><HTML><body>x", "page", "html"),
        (b"<p>1. Peace</p>", "page.htm", "html"),
        (b"1. Peace\n", "draft.md", "markdown"),
        (b"1. Peace\n", "draft.markdown", "markdown"),
        (b"1. Peace\n", "draft", "text"),
        (b"\xef\xbb\xbf1. Peace\n", "draft.txt", "text"),
        (codecs.BOM_UTF16_LE + "1. Peace\n".encode("utf-16-le"), "draft.txt", "text"),
        (b"\x00\x01\x02\x03binary", "blob", "binary"),
    ],
)
def test_the_type_comes_from_the_bytes_with_the_suffix_as_a_hint(
    data: bytes, name: str, kind: str
) -> None:
    assert sniff(data, name) == kind


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Word 97-2003 document (.doc)"),
        (b"PK\x03\x04....other/file.xml", "zip archive that is not a Word document"),
        (b"\x89PNG\r\n\x1a\n", "an image"),
        (b"", "an empty file"),
        (b"{\\rtf1 x}", "rich-text document"),
    ],
)
def test_a_type_no_reader_takes_is_one_line_naming_it_and_what_to_do(
    data: bytes, what: str
) -> None:
    with pytest.raises(UsageError) as caught:
        read_draft(data, "leak.docx")
    message = str(caught.value)
    assert message.startswith("leak.docx: looks like ") and what in message
    assert "\n" not in message and "; " in message  # the advice follows the diagnosis


def test_every_registered_reader_is_a_module_with_a_read_function() -> None:
    import importlib

    assert {"text", "markdown"} <= set(READERS)
    for module in READERS.values():
        assert callable(importlib.import_module(module).read)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_text_in_each_encoding_gives_the_same_plan(encode: object) -> None:
    assert callable(encode)
    data: bytes = encode(DRAFT.replace("\n", "\r\n"))
    expected = read_document(DRAFT.encode(), "draft.txt").plan
    assert read_document(data, "draft.txt").plan == expected


def test_text_in_another_encoding_is_refused_with_a_hint() -> None:
    with pytest.raises(UsageError, match=r"^d.txt: not UTF-8 text \(byte 4\); save it as UTF-8$"):
        read_document("1. Für\n".encode("latin-1"), "d.txt")
    with pytest.raises(UsageError, match="like UTF-16 text without a byte-order mark"):
        read_document("1. Peace\n".encode("utf-16-le"), "d.txt")


def test_json_is_a_plan_file_whatever_its_name_and_a_draft_never_is() -> None:
    assert is_plan_file(b'\n  {"id": 1}', "draft.txt")
    assert is_plan_file(b"not json at all", "plan.json")  # its JSON errors say what is wrong
    assert not is_plan_file(b"%PDF-1.4", "plan.json")
    assert not is_plan_file(b"{\\rtf1 hello}", "plan.json")
    assert not is_plan_file(b"1. Peace", "draft.txt")


def test_load_plan_reads_a_draft_through_its_reader(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    plan = load_plan(path)
    assert [p.number for p in plan.provisions] == ["1", "2"]
    assert plan.provisions[1].subpoints[0].text == "on land;"


def test_compare_takes_two_text_drafts_and_says_what_it_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REVISED, encoding="utf-8")
    result = cli("compare", tmp_path / "a.txt", tmp_path / "b.txt", "--format", "json")
    assert result.returncode == 1, result.stderr
    changes = json.loads(result.stdout)
    assert "600,000" in json.dumps(changes)
    assert "read as text: 2 provisions, 1 sub-points, numbering 1." in result.stderr


def test_compare_reads_a_draft_from_standard_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    result = cli("compare", tmp_path / "a.txt", "-", stdin=DRAFT)
    assert result.returncode == 0, result.stderr


def test_an_old_word_file_given_to_compare_is_one_line_not_a_utf8_complaint(tmp_path: Path) -> None:
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    result = cli("compare", tmp_path / "old.doc", ROOT / "plans" / "geneva-revision.json")
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "Word 97-2003" in result.stderr and "UTF-8" not in result.stderr


PROBE = """
import runpy, sys
sys.argv = ["plandiff", *sys.argv[1:]]
try:
    runpy.run_module("plandiff", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.startswith(("plandiff.documents.readers",
    "plandiff.documents.outline", "plandiff.documents.numbering"))))
"""


def test_comparing_two_plan_files_imports_no_reader() -> None:
    plans = ROOT / "plans"
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, "compare", str(plans / "us-28-point-draft.json"),
         str(plans / "geneva-revision.json")],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert proc.stdout.strip().splitlines()[-1] == "[]"
