"""Changes made only of invisible characters are reported with their code points, never hidden;
right-to-left text keeps its direction in HTML and bidi controls cannot act on a terminal."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

import plandiff.wording.invisible
from hostile.inert import terminal_problems
from plandiff.model.changes import ChangeKind, Comparison
from plandiff.model.plan import Plan
from plandiff.output import FORMATS, render
from plandiff.pipeline.compare import compare
from plandiff.wording.invisible import invisible_change, looks_same

BASE = "The parties agree to a ceasefire of 30\u00a0days around Kyiv and Zaporizhzhia."


def plan(pid: str, text: str, *, sub: str = "Prisoners are exchanged all for all.") -> Plan:
    return Plan.model_validate_json(
        json.dumps(
            {
                "id": pid,
                "title": "T",
                "version": pid,
                "date": "2025-11-20",
                "completeness": "full",
                "provisions": [
                    {
                        "number": "1",
                        "text": text,
                        "provenance": "confirmed",
                        "subpoints": [{"label": "a", "text": sub}],
                    }
                ],
            }
        )
    )


# (what, new text, the note's naming of the change)
INVISIBLE = [
    ("no-break space to space", BASE.replace("\u00a0", " "), "U+00A0 → U+0020"),
    ("zero-width space", BASE.replace("ceasefire", "cease\u200bfire"), "U+200B added"),
    ("word joiner", BASE.replace("Kyiv", "Ky\u2060iv"), "U+2060 added"),
    ("right-to-left override", BASE.replace("Kyiv", "\u202eKyiv\u202c"), "U+202E added"),
    ("byte order mark", "\ufeff" + BASE, "U+FEFF added"),
    ("soft hyphen", BASE.replace("ceasefire", "cease\u00adfire"), "U+00AD added"),
    ("doubled space", BASE.replace(" a ", "  a "), "U+0020 added"),
    ("combining grapheme joiner", BASE.replace("Kyiv", "Ky\u034fiv"), "U+034F added"),
    ("variation selector", BASE.replace("Kyiv", "Kyiv\ufe0f"), "U+FE0F added"),
    ("supplementary variation selector", BASE.replace("days", "da\U000e0100ys"), "U+E0100 added"),
    ("Mongolian variation selector", BASE.replace("Kyiv", "Ky\u180biv"), "U+180B added"),
    ("Hangul filler", BASE.replace("Kyiv", "Ky\u3164iv"), "U+3164 added"),
    ("tag character", BASE.replace("Kyiv", "Kyiv\U000e0041"), "U+E0041 added"),
    ("NFC to NFD", BASE.replace("Kyiv", "Kyïv"), None),  # see the NFD case below
]


@pytest.mark.parametrize(("what", "new", "named"), INVISIBLE, ids=[c[0] for c in INVISIBLE])
def test_an_invisible_change_is_a_change_with_its_code_points(
    what: str, new: str, named: str | None
) -> None:
    if named is None:  # the old text in NFC, the new in NFD: same letters, other code points
        old, new = new, unicodedata.normalize("NFD", new)
        named = "U+00EF → U+0069 U+0308"
    else:
        old = BASE
    cmp = compare(plan("a", old), plan("b", new))
    (change,) = cmp.changes
    assert change.kind is ChangeKind.MODIFIED
    assert cmp.has_differences
    assert change.note is not None and f"invisible change: {named}" in change.note
    for fmt in FORMATS:
        assert named.split(" → ")[0] in render(cmp, fmt), fmt  # every report says it


def test_a_hidden_character_beside_a_visible_change_is_named_too() -> None:
    # The figure changed visibly, and a variation selector slipped into "Kyiv": both are news.
    new = (
        BASE.replace("30", "60")
        .replace("Kyiv", "Kyiv\ufe0f")
        .replace("ceasefire", "cease\u200bfire")
    )
    (change,) = compare(plan("a", BASE), plan("b", new)).changes
    assert change.note == "hidden characters: U+200B added; U+FE0F added"
    (change,) = compare(plan("a", new), plan("b", BASE)).changes
    assert change.note == "hidden characters: U+200B removed; U+FE0F removed"


def test_a_visible_change_gets_no_invisible_note() -> None:
    cmp = compare(plan("a", BASE), plan("b", BASE.replace("30", "60")))
    assert cmp.changes[0].kind is ChangeKind.MODIFIED
    assert cmp.changes[0].note is None
    assert invisible_change(BASE, BASE) is None


def test_an_invisible_change_in_a_sub_point_names_the_sub_point() -> None:
    old = plan("a", BASE, sub="Prisoners are exchanged all\u00a0for all.")
    new = plan("b", BASE, sub="Prisoners are exchanged all for all.")
    (change,) = compare(old, new).changes
    assert change.kind is ChangeKind.MODIFIED
    assert change.note == "(a) invisible change: U+00A0 → U+0020"


def test_many_invisible_changes_are_counted_not_all_named() -> None:
    old = " ".join(["word"] * 20)
    new = "\u00a0".join(["word"] * 20)
    assert looks_same(old, new)
    note = invisible_change(old, new)
    assert note is not None
    assert note.count("U+00A0") == plandiff.wording.invisible.MAX_NAMED
    assert note.endswith(f"and {19 - plandiff.wording.invisible.MAX_NAMED} more")


def test_the_invisible_module_examples_hold() -> None:
    assert doctest.testmod(plandiff.wording.invisible).failed == 0


def test_the_cli_exits_1_for_a_change_of_spaces_only(tmp_path: Path) -> None:
    paths = []
    for pid, text in (("a", BASE), ("b", BASE.replace("\u00a0", " "))):
        path = tmp_path / f"{pid}.json"
        path.write_text(plan(pid, text).model_dump_json(by_alias=True, exclude_none=True))
        paths.append(str(path))
    done = subprocess.run(
        [sys.executable, "-m", "plandiff", "compare", *paths, "--color", "never"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "invisible change: U+00A0 → U+0020" in done.stdout


# --- right-to-left text -----------------------------------------------------------------

HEBREW = "הצדדים מסכימים להפסקת אש של 30 יום"
ARABIC = "يتفق الطرفان على وقف إطلاق النار لمدة 30 يوماً"
VOID = {"br", "input", "meta", "link", "col", "img", "hr", "wbr", "source", "area", "base"}


class _Directions(HTMLParser):
    """Records, for each run of text, whether an enclosing element sets ``dir``."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.runs: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, any(name == "dir" for name, _ in attrs)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.runs.append((data, any(has_dir for _, has_dir in self.stack)))


def _rtl_comparison() -> Comparison:
    old, new = plan("a", HEBREW, sub=ARABIC), plan("b", HEBREW + " נוספים", sub=ARABIC + " جديد")
    return compare(old, new)


def test_right_to_left_text_sits_in_an_element_with_dir_auto() -> None:
    parser = _Directions()
    parser.feed(render(_rtl_comparison(), "html"))
    rtl = [(text, ok) for text, ok in parser.runs if any("\u0590" <= c <= "\u06ff" for c in text)]
    assert rtl, "the right-to-left text is in the page"
    assert all(ok for _, ok in rtl), [text for text, ok in rtl if not ok]
    page = render(_rtl_comparison(), "html")
    assert 'dir="auto"' in page


def test_bidi_controls_are_shown_not_obeyed_on_a_terminal() -> None:
    cmp = compare(plan("a", BASE), plan("b", BASE.replace("Kyiv", "\u202eKyiv\u2066x\u2069")))
    text = render(cmp, "terminal")
    assert "<U+202E>" in text and "<U+2066>" in text and "<U+2069>" in text
    assert terminal_problems(text) == []
