"""Lineage benchmark: ``python benchmarks/lineage.py [--size 1000] [--versions 4]``.

Builds a chain of seeded synthetic versions (each derived from the one before with the default
edit mix of ``generate.py``: rewordings, moves, removals, splits, merges, additions), writes it
as a plan library, and measures in-process (median of ``--repeat`` runs): opening the library,
comparing every consecutive pair, building the lineage rows, the synopsis as Markdown and HTML,
the history of one provision, and planning the reports folder.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.append(str(Path(__file__).resolve().parents[1] / "src"))

from benchmarks import generate, textgen


def write_chain(folder: Path, size: int, versions: int, seed: int) -> None:
    """A library of ``versions`` plans of about ``size`` provisions, each the parent of the next."""
    rng = random.Random(seed)
    vocab = textgen.Vocabulary(rng)

    def fresh() -> str:
        return textgen.provision_text(rng, vocab, rng.randrange(len(vocab.topics)))

    texts = list(dict.fromkeys(fresh() for _ in range(size * 2)))[:size]
    parent = None
    for index in range(versions):
        if index:
            texts, _ = generate.mutate(rng, texts, generate.Mix(), fresh)
        plan_id = f"v{index + 1}"
        numbers = [str(k + 1) for k in range(len(texts))]
        date = f"2026-0{1 + index % 9}-01"
        plan = generate.plan_json(plan_id, plan_id, date, numbers, texts, parent=parent)
        (folder / f"{plan_id}.json").write_text(json.dumps(plan), encoding="utf-8")
        parent = plan_id


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="provisions per version")
    parser.add_argument("--versions", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args(argv)

    from plandiff.documents.library import open_library
    from plandiff.integrations.reports import planned_reports
    from plandiff.output.versions import render_synopsis
    from plandiff.versions.history import compare_chain, history
    from plandiff.versions.synopsis import synopsis
    from plandiff.versions.threads import lineage_rows

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_chain(folder, args.size, args.versions, args.seed)
        library = open_library(str(folder))
        plans = [entry.plan for entry in library.chain(library.newest().plan.id)]
        comparisons = compare_chain(plans)
        table = synopsis(plans)
        figures = {
            "open the library": lambda: open_library(str(folder)),
            "compare each consecutive pair": lambda: compare_chain(plans),
            "lineage rows (given the comparisons)": lambda: lineage_rows(plans, comparisons),
            "synopsis, Markdown (given the record)": lambda: render_synopsis(table, "markdown"),
            "synopsis, HTML (given the record)": lambda: render_synopsis(table, "html"),
            "history of point 1 (compares included)": lambda: history(plans, "1"),
            "plan the reports folder (compares included)": lambda: planned_reports(library),
        }
        sizes = ", ".join(str(len(p.provisions)) for p in plans)
        print(f"{args.versions} versions of {sizes} provisions; median of {args.repeat} runs")
        print(f"{len(table.rows)} lineage rows")
        print("| step | seconds |\n|---|--:|")
        for label, work in figures.items():
            print(f"| {label} | {median_seconds(work, args.repeat):.3f} |")


if __name__ == "__main__":
    main()
