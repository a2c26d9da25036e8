"""Hand-built comparisons for renderer tests: every kind, every severity, a partial new version."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

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

HOSTILE = (
    "<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://e.example/i.png) "
    "@someone #12 | cell </details> \x1b[2J bell\x07 cr\r \u202eevil\u202c "
    "https://example.com www.example.com *bold* _em_ `code` ~~s~~ $x$"
)


def ref(number: str, text: str, position: int, **kw: object) -> ProvisionRef:
    return ProvisionRef(number=number, position=position, text=text, **kw)  # type: ignore[arg-type]


def info(**kw: object) -> PlanInfo:
    fields: dict[str, object] = {
        "id": "us-28-point-draft",
        "title": "US 28-point peace framework",
        "version": "28-point draft",
        "date": dt.date(2025, 11, 20),
        "parent": None,
        "parties": ("United States",),
        "sources": (Source(id="axios", title="Leaked draft", url="https://example.org/draft"),),
        "completeness": Completeness.FULL,
        "completeness_note": None,
        "provision_count": 8,
    }
    fields.update(kw)
    return PlanInfo(**fields)  # type: ignore[arg-type]


NATO_OLD = "Ukraine agrees to enshrine in its constitution that it will not join NATO."
CAP_EDITS = (
    WordEdit(
        op="equal",
        old="Ukraine's armed forces will be capped at ",
        new="Ukraine's armed forces will be capped at ",
    ),
    WordEdit(op="replace", old="600,000", new="800,000"),
    WordEdit(op="equal", old=" personnel.", new=" personnel."),
)


def changes(
    text_of_unchanged: str = "Sovereignty of Ukraine will be confirmed.",
) -> tuple[ProvisionChange, ...]:
    return (
        ProvisionChange(
            id="p-1",
            kind=ChangeKind.UNCHANGED,
            old=(ref("1", text_of_unchanged, 0),),
            new=(ref("1", text_of_unchanged, 0),),
            matched_by=MatchedBy.KEY,
            confidence=1.0,
            edits=(WordEdit(op="equal", old=text_of_unchanged, new=text_of_unchanged),),
        ),
        ProvisionChange(
            id="p-6",
            kind=ChangeKind.MODIFIED,
            old=(ref("6", "Ukraine's armed forces will be capped at 600,000 personnel.", 5),),
            new=(ref("6", "Ukraine's armed forces will be capped at 800,000 personnel.", 5),),
            matched_by=MatchedBy.NUMBER,
            confidence=0.91,
            reworded=True,
            edits=CAP_EDITS,
            topics=("military",),
        ),
        ProvisionChange(
            id="p-7",
            kind=ChangeKind.RENUMBERED,
            old=(
                ref(
                    "7",
                    NATO_OLD,
                    6,
                    heading="NATO",
                ),
            ),
            new=(
                ref(
                    "8",
                    "Membership of NATO is a matter for consensus among members.",
                    7,
                    heading="Alliances",
                ),
            ),
            matched_by=MatchedBy.SIMILARITY,
            confidence=0.62,
            reworded=True,
            renumbered=True,
            heading_changed=True,
            edits=(
                WordEdit(
                    op="replace",
                    old=NATO_OLD,
                    new="Membership of NATO is a matter for consensus among members.",
                ),
            ),
            topics=("nato",),
        ),
        ProvisionChange(
            id="p-12",
            kind=ChangeKind.MOVED,
            old=(ref("12", "Sanctions will be lifted in stages.", 11),),
            new=(ref("3", "Sanctions will be lifted in stages, case by case.", 2),),
            matched_by=MatchedBy.TEXT,
            confidence=0.88,
            reworded=True,
            renumbered=True,
            moved=True,
            edits=(
                WordEdit(
                    op="equal",
                    old="Sanctions will be lifted in stages",
                    new="Sanctions will be lifted in stages",
                ),
                WordEdit(op="insert", old="", new=", case by case"),
                WordEdit(op="equal", old=".", new="."),
            ),
            note="possible move of old 12",
        ),
        ProvisionChange(
            id="p-4",
            kind=ChangeKind.SPLIT,
            old=(ref("4", "Elections within 100 days and a referendum.", 3),),
            new=(ref("4a", "Elections within 100 days.", 3), ref("4b", "A referendum.", 4)),
            matched_by=MatchedBy.CONTAINMENT,
            confidence=0.8,
            reworded=True,
            edits=(
                WordEdit(
                    op="equal", old="Elections within 100 days", new="Elections within 100 days"
                ),
                WordEdit(op="replace", old=" and a referendum.", new=". A referendum."),
            ),
            subpoints=(
                SubPointChange(
                    kind=ChangeKind.MODIFIED,
                    old_label="a",
                    new_label="a",
                    edits=(
                        WordEdit(op="equal", old="Within ", new="Within "),
                        WordEdit(op="replace", old="100 days", new="120 days"),
                    ),
                    children=(
                        SubPointChange(
                            kind=ChangeKind.ADDED,
                            old_label=None,
                            new_label="i",
                            edits=(WordEdit(op="insert", new="Observers invited."),),
                        ),
                    ),
                ),
                SubPointChange(
                    kind=ChangeKind.REMOVED,
                    old_label="b",
                    new_label=None,
                    edits=(WordEdit(op="delete", old="Monitored by the OSCE."),),
                ),
            ),
        ),
        ProvisionChange(
            id="p-9",
            kind=ChangeKind.MERGED,
            old=(
                ref("9", "Zaporizhzhia plant restarted.", 8),
                ref("10", "Power shared equally.", 9),
            ),
            new=(ref("9", "Zaporizhzhia plant restarted and power shared equally.", 8),),
            matched_by=MatchedBy.CONTAINMENT,
            confidence=0.75,
            reworded=True,
            edits=(
                WordEdit(
                    op="equal",
                    old="Zaporizhzhia plant restarted",
                    new="Zaporizhzhia plant restarted",
                ),
                WordEdit(op="replace", old=". Power", new=" and power"),
                WordEdit(op="equal", old=" shared equally.", new=" shared equally."),
            ),
        ),
        ProvisionChange(
            id="new-20",
            kind=ChangeKind.ADDED,
            old=(),
            new=(ref("20", "A humanitarian committee will be formed.", 19),),
            confidence=1.0,
            edits=(WordEdit(op="insert", new="A humanitarian committee will be formed."),),
        ),
        ProvisionChange(
            id="old-26",
            kind=ChangeKind.REMOVED,
            old=(ref("26", "Full amnesty for all parties.", 25),),
            new=(),
            confidence=1.0,
            edits=(WordEdit(op="delete", old="Full amnesty for all parties."),),
        ),
        ProvisionChange(
            id="old-27",
            kind=ChangeKind.NOT_COVERED,
            old=(ref("27", "The agreement is legally binding.", 26),),
            new=(),
            confidence=1.0,
            edits=(),
            subpoints=(
                SubPointChange(
                    kind=ChangeKind.REMOVED,
                    old_label="a",
                    new_label=None,
                    edits=(WordEdit(op="delete", old="A Peace Council oversees it."),),
                ),
            ),
        ),
    )


FINDINGS = (
    Finding(
        rule="number-changed",
        severity=Severity.ERROR,
        message="Cap on armed forces raised from 600,000 to 800,000 (+33.3%)",
        change_id="p-6",
        number=NumberChange(
            quantity="personnel",
            old_value=600000.0,
            new_value=800000.0,
            old_text="600,000",
            new_text="800,000",
            delta=200000.0,
            percent=33.33,
        ),
    ),
    Finding(
        rule="term-removed",
        severity=Severity.WARNING,
        message="Constitutional bar on NATO membership removed",
        change_id="p-7",
        term="constitution",
    ),
    Finding(
        rule="term-removed",
        severity=Severity.INFO,
        message="Amnesty provision removed",
        change_id="old-26",
        number=NumberChange(
            quantity="people",
            old_value=None,
            new_value=None,
            old_text="all parties",
            new_text=None,
        ),
        term="amnesty",
    ),
)


def representative(**new_info: object) -> Comparison:
    """A comparison of a full old version with a partial new one, touching every record type."""
    all_changes = changes()
    kinds: dict[ChangeKind, int] = {}
    for c in all_changes:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    new = info(
        id="geneva-revision",
        title="Geneva revision",
        version="Geneva revision",
        date=dt.date(2025, 11, 23),
        parent="us-28-point-draft",
        parties=("United States", "Ukraine"),
        completeness=Completeness.PARTIAL,
        completeness_note="reconstructed from press reports; points 21-28 unknown",
        provision_count=9,
    )
    new = replace(new, **new_info)  # type: ignore[arg-type]
    return Comparison(
        old=info(),
        new=new,
        options=CompareOptions(),
        changes=all_changes,
        # The engine would sort findings worst first; these are deliberately out of order.
        findings=(FINDINGS[2], FINDINGS[0], FINDINGS[1]),
        counts=tuple(KindCount(kind=k, count=n) for k, n in kinds.items()),
        topics=(
            TopicSummary(topic="nato", changed=1, unchanged=0, findings=1),
            TopicSummary(topic="military", changed=1, unchanged=0, findings=1),
        ),
        metadata=(
            MetadataChange(
                path="title",
                change="changed",
                old="US 28-point peace framework",
                new="Geneva revision",
            ),
            MetadataChange(path="parties[1]", change="added", old=None, new="Ukraine"),
            MetadataChange(path="completeness", change="changed", old="full", new="partial"),
            MetadataChange(path="sources", change="changed", old="{" + "x" * 500 + "}", new=None),
        ),
    )


def identical() -> Comparison:
    """Two full versions with one unchanged provision and nothing else."""
    only = changes()[0]
    return Comparison(
        old=info(provision_count=1),
        new=info(provision_count=1),
        options=CompareOptions(),
        changes=(only,),
        findings=(),
        counts=(KindCount(kind=ChangeKind.UNCHANGED, count=1),),
    )


def hostile() -> Comparison:
    """The representative comparison with hostile text in titles, provisions and metadata."""
    base = representative()
    bad_changes = changes(text_of_unchanged=HOSTILE + "\n::error ::set-output name=x::1")
    added = replace(
        bad_changes[6],
        new=(ref("20", "::warning file=x::pwned " + HOSTILE, 19, heading=HOSTILE),),
        edits=(WordEdit(op="insert", new="::warning file=x::pwned " + HOSTILE),),
        note=HOSTILE,
    )
    bad_changes = (*bad_changes[:6], added, *bad_changes[7:])
    return replace(
        base,
        old=replace(base.old, title=HOSTILE, version="v1 " + HOSTILE),
        changes=bad_changes,
        findings=(Finding(rule="r", severity=Severity.ERROR, message=HOSTILE, change_id="new-20"),),
        metadata=(MetadataChange(path="title", change="changed", old=HOSTILE, new="| a | b |"),),
    )
