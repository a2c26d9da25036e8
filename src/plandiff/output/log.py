"""``plandiff log``: the lineage of a plan library as a tree (text) or as JSON."""

from __future__ import annotations

from plandiff.model.lineage import Lineage, LineageNode
from plandiff.output.jsondoc import document_bytes, inert_json
from plandiff.util.inert import visible


def render_log(lineage: Lineage, fmt: str = "text") -> str:
    """The lineage as an indented tree, one version a line, or as the JSON record.

    Each line gives the id, date, completeness, number of provisions, version label and file.
    """
    if fmt == "json":
        return inert_json(document_bytes(lineage).decode("utf-8"))
    rows: list[tuple[str, str]] = []
    for root in lineage.roots:
        _tree(root, "", "", rows)
    width = max((len(label) for label, _ in rows), default=0)
    return "".join(f"{label:<{width}}  {rest}\n" for label, rest in rows)


def _tree(node: LineageNode, lead: str, rest: str, rows: list[tuple[str, str]]) -> None:
    plan = node.plan
    count = f"{plan.provision_count} provision{'s' if plan.provision_count != 1 else ''}"
    rows.append(
        (
            f"{lead}{plan.id}",
            f"{plan.date.isoformat()}  {plan.completeness.value:<7}  {count:>14}"
            f"  {visible(plan.version)}  ({visible(node.path)})",
        )
    )
    for index, child in enumerate(node.children):
        last = index == len(node.children) - 1
        branch, below = ("└── ", "    ") if last else ("├── ", "│   ")
        _tree(child, rest + branch, rest + below, rows)
