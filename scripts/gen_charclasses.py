"""Write src/plandiff/wording/charclasses.py: the character classes Python's re cannot name.

Python's ``re`` has no Unicode categories, and building the classes from ``unicodedata`` at
import time costs a scan of every code point (a fifth of a second). They are generated once,
from the Unicode database of the Python that runs this script:

    python scripts/gen_charclasses.py

``tests/test_charclasses.py`` checks the file against the running Python's database.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "plandiff" / "wording" / "charclasses.py"

# Scripts written without spaces between words: Han (with its compatibility and extension
# blocks), Hiragana, Katakana, Thai, Lao, Khmer and Myanmar.
UNSPACED_BLOCKS = (
    (0x0E00, 0x0E7F), (0x0E80, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x19E0, 0x19FF),
    (0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0x20000, 0x3134F),
)  # fmt: skip


# Default_Ignorable_Code_Point, from the Unicode Character Database's DerivedCoreProperties.txt
# (Python's unicodedata does not carry the property): code points a renderer shows as nothing.
DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)  # fmt: skip


def ranges(test: Callable[[int], bool], points: Iterator[int]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for cp in points:
        if test(cp):
            if found and found[-1][1] == cp - 1:
                found[-1] = (found[-1][0], cp)
            else:
                found.append((cp, cp))
    return found


def marks() -> list[tuple[int, int]]:
    return ranges(lambda cp: unicodedata.category(chr(cp)).startswith("M"), iter(range(0x110000)))


def unspaced() -> list[tuple[int, int]]:
    def letter(cp: int) -> bool:
        return unicodedata.category(chr(cp)) in ("Lo", "Lm")

    points = (cp for start, end in UNSPACED_BLOCKS for cp in range(start, end + 1))
    return ranges(letter, points)


def hidden() -> list[tuple[int, int]]:
    ignorable = {cp for start, end in DEFAULT_IGNORABLE for cp in range(start, end + 1)}

    def shown_as_nothing(cp: int) -> bool:
        return cp in ignorable or unicodedata.category(chr(cp)) == "Cf"

    return ranges(shown_as_nothing, iter(range(0x110000)))


def as_class(found: list[tuple[int, int]]) -> str:
    def point(cp: int) -> str:
        return f"\\\\u{cp:04x}" if cp <= 0xFFFF else f"\\\\U{cp:08x}"

    parts = [point(a) if a == b else f"{point(a)}-{point(b)}" for a, b in found]
    lines, line = [], ""
    for part in parts:
        if len(line) + len(part) > 84:
            lines.append(line)
            line = ""
        line += part
    lines.append(line)
    return "\n".join(f'    "{text}"' for text in lines)


def source() -> str:
    return f'''"""Character classes for regular expressions (made by scripts/gen_charclasses.py).

Generated from Unicode {unicodedata.unidata_version}; do not edit by hand.
"""

UNICODE_VERSION = "{unicodedata.unidata_version}"

# Combining marks (general categories Mn, Mc, Me): vowel signs, accents, viramas. A word
# keeps them: they belong to the letter before them.
MARKS = (
{as_class(marks())}
)

# Letters of scripts written without spaces between words; each is a token of its own.
UNSPACED = (
{as_class(unspaced())}
)

# Code points shown as nothing: format characters (Cf: zero-width, bidi controls, tags) and
# every default-ignorable code point (variation selectors, the combining grapheme joiner,
# Hangul fillers). A change made of them is named in a report, never left unseen.
HIDDEN = (
{as_class(hidden())}
)
'''


if __name__ == "__main__":
    TARGET.write_text(source(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET.name} from Unicode {unicodedata.unidata_version}\n")
