"""The PDF reader drops running heads, feet and page numbers and mends hyphenated words."""

from __future__ import annotations

import io

import pytest

from draftfiles import SAMPLE, Outline, Point, to_pdf
from plandiff.documents.readers import pdf
from plandiff.model.errors import UsageError


def texts(data: bytes) -> list[str]:
    return [" ".join(b.text.split()) for b in pdf.read(data, "d.pdf").blocks]


def test_heads_feet_and_page_numbers_are_gone_and_paragraphs_rebuilt() -> None:
    data = to_pdf(SAMPLE, lines_per_page=6)
    read = texts(data)
    joined = " ".join(read)
    assert "not for circulation" not in joined and "Page" not in joined
    expected = [SAMPLE.title, f"date: {SAMPLE.date}", *SAMPLE.preamble]
    for point in SAMPLE.points:
        expected.append(f"{point.number}. {point.text}")
        expected += [f"({sub.number}) {sub.text}" for sub in point.subpoints]
    # Every paragraph whole again, across line and page breaks, "prison-" + "ers" rejoined.
    assert read == expected
    notes = pdf.read(data, "d.pdf").notes
    assert len(notes) == 1 and notes[0].endswith(
        "running header, footer and page-number lines left out"
    )


def test_lines_keep_their_numbers_through_the_pages() -> None:
    blocks = pdf.read(to_pdf(SAMPLE, lines_per_page=6), "d.pdf").blocks
    assert blocks[0].line == 2  # line 1 is the first page's running header
    assert [b.line for b in blocks] == sorted(b.line for b in blocks)


def test_a_hyphen_the_document_writes_elsewhere_is_kept() -> None:
    outline = Outline(
        title="t",
        points=(
            Point("1", "Both sides accept the principle of self-determination for all."),
            Point("2", "This clause again names the principle of self-determination."),
        ),
    )
    # The lines break "self-determination" after its own hyphen in point 1 only.
    data = to_pdf(outline, width=45, header="", titled=False)
    assert all("self-determination" in text for text in texts(data))


def test_a_broken_compound_before_a_capital_keeps_its_hyphen() -> None:
    assert pdf._rejoin("Russia-", "Ukraine talks", set()) == ("Russia-Ukraine", "talks")
    assert pdf._rejoin("nego-", "tiations, then", set()) == ("negotiations,", "then")
    assert pdf._rejoin("long-", "range arms", {"long-range"}) == ("long-range", "arms")
    assert pdf._rejoin("soft\u00ad", "ware", set()) == ("software", "")


def test_a_bare_page_number_counts_only_when_it_follows_the_pages() -> None:
    pages = [["Intro", "one", "1"], ["more", "two", "2"], ["end", "three", "3"]]
    kept = pdf._without_running_matter(pages)
    assert kept == [
        [(1, "Intro"), (2, "one")],
        [(4, "more"), (5, "two")],
        [(7, "end"), (8, "three")],
    ]
    # "5" on one page only, the others carrying none: a figure, kept.
    odd = [["a", "b", "5"], ["c", "d"], ["e", "f"]]
    assert [[text for _, text in page] for page in pdf._without_running_matter(odd)] == odd


def test_a_pdf_without_a_text_layer_is_a_scan() -> None:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=True)
    canvas.rect(100, 100, 300, 400, fill=1)  # a picture of a page, no text at all
    canvas.showPage()
    canvas.save()
    with pytest.raises(
        UsageError, match=r"^d\.pdf: the PDF has no text layer \(a scan\?\); run OCR"
    ):
        pdf.read(out.getvalue(), "d.pdf")


def _encrypted(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(to_pdf(SAMPLE))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_encrypted_pdf_is_refused_with_a_hint() -> None:
    with pytest.raises(UsageError, match=r"^d\.pdf: the PDF is encrypted with a password; .*qpdf"):
        pdf.read(_encrypted("secret"), "d.pdf")


def test_a_pdf_locked_only_against_editing_is_read() -> None:
    assert texts(_encrypted(""))[2] == SAMPLE.preamble[0]


@pytest.mark.parametrize("cut", [20, 400, 2000])
def test_a_damaged_pdf_is_one_line(cut: int) -> None:
    with pytest.raises(UsageError) as raised:
        pdf.read(to_pdf(SAMPLE)[:cut], "d.pdf")
    assert str(raised.value).startswith("d.pdf: ")
    assert "\n" not in str(raised.value)


def test_the_title_comes_from_the_metadata_unless_it_is_a_file_name() -> None:
    assert pdf.read(to_pdf(SAMPLE), "d.pdf").title == SAMPLE.title
    named = Outline(title="Microsoft Word - leak.docx", points=SAMPLE.points)
    assert pdf.read(to_pdf(named), "d.pdf").title is None


def test_larger_type_is_a_heading_ranked_by_size() -> None:
    peace = "Peace is restored along the whole line of contact."
    outline = Outline(title="Framework", points=(Point("1", peace, heading="Borders"),))
    blocks = pdf.read(to_pdf(outline, header=""), "d.pdf").blocks
    assert [(b.text, b.heading) for b in blocks] == [
        ("Framework", 1), ("Borders", 2), (f"1. {peace}", None),
    ]  # fmt: skip


def test_space_between_paragraphs_ends_a_paragraph_whatever_its_last_line() -> None:
    # Two paragraphs whose last lines run the full width: only the space sets them apart.
    words = "The parties shall meet again within the month and report on progress."
    outline = Outline(title="t", preamble=(words, words), points=())
    lines = [
        b.text
        for b in pdf.read(
            to_pdf(outline, width=35, spaced=True, titled=False, header=""), "d.pdf"
        ).blocks
    ]
    assert [" ".join(text.split()) for text in lines] == [words, words]
