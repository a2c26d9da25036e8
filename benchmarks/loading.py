"""Loading cost: ``python benchmarks/loading.py`` times reading and validating plan files.

Prints the median of several runs for: each bundled plan; a generated valid plan of 1,000,
10,000 and 30,000 provisions; and the refusals the loader must make in bounded time — a
50 MB file, 100,000-deep nesting, a 5,000-digit number, and a duplicate key in the last
provision of the largest plan (the slow path: a token walk locates the problem).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from plandiff.documents.load import load_plan, load_plan_text
from plandiff.model.errors import PlanError

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = (
    "the parties shall ensure that all measures agreed under this provision are carried out "
    "in good faith within the time limits set by the joint commission and reported to it "
    "every month together with the figures on personnel territory and sanctions relief"
)
WORDS = SENTENCE.split(" ")


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Median CPU time of ``fn`` in milliseconds: CPU, not wall-clock, because the machine is
    shared and waiting for a core would otherwise count as loading time."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def loader(path: Path) -> Callable[[], object]:
    return lambda: load_plan(path)


def text_loader(text: bytes) -> Callable[[], object]:
    return lambda: load_plan_text(text, "bench.json")


def refused(text: bytes | Path) -> Callable[[], None]:
    def run() -> None:
        try:
            if isinstance(text, Path):
                load_plan(text)
            else:
                load_plan_text(text, "bench.json")
        except PlanError:
            return
        raise AssertionError("the loader accepted a document it must refuse")

    return run


def synthetic(size: int) -> bytes:
    """A valid plan of ``size`` provisions of about 76 words each (fixed, no randomness)."""
    provisions = []
    for i in range(size):
        turn = i % len(WORDS)
        words = (WORDS[turn:] + WORDS[:turn]) * 3
        provisions.append(
            {
                "number": str(i + 1),
                "key": f"p-{i + 1}",
                "text": " ".join(words[:76]),
                "topics": ["armed-forces"],
                "provenance": "reported",
            }
        )
    doc = {
        "id": "bench",
        "title": "Benchmark plan",
        "version": "1",
        "date": "2025-11-20",
        "completeness": "full",
        "provisions": provisions,
    }
    return json.dumps(doc).encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    rows: list[tuple[str, float]] = []
    for path in sorted((ROOT / "plans").glob("*.json")):
        rows.append((f"load {path.relative_to(ROOT)}", median_ms(loader(path), 20)))
    largest = b""
    for size in (1_000, 10_000, 30_000):
        text = synthetic(size)
        largest = text
        label = f"load {size:,} provisions ({len(text) / 1e6:.1f} MB)"
        rows.append((label, median_ms(text_loader(text), args.runs)))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.json"
        big.write_bytes(b'{"id": "' + b"x" * (50 * 1024 * 1024) + b'"}')
        rows.append(("refuse a 50 MB file", median_ms(refused(big), args.runs)))
    rows.append(("refuse 100,000-deep arrays", median_ms(refused(b"[" * 100_000), args.runs)))
    deep_objects = b'{"a": ' * 100_000
    rows.append(("refuse 100,000-deep objects", median_ms(refused(deep_objects), args.runs)))
    long_number = b'{"id": ' + b"7" * 5000 + b"}"
    rows.append(("refuse a 5,000-digit number", median_ms(refused(long_number), args.runs)))
    duplicate = largest.replace(b'"key": "p-30000"', b'"key": "p-30000", "key": "again"')
    rows.append(
        (
            "refuse a duplicate key at the end of 30,000 provisions",
            median_ms(refused(duplicate), max(1, args.runs // 2)),
        )
    )
    width = max(len(label) for label, _ in rows)
    for label, ms in rows:
        print(f"{label:<{width}}  {ms:10.2f} ms CPU")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak resident memory':<{width}}  {peak:10.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
