"""``plandiff log``: the lineage of a plan library as a tree (text) or as JSON."""

from __future__ import annotations

import orjson

from plandiff.model.lineage import Lineage, LineageNode
from plandiff.output.jsondoc import document_bytes
from plandiff.util.inert import terminal_line as visible

MAX_DRAWN_DEPTH = 32
"""Deepest level the text tree indents; deeper versions are drawn at that indentation, so
that a lineage thousands of versions deep prints lines of bounded width."""


def render_log(lineage: Lineage, fmt: str = "text") -> str:
    """``lineage`` as one of the formats the registry has for it (``plandiff.output``)."""
    from plandiff.output import render

    return render(lineage, fmt)


def log_text(lineage: Lineage) -> str:
    """The lineage as an indented tree, one version a line.

    Each line gives the id, date, completeness, number of provisions, version label and file.
    """
    rows: list[tuple[str, str]] = []
    # Depth first with a stack of its own: a lineage can be deeper than Python's recursion.
    stack: list[tuple[LineageNode, str, str]] = [(r, "", "") for r in reversed(lineage.roots)]
    while stack:
        node, lead, rest = stack.pop()
        rows.append((f"{lead}{visible(node.plan.id)}", _facts(node)))
        deeper = len(rest) < 4 * MAX_DRAWN_DEPTH
        for index in reversed(range(len(node.children))):
            last = index == len(node.children) - 1
            branch, below = ("└── ", "    ") if last else ("├── ", "│   ")
            stack.append((node.children[index], rest + branch, rest + below if deeper else rest))
    width = max((len(label) for label, _ in rows), default=0)
    return "".join(f"{label:<{width}}  {rest}\n" for label, rest in rows)


def _facts(node: LineageNode) -> str:
    plan = node.plan
    count = f"{plan.provision_count} provision{'s' if plan.provision_count != 1 else ''}"
    return (
        f"{plan.date.isoformat()}  {plan.completeness.value:<7}  {count:>14}"
        f"  {visible(plan.version)}  ({visible(node.path)})"
    )


def lineage_json(lineage: Lineage) -> bytes:
    """``document_bytes(lineage)``, written with a stack instead of recursion (orjson refuses
    a nesting deeper than 255), and with indentation that stops growing where the text tree's
    does (``MAX_DRAWN_DEPTH`` versions, two JSON levels each): still valid JSON, of a size
    linear in the lineage's however deep it is."""
    head = document_bytes(Lineage(folder=lineage.folder, roots=()))
    assert head.endswith(b'"roots": []\n}\n')
    out = [head[: -len(b"[]\n}\n")]]
    # Each task is bytes to write as they are, or the nodes of one list at a JSON depth.
    tasks: list[bytes | tuple[tuple[LineageNode, ...], int]] = [b"\n}\n", (lineage.roots, 1)]
    while tasks:
        task = tasks.pop()
        if isinstance(task, bytes):
            out.append(task)
            continue
        nodes, depth = task
        if not nodes:
            out.append(b"[]")
            continue
        tasks.append(_pad(depth) + b"]")
        for index in reversed(range(len(nodes))):
            node, inner = nodes[index], _pad(depth + 2)
            plan = document_bytes(node.plan)[:-1].replace(b"\n", inner)
            fields = (b'"plan": ' + plan, b'"path": ' + orjson.dumps(node.path), b'"children": ')
            tasks.append(_pad(depth + 1) + b"}")
            tasks.append((node.children, depth + 2))
            opener = (b"," if index else b"[") + _pad(depth + 1) + b"{" + inner
            tasks.append(opener + (b"," + inner).join(fields))
    return b"".join(out)


def _pad(depth: int) -> bytes:
    return b"\n" + b"  " * min(depth, 2 * MAX_DRAWN_DEPTH)
