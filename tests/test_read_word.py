"""The Word reader rebuilds automatic numbering and keeps headers, tables and comments apart."""

from __future__ import annotations

import io
import zipfile

import pytest

from draftfiles import SAMPLE, to_docx
from plandiff.documents.readers import word
from plandiff.model.errors import UsageError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def blocks(data: bytes) -> list[tuple[str | None, int | None, str]]:
    return [(b.label, b.level, b.text) for b in word.read(data, "d.docx").blocks]


def test_numbers_are_rebuilt_from_numbering_xml() -> None:
    read = blocks(to_docx(SAMPLE))
    numbered = [(label, level) for label, level, _ in read if label is not None]
    assert numbered == [("1", 0), ("2", 0), ("a", 1), ("b", 1), ("c", 1), ("3", 0), ("4", 0)]
    # The numbers are in numbering.xml, not in the text: a naive extraction has none.
    assert all(not text[:1].isdigit() for _, _, text in read)


def test_header_footer_and_comment_stay_out_of_the_text() -> None:
    data = to_docx(SAMPLE, header="SECRET HEADER", footer="FOOT LINE", comment="Why 600,000?")
    draft = word.read(data, "d.docx")
    text = " ".join(b.text for b in draft.blocks)
    assert "SECRET" not in text and "FOOT" not in text and "Why" not in text
    assert draft.notes == ("2 running headers and footers left out", "1 comment left out")


def test_table_rows_are_blocks_of_their_own_read_literally() -> None:
    draft = word.read(to_docx(SAMPLE, table=[["Item", "Figure"], ["cap", "600,000"]]), "d.docx")
    rows = [b for b in draft.blocks if b.plain]
    assert [b.text for b in rows] == ["Item | Figure", "cap | 600,000"]
    assert all(b.label is None for b in rows)
    assert not any("600,000" in b.text for b in draft.blocks if not b.plain and b.label == "4")


def test_tracked_changes_are_refused_loudly() -> None:
    with pytest.raises(UsageError, match=r"d\.docx: the document has tracked changes \(1 insert"):
        word.read(to_docx(SAMPLE, tracked=True), "d.docx")


def test_the_title_comes_from_the_document_properties() -> None:
    assert word.read(to_docx(SAMPLE), "d.docx").title == SAMPLE.title


def _document(body: str, numbering: str = "", styles: str = "") -> bytes:
    """A minimal .docx written by hand, for what python-docx cannot make."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
        if numbering:
            archive.writestr(
                "word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'
            )
        if styles:
            archive.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
    return out.getvalue()


def _p(text: str, num: str | None = None, ilvl: int = 0, extra: str = "") -> str:
    numbered = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
        if num
        else ""
    )
    return f"<w:p>{numbered}<w:r><w:t>{text}</w:t></w:r>{extra}</w:p>"


def _levels(*levels: tuple[str, str, int]) -> str:
    return "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(levels)
    )


LEGAL = (
    f'<w:abstractNum w:abstractNumId="1">{_levels(("decimal", "%1.", 1), ("decimal", "%1.%2", 1))}'
    '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
)


def test_multi_level_labels_start_values_and_restarts() -> None:
    body = (
        _p("One", "5") + _p("Sub", "5", 1) + _p("Sub two", "5", 1) + _p("Two", "5")
        + _p("Sub again", "5", 1) + _p("Ten", "6") + _p("Eleven", "6")
    )  # fmt: skip
    assert blocks(_document(body, LEGAL)) == [
        ("1", 0, "One"), ("1.1", 1, "Sub"), ("1.2", 1, "Sub two"), ("2", 0, "Two"),
        ("2.1", 1, "Sub again"), ("10", 0, "Ten"), ("11", 0, "Eleven"),
    ]  # fmt: skip


def test_word_formats_article_labels_and_letters_past_z() -> None:
    numbering = (
        f'<w:abstractNum w:abstractNumId="1">'
        f"{_levels(('upperRoman', 'Article %1', 3), ('lowerLetter', '(%2)', 26))}</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = _p("Borders", "1") + _p("z", "1", 1) + _p("aa", "1", 1) + _p("Trade", "1")
    assert blocks(_document(body, numbering)) == [
        ("III", 0, "Borders"), ("z", 1, "z"), ("aa", 1, "aa"), ("IV", 0, "Trade"),
    ]  # fmt: skip


def test_numbering_carried_by_a_paragraph_style() -> None:
    styles = (
        '<w:style w:styleId="Point"><w:name w:val="Point"/><w:pPr><w:numPr>'
        '<w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:styleId="PointPlus"><w:basedOn w:val="Point"/></w:style>'
        '<w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
    )
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Borders</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Point"/></w:pPr><w:r><w:t>First</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="PointPlus"/></w:pPr><w:r><w:t>Second</w:t></w:r></w:p>'
    )
    draft = word.read(_document(body, LEGAL, styles), "d.docx")
    assert [(b.label, b.heading, b.text) for b in draft.blocks] == [
        (None, 2, "Borders"), ("1", None, "First"), ("2", None, "Second"),
    ]  # fmt: skip


def test_field_codes_and_deleted_text_are_not_text() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    assert blocks(_document(_p("See page", extra=field))) == [(None, None, "See page7")]


def test_a_zip_that_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(UsageError, match=r"^d\.docx: a zip archive that is not a Word document"):
        word.read(out.getvalue(), "d.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UsageError, match=r"an Excel workbook \(\.xlsx\); save the draft as"):
        word.read(out.getvalue(), "d.docx")


@pytest.mark.parametrize("cut", [100, 1000, -200])
def test_a_damaged_docx_is_one_line(cut: int) -> None:
    data = to_docx(SAMPLE)
    with pytest.raises(UsageError) as raised:
        word.read(data[:cut], "d.docx")
    assert str(raised.value).startswith("d.docx: a damaged .docx")
    assert "\n" not in str(raised.value)


def test_damaged_xml_inside_the_zip() -> None:
    data = _document("<w:p><w:r><w:t>unclosed")
    with pytest.raises(UsageError, match=r"^d\.docx: a damaged \.docx \(its XML cannot be read\)"):
        word.read(data, "d.docx")


def test_entity_declarations_are_refused_before_parsing() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="{W}"><w:body/></w:document>',
        )
    with pytest.raises(UsageError, match="document type declaration"):
        word.read(out.getvalue(), "d.docx")


def test_text_boxes_are_not_read_twice_into_the_paragraph() -> None:
    box = (
        "<w:r><mc:AlternateContent xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'>"
        "<mc:Choice Requires='wps'><w:drawing><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r>"
        "</w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        "<w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    draft = word.read(_document(_p("Point", extra=box)), "d.docx")
    assert [b.text for b in draft.blocks] == ["Point"]
    assert draft.notes == ("1 text box left out",)


def test_a_hostile_file_name_is_quoted_inert() -> None:
    with pytest.raises(UsageError) as raised:
        word.read(b"PK\x03\x04broken", "::warning::x\x1b[2J.docx")
    assert str(raised.value).startswith("./::warning::x\\x1b[2J.docx: a damaged .docx")
