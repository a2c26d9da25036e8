"""A draft gives the same provisions whether it arrives as text, Word, PDF or a web page."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from draftfiles import REVISED, SAMPLE, Outline, to_docx, to_html, to_pdf, to_text
from plandiff.documents.drafts import read_document
from plandiff.model.plan import Plan, Provision

ROOT = Path(__file__).resolve().parents[1]


def shape(plan: Plan) -> list[tuple[Any, ...]]:
    """What a provision says: its number, heading, text and sub-points, nothing else."""

    def subs(provision: Any) -> tuple[Any, ...]:
        return tuple((s.label, s.text, subs(s)) for s in provision.subpoints)

    return [(p.number, p.heading, p.text, subs(p)) for p in plan.provisions]


def provisions(data: bytes, name: str) -> list[tuple[Any, ...]]:
    return shape(read_document(data, name).plan)


TEXT = provisions(to_text(SAMPLE).encode(), "draft.txt")


def test_the_text_version_is_what_the_others_must_match() -> None:
    # The sentence before the first point is the draft's preamble, kept as a provision.
    assert [p[0] for p in TEXT] == ["preamble", "1", "2", "3", "4"]
    assert [s[0] for s in TEXT[2][3]] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("draft.docx", to_docx(SAMPLE)),
        ("typed.docx", to_docx(SAMPLE, numbered=False)),
        ("draft.pdf", to_pdf(SAMPLE, lines_per_page=6)),
        ("draft.html", to_html(SAMPLE)),
    ],
)
def test_each_format_gives_the_provisions_of_the_text(name: str, data: bytes) -> None:
    assert provisions(data, name) == TEXT


def test_a_table_in_a_word_draft_is_not_glued_into_a_provision() -> None:
    data = to_docx(SAMPLE, table=[["Item", "Figure"], ["Cap on personnel", "600,000"]])
    found = read_document(data, "draft.docx")
    assert shape(found.plan) == TEXT
    unplaced = [u.text for u in found.unplaced]
    for row in ("Item | Figure", "Cap on personnel | 600,000"):
        assert row in unplaced
        assert not any(row in p.text for p in found.plan.provisions)


def test_what_the_readers_left_out_is_said() -> None:
    found = read_document(to_docx(SAMPLE, comment="Check the figure"), "draft.docx")
    assert "1 comment left out" in found.notes
    assert "2 running headers and footers left out" in found.notes


def _plan_json(outline: Outline, folder: Path, name: str) -> Path:
    text = folder / f"{name}.txt"
    text.write_text(to_text(outline), encoding="utf-8")
    plan = folder / "json" / f"{name}.json"
    plan.parent.mkdir(exist_ok=True)
    run("import", text, "-o", plan)
    return plan


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plandiff", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ),
        cwd=ROOT,
    )


def test_compare_word_with_pdf_as_the_plan_files_of_the_same_texts(tmp_path: Path) -> None:
    old, new = tmp_path / "draft.docx", tmp_path / "revised.pdf"
    old.write_bytes(to_docx(SAMPLE))
    new.write_bytes(to_pdf(REVISED))
    direct = run("compare", old, new, "--format", "markdown", "--no-warn-order")
    assert direct.returncode == 1, direct.stderr
    via_json = run(
        "compare",
        _plan_json(SAMPLE, tmp_path, "draft"),
        _plan_json(REVISED, tmp_path, "revised"),
        "--format",
        "markdown",
        "--no-warn-order",
    )
    assert via_json.returncode == 1, via_json.stderr
    assert direct.stdout == via_json.stdout
    assert "800,000" in direct.stdout


def _zip(**parts: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for part, text in parts.items():
            archive.writestr(part.replace("__", "/"), text)
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(to_pdf(SAMPLE))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scanned_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=True)
    canvas.rect(100, 100, 300, 400, fill=1)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


BROKEN = {
    "encrypted.pdf": (_encrypted_pdf, "encrypted with a password; save an unlocked copy"),
    "scan.pdf": (_scanned_pdf, "no text layer (a scan?); run OCR"),
    "old.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Word 97-2003"),
    "archive.docx": (lambda: _zip(readme__txt="hello"), "zip archive"),
    "empty.docx": (lambda: b"", "empty file"),
    "cut.docx": (lambda: to_docx(SAMPLE)[:-300], "damaged .docx"),
    "cut.pdf": (lambda: to_pdf(SAMPLE)[:600], "damaged PDF"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_and_unsupported_drafts_are_one_line_with_a_hint(tmp_path: Path, name: str) -> None:
    make, said = BROKEN[name]
    path = tmp_path / name
    path.write_bytes(make())
    good = tmp_path / "good.txt"
    good.write_text(to_text(SAMPLE), encoding="utf-8")
    result = run("compare", path, good)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert said in lines[0] and ";" in lines[0] and "Traceback" not in lines[0]


def test_a_100_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(100 * 2**20)  # sparse: 100 MiB on the file's size, nothing on disk
    good = tmp_path / "good.txt"
    good.write_text(to_text(SAMPLE), encoding="utf-8")
    result = run("compare", path, good)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "larger than" in result.stderr or "too large" in result.stderr


def test_reading_a_pdf_does_not_import_pypdf_for_a_plan_comparison() -> None:
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['plandiff', 'compare', 'plans/us-28-point-draft.json',"
        " 'plans/geneva-revision.json']\n"
        "try:\n    runpy.run_module('plandiff', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pypdf', 'docx', 'reportlab', 'html.parser', 'xml.etree')"
        " if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_provision_type_is_the_model_one() -> None:
    plan = read_document(to_docx(SAMPLE), "draft.docx").plan
    assert all(isinstance(p, Provision) for p in plan.provisions)


BUNDLED = sorted((ROOT / "plans").glob("*.json"))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_an_exported_plan_written_as_word_and_html_reads_back_the_same(path: Path) -> None:
    from draftfiles import lines_to_docx, lines_to_html, outline_of
    from plandiff.documents.load import load_plan

    plan = load_plan(path)
    exported = run("export", path)
    assert exported.returncode == 0, exported.stderr
    expected = shape(plan)
    # The exported text pasted into a word processor, saved as .docx and as a web page.
    assert provisions(lines_to_docx(exported.stdout), f"{path.stem}.docx") == expected
    assert provisions(lines_to_html(exported.stdout), f"{path.stem}.html") == expected
    # The same provisions written with Word's automatic numbering and as ordered lists.
    outline = outline_of(plan)
    assert provisions(to_docx(outline), f"{path.stem}.docx") == expected
    assert provisions(to_html(outline), f"{path.stem}.html") == expected
