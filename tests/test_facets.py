"""A change carries every facet that applies, and every report counts and shows them all."""

from __future__ import annotations

import json
import re

import builders
from plandiff.model.changes import ChangeKind, Facet, FacetCount
from plandiff.model.plan import Plan
from plandiff.output import render
from plandiff.pipeline.compare import compare

CAP_OLD = "The armed forces of Ukraine will be limited to 600,000 personnel."
CAP_NEW = "The armed forces of Ukraine will be limited to 800,000 personnel."
OTHER = [
    "Ukraine's sovereignty will be confirmed by all parties to this agreement.",
    "Ukraine will receive reliable security guarantees from the United States.",
    "Elections will be held in Ukraine within 100 days after the signing.",
]


def plan(pid: str, texts: list[str], subpoints: dict[int, list[str]] | None = None) -> Plan:
    given = [
        (text, [(chr(96 + k), t) for k, t in enumerate((subpoints or {}).get(n, []), 1)])
        for n, text in enumerate(texts, 1)
    ]
    return builders.plan(pid, given, provenance="confirmed")


def renumbered_cap() -> tuple[Plan, Plan]:
    # A provision is inserted before the cap, so the cap is renumbered 2 → 3 and reworded.
    old = plan("a", [OTHER[0], CAP_OLD, OTHER[1], OTHER[2]])
    new = plan("b", [OTHER[0], "A new point on the exchange of prisoners, all for all.",
                     CAP_NEW, OTHER[1], OTHER[2]])  # fmt: skip
    return old, new


def test_a_reworded_and_renumbered_provision_carries_both_facets() -> None:
    cmp = compare(*renumbered_cap())
    (cap,) = [c for c in cmp.changes if c.new and c.new[0].text == CAP_NEW]
    assert cap.kind is ChangeKind.RENUMBERED
    assert cap.facets == (Facet.REWORDED, Facet.RENUMBERED)
    reworded = next(f for f in cmp.facets if f.facet is Facet.REWORDED)
    assert reworded == FacetCount(
        facet=Facet.REWORDED, count=1, also=(FacetCount(facet=Facet.RENUMBERED, count=1),)
    )


def test_every_report_counts_the_rewording_a_renumbering_would_hide() -> None:
    cmp = compare(*renumbered_cap())
    said = "1 reworded, of which 1 also renumbered"
    assert f"Paired provisions: {said}" in render(cmp, "terminal")
    assert f"Paired provisions, whatever their kind: {said}" in render(cmp, "markdown")
    html = render(cmp, "html")
    glance = html.split('id="summary-title"', 1)[1].split("</section>", 1)[0]
    assert re.search(
        r'facet-reworded"><span class="badge">reworded</span> <span class="n">1<', glance
    )
    assert "of which 1 also renumbered" in glance
    assert json.loads(render(cmp, "json"))["facets"][0] == {
        "facet": "reworded", "count": 1, "also": [{"facet": "renumbered", "count": 1, "also": []}],
    }  # fmt: skip


def test_a_changed_sub_point_is_a_facet_shown_beside_the_row() -> None:
    old = plan("a", [CAP_OLD], {1: ["Crimea is recognised.", "Donetsk is ceded."]})
    new = plan("b", [CAP_OLD], {1: ["Crimea is recognised."]})
    cmp = compare(old, new)
    (change,) = cmp.changes
    assert change.facets == (Facet.REWORDED, Facet.SUBPOINTS_CHANGED)
    assert "sub-points changed" in render(cmp, "terminal")
    assert "sub-points changed" in render(cmp, "markdown")
    assert "sub-points changed" in render(cmp, "html")
