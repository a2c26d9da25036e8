"""Untrusted plan text made inert for each medium plandiff prints to: one function per medium.

Plan text, file names and values quoted in messages come from documents anyone can write.
Every character that a reader could *obey* rather than *see* is named once below, by class;
each medium then neutralises the classes its reader acts on, in the way that reader still
shows as the original text:

================  ===================  =====================================================
medium            function             what it does with active characters
================  ===================  =====================================================
terminal          ``terminal_line``    one line; controls shown as ``\\xNN``, bidi as ``<U+…>``
CI log            ``ci_log_line``      a line of text kept; workflow commands broken
workflow command  ``workflow_data``    the runner's own %-escapes (and ``workflow_property``)
JSON              ``json_bytes``       ``\\uXXXX`` escapes inside strings (and ``json_text``)
Markdown          ``markdown_text``    character references, and a joiner in autolinks
HTML              ``html_text``        controls shown, commands as character references
error message     ``error_line``       one line; every break and control shown as an escape
file name         ``file_name``        shown by ``repr``, never starting ``::``
text file         ``text_file_line``   escapes read back exactly; bidi kept (plan data)
canonical text    ``plain_line``       controls removed, white space collapsed
================  ===================  =====================================================

>>> terminal_line("a\\x1b[2Jb")
'a\\\\x1b[2Jb'
>>> terminal_line("\\u202eevil")
'<U+202E>evil'
>>> terminal_line("  ::error::x")
'  \\\\::error::x'
>>> terminal_line("see ##[warning]x")
'see ##\\\\[warning]x'
"""

from __future__ import annotations

import re
from typing import Any

# -- The character classes ------------------------------------------------------------------
# Each is a string of characters, so that a medium can build the class it needs from them.

C0 = "".join(map(chr, range(0x20)))
"""The C0 controls U+0000-U+001F: escape sequences (ESC), bells, backspaces, line breaks."""
DEL = "\x7f"
"""DELETE, which terminals treat as a control."""
C1 = "".join(map(chr, range(0x80, 0xA0)))
"""The C1 controls U+0080-U+009F: CSI, OSC (a clipboard write), NEL (a line break)."""
BIDI_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Bidirectional embeddings, overrides and isolates: they reorder the text after them, so a
clause can read as something other than what is stored ("Trojan Source")."""
BIDI_MARKS = "\u061c\u200e\u200f"
"""The Arabic letter mark, LRM and RLM: they reorder nothing by themselves, and right-to-left
plan text needs them, but a terminal cannot isolate them."""
BIDI = BIDI_MARKS + BIDI_OVERRIDES
"""Every bidirectional formatting character."""
LINE_SEPARATORS = "\n\v\f\r\x85\u2028\u2029"
"""What some reader takes for the end of a line: a CI workflow command is read only at the
start of a line, so a break inside plan text could start one."""
WORKFLOW_COMMAND = "::"
"""The Actions runner reads a line starting with this (after white space) as a command."""
LEGACY_COMMAND = "##["
"""The runner's older command syntax, read anywhere in a line."""

_BROKEN_LEGACY = "##\\["


def _class(*chars: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in "".join(chars)) + "]")


def _but(chars: str, kept: str) -> str:
    return "".join(c for c in chars if c not in kept)


def _shown(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"<U+{code:04X}>"


# -- Terminal -------------------------------------------------------------------------------

_TERMINAL_BREAKS = re.compile(r"\r\n|[\n\v\f\x85\u2028\u2029]")
_TERMINAL_CONTROLS = _class(_but(C0, "\t\n"), DEL, C1, BIDI)
_WORKFLOW_START = re.compile(r"^(\s*):(?=:)")
# Any character ``terminal_line`` acts on; '::' at the start and '##[' are looked for with str
# methods: as alternatives in this pattern they made it be tried at every character.
_TERMINAL_ANY = _class(C0, DEL, C1, "\u2028\u2029", BIDI)


def _terminal_clean(text: str) -> bool:
    """True when ``terminal_line`` has nothing to do in ``text``."""
    # Every character _TERMINAL_ANY matches is unprintable, and str.isprintable runs at C
    # speed, about twice as fast as the regex on a provision's text; the one-character
    # searches (memchr) spare the longer ones on most text.
    if not (text.isprintable() or not _TERMINAL_ANY.search(text)):
        return False
    return not ("#" in text and LEGACY_COMMAND in text) and not (
        ":" in text and text.lstrip().startswith(WORKFLOW_COMMAND)
    )


def terminal_line(text: str) -> str:
    """``text`` on one line of a terminal (or a CI log) with every control shown, never obeyed.

    Line breaks and tabs become spaces, so that a report keeps its layout; a bare carriage
    return, which would let text overwrite what was printed before it, is shown as ``\\x0d``
    like any other control, and every bidirectional character as its code point, since a
    terminal has no way to isolate it.
    """
    if _terminal_clean(text):
        return text  # the common case, and most of the calls on a large report
    flat = _TERMINAL_BREAKS.sub(" ", text).replace("\t", " ")
    shown = _TERMINAL_CONTROLS.sub(lambda m: _shown(m.group()), flat)
    return _WORKFLOW_START.sub(r"\1\\:", shown.replace(LEGACY_COMMAND, _BROKEN_LEGACY))


# -- CI log and workflow commands -----------------------------------------------------------


def ci_log_line(line: str) -> str:
    r"""``line`` as printed where a CI runner reads commands from the log, otherwise unchanged.

    Unlike ``terminal_line`` it keeps the line exactly as it is but for the two command
    syntaxes: it is for lines whose controls were already removed (``plain_line``,
    ``raw_file_line``), such as the canonical text git shows.

    >>> ci_log_line("   ::error::x ##[warning]y")
    '   \\::error::x ##\\[warning]y'
    """
    return _WORKFLOW_START.sub(r"\1\\:", line.replace(LEGACY_COMMAND, _BROKEN_LEGACY))


def workflow_data(text: str) -> str:
    """A workflow command's message, escaped as the Actions runner unescapes it.

    The runner's own escapes, not ``\\x``: the annotation then shows the text itself. Put the
    text through ``terminal_line`` first to show its controls.

    >>> workflow_data("50% cut\\n::error::x")
    '50%25 cut%0A::error::x'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A workflow command's property value (``file=``, ``title=``): ``:`` and ``,`` end one.

    >>> workflow_property("p-6: a,b")
    'p-6%3A a%2Cb'
    """
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


# -- JSON -----------------------------------------------------------------------------------

_JSON_CHARS = DEL + C1 + "\u2028\u2029" + BIDI
_JSON_UNSAFE = _class(_JSON_CHARS)
# The same characters in UTF-8, and the bytes they can start with: '\x7f', '\xc2' (C1
# controls), '\xd8' (the Arabic letter mark) and '\xe2' (separators and the rest of BIDI).
_JSON_ENCODED = frozenset(char.encode() for char in _JSON_CHARS)
_JSON_LEADS = tuple(sorted({code[:1] for code in _JSON_ENCODED}))
# Harmless look-alikes of a lead byte (curly quotes and '→' start with '\xe2' too) are looked
# at one by one while they number fewer than one in this many bytes (and at least a thousand):
# past that, decoding the document and running the regex, whose cost grows with the document
# and not with its look-alikes, is the cheaper proof. A count fixed whatever the size sent a
# 90 MB report with a few thousand dashes down the regex path (0.5 s instead of 0.04 s).
_LOOK_ALIKE_SHARE = 100
_JSON_LEGACY = LEGACY_COMMAND.encode()


def json_bytes(data: bytes) -> bytes:
    """A UTF-8 JSON document with every character a terminal or CI log could act on escaped.

    JSON itself escapes C0 controls; the C1 controls, DEL, line separators and bidirectional
    characters become ``\\uXXXX`` escapes too, and ``##[`` becomes ``##\\u005b``, so printing
    the document can never drive a terminal or a runner -- and it still reads back to the
    same strings, which no other medium's escaping promises.

    >>> json_bytes('["\u202eevil ##[error]x"]'.encode())
    b'["\\\\u202eevil ##\\\\u005berror]x"]'
    """
    # Outside strings JSON has only ASCII, so these can only be inside strings: escaping is
    # exact. Two passes rather than one regex with a look-behind, which would be tried at
    # every character. They cannot interact: no character of the class is '#' or '['. No byte
    # of a multi-byte UTF-8 sequence is ASCII, so replacing '##[' in the bytes is replacing it
    # in the text.
    if b"#" in data:  # a byte search at memory speed; '##[' costs a slower search
        data = data.replace(_JSON_LEGACY, b"##\\u005b")
    if not _json_may_act(data):
        return data
    text = data.decode("utf-8", "surrogatepass")
    text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.encode("utf-8", "surrogatepass")


def json_text(text: str) -> str:
    """``json_bytes`` for JSON already decoded.

    >>> json_text('["\\x85"]')
    '["\\\\u0085"]'
    """
    return json_bytes(text.encode("utf-8", "surrogatepass")).decode("utf-8", "surrogatepass")


def _json_may_act(data: bytes) -> bool:
    """False only when ``data`` (UTF-8) holds none of the characters ``_JSON_UNSAFE`` matches."""
    look_alikes = max(1000, len(data) // _LOOK_ALIKE_SHARE)
    for lead in _JSON_LEADS:
        at = data.find(lead)
        for _ in range(look_alikes):
            if at < 0:
                break
            # The lead byte fixes the length of a UTF-8 sequence, so this slice is one character.
            width = 1 if lead < b"\x80" else 2 if lead < b"\xe0" else 3
            if data[at : at + width] in _JSON_ENCODED:
                return True
            at = data.find(lead, at + 1)
        else:
            return True
    return False


# -- Markdown -------------------------------------------------------------------------------

# Characters that start Markdown or HTML syntax anywhere in a line. They become numeric
# character references: CommonMark shows those as the character and never reads them as syntax.
_MD_SYNTAX = re.compile(r"[&<>\\`*_\[\]!|~$#{}]")
# Characters that only mean something at the start of a block: a bullet, a setext underline,
# an ordered-list number ('1. ' but not '0.50'), or a leading ':'.
_MD_LEADING = re.compile(r"^(\s*)([-+=:]|\d+[.)](?=\s|$))")
# GitHub links these after rendering, on the decoded text, so references cannot hide them;
# an invisible WORD JOINER breaks the pattern instead: @name, #12, GH-12, https://, www.
_JOINER = "\u2060"
# (GFM reads 'www.' only at a line start, after white space or after one of '*_~(' -- so an
# anchor such as 'c-www.2e.' is left alone, and stays equal in its link and its target.)
_MD_AUTOLINKS = re.compile(
    r"(?<=@)|(?<=#)(?=\d)|(?<=\bgh)(?=-\d)|(?<=:)(?=//)|(?<![^\s*_~(]www)(?<=www)(?=\.)",
    re.IGNORECASE,
)
# Any character one of the rules above (or ``terminal_line``) acts on anywhere in the text.
# Text without them and without 'www' can only need its start escaped -- most text, which
# matters on reports of thousands of provisions.
_MD_SPECIAL = _class(r"&<>\`*_[]!|~$#{}@:", C0, DEL, C1, "\u2028\u2029", BIDI)
# What ``_MD_LEADING`` can start with: it is only tried on text starting with one of these.
_MD_MAY_LEAD = frozenset("-+=:")
_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(text: str) -> str:
    """``text`` as inert GitHub Markdown: shown exactly, never interpreted.

    It is ``terminal_line`` first (a Markdown report is also read raw, in a terminal or a CI
    log), then every character that could start syntax becomes a character reference, and a
    word joiner breaks what GitHub would link after rendering (``@name``, ``#12``, ``GH-12``,
    addresses), which no reference can hide.

    >>> markdown_text("[x](javascript:alert(1)) | <b>")
    '&#91;x&#93;(javascript:alert(1)) &#124; &lt;b&gt;'
    """
    escaped = text
    if _MD_SPECIAL.search(text) or _md_may_link_words(text):
        escaped = terminal_line(text)
        if _md_may_autolink(escaped):
            escaped = _MD_AUTOLINKS.sub(_JOINER, escaped)
        escaped = _MD_SYNTAX.sub(_md_reference, escaped)
    first = escaped[:1]
    if first and (first.isspace() or first.isdigit() or first in _MD_MAY_LEAD):
        return _MD_LEADING.sub(lambda m: m.group(1) + _last_referenced(m.group(2)), escaped)
    return escaped


def _md_may_autolink(text: str) -> bool:
    # Exactly when ``_MD_AUTOLINKS`` can match; that pattern opens with look-behinds, which the
    # regex engine tries at every character, so skipping it when it cannot match pays.
    return "@" in text or "#" in text or "://" in text or _md_may_link_words(text)


def _md_may_link_words(text: str) -> bool:
    # The autolinks made of letters: 'www.' and GitHub's 'GH-12' issue references.
    if "w" not in text and "W" not in text and "-" not in text:
        return False
    lower = text.lower()
    return "www" in lower or "gh-" in lower


def _md_reference(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or f"&#{ord(char)};"


def _last_referenced(token: str) -> str:
    # Escape the last character: '-' of a bullet, '.' of '1.', ':' of '::'.
    return token[:-1] + f"&#{ord(token[-1])};"


# -- HTML -----------------------------------------------------------------------------------

# Control characters other than tab and newline are invalid in HTML text; browsers show them
# inconsistently, so they are shown as their escape instead. The bidi overrides are shown as
# their code point too: even inside an isolating element (dir="auto") an override reverses the
# rest of its text. The marks stay: right-to-left plan text needs them, and in a page they
# reorder nothing by themselves.
_HTML_SHOWN = _class(_but(C0, "\t\n\r"), DEL, C1, BIDI_OVERRIDES)
_HTML_RETURNS = re.compile("\r\n?")
# Anything ``html_text`` acts on, besides '::' and '##['; most text has none and is returned
# as it is. (One pattern with those two as alternatives was tried at every character: 60%
# slower.)
_HTML_ANY = _class(_but(C0, "\t\n"), DEL, C1, BIDI_OVERRIDES)
# '::' at the start of a line, after any white space, and the older '##[' anywhere.
_HTML_COMMANDS = re.compile(r"(?:^|(?<=\n))[^\S\n]*:(?=:)|#(?=#\[)")


def html_text(value: Any) -> Any:
    r"""Plan text for an HTML page (jinja's ``finalize`` hook, before autoescaping).

    Line breaks stay (the page's own CSS keeps them), and so do the Unicode line separators,
    which a browser shows as white space; bidi marks stay (the page isolates each value with
    ``dir="auto"``); controls and overrides are shown as in ``terminal_line``; and
    a workflow command becomes a character reference, which a browser shows as the same
    character but a CI log printing the page never reads as a command. Anything that is not a
    ``str`` (the template's own markup, a number) is returned as it is.

    >>> html_text("a\x1b[2Jb\r\nc")
    'a\\x1b[2Jb\nc'
    >>> html_text("pay \u202eevil")
    'pay <U+202E>evil'
    >>> html_text("::x")
    Markup('&#58;:x')
    """
    if type(value) is not str or _html_clean(value):
        return value  # our own markup, a number, or (nearly always) clean text
    text = _HTML_RETURNS.sub("\n", value)
    text = _HTML_SHOWN.sub(lambda m: _shown(m.group()), text)
    if _HTML_COMMANDS.search(text):
        from markupsafe import Markup, escape  # only pages carry it; a terminal run never

        return Markup(_HTML_COMMANDS.sub(_html_reference, str(escape(text))))
    return text


def _html_clean(text: str) -> bool:
    """True when ``html_text`` has nothing to do in ``text``."""
    # Every character _HTML_ANY matches is unprintable, and str.isprintable runs at C speed:
    # this halved the check on the long texts of a large report. The single-character searches
    # are cheap (memchr) and spare the slower two- and three-character ones on most text.
    if text.isprintable() or not _HTML_ANY.search(text):
        return not (":" in text and WORKFLOW_COMMAND in text) and not (
            "#" in text and LEGACY_COMMAND in text
        )
    return False


def _html_reference(match: re.Match[str]) -> str:
    text = match.group()
    return text[:-1] + f"&#{ord(text[-1])};"


# -- Messages and file names ----------------------------------------------------------------

_ERROR_UNSAFE = _class(C0, DEL, C1, "\u2028\u2029", BIDI)


def error_line(message: str) -> str:
    r"""``message`` safe to print as one line of an error: every break and control an escape.

    Unlike ``terminal_line``, a line break is shown as ``\x0a`` rather than flattened to a
    space: an error quotes a value exactly, and the reader must see what the value holds.
    Messages start with ``plandiff:``, so no '::' can lead one.

    >>> error_line("a\nb\x1b[2J\u202e")
    'a\\x0ab\\x1b[2J<U+202E>'
    """
    if message.isprintable() and LEGACY_COMMAND not in message:
        return message
    shown = _ERROR_UNSAFE.sub(lambda m: _shown(m.group()), message)
    return shown.replace(LEGACY_COMMAND, _BROKEN_LEGACY)


def file_name(name: str) -> str:
    """A file name as a message quotes it: escaped as Python writes it, and never starting
    ``::`` even after spaces, which a CI log reads as a command (``./`` names the same file).

    Unlike ``error_line`` it may start a line (``FILE:LINE: not placed``), and a name is
    shown the way a shell user would type it back.

    >>> file_name("::warning::x.json")
    './::warning::x.json'
    """
    shown = name if name.isprintable() else repr(name)[1:-1]
    shown = shown.replace(LEGACY_COMMAND, _BROKEN_LEGACY)
    return "./" + shown if shown.lstrip().startswith(":") else shown


# -- Text files plandiff writes -------------------------------------------------------------


def text_file_line(text: str) -> str:
    r"""A value written into a text file people edit, print and commit (an exported plan), in
    an escaping that ``text_file_value`` reverses exactly.

    A backslash is doubled; every control character (C0, DEL, C1, so also tabs and line
    breaks), the line and paragraph separators, and spaces at either end (a reader strips
    them) are written ``\u{hex}``; the ``[`` of ``##[`` is written ``\u{5b}``, so that no line
    holds a runner's command. Bidirectional characters are kept, unlike a terminal line: they
    are the plan's own data and an editor shows them. The line's start is the caller's: the
    exporter writes a marker, or a backslash before text that would read as structure, which
    also keeps a leading ``::`` from reading as a command.

    >>> print(text_file_line("a\x1bb ##[x] \\ "))
    a\u{1b}b ##\u{5b}x] \\\u{20}
    >>> text_file_value(text_file_line("a\x1bb ##[x] \\ ")) == "a\x1bb ##[x] \\ "
    True
    """
    if not _TEXT_FILE_ACTIVE.search(text) and text == text.strip(" "):
        return text
    shown = text.replace("\\", "\\\\")
    shown = _TEXT_FILE_ESCAPED.sub(lambda m: f"\\u{{{ord(m.group()):x}}}", shown)
    shown = shown.replace(LEGACY_COMMAND, "##\\u{5b}")
    body = shown.strip(" ")
    if not body:
        return "\\u{20}" * len(shown)
    start = len(shown) - len(shown.lstrip(" "))
    end = len(shown) - len(shown.rstrip(" "))
    return "\\u{20}" * start + body + "\\u{20}" * end


def text_file_value(line: str) -> str:
    r"""The value ``text_file_line`` wrote: ``\\`` and ``\u{hex}`` read back, any other
    backslash kept as it is (a hand-written draft may hold one).

    >>> text_file_value(r"C:\\drafts\u{a}next \q")
    'C:\\drafts\nnext \\q'
    """
    if "\\" not in line:
        return line
    return _TEXT_FILE_ESCAPE.sub(_unescaped, line)


def _unescaped(match: re.Match[str]) -> str:
    code = match.group(1)
    if code is None:
        return "\\"
    value = int(code, 16)
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return match.group()  # no character: kept as written
    return chr(value)


_TEXT_FILE_ESCAPED = _class(C0, DEL, C1, "\u2028\u2029")
_TEXT_FILE_ACTIVE = re.compile(_TEXT_FILE_ESCAPED.pattern + r"|##\[|\\")
_TEXT_FILE_ESCAPE = re.compile(r"\\(?:\\|u\{([0-9a-fA-F]{1,6})\})")


_PLAIN_UNSAFE = _class(C0, DEL, C1, BIDI_OVERRIDES)
_SPACE = re.compile(r"\s+")


def plain_line(text: str) -> str:
    """One line of canonical text: white space collapsed, controls and overrides removed.

    Removed rather than shown, unlike every other medium: canonical text is what ``git diff``
    compares, and an escape would turn an invisible change into a visible word edit of
    another kind. Combine with ``ci_log_line`` when printing.

    >>> plain_line("a\\tb\\n\\x1b[31mc")
    'a b [31mc'
    """
    return _PLAIN_UNSAFE.sub("", _SPACE.sub(" ", text)).strip()


def raw_file_line(line: str) -> str:
    """A raw line of a file printed as it is (tabs as four spaces), controls removed, safe
    in a CI log: what ``git diff`` shows of a file that is not a valid plan."""
    return ci_log_line(_PLAIN_UNSAFE.sub("", line.replace("\t", "    ")))


# What may stand for itself in a Markdown link destination written as <...>; anything else
# is percent-encoded (UTF-8), so no character of the address can end the destination ('>'),
# escape one ('\\'), split a table cell ('|') or break the line; brackets too, so that no
# address spells the runner's '##[' command in a log that shows the Markdown.
_URL_KEPT = re.compile(r"[A-Za-z0-9\-._~:/?#@!$'()*+,;=%]")


def markdown_link_target(url: str) -> str | None:
    """An http(s) address as the destination of a Markdown link ``[text](<...>)``, or None.

    The one place plan data becomes a link: a source's address, never plan text. CommonMark
    decodes character references in a destination, so '&' is written '&amp;' and the link goes
    exactly where the address says.

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
