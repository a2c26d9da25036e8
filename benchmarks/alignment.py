"""Alignment benchmark: ``python benchmarks/alignment.py`` prints pair precision/recall/F1.

Labelled data, all with the true pairing:
- mutations of every bundled plan in ``plans/`` (renumber, reorder, split, merge, reword with
  synonyms and reordered clauses, change figures, delete, add), several fixed seeds each;
- the same without moves, where any reported move is a false alarm (must be 0);
- a generated 1,000-provision pair (``benchmarks/generate.py``);
- a real pair: the seventeen articles of amendment passed by the US House on 24 August 1789
  against the twelve that Congress sent to the states on 25 September 1789, paraphrased in
  ``benchmarks/data/`` with the truth labelled by hand.
Each is scored for plandiff and two baselines: pairing by equal number, and a difflib line diff.
Results go to ``benchmarks/ALIGNMENT.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    # The repository's own code unless plandiff is already importable (installed, PYTHONPATH).
    sys.path.append(str(Path(__file__).resolve().parents[1] / "src"))

from benchmarks import generate, scoring, textgen

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
CASES = generate.CACHE / "alignment"
SEED = 20261127
ROUNDS = 20  # mutated copies of each bundled plan
# Heavier than the speed mix so that a few small plans hold enough splits, merges and moves.
BUNDLED_MIX = generate.Mix(
    reworded=0.25, moved=0.08, removed=0.05, split=0.07, merged=0.07, added=0.05
)
ORDERED_MIX = generate.Mix(
    reworded=0.25, moved=0.0, removed=0.05, split=0.07, merged=0.07, added=0.05
)
REAL = (
    "bill-of-rights-house-1789.json",
    "bill-of-rights-congress-1789.json",
    "bill-of-rights-1789-truth.json",
)


@dataclass(frozen=True)
class Case:
    name: str
    group: str  # which line of the table it counts towards
    old: Path
    new: Path
    truth: Path


def _flat_text(provision: dict[str, Any]) -> str:
    # Sub-points are folded into the text: the mutations work on whole provisions.
    parts = [provision["text"]]
    for sub in provision.get("subpoints", ()):
        parts.append(f"({sub['label']}) {sub['text']}")
        parts.extend(f"({c['label']}) {c['text']}" for c in sub.get("subpoints", ()))
    return " ".join(parts)


def bundled_cases(rounds: int = ROUNDS) -> list[Case]:
    """Mutated copies of every plan in ``plans/``, written once under the cache."""
    cases = []
    plans = sorted((ROOT / "plans").glob("*.json"))
    for plan_path in plans:
        plan = json.loads(plan_path.read_text(encoding="utf-8"))
        numbers = [p["number"] for p in plan["provisions"]]
        texts = [_flat_text(p) for p in plan["provisions"]]
        stem = plan_path.stem
        for k in range(rounds):
            for ordered in (False, True):
                name = f"{stem}-{'ordered' if ordered else 'mutated'}-{k}"
                cases.append(
                    _write_case(
                        name,
                        "ordered" if ordered else "bundled",
                        numbers,
                        texts,
                        ORDERED_MIX if ordered else BUNDLED_MIX,
                        SEED + 101 * k + ordered,
                    )
                )
    return cases


def _write_case(
    name: str,
    group: str,
    numbers: Sequence[str],
    texts: Sequence[str],
    mix: generate.Mix,
    seed: int,
) -> Case:
    rng = random.Random(f"{name}/{seed}")
    vocab = textgen.Vocabulary(random.Random(seed), topics=40, rare=2000)
    new_texts, groups = generate.mutate(
        rng, texts, mix, lambda: textgen.provision_text(rng, vocab, rng.randrange(40))
    )
    new_numbers = [str(k + 1) for k in range(len(new_texts))]
    old = generate.plan_json(
        f"{name}-old", "old", "2026-01-05", numbers, texts, title=f"Benchmark case {name}"
    )
    new = generate.plan_json(
        f"{name}-new",
        "new",
        "2026-02-09",
        new_numbers,
        new_texts,
        parent=f"{name}-old",
        title=f"Benchmark case {name}",
    )
    truth = generate.truth_json(groups, numbers, new_numbers)
    paths = [CASES / f"{name}-{part}.json" for part in ("old", "new", "truth")]
    for path, data in zip(paths, (old, new, truth), strict=True):
        generate.write_json(path, data)
    return Case(name, group, paths[0], paths[1], paths[2])


def all_cases(rounds: int = ROUNDS) -> list[Case]:
    cases = bundled_cases(rounds)
    old, new, truth = generate.ensure_pair(1000)
    cases.append(Case("generated-1000", "generated", old, new, truth))
    cases.append(Case("bill-of-rights-1789", "real", *(DATA / name for name in REAL)))
    return cases


def _provisions(path: Path) -> list[tuple[str, str]]:
    plan = json.loads(path.read_text(encoding="utf-8"))
    return [(p["number"], _flat_text(p)) for p in plan["provisions"]]


@dataclass
class Outcome:
    plandiff: list[tuple[set[scoring.Pair], scoring.Truth]]
    number: list[tuple[set[scoring.Pair], scoring.Truth]]
    lines: list[tuple[set[scoring.Pair], scoring.Truth]]
    moves_when_ordered: int = 0
    named: dict[str, list[int]] | None = None


def run(cases: Sequence[Case]) -> dict[str, Outcome]:
    from plandiff import compare, load_plan

    outcomes: dict[str, Outcome] = {}
    for case in cases:
        truth = scoring.load_truth(case.truth)
        old, new = _provisions(case.old), _provisions(case.new)
        comparison = compare(load_plan(case.old), load_plan(case.new))
        found = scoring.pairs_of_changes(comparison.changes)
        out = outcomes.setdefault(case.group, Outcome([], [], [], 0, {}))
        out.plandiff.append((found, truth))
        out.number.append(
            (scoring.same_number_pairs([n for n, _ in old], [n for n, _ in new]), truth)
        )
        out.lines.append((scoring.line_diff_pairs(old, new), truth))
        if truth.order_preserving:
            out.moves_when_ordered += scoring.moves_reported(comparison.changes)
        assert out.named is not None
        for kind, (hit, total) in scoring.kind_named(comparison.changes, truth).items():
            counts = out.named.setdefault(kind, [0, 0])
            counts[0] += hit
            counts[1] += total
    return outcomes


GROUP_TITLES = {
    "bundled": "Bundled plans, mutated",
    "ordered": "Bundled plans, mutated in order (no moves)",
    "generated": "Generated pair, 1,000 provisions",
    "real": "Real pair: Bill of Rights, House (17) → Congress (12), 1789",
}


def table(outcomes: dict[str, Outcome]) -> list[str]:
    head = (
        "| data | method | pairs (true) | precision | recall | F1 | moved | renumbered "
        "| split | merged |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|---|---|"]
    for group in GROUP_TITLES:
        if group not in outcomes:
            continue
        out = outcomes[group]
        for method, runs in (
            ("plandiff", out.plandiff),
            ("same number", out.number),
            ("difflib lines", out.lines),
        ):
            s = scoring.merge_scores(runs)
            kinds = " | ".join(_recall(s, k) for k in scoring.KINDS)
            lines.append(
                f"| {GROUP_TITLES[group]} | {method} | {s.true} | "
                f"{s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {kinds} |"
            )
    return lines


def _recall(s: scoring.Score, kind: str) -> str:
    hits, total = s.per_kind.get(kind, (0, 0))
    return f"{hits / total:.2f} ({total})" if total else "—"


def verdicts(outcomes: dict[str, Outcome]) -> list[tuple[str, str, bool]]:
    # The synthetic set is every mutated copy of the bundled plans, with and without moves.
    bundled = scoring.merge_scores(outcomes["bundled"].plandiff + outcomes["ordered"].plandiff)
    real = scoring.merge_scores(outcomes["real"].plandiff)
    split = bundled.kind_recall("split") or 0.0
    merged = bundled.kind_recall("merged") or 0.0
    moves = outcomes["ordered"].moves_when_ordered
    return [
        ("synthetic pair F1 ≥ 0.95", f"{bundled.f1:.3f}", bundled.f1 >= 0.95),
        ("split recall ≥ 0.8", f"{split:.2f}", split >= 0.8),
        ("merge recall ≥ 0.8", f"{merged:.2f}", merged >= 0.8),
        ("real pair F1 ≥ 0.9", f"{real.f1:.3f}", real.f1 >= 0.9),
        ("moves reported when order is unchanged = 0", str(moves), moves == 0),
    ]


def report(outcomes: dict[str, Outcome], cases: Sequence[Case]) -> str:
    counts = {g: sum(1 for c in cases if c.group == g) for g in GROUP_TITLES}
    lines = [
        "# Alignment benchmark",
        "",
        "Produced by `python benchmarks/alignment.py` (fixed seed "
        f"{SEED}; {counts['bundled']} mutated and {counts['ordered']} order-preserving copies "
        "of the bundled plans, one generated pair, one real pair). A pair is an (old number, new "
        "number) that the method puts together; split and merge count one pair per part. "
        "Per-kind columns give the recall of true pairs of that kind (their count in brackets).",
        "",
        *table(outcomes),
        "",
        "plandiff names the kind as well as finding the pair (true pairs found *and* labelled "
        "moved / renumbered / split / merged):",
        "",
    ]
    for group in GROUP_TITLES:
        named = outcomes[group].named if group in outcomes else None
        if named:
            parts = [f"{k} {h}/{t}" for k, (h, t) in sorted(named.items()) if t]
            lines.append(f"- {GROUP_TITLES[group]}: {', '.join(parts) or 'no such pairs'}")
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for name, value, ok in verdicts(outcomes):
        lines.append(f"| {name} | {value} | {'yes' if ok else 'NO'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rounds", type=int, default=ROUNDS, help="mutated copies of each bundled plan"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "ALIGNMENT.md")
    args = parser.parse_args(argv)
    cases = all_cases(args.rounds)
    outcomes = run(cases)
    text = report(outcomes, cases)
    print(text, end="")
    generate.write_text(args.out, text)
    if args.out == ROOT / "benchmarks" / "ALIGNMENT.md":
        generate.update_readme("alignment-results", text.split("\n", 2)[2])
    return 0 if all(ok for _, _, ok in verdicts(outcomes)) else 1


if __name__ == "__main__":
    sys.exit(main())
