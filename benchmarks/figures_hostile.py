"""Hostile texts for the figure readers: ``python benchmarks/figures_hostile.py``.

Times reading the figures of one provision pair (``number_changes``, as findings do) and
tokenising it for the word diff, on texts built to make a regular expression backtrack: a
figure followed by a long run of blanks, "one and one and …", a run of number words joined by
hyphens, a long numeral in every grouping, a run of Chinese numerals, and blanks after a
figure in Chinese. Each family is timed at growing sizes and the growth exponent (the slope of
log time over log size) is printed: 1 is linear, 2 quadratic. Figures are the best of three
runs, in CPU seconds.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from plandiff.findings.figures.changes import number_changes
from plandiff.wording.tokens import diff_units

FAMILIES: dict[str, Callable[[int], str]] = {
    "figure, then blanks": lambda n: "a cap of 600,000" + " " * n + "x",
    "figure, then blanks and a hyphen": lambda n: "a cap of 600,000" + " " * n + "-" + " " * n,
    '"one and" repeated': lambda n: "one and " * (n // 8),
    "number words joined by hyphens": lambda n: "-".join(["twenty"] * (n // 7)),
    "a numeral grouped by spaces": lambda n: "1" + " 000" * (n // 4),
    "a numeral grouped by periods": lambda n: "1" + ".000" * (n // 4),
    "Chinese numerals": lambda n: "六十万" * (n // 3),
    "Chinese figure, then blanks": lambda n: "上限为60万" + " " * n + "人",
}


def cpu(work: Callable[[], object]) -> float:
    best = math.inf
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def run(text: str) -> None:
    changed = text.replace("6", "8", 1) + " 5"
    number_changes(text, changed)
    diff_units(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[16_000, 64_000, 256_000, 1_000_000]
    )
    args = parser.parse_args()
    sizes: list[int] = args.sizes
    print(f"| family | {' | '.join(f'{s:,} chars' for s in sizes)} | growth |")
    print(f"|---|{'--:|' * len(sizes)}--:|")
    for name, build in FAMILIES.items():
        texts = [build(size) for size in sizes]
        times = [cpu(lambda text=text: run(text)) for text in texts]
        first, last = max(times[0], 1e-4), max(times[-1], 1e-4)
        growth = math.log(last / first) / math.log(sizes[-1] / sizes[0])
        shown = " | ".join(f"{t:.3f} s" for t in times)
        print(f"| {name} | {shown} | n^{growth:.2f} |", flush=True)


if __name__ == "__main__":
    main()
