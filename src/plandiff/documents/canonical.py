"""A plan as canonical, stably wrapped text: what ``git diff`` shows through the textconv driver.

Every provision is one block that starts with a ``§`` line, so a reworded provision shows up
as a few changed lines under its own number and git can name the provision in hunk headers.
Plan text is always indented or behind a fixed prefix, and control characters are removed, so
nothing in a plan can start a CI workflow command or drive a terminal.

>>> from plandiff.documents.load import load_plan_text
>>> plan = load_plan_text('{"id": "p", "title": "P", "version": "v1", "date": "2025-01-02", '
...     '"completeness": "full", "provisions": [{"number": "1", "text": "Peace.", '
...     '"provenance": "confirmed"}]}', "p.json")
>>> print(canonical_text(plan), end="")
plan: p
title: P
version: v1
date: 2025-01-02
completeness: full
<BLANKLINE>
§ 1
    Peace.
    [confirmed]
"""

from __future__ import annotations

import re
import textwrap

from plandiff.model.plan import Plan, Provision, SubPoint

WIDTH = 78
INDENT = "    "
# The marker git's hunk headers look for (``diff.plandiff.xfuncname``).
BLOCK_MARK = "§ "

# C0/C1 controls and the bidirectional embedding, override and isolate characters, which
# could make a terminal show text in an order other than the one stored.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")
# The Actions runner reads a line as a workflow command when, after leading white space, it
# starts with '::', and (the older syntax) when '##[' appears anywhere in it.
_WORKFLOW = re.compile(r"^(\s*):(?=:)")


def ci_safe(line: str) -> str:
    r"""``line`` as it should be printed where a CI runner reads commands from the log.

    >>> ci_safe("   ::error::x ##[warning]y")
    '   \\::error::x ##\\[warning]y'
    """
    return _WORKFLOW.sub(r"\1\\:", line.replace("##[", "##\\["))


def clean(text: str) -> str:
    """One line of text: runs of white space become one space, control characters go.

    >>> clean("a\\tb\\n\\x1b[31mc")
    'a b [31mc'
    """
    return _UNSAFE.sub("", _SPACE.sub(" ", text)).strip()


def strip_controls(line: str) -> str:
    """``line`` with control characters removed and spacing kept (for raw lines of a file)."""
    return ci_safe(_UNSAFE.sub("", line.replace("\t", "    ")))


def canonical_text(plan: Plan) -> str:
    """The whole plan as canonical text, ending in a newline; the same plan gives the same bytes."""
    lines = [f"plan: {plan.id}"]
    lines += _wrap(f"title: {clean(plan.title)}", "", INDENT)
    lines += _wrap(f"version: {clean(plan.version)}", "", INDENT)
    lines.append(f"date: {plan.date.isoformat()}")
    if plan.parent:
        lines.append(f"parent: {plan.parent}")
    for party in plan.parties:
        lines += _wrap(f"party: {clean(party)}", "", INDENT)
    for source in plan.sources:
        text = f"source: [{source.id}] {clean(source.title)} <{clean(source.url)}>"
        lines += _wrap(text, "", INDENT)
    completeness = plan.completeness.value
    if plan.completeness_note:
        completeness += f" ({clean(plan.completeness_note)})"
    lines += _wrap(f"completeness: {completeness}", "", INDENT)
    for provision in plan.provisions:
        lines.append("")
        lines += provision_block(provision)
    return "".join(ci_safe(line) + "\n" for line in lines)


def provision_block(provision: Provision) -> list[str]:
    """The lines of one provision: its ``§`` line, heading, text, sub-points and particulars."""
    title = BLOCK_MARK + provision.number
    if provision.key:
        title += f" ({provision.key})"
    lines = [title]
    if provision.heading:
        lines += _wrap(f"## {clean(provision.heading)}", INDENT, INDENT + "   ")
    lines += _wrap(clean(provision.text), INDENT, INDENT)
    for sub in provision.subpoints:
        lines += _subpoint(sub, INDENT)
    particulars = [provision.provenance.value]
    if provision.topics:
        particulars.append("topics: " + ", ".join(provision.topics))
    if provision.sources:
        particulars.append("sources: " + ", ".join(provision.sources))
    lines.append(f"{INDENT}[{'; '.join(particulars)}]")
    if provision.note:
        lines += _wrap(f"note: {clean(provision.note)}", INDENT, INDENT + "      ")
    return lines


def _subpoint(sub: SubPoint, indent: str) -> list[str]:
    head = f"({sub.label}) "
    lines = _wrap(head + clean(sub.text), indent, indent + " " * len(head))
    for child in sub.subpoints:
        lines += _subpoint(child, indent + " " * len(head))
    return lines


def _wrap(text: str, first: str, rest: str) -> list[str]:
    # Long words (URLs) are never broken and hyphens never split words, so the same words
    # always wrap the same way and a one-word edit touches as few lines as possible.
    wrapper = textwrap.TextWrapper(
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapper.wrap(text) or [first.rstrip()]
