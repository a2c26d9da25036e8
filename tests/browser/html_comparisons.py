"""Hand-built comparisons for the HTML report's tests: a varied one and a hostile one."""

from __future__ import annotations

import datetime as dt

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
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Completeness, Source
from plandiff.model.vocabulary import Severity

K = ChangeKind


def ref(number: str, position: int, text: str, **extra: object) -> ProvisionRef:
    return ProvisionRef(number=number, position=position, text=text, **extra)  # type: ignore[arg-type]


def eq(text: str) -> WordEdit:
    return WordEdit(op="equal", old=text, new=text)


def rep(old: str, new: str) -> WordEdit:
    return WordEdit(op="replace", old=old, new=new)


def ins(text: str) -> WordEdit:
    return WordEdit(op="insert", new=text)


def dele(text: str) -> WordEdit:
    return WordEdit(op="delete", old=text)


def info(ident: str, version: str, day: int, count: int, **extra: object) -> PlanInfo:
    fields: dict[str, object] = {
        "id": ident,
        "title": "Plan for ending the war",
        "version": version,
        "date": dt.date(2025, 11, day),
        "parent": None,
        "parties": ("United States", "Ukraine"),
        "sources": (
            Source(
                id="report",
                title="Text as reported",
                url="https://example.org/plan",
                publisher="Example News",
                accessed=dt.date(2025, 11, 24),
            ),
        ),
        "completeness": Completeness.FULL,
        "completeness_note": None,
        "provision_count": count,
    }
    fields.update(extra)
    return PlanInfo(**fields)  # type: ignore[arg-type]


def counts(changes: tuple[ProvisionChange, ...]) -> tuple[KindCount, ...]:
    return tuple(
        KindCount(kind=k, count=sum(c.kind is k for c in changes))
        for k in ChangeKind
        if any(c.kind is k for c in changes)
    )


def varied() -> Comparison:
    """One provision of each common kind, a finding per severity, sub-points and topics."""
    cap_old = "Ukraine's armed forces are capped at 600,000 personnel."
    cap_new = "Ukraine's armed forces are capped at 800,000 personnel in peacetime."
    nato_old = "Ukraine enshrines in its constitution that it will not join NATO."
    changes = (
        ProvisionChange(
            id="p-1",
            kind=K.UNCHANGED,
            old=(ref("1", 0, "The sovereignty of Ukraine is confirmed."),),
            new=(ref("1", 0, "The sovereignty of Ukraine is confirmed."),),
            matched_by=MatchedBy.TEXT,
            confidence=1.0,
            edits=(eq("The sovereignty of Ukraine is confirmed."),),
            topics=("sovereignty",),
        ),
        ProvisionChange(
            id="p-2",
            kind=K.MODIFIED,
            old=(ref("2", 1, cap_old, heading="Armed forces"),),
            new=(ref("2", 1, cap_new, heading="Armed forces"),),
            matched_by=MatchedBy.KEY,
            confidence=0.86,
            reworded=True,
            edits=(
                eq("Ukraine's armed forces are capped at "),
                rep("600,000", "800,000"),
                eq(" personnel"),
                ins(" in peacetime"),
                eq("."),
            ),
            topics=("military",),
            subpoints=(
                SubPointChange(
                    kind=K.UNCHANGED,
                    old_label="a",
                    new_label="a",
                    edits=(eq("Ground forces included."),),
                ),
                SubPointChange(
                    kind=K.ADDED, old_label=None, new_label="b", edits=(ins("Reserves excluded."),)
                ),
            ),
        ),
        ProvisionChange(
            id="old-3",
            kind=K.REMOVED,
            old=(ref("3", 2, nato_old),),
            new=(),
            confidence=0.0,
            edits=(dele(nato_old),),
            topics=("nato", "security"),
        ),
        ProvisionChange(
            id="p-4",
            kind=K.MOVED,
            old=(ref("7", 6, "Sanctions are lifted in stages."),),
            new=(ref("4", 3, "Sanctions are lifted in stages as agreed."),),
            matched_by=MatchedBy.SIMILARITY,
            confidence=0.78,
            reworded=True,
            moved=True,
            renumbered=True,
            edits=(eq("Sanctions are lifted in stages"), ins(" as agreed"), eq(".")),
            topics=("sanctions",),
        ),
        ProvisionChange(
            id="p-5",
            kind=K.RENUMBERED,
            old=(ref("4", 3, "Elections are held within 100 days."),),
            new=(ref("5", 4, "Elections are held within 100 days."),),
            matched_by=MatchedBy.TEXT,
            confidence=1.0,
            renumbered=True,
            edits=(eq("Elections are held within 100 days."),),
            topics=("elections",),
        ),
        ProvisionChange(
            id="p-6",
            kind=K.ADDED,
            old=(),
            new=(ref("6", 5, "A joint commission oversees the ceasefire."),),
            confidence=0.0,
            edits=(ins("A joint commission oversees the ceasefire."),),
            topics=("security",),
        ),
    )
    return Comparison(
        old=info("draft", "28-point draft", 20, 7),
        new=info(
            "revision", "Geneva revision", 23, 6, parties=("United States", "Ukraine", "Europe")
        ),
        options=CompareOptions(),
        changes=changes,
        findings=(
            Finding(
                rule="number-changed",
                severity=Severity.ERROR,
                change_id="p-2",
                message="Cap on the armed forces raised",
                number=NumberChange(
                    quantity="personnel",
                    old_value=600000,
                    new_value=800000,
                    old_text="600,000",
                    new_text="800,000",
                    delta=200000,
                    percent=33.3,
                ),
            ),
            Finding(
                rule="term-removed",
                severity=Severity.WARNING,
                change_id="old-3",
                message="NATO no longer mentioned",
                term="NATO",
            ),
            Finding(
                rule="term-changed",
                severity=Severity.INFO,
                change_id="p-4",
                message="Sanctions wording changed",
                term="sanctions",
            ),
        ),
        counts=counts(changes),
        topics=(
            TopicSummary(topic="elections", changed=1, unchanged=0, findings=0),
            TopicSummary(topic="military", changed=1, unchanged=0, findings=1),
            TopicSummary(topic="nato", changed=1, unchanged=0, findings=1),
            TopicSummary(topic="sanctions", changed=1, unchanged=0, findings=1),
            TopicSummary(topic="security", changed=2, unchanged=0, findings=1),
            TopicSummary(topic="sovereignty", changed=0, unchanged=1, findings=0),
        ),
        metadata=(MetadataChange(path="parties[2]", change="added", old=None, new="Europe"),),
    )


HOSTILE = (
    '<script>document.title="pwned"</script> '
    "<img src=x onerror=\"document.title='pwned'\"> "
    '<a href="javascript:alert(1)">click</a> "quotes" & ampersands'
)


def hostile() -> Comparison:
    """Plan text, headings, topics, notes and metadata all carrying markup and script."""
    changes = (
        ProvisionChange(
            id="p-1",
            kind=K.MODIFIED,
            old=(ref("1", 0, "Safe words.", heading=HOSTILE),),
            new=(ref("1", 0, f"Safe words. {HOSTILE}", heading=HOSTILE),),
            matched_by=MatchedBy.NUMBER,
            confidence=0.6,
            reworded=True,
            edits=(eq("Safe words."), ins(f" {HOSTILE}")),
            topics=(HOSTILE, "x</style><script>alert(1)</script>"),
            note=HOSTILE,
            subpoints=(
                SubPointChange(
                    kind=K.MODIFIED, old_label="a", new_label="a", edits=(rep("plain", HOSTILE),)
                ),
            ),
        ),
        ProvisionChange(
            id="p-2",
            kind=K.UNCHANGED,
            old=(ref("2", 1, HOSTILE),),
            new=(ref("2", 1, HOSTILE),),
            matched_by=MatchedBy.TEXT,
            confidence=1.0,
            edits=(eq(HOSTILE),),
        ),
    )
    evil = info(
        "evil",
        HOSTILE,
        21,
        2,
        title=HOSTILE,
        parties=(HOSTILE,),
        completeness=Completeness.PARTIAL,
        completeness_note=HOSTILE,
    )
    return Comparison(
        old=info("plain", "1", 20, 2),
        new=evil,
        options=CompareOptions(),
        changes=changes,
        findings=(
            Finding(rule="term-added", severity=Severity.WARNING, change_id="p-1", message=HOSTILE),
        ),
        counts=counts(changes),
        topics=(TopicSummary(topic=HOSTILE, changed=1, unchanged=0, findings=1),),
        metadata=(MetadataChange(path="title", change="changed", old="Plan", new=HOSTILE),),
    )
