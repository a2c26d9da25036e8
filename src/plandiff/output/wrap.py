"""Wrap a terminal line, colour codes and all, to a width without ever breaking a word.

The terminal report's lines carry plandiff's own SGR sequences (plan text never holds a raw
ESC: ``visible`` shows it as ``\\x1b``), so a sequence here is always one of ours, zero
columns wide. A style open at a break is closed at the end of the line and opened again
after the indent, so a pager or a terminal never paints the margin.

>>> wrap("  one two three four", 12, 4)
['  one two', '    three', '    four']
>>> wrap("\\x1b[9;31mold words\\x1b[0m", 6, 0)
['\\x1b[9;31mold\\x1b[0m', '\\x1b[9;31mwords\\x1b[0m']
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_RESET = "\x1b[0m"
_SGR = re.compile(r"\x1b\[[0-9;]*m")
# Runs of spaces; what lies between two of them is one word, however many styles it holds
# ('NATO.' deleted and 'Membership' inserted, with no space between, stay together).
_SPACES = re.compile(r"( +)")


def wrap(line: str, width: int, hang: int) -> list[str]:
    """``line`` cut at spaces into lines of at most ``width`` columns where the words allow.

    Continuation lines start with ``hang`` spaces. A word longer than the room is left
    whole on a line of its own (a URL, a long figure): it overflows rather than breaks.
    Columns are counted as a terminal shows them: a CJK character takes two.
    """
    if len(line) <= width and line.isascii():  # the common short line: nothing to measure
        return [line]
    lines: list[str] = []
    current: list[str] = []
    used = 0
    active = ""  # the SGR sequence in force at the end of ``current``, to reopen after a break
    space = ""  # the spaces between the last word and the next
    indent = " " * hang
    for piece in _SPACES.split(line):
        if not piece:
            continue
        if piece[0] == " ":
            space += piece
            continue
        styles = _SGR.findall(piece) if "\x1b" in piece else ()
        size = cell_len(_SGR.sub("", piece)) if styles else cell_len(piece)
        if space and size and used > hang and used + len(space) + size > width:
            lines.append(_closed(current, active))
            current = [indent, active] if active else [indent]
            used = hang
        else:
            current.append(space)
            used += len(space)
        space = ""
        current.append(piece)
        used += size
        if styles:
            active = "" if styles[-1] == _RESET else styles[-1]
    lines.append(_closed(current, ""))
    return lines


def _closed(parts: list[str], active: str) -> str:
    text = "".join(parts)
    return text + _RESET if active else text
