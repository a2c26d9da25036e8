"""``plandiff log``: the lineage of a plan library as a tree (text) or as JSON."""

from __future__ import annotations

import json
from typing import Any

from plandiff.model.lineage import Lineage, LineageNode
from plandiff.output.jsondoc import inert_json
from plandiff.util.inert import visible

MAX_DRAWN_DEPTH = 32
"""Deepest level the text tree indents; deeper versions are drawn at that indentation, so
that a lineage thousands of versions deep prints lines of bounded width."""


def render_log(lineage: Lineage, fmt: str = "text") -> str:
    """The lineage as an indented tree, one version a line, or as the JSON record.

    Each line gives the id, date, completeness, number of provisions, version label and file.
    """
    if fmt == "json":
        return inert_json(_indented_json(_lineage_document(lineage))) + "\n"
    rows: list[tuple[str, str]] = []
    # Depth first with a stack of its own: a lineage can be deeper than Python's recursion.
    stack: list[tuple[LineageNode, str, str]] = [(r, "", "") for r in reversed(lineage.roots)]
    while stack:
        node, lead, rest = stack.pop()
        rows.append((f"{lead}{node.plan.id}", _facts(node)))
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


def _lineage_document(lineage: Lineage) -> dict[str, Any]:
    """``lineage.model_dump(mode="json")``, built without recursion (pydantic's serializer
    refuses a nesting a few hundred versions deep)."""
    shallow = lineage.model_dump(mode="json", exclude={"roots"})
    documents: dict[int, dict[str, Any]] = {}
    order: list[LineageNode] = []
    stack = list(lineage.roots)
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.children)
    for node in reversed(order):  # children before their parents
        documents[id(node)] = {
            "plan": node.plan.model_dump(mode="json"),
            "path": node.path,
            "children": [documents.pop(id(child)) for child in node.children],
        }
    return {**shallow, "roots": [documents.pop(id(root)) for root in lineage.roots]}


def _indented_json(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)`` with a stack instead of recursion,
    and indentation that stops growing where the text tree's does (``MAX_DRAWN_DEPTH``
    versions, two JSON levels each): still valid JSON, of a size linear in the lineage's.

    >>> _indented_json({"a": [1, {}], "b": []}) == json.dumps(
    ...     {"a": [1, {}], "b": []}, indent=2, ensure_ascii=False)
    True
    """
    out: list[str] = []
    # Each task is text to write as it is (a str) or a value to write at a depth.
    tasks: list[str | tuple[Any, int]] = [(value, 0)]
    while tasks:
        task = tasks.pop()
        if isinstance(task, str):
            out.append(task)
            continue
        item, depth = task
        if isinstance(item, dict) and item:
            pairs = [(json.dumps(k, ensure_ascii=False) + ": ", v) for k, v in item.items()]
            opener, closer = "{", "}"
        elif isinstance(item, list) and item:
            pairs = [("", v) for v in item]
            opener, closer = "[", "]"
        else:
            out.append(json.dumps(item, ensure_ascii=False))
            continue
        pad = "\n" + "  " * min(depth + 1, 2 * MAX_DRAWN_DEPTH)
        tasks.append("\n" + "  " * min(depth, 2 * MAX_DRAWN_DEPTH) + closer)
        for index in reversed(range(len(pairs))):
            key, child = pairs[index]
            tasks.append((child, depth + 1))
            tasks.append(("," if index else opener) + pad + key)
    return "".join(out)
