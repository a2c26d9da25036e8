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

import textwrap

from plandiff.model.plan import Plan, Provision, SubPoint
from plandiff.util.inert import ci_log_line, plain_line

WIDTH = 78
INDENT = "    "
# The marker git's hunk headers look for (``diff.plandiff.xfuncname``).
BLOCK_MARK = "§ "


def canonical_text(plan: Plan) -> str:
    """The whole plan as canonical text, ending in a newline; the same plan gives the same bytes."""
    lines = [f"plan: {plan.id}"]
    lines += _wrap(f"title: {plain_line(plan.title)}", "", INDENT)
    lines += _wrap(f"version: {plain_line(plan.version)}", "", INDENT)
    lines.append(f"date: {plan.date.isoformat()}")
    if plan.parent:
        lines.append(f"parent: {plan.parent}")
    for party in plan.parties:
        lines += _wrap(f"party: {plain_line(party)}", "", INDENT)
    for source in plan.sources:
        text = f"source: [{source.id}] {plain_line(source.title)} <{plain_line(source.url)}>"
        lines += _wrap(text, "", INDENT)
    completeness = plan.completeness.value
    if plan.completeness_note:
        completeness += f" ({plain_line(plan.completeness_note)})"
    lines += _wrap(f"completeness: {completeness}", "", INDENT)
    for provision in plan.provisions:
        lines.append("")
        lines += provision_block(provision)
    return "".join(ci_log_line(line) + "\n" for line in lines)


def provision_block(provision: Provision) -> list[str]:
    """The lines of one provision: its ``§`` line, heading, text, sub-points and particulars."""
    title = BLOCK_MARK + provision.number
    if provision.key:
        title += f" ({provision.key})"
    lines = [title]
    if provision.heading:
        lines += _wrap(f"## {plain_line(provision.heading)}", INDENT, INDENT + "   ")
    lines += _wrap(plain_line(provision.text), INDENT, INDENT)
    for sub in provision.subpoints:
        lines += _subpoint(sub, INDENT)
    particulars = [provision.provenance.value]
    if provision.topics:
        particulars.append("topics: " + ", ".join(provision.topics))
    if provision.sources:
        particulars.append("sources: " + ", ".join(provision.sources))
    lines.append(f"{INDENT}[{'; '.join(particulars)}]")
    if provision.note:
        lines += _wrap(f"note: {plain_line(provision.note)}", INDENT, INDENT + "      ")
    return lines


def _subpoint(sub: SubPoint, indent: str) -> list[str]:
    head = f"({sub.label}) "
    lines = _wrap(head + plain_line(sub.text), indent, indent + " " * len(head))
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
