"""Pathological inputs: ``python benchmarks/hostile.py`` times the comparison of plans built to
be slow, and prints one row per case: compare, then rendering in every format.

The cases: one provision of 20,000 characters drawn from a two-letter alphabet (as words, and
as one unbroken word); the same long text changed only by invisible characters; thousands of
near-identical provisions; every provision of a plan reordered (reversed, and shuffled); a
provision holding thousands of figures. Each must finish within a few seconds; the word-diff
caps (``edits_capped``: units per side, and equal unit pairs) and the figure-pairing cap are
what bound them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from plandiff.documents.load import load_plan_text

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from plandiff.model.changes import Comparison
from plandiff.model.plan import Plan
from plandiff.output import FORMATS, render
from plandiff.pipeline.compare import compare


def plan(pid: str, texts: list[str]) -> Plan:
    """A full plan whose provisions hold ``texts``, numbered from 1."""
    return load_plan_text(
        json.dumps(
            {
                "id": pid,
                "title": "Hostile sizes",
                "version": pid,
                "date": "2025-11-20",
                "completeness": "full",
                "provisions": [
                    {"number": str(n), "text": t, "provenance": "confirmed"}
                    for n, t in enumerate(texts, 1)
                ],
            }
        ),
        "plan.json",
    )


def tiny_alphabet_words(rng: random.Random, chars: int) -> str:
    words = [rng.choice(("a", "b", "ab", "ba", "aab", "bba")) for _ in range(chars // 2)]
    return " ".join(words)[:chars]


def edit_words(rng: random.Random, text: str, count: int) -> str:
    words = text.split(" ")
    for _ in range(count):
        words[rng.randrange(len(words))] = rng.choice(("a", "b", "ab", "ba"))
    return " ".join(words)


def cases(rng: random.Random, scale: int) -> dict[str, Callable[[], tuple[Plan, Plan]]]:
    long = tiny_alphabet_words(rng, 20_000)
    unbroken = "".join(rng.choice("ab") for _ in range(20_000))
    clause = "The parties shall respect the line of contact in sector {} and report monthly."
    near = [clause.format(i % 7) for i in range(scale)]
    distinct = [
        f"Provision {i}: the parties shall take measure {i} within {i % 90} days."
        for i in range(scale)
    ]
    shuffled = distinct[:]
    rng.shuffle(shuffled)
    figures = " ".join(f"{rng.randrange(1, 10**6):,} troops" for _ in range(3000))
    under_cap = " ".join(rng.choice("ab") for _ in range(2000))
    return {
        "one 20,000-char provision, 2-letter words": lambda: (
            plan("a", [long]),
            plan("b", [edit_words(rng, long, 50)]),
        ),
        "one 20,000-char word of 2 letters": lambda: (
            plan("a", [unbroken]),
            plan("b", [unbroken[:9000] + "b" + unbroken[9001:]]),
        ),
        "20,000 chars, invisible change only": lambda: (
            plan("a", [long]),
            plan("b", [long.replace(" ", "\u00a0", 40)]),
        ),
        f"{scale:,} near-identical provisions": lambda: (
            plan("a", near),
            plan("b", [t.replace("monthly", "weekly", i % 3 == 0) for i, t in enumerate(near)]),
        ),
        f"{scale:,} provisions, order reversed": lambda: (
            plan("a", distinct),
            plan("b", distinct[::-1]),
        ),
        f"{scale:,} provisions, order shuffled": lambda: (plan("a", distinct), plan("b", shuffled)),
        "2,000 words of 2 letters (under the unit cap)": lambda: (
            plan("a", [under_cap]),
            plan("b", [edit_words(rng, under_cap, 200)]),
        ),
        "1,000 figures in one provision": lambda: (
            plan("a", [figures[: len(figures) // 3]]),
            plan("b", [figures[: len(figures) // 3].replace("1", "2")]),
        ),
        "3,000 figures in one provision": lambda: (
            plan("a", [figures]),
            plan("b", [figures.replace("1", "2")]),
        ),
    }


@dataclass(frozen=True)
class Row:
    case: str
    compare_s: float
    render_s: dict[str, float]
    capped: int
    kinds: str


def measure(name: str, build: Callable[[], tuple[Plan, Plan]]) -> Row:
    old, new = build()
    start = time.perf_counter()
    cmp: Comparison = compare(old, new)
    compared = time.perf_counter() - start
    rendered = {}
    for fmt in FORMATS:
        start = time.perf_counter()
        render(cmp, fmt)
        rendered[fmt] = time.perf_counter() - start
    kinds = ", ".join(f"{c.count} {c.kind}" for c in cmp.counts if c.count)
    capped = sum(c.edits_capped for c in cmp.changes)
    return Row(name, compared, rendered, capped, kinds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=5000, help="provisions in the big cases")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"| case | compare s | {' | '.join(f'{f} s' for f in FORMATS)} | capped | kinds |")
    print(f"|---|--:|{'--:|' * len(FORMATS)}--:|---|")
    for name, build in cases(rng, args.scale).items():
        row = measure(name, build)
        timings = " | ".join(f"{row.render_s[f]:.2f}" for f in FORMATS)
        print(
            f"| {row.case} | {row.compare_s:.2f} | {timings} | {row.capped} | {row.kinds} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
