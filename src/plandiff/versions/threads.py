"""Follow provisions through a sequence of versions: the lineage rows behind history and synopsis.

Every provision of every version is a node; each change of each consecutive comparison links
its old and new provisions. A lineage row is one connected group of nodes, so the parts of a
split or a merge share the row of the provision they came from. A partial version leaves the
provisions it does not cover unlinked; a *bridge* (a comparison of the versions either side of
it) joins such a provision to the one that reappears after the gap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from plandiff.model.changes import ChangeKind, Comparison, Finding, ProvisionChange, ProvisionRef
from plandiff.model.lineage import Cell, LineageRow
from plandiff.model.plan import Plan

Node = tuple[int, int]  # (column, position of the provision in that version)


def lineage_rows(
    plans: Sequence[Plan],
    comparisons: Sequence[Comparison],
    bridges: Mapping[int, Comparison] | None = None,
) -> tuple[LineageRow, ...]:
    """One row per provision lineage over ``plans``; ``comparisons[i]`` compares plan i and i+1.

    ``bridges[i]``, for a partial plan i, compares plan i-1 with plan i+1: a provision plan i
    did not cover is joined to the provision added in plan i+1 that the bridge pairs it with.
    """
    if len(comparisons) != max(len(plans) - 1, 0):
        raise ValueError("need one comparison per consecutive pair of plans")
    refs = _refs(plans, comparisons)
    parent = {node: node for node in refs}

    def find(node: Node) -> Node:
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # path halving keeps the trees flat
            node = parent[node]
        return node

    for column, comparison in enumerate(comparisons):
        for change in comparison.changes:
            nodes = _nodes(column, change)
            for other in nodes[1:]:
                parent[find(other)] = find(nodes[0])
    bridged = _bridged(comparisons, bridges or {})
    for node, (over, change) in bridged.items():
        for ref in change.old:
            parent[find(node)] = find((over - 1, ref.position))
    members: dict[Node, list[Node]] = {}
    for node in sorted(refs):
        members.setdefault(find(node), []).append(node)
    order = _row_order(plans, find)
    return _build_rows(order, members, refs, comparisons, plans, (bridged, bridges or {}))


def _bridged(
    comparisons: Sequence[Comparison], bridges: Mapping[int, Comparison]
) -> dict[Node, tuple[int, ProvisionChange]]:
    """Provisions added after a partial version, each with the bridge change that pairs it with
    a provision the partial version did not cover (and the column of that version)."""
    found: dict[Node, tuple[int, ProvisionChange]] = {}
    for over, bridge in sorted(bridges.items()):
        if not 0 < over < len(comparisons):
            raise ValueError("a bridge spans a version between two others")
        unseen = {
            r.position
            for c in comparisons[over - 1].changes
            if c.kind is ChangeKind.NOT_COVERED
            for r in c.old
        }
        fresh = {
            r.position
            for c in comparisons[over].changes
            if c.kind is ChangeKind.ADDED
            for r in c.new
        }
        for change in bridge.changes:
            olds = {r.position for r in change.old}
            news = {r.position for r in change.new}
            if olds and news and olds <= unseen and news <= fresh:
                for position in news:
                    found[(over + 1, position)] = (over, change)
    return found


def _refs(plans: Sequence[Plan], comparisons: Sequence[Comparison]) -> dict[Node, ProvisionRef]:
    """How each provision stands, as the engine described it (or read from the plan)."""
    refs: dict[Node, ProvisionRef] = {}
    for column, comparison in enumerate(comparisons):
        for change in comparison.changes:
            for ref in change.old:
                refs[(column, ref.position)] = ref
            for ref in change.new:
                refs[(column + 1, ref.position)] = ref
    for column, plan in enumerate(plans):
        for position, p in enumerate(plan.provisions):
            if (column, position) not in refs:
                refs[(column, position)] = ProvisionRef(
                    number=p.number, key=p.key, position=position, heading=p.heading,
                    text=p.text, topics=p.topics,
                )  # fmt: skip
    return dict(sorted(refs.items()))


def _nodes(column: int, change: ProvisionChange) -> list[Node]:
    return [(column, r.position) for r in change.old] + [
        (column + 1, r.position) for r in change.new
    ]


def _row_order(plans: Sequence[Plan], find: Callable[[Node], Node]) -> list[Node]:
    """Rows in reading order: the first version's order, each newcomer after its predecessor.

    A linked list keeps insertion linear in the number of provisions.
    """
    head: Node = (-1, -1)
    following: dict[Node, Node | None] = {head: None}
    for column, plan in enumerate(plans):
        after = head
        for position in range(len(plan.provisions)):
            root = find((column, position))
            if root not in following:
                following[root] = following[after]
                following[after] = root
            after = root
    order: list[Node] = []
    node = following[head]
    while node is not None:
        order.append(node)
        node = following[node]
    return order


def _build_rows(
    order: list[Node],
    members: dict[Node, list[Node]],
    refs: dict[Node, ProvisionRef],
    comparisons: Sequence[Comparison],
    plans: Sequence[Plan],
    bridging: tuple[dict[Node, tuple[int, ProvisionChange]], Mapping[int, Comparison]],
) -> tuple[LineageRow, ...]:
    bridged, bridges = bridging
    # (index of the comparison, node) -> the changes of that comparison that involve the node
    touching: dict[tuple[int, Node], list[ProvisionChange]] = {}
    for index, comparison in enumerate(comparisons):
        for change in comparison.changes:
            for node in _nodes(index, change):
                touching.setdefault((index, node), []).append(change)
    findings_of = [_findings_by_change(c) for c in comparisons]
    bridge_findings = {over: _findings_by_change(c) for over, c in bridges.items()}
    rows: list[LineageRow] = []
    taken: set[str] = set()
    for root in order:
        nodes = members[root]
        cells = []
        for column, plan in enumerate(plans):
            here = sorted((refs[n] for n in nodes if n[0] == column), key=lambda r: r.position)
            subpoints = [s for r in here for s in plan.provisions[r.position].subpoints]
            changes: dict[str, ProvisionChange] = {}
            findings: list[tuple[int, Finding]] = []
            across = [bridged[n] for n in nodes if n[0] == column and n in bridged]
            if across:
                # The previous version did not cover it: say what changed since the one before.
                for _, change in across:
                    changes.setdefault(change.id, change)
                for change_id in changes:
                    findings.extend(bridge_findings[across[0][0]].get(change_id, []))
            elif column:
                for node in nodes:
                    for change in touching.get((column - 1, node), []):
                        changes.setdefault(change.id, change)
                for change_id in changes:
                    findings.extend(findings_of[column - 1].get(change_id, []))
            cells.append(
                Cell(
                    plan_id=plan.id,
                    status=_status(here, changes.values()),
                    provisions=tuple(here),
                    subpoints=tuple(subpoints),
                    changes=tuple(changes.values()),
                    findings=tuple(f for _, f in sorted(findings, key=lambda pair: pair[0])),
                    bridged_from=plans[across[0][0] - 1].id if across else None,
                )
            )
        row_id, label = _name(nodes, refs, taken)
        rows.append(LineageRow(id=row_id, label=label, cells=tuple(cells)))
    return tuple(rows)


def _status(
    here: Sequence[ProvisionRef], changes: Iterable[ProvisionChange]
) -> Literal["present", "not-covered", "removed", "absent"]:
    """Whether the lineage is in a version, and if not, whether its fate is known."""
    if here:
        return "present"
    kinds = {c.kind for c in changes}
    if ChangeKind.NOT_COVERED in kinds:
        return "not-covered"
    return "removed" if ChangeKind.REMOVED in kinds else "absent"


def _findings_by_change(comparison: Comparison) -> dict[str, list[tuple[int, Finding]]]:
    """Change id -> its findings with their rank, so that each cell keeps the worst-first order."""
    found: dict[str, list[tuple[int, Finding]]] = {}
    for rank, finding in enumerate(comparison.findings):
        found.setdefault(finding.change_id, []).append((rank, finding))
    return found


def _name(nodes: list[Node], refs: dict[Node, ProvisionRef], taken: set[str]) -> tuple[str, str]:
    keyed = [key for n in nodes if (key := refs[n].key)]
    first = refs[nodes[0]]
    label = keyed[0] if keyed else f"point {first.number}"
    wanted = keyed[0] if keyed else f"v{nodes[0][0] + 1}-{first.number}"
    row_id, n = wanted, 1
    while row_id in taken:
        n += 1
        row_id = f"{wanted}-{n}"
    taken.add(row_id)
    return row_id, label
