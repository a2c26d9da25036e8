"""Tokens and pairing in every script: unspaced scripts, combining marks, right-to-left text."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from pathlib import Path

import pytest

from plandiff.documents.load import load_plan_text
from plandiff.model.changes import ChangeKind
from plandiff.model.plan import Plan
from plandiff.pipeline.compare import compare
from plandiff.wording import charclasses
from plandiff.wording.tokens import content_words, diff_units, tokenize


def plan(pid: str, texts: list[str]) -> Plan:
    return load_plan_text(json.dumps(
            {
                "id": pid, "title": "T", "version": pid, "date": "2025-11-20",
                "completeness": "full",
                "provisions": [
                    {"number": str(n), "text": t, "provenance": "confirmed"}
                    for n, t in enumerate(texts, 1)
                ],
            }
        ), "plan.json")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("ข้อตกลง สันติภาพ", "ข้"),  # Thai, unspaced: a letter with its tone mark
        ("हिन्दी पाठ", "हिन्दी"),  # Devanagari: virama and vowel signs inside the word
        ("שָׁלוֹם עכשיו", "שָׁלוֹם"),  # Hebrew with vowel points
        ("سَلام الآن", "سَلام"),  # Arabic with a short vowel
        ("Ха\u0301рків area", "Ха\u0301рків"),  # Ukrainian with a stress mark written apart
    ],
)
def test_a_word_keeps_its_combining_marks(text: str, word: str) -> None:
    assert word in tokenize(text)
    assert "".join(tokenize(text)) == text
    # No token starts with a combining mark: an edit never cuts a letter from its marks.
    assert not any(unicodedata.category(t[0]).startswith("M") for t in tokenize(text))


def test_unspaced_scripts_are_cut_into_characters_and_numerals_kept_whole() -> None:
    assert tokenize("上限为六十万人。") == ("上", "限", "为", "六十万", "人", "。")
    assert tokenize("定員は60万人") == ("定", "員", "は", "60万", "人")
    assert "".join(diff_units("上限为六十万人。")) == "上限为六十万人。"


def test_similarity_weighs_unspaced_text_by_character_pairs() -> None:
    words = content_words("军队人数上限为六十万人")
    assert "十万" in words and "上限" in words
    assert content_words("The 600,000 troops") == ["600,000", "troops"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("乌克兰武装部队人数上限为六十万人。", "乌克兰武装部队人数上限为八十万人。"),
        ("ウクライナ軍の定員は60万人に制限される。", "ウクライナ軍の定員は80万人に制限される。"),
        ("กองทัพยูเครนจะถูกจำกัดไว้ที่หกแสนนาย", "กองทัพยูเครนจะถูกจำกัดไว้ที่แปดแสนนาย"),
    ],
    ids=["chinese", "japanese", "thai"],
)
def test_an_unspaced_provision_that_moved_pairs_by_its_text(old: str, new: str) -> None:
    # The provision moves from 2 to 3, so only its text can pair it.
    first, last = "乌克兰的主权将得到确认。", "协议签署后一百天内举行选举。"
    cmp = compare(plan("a", [first, old, last]), plan("b", ["新的一条。", first, new, last]))
    (row,) = [c for c in cmp.changes if c.new and c.new[0].text == new]
    assert row.old and row.old[0].text == old
    assert row.kind is not ChangeKind.ADDED and row.reworded


def test_the_character_classes_are_those_of_the_running_unicode_database() -> None:
    generator = Path(__file__).resolve().parents[1] / "scripts" / "gen_charclasses.py"
    spec = importlib.util.spec_from_file_location("gen_charclasses", generator)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if unicodedata.unidata_version == charclasses.UNICODE_VERSION:
        assert module.source() == Path(charclasses.__file__).read_text(encoding="utf-8")
    else:  # another Python: the marks listed are still marks
        assert all(unicodedata.category(ch).startswith("M") for ch in "\u0301\u0e31\u094d\u05b8")


@pytest.mark.parametrize(
    ("lead", "six", "eight"),
    [
        ("Οι ένοπλες δυνάμεις της Ουκρανίας θα περιοριστούν σε ", "600.000 άτομα", "800.000 άτομα"),
    ],
)
def test_a_figure_is_named_by_its_whole_sentence_however_far_the_armed_forces_stand(
    lead: str, six: str, eight: str
) -> None:
    # Only the changed run and a little text around it are read for figures; what a figure
    # counts is read from its sentence, which may begin further back.
    old = plan("a", ["Ukraine's sovereignty is confirmed.", f"{lead}{six}."])
    new = plan("b", ["Ukraine's sovereignty is confirmed.", f"{lead}{eight}."])
    found = [f.message for f in compare(old, new).findings]
    assert found == ["Personnel figure raised: 600.000 → 800.000 (+200,000, +33%)"]
