"""Read a parsed plan file straight into records when it is plainly valid, without pydantic.

Every check here is one the strict model (``model/planfile.py``) makes, done the same way or
more narrowly: when anything is unusual (a field of the wrong type, a pattern that pydantic's
regex engine could read differently, a broken rule across fields) the reader gives up and
returns None, and the loader asks the model, which accepts the file or says exactly what is
wrong. So the reader can be wrong only by giving up too often; a property test holds it to
never accepting what the model refuses, and to building the records the model would.

>>> plan = read_plan({"id": "a", "title": "A", "version": "1", "date": "2025-01-02",
...     "completeness": "full",
...     "provisions": [{"number": "1", "text": "Peace.", "provenance": "confirmed"}]})
>>> plan.provisions[0].text
'Peace.'
>>> read_plan({"id": "a"}) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from plandiff.model.plan import (
    LABEL,
    MAX_PARTIES,
    MAX_PROVISIONS,
    MAX_SOURCES,
    MAX_SUBPOINTS,
    MAX_TOPICS,
    SLUG,
    Completeness,
    Plan,
    Provenance,
    Provision,
    Source,
    SubPoint,
    iso_date,
    plainly_consistent,
)

# fullmatch, not match: '$' in these patterns would also match before a final newline, which
# pydantic's regex engine does not allow. Both patterns are ASCII, so the engines agree.
_slug: Callable[[str], object] = re.compile(SLUG.strip("^$")).fullmatch
_label: Callable[[str], object] = re.compile(LABEL.strip("^$")).fullmatch
# Narrower than the model's URL pattern (whose \S differs between regex engines outside ASCII):
# printable ASCII without spaces only; any other address is left to the model.
_url: Callable[[str], object] = re.compile(r"https?://[!-~]+").fullmatch

_PLAN_KEYS = frozenset(
    {
        "$schema",
        "id",
        "title",
        "version",
        "date",
        "parent",
        "parties",
        "sources",
        "completeness",
        "completeness_note",
        "provisions",
    }
)
_SOURCE_KEYS = frozenset({"id", "title", "url", "accessed", "publisher"})
_PROVISION_KEYS = frozenset(
    {"number", "key", "heading", "text", "subpoints", "topics", "provenance", "sources", "note"}
)
_SUBPOINT_KEYS = frozenset({"label", "text", "subpoints"})
# What a missing list field reads as: the model's default, an empty tuple. (A null is no list.)
_NONE: list[Any] = []
_COMPLETENESS = {c.value: c for c in Completeness}
_PROVENANCE = {p.value: p for p in Provenance}


class _Unsure(Exception):
    """Raised inside the reader to give up: the model decides."""


def read_plan(value: Any) -> Plan | None:
    """The plan in a parsed JSON document, or None when the strict model must look at it."""
    try:
        return _plan(value)
    except _Unsure:
        return None


def _plan(doc: Any) -> Plan:
    if type(doc) is not dict or not doc.keys() <= _PLAN_KEYS:
        raise _Unsure
    get = doc.get
    schema_ref = get("$schema")
    if schema_ref is not None and type(schema_ref) is not str:
        raise _Unsure
    version = _text(get("version", 0))
    if len(version) > 200:
        raise _Unsure
    date = get("date")
    if type(date) is not str:
        raise _Unsure
    try:
        day = iso_date(date)
    except ValueError:
        raise _Unsure from None
    provisions = _list(get("provisions", 0), MAX_PROVISIONS)
    if not provisions:
        raise _Unsure
    completeness = _COMPLETENESS[_choice(get("completeness"), _COMPLETENESS)]
    plan = Plan(
        schema_ref=schema_ref,
        id=_slug_of(get("id", 0)),
        title=_text(get("title", 0)),
        version=version,
        date=day,
        parent=_optional(get("parent"), _slug_of),
        parties=tuple([_text(p) for p in _list(get("parties", _NONE), MAX_PARTIES)]),
        sources=tuple([_source(s) for s in _list(get("sources", _NONE), MAX_SOURCES)]),
        completeness=completeness,
        completeness_note=_optional(get("completeness_note"), _text),
        provisions=tuple([_provision(p) for p in provisions]),
    )
    if not plainly_consistent(plan):
        raise _Unsure
    return plan


def _source(doc: Any) -> Source:
    if type(doc) is not dict or not doc.keys() <= _SOURCE_KEYS:
        raise _Unsure
    url = doc.get("url")
    if type(url) is not str or len(url) > 2000 or not _url(url):
        raise _Unsure
    accessed = doc.get("accessed")
    if accessed is not None:
        if type(accessed) is not str:
            raise _Unsure
        try:
            accessed = iso_date(accessed)
        except ValueError:
            raise _Unsure from None
    return Source(
        id=_slug_of(doc.get("id", 0)),
        title=_text(doc.get("title", 0)),
        url=url,
        accessed=accessed,
        publisher=_optional(doc.get("publisher"), _text),
    )


def _provision(doc: Any) -> Provision:
    if type(doc) is not dict or not doc.keys() <= _PROVISION_KEYS:
        raise _Unsure
    get = doc.get
    number, text = get("number"), get("text")
    provenance = _PROVENANCE.get(_choice(get("provenance"), _PROVENANCE))
    if (
        type(number) is not str
        or len(number) > 20
        or not _label(number)
        or type(text) is not str
        or not text.strip()
    ):
        raise _Unsure
    if len(doc) == 3:  # most provisions: a number, a text and a provenance, nothing else
        return Provision(number=number, text=text, provenance=provenance)  # type: ignore[arg-type]
    topics = _list(get("topics", _NONE), MAX_TOPICS)
    sources = _list(get("sources", _NONE), MAX_SOURCES)
    return Provision(
        number=number,
        key=_optional(get("key"), _slug_of),
        heading=_optional(get("heading"), _text),
        text=text,
        subpoints=_subpoints(get("subpoints", _NONE), level=1),
        topics=tuple([_slug_of(t) for t in topics]) if topics else (),
        provenance=provenance,  # type: ignore[arg-type]
        sources=tuple([_slug_of(s) for s in sources]) if sources else (),
        note=_optional(get("note"), _text),
    )


def _subpoints(value: Any, *, level: int) -> tuple[SubPoint, ...]:
    items = _list(value, MAX_SUBPOINTS)
    if not items:
        return ()
    if level > 2:  # sub-points nest two levels deep at most
        raise _Unsure
    built = []
    for doc in items:
        if type(doc) is not dict or not doc.keys() <= _SUBPOINT_KEYS:
            raise _Unsure
        built.append(
            SubPoint(
                label=_label_of(doc.get("label", 0)),
                text=_text(doc.get("text", 0)),
                subpoints=_subpoints(doc.get("subpoints", _NONE), level=level + 1),
            )
        )
    if len({s.label for s in built}) != len(built):  # labels repeat among siblings
        raise _Unsure
    return tuple(built)


def _choice(value: Any, choices: dict[str, Any]) -> str:
    if type(value) is not str or value not in choices:
        raise _Unsure
    return value


def _list(value: Any, most: int) -> list[Any]:
    if type(value) is not list or len(value) > most:
        raise _Unsure
    return value


def _text(value: Any) -> str:
    if type(value) is not str or not value.strip():
        raise _Unsure
    return value


def _slug_of(value: Any) -> str:
    if type(value) is not str or len(value) > 100 or not _slug(value):
        raise _Unsure
    return value


def _label_of(value: Any) -> str:
    if type(value) is not str or len(value) > 20 or not _label(value):
        raise _Unsure
    return value


def _optional(value: Any, read: Callable[[Any], Any]) -> Any:
    return None if value is None else read(value)
