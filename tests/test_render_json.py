"""The JSON report is the Comparison itself: round-trips, deterministic, inert in a terminal."""

from __future__ import annotations

import json

from pydantic import TypeAdapter

from comparisons import hostile, representative
from plandiff.model.changes import Comparison
from plandiff.output import render


def test_json_round_trips_to_the_same_comparison() -> None:
    comparison = representative()
    text = render(comparison, "json")
    data = json.loads(text)
    assert data["schema_version"] == "1"
    assert list(data)[:3] == ["schema_version", "old", "new"]
    assert TypeAdapter(Comparison).validate_json(text) == comparison
    assert text.endswith("}\n")


def test_json_is_byte_stable_and_keeps_floats_exact() -> None:
    comparison = representative()
    assert render(comparison, "json") == render(comparison, "json")
    assert '"confidence": 0.91,' in render(comparison, "json")


def test_json_escapes_terminal_controls_but_keeps_the_values() -> None:
    comparison = hostile()
    text = render(comparison, "json")
    assert "\x1b" not in text and "\u202e" not in text and "\r" not in text
    assert "\\u202e" in text and "\\u001b" in text
    assert json.loads(text)["old"]["title"] == comparison.old.title


def test_rendering_restores_the_garbage_collector_state_it_found() -> None:
    import gc

    comparison = representative()
    assert gc.isenabled()
    render(comparison, "json")
    assert gc.isenabled()
    gc.disable()
    try:
        render(comparison, "json")
        assert not gc.isenabled()  # a caller's own pause is not undone
    finally:
        gc.enable()


def test_json_escapes_workflow_brackets_and_separators_exactly() -> None:
    from plandiff.util.inert import json_text as inert_json

    assert inert_json('"###[ ##[[ #[ ##\u2028["') == '"###\\u005b ##\\u005b[ #[ ##\\u2028["'
    assert inert_json('"plain ascii"') == '"plain ascii"'


def test_json_escapes_unsafe_characters_hidden_among_harmless_look_alikes() -> None:
    from plandiff.util.inert import json_text as inert_json

    # Curly quotes, '→' and '§' share their first UTF-8 byte with characters that must be
    # escaped; the byte-level check must neither stop at them nor give up before the end.
    for crowd in ("\u2019", "→", "§", "\u0600"):
        for count in (0, 5, 2000):
            for bad, shown in (("\u2028", "\\u2028"), ("\x85", "\\u0085"), ("\u061c", "\\u061c")):
                text = f'"{crowd * count}{bad}{crowd}"'
                assert inert_json(text) == f'"{crowd * count}{shown}{crowd}"'
            assert inert_json(f'"{crowd * count}"') == f'"{crowd * count}"'
    assert inert_json('"\x7f ##["') == '"\\u007f ##\\u005b"'


def test_the_bytes_written_are_the_report_encoded() -> None:
    # The command line writes render_bytes: for JSON it skips decoding the serializer's
    # bytes, so it must give exactly the UTF-8 of render's text, hostile text included.
    from plandiff.output import FORMATS, render_bytes

    for comparison in (representative(), hostile()):
        for fmt in FORMATS:
            assert render_bytes(comparison, fmt) == render(comparison, fmt).encode("utf-8")
