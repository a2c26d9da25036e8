"""Make untrusted plan text inert on a terminal or in a CI log: controls become visible.

>>> visible("a\\x1b[2Jb")
'a\\\\x1b[2Jb'
>>> visible("\\u202eevil")
'<U+202E>evil'
>>> visible("  ::error::x")
'  \\\\::error::x'
>>> visible("see ##[warning]x")
'see ##\\\\[warning]x'
"""

from __future__ import annotations

import re

# Bidirectional formatting characters reorder what a reader sees ("Trojan Source"); show
# them as their code point instead of letting them act.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Line breaks inside plan text would let it start a line of its own (a CI workflow command
# such as '::error::' is only read at the start of a line), so every break becomes a space.
_BREAKS = re.compile(r"\r\n|[\n\v\f\x85\u2028\u2029]")
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}]")
_WORKFLOW = re.compile(r"^(\s*):(?=:)")
# The runner's older command syntax is '##[name]' anywhere in a line, not only at its start.
_LEGACY = "##["
# Any character ``visible`` acts on; '::' at the start and '##[' are looked for with str
# methods: as alternatives in this pattern they made it be tried at every character.
_ANY = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI}]")


def _show(match: re.Match[str]) -> str:
    char = match.group()
    if char in BIDI:
        return f"<U+{ord(char):04X}>"
    return f"\\x{ord(char):02x}"


def _clean(text: str) -> bool:
    """True when ``visible`` has nothing to do in ``text``."""
    # Every character _ANY matches is unprintable, and str.isprintable runs at C speed, about
    # twice as fast as the regex on a provision's text; the one-character searches (memchr)
    # spare the longer ones on most text.
    if not (text.isprintable() or not _ANY.search(text)):
        return False
    return not ("#" in text and _LEGACY in text) and not (
        ":" in text and text.lstrip().startswith("::")
    )


def visible(text: str) -> str:
    """``text`` on one line with every control character shown, never obeyed.

    A bare carriage return would let text overwrite what was printed before it, so it is
    shown as ``\\x0d`` like any other control.
    """
    if _clean(text):
        return text  # the common case, and most of the calls on a large report
    flat = _BREAKS.sub(" ", text).replace("\t", " ")
    shown = _CONTROLS.sub(_show, flat).replace(_LEGACY, "##\\[")
    return _WORKFLOW.sub(r"\1\\:", shown)


# What may stand for itself in a Markdown link destination written as <...>; anything else
# is percent-encoded (UTF-8), so no character of the address can end the destination ('>'),
# escape one ('\\'), split a table cell ('|') or break the line.
_URL_KEPT = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$'()*+,;=%]")


def markdown_link_target(url: str) -> str | None:
    """An http(s) address as the destination of a Markdown link ``[text](<...>)``, or None.

    CommonMark decodes character references in a destination, so '&' is written '&amp;'
    and the link goes exactly where the address says.

    >>> markdown_link_target("https://example.org/a b|c?x=1&y=<2>")
    'https://example.org/a%20b%7Cc?x=1&amp;y=%3C2%3E'
    >>> markdown_link_target("javascript:alert(1)") is None
    True
    """
    if not re.match(r"https?://[^\s/]", url, re.IGNORECASE):
        return None
    out = []
    for char in url:
        if _URL_KEPT.match(char):
            out.append(char)
        elif char == "&":
            out.append("&amp;")
        else:
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8")))
    return "".join(out)
