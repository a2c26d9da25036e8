"""Findings benchmark: ``python benchmarks/findings.py`` (``--size N``, repeatable).

Times (in CPU seconds, steadier than wall time on a shared machine) ``annotate()`` alone on
generated plan pairs where every provision was edited (the worst case for findings: nothing
is byte-identical, so every pair is read), and ``topics_for()`` over every provision of both
plans. The provision changes are built from the generator's known truth with a plain word diff
before the clock starts, so only the findings stage is measured.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import re
import statistics
import sys
import time
from functools import partial
from pathlib import Path

from plandiff.documents.load import load_plan_text

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "src"))

from benchmarks import generate
from plandiff.findings import topics
from plandiff.findings.headlines import annotate, topics_for
from plandiff.model.changes import ChangeKind, ProvisionChange, ProvisionRef, WordEdit
from plandiff.model.options import CompareOptions
from plandiff.model.plan import Plan, Provision

_TOKEN = re.compile(r"[\w,.%$]+|[^\w\s]|\s+")
_KINDS = {"unchanged": ChangeKind.UNCHANGED, "reworded": ChangeKind.MODIFIED,
          "moved": ChangeKind.MOVED, "split": ChangeKind.SPLIT, "merged": ChangeKind.MERGED,
          "added": ChangeKind.ADDED, "removed": ChangeKind.REMOVED}  # fmt: skip


def _edits(old: str, new: str) -> tuple[WordEdit, ...]:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return tuple(
        WordEdit(op=op, old="".join(a[i1:i2]), new="".join(b[j1:j2]))  # type: ignore[arg-type]
        for op, i1, i2, j1, j2 in ops
    )


def changes_from_truth(
    old: Plan, new: Plan, truth: dict[str, object]
) -> tuple[ProvisionChange, ...]:
    """Provision changes as a perfect aligner would report them."""
    olds = {p.number: (i, p) for i, p in enumerate(old.provisions)}
    news = {p.number: (i, p) for i, p in enumerate(new.provisions)}
    out = []
    groups = truth["groups"]
    assert isinstance(groups, list)
    for n, group in enumerate(groups):
        refs_old = tuple(ProvisionRef(number=k, position=olds[k][0], text=olds[k][1].text)
                         for k in group["old"])  # fmt: skip
        refs_new = tuple(ProvisionRef(number=k, position=news[k][0], text=news[k][1].text)
                         for k in group["new"])  # fmt: skip
        old_text = " ".join(r.text for r in refs_old)
        new_text = " ".join(r.text for r in refs_new)
        kind = _KINDS[group["kind"]]
        if kind is not ChangeKind.UNCHANGED and old_text == new_text:
            kind = ChangeKind.UNCHANGED if kind is ChangeKind.MODIFIED else kind
        out.append(ProvisionChange(id=f"c-{n}", kind=kind, old=refs_old, new=refs_new,
                                   confidence=1.0, edits=_edits(old_text, new_text)))  # fmt: skip
    return tuple(out)


def _median_time(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        run()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, action="append", help="default: 1000 and 10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    options = CompareOptions()
    print(
        "| provisions | changes read | findings | annotate (CPU s)"
        " | topics_for, both plans (CPU s) |"
    )
    print("|---:|---:|---:|---:|---:|")
    for size in args.size or (1000, 10000):
        raw_old, raw_new, truth = generate.synthetic_pair(size, worst=True)
        old = load_plan_text(_dump(raw_old), "plan.json")
        new = load_plan_text(_dump(raw_new), "plan.json")
        changes = changes_from_truth(old, new, truth)
        read = sum(c.kind not in {ChangeKind.UNCHANGED, ChangeKind.NOT_COVERED} for c in changes)
        findings, _ = annotate(changes, options=options)
        t_annotate = _median_time(partial(annotate, changes, options=options), args.repeat)
        provisions = (*old.provisions, *new.provisions)
        t_topics = _median_time(partial(_all_topics, provisions), args.repeat)
        print(f"| {size:,} | {read:,} | {len(findings):,} | {t_annotate:.3f} | {t_topics:.3f} |")


def _all_topics(provisions: tuple[Provision, ...]) -> None:
    # topics_for remembers recent texts; start cold so each run measures the scanning itself.
    topics._topics_in.cache_clear()
    for provision in provisions:
        topics_for(provision)


def _dump(data: object) -> str:

    return json.dumps(data)


if __name__ == "__main__":
    main()
