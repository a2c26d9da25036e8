"""The line of each provision in its plan file, and annotations placed on it."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from plandiff.documents.lines import provision_lines

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r'"number":\s*"((?:[^"\\]|\\.)*)"')


def _numbers_in(text: str, span: tuple[int, int]) -> list[str]:
    lines = text.splitlines()[span[0] - 1 : span[1]]
    return [json.loads(f'"{found}"') for found in NUMBER.findall("\n".join(lines))]


def test_each_bundled_provision_is_found_on_its_own_lines() -> None:
    for path in sorted((ROOT / "plans").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        document = json.loads(text)
        spans = provision_lines(text)
        assert len(spans) == len(document["provisions"])
        for span, provision in zip(spans, document["provisions"], strict=True):
            assert text.splitlines()[span[0] - 1].strip() == "{"
            assert text.splitlines()[span[1] - 1].strip().rstrip(",") == "}"
            assert _numbers_in(text, span)[0] == provision["number"]
        assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))


TRICKY = st.text(alphabet=st.sampled_from('ab{}[]:,"\\\n é'), max_size=12)


@given(
    numbers=st.lists(TRICKY, min_size=1, max_size=6),
    indent=st.sampled_from([None, 0, 1, 2, 4]),
    before=st.dictionaries(st.sampled_from(["id", "title", "sources", "x"]), TRICKY),
)
def test_any_layout_and_any_text_give_one_span_per_provision(
    numbers: list[str], indent: int | None, before: dict[str, str]
) -> None:
    # Keys and values with braces, brackets, quotes and escapes must not confuse the scan, and
    # a "provisions" string elsewhere (in sub-points, in a value) is not the array.
    provisions = [
        {"number": n, "text": "provisions", "subpoints": [{"label": "a", "text": "}]"}]}
        for n in numbers
    ]
    text = json.dumps(
        {**before, "provisions": provisions, "z": {"provisions": [{}]}}, indent=indent
    )
    spans = provision_lines(text)
    assert len(spans) == len(numbers)
    for span, number in zip(spans, numbers, strict=True):
        assert 1 <= span[0] <= span[1] <= text.count("\n") + 1
        assert number in _numbers_in(text, span)


def test_annotations_carry_the_lines_of_the_provision_in_the_newer_file() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "plandiff", "annotations"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    text = (ROOT / "plans" / "geneva-revision.json").read_text(encoding="utf-8")
    placed = 0
    for line in done.stdout.splitlines():
        found = re.match(
            r"::\w+ file=([^,]+),line=(\d+),endLine=(\d+),title=[^:]*%3A provision (\S+)", line
        )
        if found is None:
            continue
        path, start, end, provision = found.groups()
        assert path == "plans/geneva-revision.json"
        assert _numbers_in(text, (int(start), int(end)))[0] == provision
        placed += 1
    assert placed >= 3
