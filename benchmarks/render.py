"""Renderer benchmark: ``python benchmarks/render.py [--rows N]``.

Measures the CPU time of ``render(comparison, fmt)`` for every format, and of the shared
view-model alone, on the bundled pair and on a comparison of ``--rows`` rows (default
10,000) made by repeating the bundled pair's rows under fresh ids. CPU time (best of
``--repeat``) rather than wall time, so that a busy machine does not blur the figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from plandiff.documents.load import load_plan
from plandiff.model.changes import Comparison
from plandiff.output import FORMATS, render
from plandiff.output.view import build_view
from plandiff.pipeline.compare import compare

ROOT = Path(__file__).resolve().parents[1]


def best_cpu(action: Callable[[], object], repeat: int) -> float:
    """Least CPU seconds of ``repeat`` runs of ``action``."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return min(times)


def scaled(comparison: Comparison, rows: int) -> Comparison:
    """``comparison`` with its rows repeated (fresh ids) up to ``rows`` rows."""
    base = comparison.changes
    changes = tuple(replace(base[i % len(base)], id=f"p-{i}") for i in range(rows))
    return replace(comparison, changes=changes)


def measure(label: str, comparison: Comparison, repeat: int) -> None:
    print(f"{label}: {len(comparison.changes)} rows")
    print(f"  {'view':9} {best_cpu(lambda: build_view(comparison), repeat) * 1000:9.1f} ms")
    for fmt in FORMATS:
        size = len(render(comparison, fmt).encode("utf-8"))
        cpu = best_cpu(lambda fmt=fmt: render(comparison, fmt), repeat)
        print(f"  {fmt:9} {cpu * 1000:9.1f} ms  {size / 1e6:7.2f} MB")
    # What a reader at a terminal gets: coloured, every line wrapped to 100 columns.
    wrapped = best_cpu(lambda: render(comparison, "terminal", color=True, width=100), repeat)
    print(f"  {'terminal, wrapped to 100 columns':32} {wrapped * 1000:9.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pair = compare(
        load_plan(ROOT / "plans" / "us-28-point-draft.json"),
        load_plan(ROOT / "plans" / "geneva-revision.json"),
    )
    measure("bundled pair", pair, max(args.repeat, 20))
    measure("scaled", scaled(pair, args.rows), args.repeat)


if __name__ == "__main__":
    main()
