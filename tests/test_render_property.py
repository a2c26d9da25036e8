"""Every renderer of the registry accepts any valid record, and its output stays inert and
deterministic: comparisons, histories, synopses, lineages and validation results alike."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from plandiff.model.changes import (
    ChangeKind,
    Comparison,
    Finding,
    KindCount,
    MatchedBy,
    MetadataChange,
    NumberChange,
    PlanInfo,
    ProvisionChange,
    ProvisionRef,
    SubPointChange,
    TopicSummary,
    WordEdit,
)
from plandiff.model.errors import Problem
from plandiff.model.lineage import (
    Cell,
    Lineage,
    LineageNode,
    LineageRow,
    ProvisionHistory,
    Synopsis,
)
from plandiff.model.options import CompareOptions
from plandiff.model.plan import SLUG, Completeness, Source
from plandiff.model.validation import FileCheck, Status, Validation
from plandiff.model.vocabulary import Severity
from plandiff.output import FORMATS, RECORDS, REGISTRY, formats, record_type, render
from plandiff.output.jsondoc import document_bytes
from test_render_markdown import MARKDOWN_TAGS, OWN_TAGS, to_html

# Any characters at all, controls and bidirectional overrides included (no lone surrogates:
# those cannot be written as UTF-8 by any renderer and never come out of a JSON plan file).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=25)
SHORT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=6)
UNIT = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
FINITE = st.floats(allow_nan=False, allow_infinity=False)

refs = st.builds(
    ProvisionRef,
    number=SHORT,
    key=st.none() | SHORT,
    position=st.integers(0, 1000),
    heading=st.none() | TEXT,
    text=TEXT,
    topics=st.tuples() | st.tuples(SHORT),
)
edits = st.lists(
    st.builds(
        WordEdit, op=st.sampled_from(["equal", "insert", "delete", "replace"]), old=TEXT, new=TEXT
    ),
    max_size=4,
).map(tuple)
leaf_subpoints = st.builds(
    SubPointChange,
    kind=st.sampled_from(ChangeKind),
    old_label=st.none() | SHORT,
    new_label=st.none() | SHORT,
    edits=edits,
)
subpoints = st.builds(
    SubPointChange,
    kind=st.sampled_from(ChangeKind),
    old_label=st.none() | SHORT,
    new_label=st.none() | SHORT,
    edits=edits,
    children=st.lists(leaf_subpoints, max_size=2).map(tuple),
)
provision_changes = st.builds(
    ProvisionChange,
    id=SHORT,
    kind=st.sampled_from(ChangeKind),
    old=st.lists(refs, max_size=2).map(tuple),
    new=st.lists(refs, max_size=2).map(tuple),
    matched_by=st.none() | st.sampled_from(MatchedBy),
    confidence=UNIT,
    reworded=st.booleans(),
    renumbered=st.booleans(),
    moved=st.booleans(),
    heading_changed=st.booleans(),
    edits=edits,
    edits_capped=st.booleans(),
    subpoints=st.lists(subpoints, max_size=2).map(tuple),
    topics=st.tuples() | st.tuples(SHORT),
    note=st.none() | TEXT,
)
numbers = st.builds(
    NumberChange,
    quantity=SHORT,
    old_value=st.none() | FINITE,
    new_value=st.none() | FINITE,
    old_text=st.none() | TEXT,
    new_text=st.none() | TEXT,
    delta=st.none() | FINITE,
    percent=st.none() | FINITE,
)
plan_infos = st.builds(
    PlanInfo,
    id=SHORT,
    title=TEXT,
    version=TEXT,
    date=st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    parent=st.none() | SHORT,
    parties=st.lists(TEXT, max_size=2).map(tuple),
    sources=st.lists(
        st.builds(
            Source,
            id=st.from_regex(SLUG, fullmatch=True).filter(lambda s: len(s) <= 100),
            title=st.just("A title"),
            url=st.just("https://example.org/a"),
            accessed=st.none() | st.dates(),
            publisher=st.none() | st.just("Publisher"),
        ),
        max_size=2,
    ).map(tuple),
    completeness=st.sampled_from(Completeness),
    completeness_note=st.none() | TEXT,
    provision_count=st.integers(0, 500),
)
options = st.builds(
    CompareOptions,
    similarity_threshold=UNIT,
    number_threshold=UNIT,
    move_threshold=UNIT,
    split_merge_threshold=UNIT,
    word_diff_cap=st.integers(10, 10**6),
)


@st.composite
def comparisons(draw: st.DrawFn) -> Comparison:
    changes = tuple(draw(st.lists(provision_changes, max_size=5)))
    ids = [c.id for c in changes] or ["nowhere"]
    findings = draw(
        st.lists(
            st.builds(
                Finding,
                rule=SHORT,
                severity=st.sampled_from(Severity),
                message=TEXT,
                change_id=st.sampled_from(ids) | SHORT,
                number=st.none() | numbers,
                term=st.none() | TEXT,
            ),
            max_size=3,
        )
    )
    return Comparison(
        old=draw(plan_infos),
        new=draw(plan_infos),
        options=draw(options),
        changes=changes,
        findings=tuple(findings),
        counts=tuple(
            draw(
                st.lists(
                    st.builds(KindCount, kind=st.sampled_from(ChangeKind), count=st.integers(0, 9)),
                    max_size=3,
                )
            )
        ),
        topics=tuple(
            draw(
                st.lists(
                    st.builds(
                        TopicSummary,
                        topic=SHORT,
                        changed=st.integers(0, 9),
                        unchanged=st.integers(0, 9),
                        findings=st.integers(0, 9),
                    ),
                    max_size=2,
                )
            )
        ),
        metadata=tuple(
            draw(
                st.lists(
                    st.builds(
                        MetadataChange,
                        path=SHORT,
                        change=st.sampled_from(["changed", "added", "removed"]),
                        old=st.none() | TEXT,
                        new=st.none() | TEXT,
                    ),
                    max_size=2,
                )
            )
        ),
    )


CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(comparisons())
def test_every_renderer_accepts_any_comparison(comparison: Comparison) -> None:
    for fmt in FORMATS:
        text = render(comparison, fmt)
        assert text.endswith("\n")
        assert text == render(comparison, fmt)
        assert not any(line.lstrip().startswith("::") for line in text.splitlines()), fmt
        if fmt in ("terminal", "markdown", "json"):
            assert not CONTROLS.search(text), fmt
    html = to_html(render(comparison, "markdown"))
    assert set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html)) <= OWN_TAGS | MARKDOWN_TAGS
    # The metadata details, and the unchanged provisions' when there are some.
    assert html.count("<details>") == html.count("</details>") in (1, 2)
    names = set(re.findall(r'<a name="([^"]*)"', html))
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert {h.removeprefix("#") for h in hrefs if h.startswith("#")} <= names
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)  # a source's address
    assert TypeAdapter(Comparison).validate_json(render(comparison, "json")) == comparison
    assert render(comparison, "terminal", color=True).count("\x1b[") % 2 == 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(comparisons())
def test_the_json_writer_gives_the_bytes_of_pydantics_serializer(comparison: Comparison) -> None:
    # The report was pydantic's serializer output; orjson over the records must not change a
    # byte of it: floats in every notation, escapes of controls, UTF-8 text, key order.
    expected = TypeAdapter(Comparison).dump_json(comparison, indent=2) + b"\n"
    assert document_bytes(comparison) == expected


findings = st.builds(
    Finding,
    rule=SHORT,
    severity=st.sampled_from(Severity),
    message=TEXT,
    change_id=SHORT,
    number=st.none() | numbers,
    term=st.none() | TEXT,
)


@st.composite
def lineage_rows(draw: st.DrawFn, versions: int) -> LineageRow:
    cells = [
        Cell(
            plan_id=draw(SHORT),
            provisions=tuple(draw(st.lists(refs, max_size=2))),
            changes=tuple(draw(st.lists(provision_changes, max_size=1))),
            findings=tuple(draw(st.lists(findings, max_size=1))),
            status=draw(st.sampled_from(["present", "not-covered", "removed", "absent"])),
            bridged_from=draw(st.none() | SHORT),
        )
        for _ in range(versions)
    ]
    return LineageRow(id=draw(SHORT), label=draw(TEXT), cells=tuple(cells))


@st.composite
def version_tables(draw: st.DrawFn) -> tuple[tuple[PlanInfo, ...], tuple[LineageRow, ...]]:
    versions = tuple(draw(st.lists(plan_infos, min_size=1, max_size=3)))
    rows = tuple(draw(st.lists(lineage_rows(len(versions)), max_size=3)))
    return versions, rows


histories = st.builds(
    lambda table, query: ProvisionHistory(query=query, versions=table[0], rows=table[1]),
    version_tables(),
    TEXT,
)
synopses = version_tables().map(lambda table: Synopsis(versions=table[0], rows=table[1]))
nodes = st.builds(LineageNode, plan=plan_infos, path=TEXT)
lineages = st.builds(
    Lineage,
    folder=TEXT,
    roots=st.lists(
        st.builds(
            LineageNode, plan=plan_infos, path=TEXT, children=st.lists(nodes, max_size=2).map(tuple)
        ),
        max_size=2,
    ).map(tuple),
)
problems = st.builds(
    Problem,
    file=TEXT,
    message=TEXT,
    line=st.none() | st.integers(1, 99),
    column=st.none() | st.integers(1, 99),
    pointer=st.none() | TEXT,
    provision=st.none() | TEXT,
)
validations = st.builds(
    Validation,
    checks=st.lists(
        st.builds(
            FileCheck,
            file=TEXT,
            status=st.sampled_from(Status),
            problems=st.lists(problems, max_size=2).map(tuple),
            provisions=st.none() | st.integers(0, 99),
        ),
        max_size=3,
    ).map(tuple),
)
RECORD_STRATEGIES = {
    "comparison": comparisons(),
    "history": histories,
    "synopsis": synopses,
    "lineage": lineages,
    "validation": validations,
}
# What a reader of each medium would obey: raw controls (tab and newline are layout) and
# bidi overrides; HTML keeps carriage returns' absence and tabs, so the same class holds.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_every_record_type_has_renderers_and_a_strategy() -> None:
    assert set(RECORD_STRATEGIES) == set(RECORDS) == {kind for kind, _ in REGISTRY}


@pytest.mark.parametrize("kind", sorted(RECORDS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_renderer_of_the_registry_accepts_any_record(kind: str, data: st.DataObject) -> None:
    record = data.draw(RECORD_STRATEGIES[kind])
    assert record_type(record) == kind
    for fmt in formats(kind):
        text = render(record, fmt)
        assert text == "" or text.endswith("\n"), fmt
        assert text == render(record, fmt), fmt
        lines = text.splitlines()
        assert not [line for line in lines if line.lstrip().startswith("::")], fmt
        assert "##[" not in text, fmt
        assert not RAW.search(text), (fmt, RAW.findall(text))
        if fmt == "json":
            assert not re.search("[\x85\u2028\u2029\u061c\u200e\u200f]", text), fmt
            json.loads(text)
