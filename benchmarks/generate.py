"""Seeded synthetic plan pairs with known truth: ``python benchmarks/generate.py --size 1000``.

Each old provision meets one fate, drawn independently (the default mix): 70% unchanged,
15% reworded, 5% moved (half of them also reworded), 3% removed, 2% split into 2-3 parts,
2% merged with the next one or two; after any provision a new one is added with 3% chance.
New provisions are numbered 1..m, so everything after an insertion or removal is renumbered.
``--worst`` edits every provision slightly on top of that, so nothing stays byte-identical.
``Mix(heavy=True)`` rewrites every reworded, moved, split or merged provision heavily
(``textgen.paraphrase``), as real successive drafts are.

The truth file lists groups ``{"kind", "old": [numbers], "new": [numbers]}``; a pair is any
(old, new) within a group of kind unchanged, reworded, moved, split or merged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import textgen

CACHE = Path(__file__).resolve().parent / ".cache"
SIZES = (30, 1000, 10000, 30000)


@dataclass(frozen=True)
class Mix:
    """Chance of each fate per old provision (unchanged takes the rest)."""

    reworded: float = 0.15
    moved: float = 0.05
    removed: float = 0.03
    split: float = 0.02
    merged: float = 0.02
    added: float = 0.03
    edit_all: bool = False  # the worst case: every surviving provision slightly edited
    # Real successive drafts: reworded and moved provisions are rewritten heavily
    # (``textgen.paraphrase``), and split or merged parts are rewritten too.
    heavy: bool = False


@dataclass
class _Slot:
    text: str
    group: int  # index into the groups list


def mutate(
    rng: random.Random,
    old_texts: Sequence[str],
    mix: Mix,
    new_text: Callable[[], str],
) -> tuple[list[str], list[dict[str, object]]]:
    """Apply the mix to ``old_texts``; return the new texts and groups of old/new indices."""
    groups: list[dict[str, object]] = []
    slots: list[_Slot] = []
    moved: list[tuple[int, _Slot]] = []
    i = 0
    n = len(old_texts)
    while i < n:
        text = old_texts[i]
        r = rng.random()
        edges = (mix.reworded, mix.moved, mix.removed, mix.split, mix.merged)
        bounds = [sum(edges[: k + 1]) for k in range(len(edges))]
        fate = "unchanged"
        for name, bound in zip(
            ("reworded", "moved", "removed", "split", "merged"), bounds, strict=True
        ):
            if r < bound:
                fate = name
                break
        parts = textgen.split_text(rng, text) if fate == "split" else None
        if fate == "split" and parts is None:
            fate = "reworded"
        if fate == "merged" and i + 1 >= n:
            fate = "reworded"
        g = len(groups)
        if fate == "removed":
            groups.append({"kind": "removed", "old": [i], "new": []})
        elif fate == "split" and parts is not None:
            groups.append({"kind": "split", "old": [i], "new": []})
            slots.extend(_Slot(_part(rng, p, mix), g) for p in parts)
        elif fate == "merged":
            take = 3 if i + 2 < n and rng.random() < 0.2 else 2
            members = list(range(i, i + take))
            groups.append({"kind": "merged", "old": members, "new": []})
            merged = textgen.merge_texts(rng, [old_texts[j] for j in members])
            slots.append(_Slot(textgen.paraphrase(rng, merged) if mix.heavy else merged, g))
            i += take - 1
        elif fate == "moved":
            if mix.heavy:
                edited = textgen.paraphrase(rng, text)
            elif rng.random() < 0.5:
                edited = textgen.reword(rng, text)
            else:
                edited = _touch(rng, text, mix, 0)
            groups.append({"kind": "moved", "old": [i], "new": []})
            moved.append((len(slots), _Slot(edited, g)))
        elif fate == "reworded":
            groups.append({"kind": "reworded", "old": [i], "new": []})
            rewrite = textgen.paraphrase if mix.heavy else textgen.reword
            slots.append(_Slot(rewrite(rng, text), g))
        else:
            kind = "reworded" if mix.edit_all else "unchanged"
            groups.append({"kind": kind, "old": [i], "new": []})
            slots.append(_Slot(_touch(rng, text, mix, 0), g))
        if rng.random() < mix.added:
            groups.append({"kind": "added", "old": [], "new": []})
            slots.append(_Slot(new_text(), len(groups) - 1))
        i += 1
    for origin, slot in moved:
        slots.insert(_far_from(rng, origin, len(slots)), slot)
    for index, slot in enumerate(slots):
        members = groups[slot.group]["new"]
        assert isinstance(members, list)
        members.append(index)
    return [s.text for s in slots], groups


def _touch(rng: random.Random, text: str, mix: Mix, chance: float) -> str:
    if mix.edit_all or rng.random() < chance:
        return textgen.slight_edit(rng, text)
    return text


def _part(rng: random.Random, text: str, mix: Mix) -> str:
    return textgen.paraphrase(rng, text) if mix.heavy else _touch(rng, text, mix, 0.3)


def _far_from(rng: random.Random, origin: int, length: int) -> int:
    # A move that lands next to where it came from is no move at all; keep a clear distance.
    gap = max(2, length // 20)
    choices = [k for k in (rng.randrange(length + 1) for _ in range(20)) if abs(k - origin) > gap]
    if choices:
        return choices[0]
    return length if origin < length // 2 else 0


def plan_json(
    plan_id: str,
    version: str,
    date: str,
    numbers: Sequence[str],
    texts: Sequence[str],
    parent: str | None = None,
    title: str = "Synthetic agreement",
) -> dict[str, object]:
    plan: dict[str, object] = {
        "id": plan_id,
        "title": title,
        "version": version,
        "date": date,
        "completeness": "full",
        "provisions": [
            {"number": num, "text": text, "provenance": "confirmed"}
            for num, text in zip(numbers, texts, strict=True)
        ],
    }
    if parent:
        plan["parent"] = parent
    return plan


def truth_json(
    groups: list[dict[str, object]], old_numbers: Sequence[str], new_numbers: Sequence[str]
) -> dict[str, object]:
    out = []
    for g in groups:
        olds = g["old"]
        news = g["new"]
        assert isinstance(olds, list) and isinstance(news, list)
        if g["kind"] == "split" and len(news) == 1:
            kind = "reworded"  # a split whose parts ended up as one provision is no split
        elif g["kind"] == "moved" and not news:
            continue
        else:
            kind = str(g["kind"])
        out.append(
            {
                "kind": kind,
                "old": [old_numbers[k] for k in olds],
                "new": [new_numbers[k] for k in news],
            }
        )
    return {"groups": out}


def synthetic_pair(
    size: int,
    seed: int = 20261127,
    worst: bool = False,
) -> tuple[dict[str, object], dict[str, object], dict[str, object]]:
    """The old plan, the new plan and the truth for one size."""
    rng = random.Random(seed * 1_000_003 + size + (7 if worst else 0))
    vocab = textgen.Vocabulary(rng)
    topic_run = {"topic": 0, "left": 0}

    def fresh() -> str:
        # Real plans group provisions by subject: runs of 3-15 provisions share a topic.
        if topic_run["left"] <= 0:
            topic_run["topic"] = rng.randrange(len(vocab.topics))
            topic_run["left"] = rng.randint(3, 15)
        topic_run["left"] -= 1
        return textgen.provision_text(rng, vocab, topic_run["topic"])

    seen: set[str] = set()
    old_texts: list[str] = []
    while len(old_texts) < size:
        text = fresh()
        if text not in seen:
            seen.add(text)
            old_texts.append(text)
    new_texts, groups = mutate(rng, old_texts, Mix(edit_all=worst), fresh)
    old_numbers = [str(k + 1) for k in range(len(old_texts))]
    new_numbers = [str(k + 1) for k in range(len(new_texts))]
    label = f"{'worst' if worst else 'synthetic'}-{size}"
    old = plan_json(
        f"{label}-old",
        "old",
        "2026-01-05",
        old_numbers,
        old_texts,
        title=f"Synthetic agreement, {size:,} provisions",
    )
    new = plan_json(
        f"{label}-new",
        "new",
        "2026-02-09",
        new_numbers,
        new_texts,
        parent=f"{label}-old",
        title=f"Synthetic agreement, {size:,} provisions",
    )
    return old, new, truth_json(groups, old_numbers, new_numbers)


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def write_text(path: Path, text: str) -> None:
    """Write a results file whole or not at all."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def update_readme(name: str, block: str, readme: Path = CACHE.parents[1] / "README.md") -> bool:
    """Replace the text between ``<!-- name -->`` and ``<!-- /name -->`` in the README."""
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    try:
        text = readme.read_text(encoding="utf-8")
    except OSError:
        return False
    if start not in text or end not in text:
        return False
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    write_text(readme, f"{head}{start}\n{block.strip()}\n{end}{tail}")
    return True


def ensure_pair(
    size: int, worst: bool = False, directory: Path = CACHE, seed: int = 20261127
) -> tuple[Path, Path, Path]:
    """Write (once) and return the paths of old, new and truth for a size."""
    label = f"{'worst' if worst else 'synthetic'}-{size}-s{seed}"
    paths = tuple(directory / f"{label}-{part}.json" for part in ("old", "new", "truth"))
    if not all(p.exists() for p in paths):
        old, new, truth = synthetic_pair(size, seed, worst)
        for path, data in zip(paths, (old, new, truth), strict=True):
            write_json(path, data)
    return paths[0], paths[1], paths[2]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size",
        type=int,
        action="append",
        help=f"provisions in the old plan (repeatable; default {SIZES})",
    )
    parser.add_argument("--worst", action="store_true", help="edit every provision slightly")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--out", type=Path, default=CACHE)
    args = parser.parse_args(argv)
    for size in args.size or SIZES:
        paths = ensure_pair(size, args.worst, args.out, args.seed)
        print(" ".join(str(p) for p in paths))


if __name__ == "__main__":
    main()
