"""Speed benchmark: ``python benchmarks/speed.py`` (``--quick`` for 30 and 1,000 provisions).

For each generated plan pair (``benchmarks/generate.py``) it measures, in the same run: the
physical floor (``benchmarks/floor.py`` as a process: read both files, pair identical texts by
hash, write a report of the size of plandiff's), ``git diff --no-index --word-diff`` on the
same texts (one provision per line), plandiff's library stages in-process (median wall time;
peak traced memory from a separate ``tracemalloc`` run), the whole ``plandiff compare`` process
(the console script, as users run it) to JSON, Markdown and HTML (median wall and CPU time, peak
RSS), each as a multiple of the floor, the floor and the three formats taking turns run after
run; the pair precision/recall of plandiff and of git's line alignment, and deepdiff on the two
JSON documents at 1,000 and 10,000. Start-up (``--version``, the bundled pair to JSON and to
Markdown) is measured too. Results: ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    # The repository's own code unless plandiff is already importable (installed, PYTHONPATH).
    sys.path.append(str(Path(__file__).resolve().parents[1] / "src"))

from benchmarks import generate, scoring, startup

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("json", "markdown", "html")
DEEPDIFF_SIZES = (1000, 10000)
FLOOR_RUNS = 5  # at least this many runs of the floor per pair


@dataclass
class Row:
    """Every figure measured for one plan pair."""

    label: str
    size: int
    floor: float = 0.0  # benchmarks/floor.py as a process: wall time
    floor_cpu: float = 0.0
    report_bytes: int = 0
    git: float = 0.0
    git_pr: tuple[float, float] = (0.0, 0.0)
    stages: dict[str, float] = field(default_factory=dict)
    stage_mem: dict[str, float] = field(default_factory=dict)  # MB, traced peak
    cli: dict[str, float] = field(default_factory=dict)
    cli_rss: dict[str, float] = field(default_factory=dict)  # MB
    cli_cpu: dict[str, float] = field(default_factory=dict)  # user + system seconds
    pr: tuple[float, float, float] = (0.0, 0.0, 0.0)
    deepdiff: float | None = None
    deepdiff_pr: tuple[float, float] | None = None
    deepdiff_unordered: float | None = None


def env() -> dict[str, str]:
    out = dict(os.environ)
    # Same rule as in-process: an importable plandiff (PYTHONPATH) first, else this checkout.
    out["PYTHONPATH"] = os.pathsep.join(
        p for p in (out.get("PYTHONPATH", ""), str(ROOT / "src")) if p
    )
    # Measure what users run: Python keeps compiled modules (__pycache__) after the first run.
    # With PYTHONDONTWRITEBYTECODE set, every process compiles plandiff's sources anew (~0.1 s).
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    return out


def plandiff_command() -> list[str]:
    """The console script beside this interpreter (what users run), else ``python -m``."""
    script = Path(sys.executable).with_name("plandiff")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "plandiff"]


def median_of(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# Linux carries a process's peak RSS across fork and exec: a command started straight from this
# (large) benchmark process would report this process's size as its own peak. So a small
# launcher starts it, times it, and reads its rusage from wait4.
_LAUNCHER = """
import json, os, subprocess, sys, time
out = open(sys.argv[1], "wb") if sys.argv[1] else subprocess.DEVNULL
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], stdout=out, stderr=subprocess.PIPE)
err = proc.stderr.read()
_, status, usage = os.wait4(proc.pid, 0)
elapsed = time.perf_counter() - start
sys.stderr.buffer.write(err)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps([elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status), cpu]))
"""


def run_process(
    cmd: list[str], stdout: Path | None = None, ok: tuple[int, ...] = (0, 1)
) -> tuple[float, float, float]:
    """Wall time, peak RSS (MB) and CPU time (user + system) of one child process, from its
    own rusage. On a shared machine the CPU time is the steadier of the two times."""
    proc = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, str(stdout or ""), *cmd],
        capture_output=True,
        env=env(),
        cwd=ROOT,
        check=False,
    )
    err = proc.stderr
    try:
        elapsed, maxrss_kb, code, cpu = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit(f"{' '.join(cmd)}: launcher failed: {err.decode()[-500:]}") from None
    # An uncaught exception also exits 1, the code for "differences": look at stderr too.
    if code not in ok or b"Traceback" in err:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err.decode()[-500:]}")
    return float(elapsed), maxrss_kb / 1024, float(cpu)


def median_process(
    cmd: list[str],
    runs: int,
    stdout: Path | None = None,
) -> tuple[float, float, float]:
    """Median wall time, largest peak RSS and median CPU time of ``runs`` runs."""
    results = [run_process(cmd, stdout) for _ in range(runs)]
    return (
        statistics.median(t for t, _, _ in results),
        max(m for _, m, _ in results),
        statistics.median(c for _, _, c in results),
    )


def lines_file(plan_path: Path, target: Path) -> list[str]:
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    target.write_text(
        "".join(" ".join(p["text"].split()) + "\n" for p in plan["provisions"]), encoding="utf-8"
    )
    return [p["number"] for p in plan["provisions"]]


def measure(label: str, size: int, worst: bool, runs: int, work: Path, trace: bool = True) -> Row:
    from plandiff import compare, load_plan, render

    row = Row(label, size)
    old_path, new_path, truth_path = generate.ensure_pair(size, worst)
    truth = scoring.load_truth(truth_path)

    old_txt, new_txt = work / f"{label}-old.txt", work / f"{label}-new.txt"
    old_numbers, new_numbers = lines_file(old_path, old_txt), lines_file(new_path, new_txt)
    git = ["git", "diff", "--no-index", "--no-color", "--word-diff", str(old_txt), str(new_txt)]
    row.git, _, _ = median_process(git, runs, work / "git-word.diff")
    unified = work / "git-u0.diff"
    run_process(
        ["git", "diff", "--no-index", "--no-color", "-U0", str(old_txt), str(new_txt)], unified
    )
    git_pairs = scoring.unified_diff_pairs(
        unified.read_text(encoding="utf-8"), old_numbers, new_numbers
    )
    g = scoring.score(git_pairs, truth)
    row.git_pr = (g.precision, g.recall)

    # In-process stages. Timed runs first, then one traced run for memory (tracemalloc slows
    # everything down, so it never touches the timings).
    def stages(trace: bool) -> dict[str, float]:
        out: dict[str, float] = {}
        state: dict[str, Any] = {}
        steps: list[tuple[str, Callable[[], None]]] = [
            ("load", lambda: state.update(old=load_plan(old_path), new=load_plan(new_path))),
            *_inner_stages(state),
            ("compare", lambda: state.update(cmp=compare(state["old"], state["new"]))),
            *_findings_stage(state),
        ]
        steps += [(f"render {fmt}", _renderer(render, state, fmt)) for fmt in FORMATS]
        for name, step in steps:
            if trace:
                tracemalloc.start()
                step()
                out[name] = tracemalloc.get_traced_memory()[1] / 2**20
                tracemalloc.stop()
            else:
                start = time.perf_counter()
                step()
                out[name] = time.perf_counter() - start
        return out

    timings = [stages(False) for _ in range(runs)]
    row.stages = {k: statistics.median(t[k] for t in timings) for k in timings[0]}
    gc.collect()
    if trace:
        row.stage_mem = stages(True)

    # The floor and the formats take turns, run after run: a ratio to the floor, and what
    # Markdown and HTML add to JSON, are ratios and differences of medians, only fair on a
    # shared machine whose speed drifts if all of them ran under the same conditions.
    commands = {
        fmt: [
            *plandiff_command(),
            "compare",
            str(old_path),
            str(new_path),
            "--format",
            fmt,
            "-o",
            str(work / f"{label}.{fmt}"),
        ]
        for fmt in FORMATS
    }
    run_process(commands["json"])  # the report's size is the floor's, and caches are warm
    row.report_bytes = (work / f"{label}.json").stat().st_size
    floor_cmd = [
        sys.executable,
        str(ROOT / "benchmarks" / "floor.py"),
        str(old_path),
        str(new_path),
        str(work / f"{label}.floor"),
        str(row.report_bytes),
    ]
    commands = {"floor": floor_cmd, **commands}
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            results[name].append(run_process(cmd, ok=(0, 1) if name != "floor" else (0,)))
    # The floor is cheap next to plandiff and the noisier of the two (allocating and writing
    # tens of megabytes): a few samples of it even where plandiff runs once.
    for _ in range(FLOOR_RUNS - runs):
        results["floor"].append(run_process(floor_cmd, ok=(0,)))
    floor_runs = results.pop("floor")
    row.floor = statistics.median(t for t, _, _ in floor_runs)
    row.floor_cpu = statistics.median(c for _, _, c in floor_runs)
    for fmt, measured in results.items():
        row.cli[fmt] = statistics.median(t for t, _, _ in measured)
        row.cli_rss[fmt] = max(m for _, m, _ in measured)
        row.cli_cpu[fmt] = statistics.median(c for _, _, c in measured)
    report = json.loads((work / f"{label}.json").read_text(encoding="utf-8"))
    s = scoring.score(scoring.pairs_of_changes(report["changes"]), truth)
    row.pr = (s.precision, s.recall, s.f1)

    if size in DEEPDIFF_SIZES and not worst:
        row.deepdiff, row.deepdiff_pr, row.deepdiff_unordered = _deepdiff(
            old_path, new_path, truth, 1 if size >= 10000 else runs
        )
    return row


def _inner_stages(state: dict[str, Any]) -> list[tuple[str, Callable[[], None]]]:
    """The alignment and the word diff of its pairs, timed apart where the library has them.

    ``compare()`` runs these itself, with the cyclic garbage collector paused; timing them
    separately, paused the same way, shows where its time goes.
    """
    try:
        from plandiff.align.aligner import align
        from plandiff.model.options import CompareOptions
        from plandiff.util.gcpause import gc_paused
        from plandiff.wording.edits import word_edits
    except ImportError:
        return []
    options = CompareOptions()

    def aligning() -> None:
        with gc_paused():
            state["alignment"] = align(
                state["old"].provisions, state["new"].provisions, options=options
            )

    def diffing() -> None:
        old, new = state["old"].provisions, state["new"].provisions
        with gc_paused():
            for m in state["alignment"].matches:
                word_edits(
                    " ".join(old[i].text for i in m.old),
                    " ".join(new[j].text for j in m.new),
                    cap=options.word_diff_cap,
                )

    return [("align", aligning), ("word diff", diffing)]


def _findings_stage(state: dict[str, Any]) -> list[tuple[str, Callable[[], None]]]:
    try:
        from plandiff.findings.headlines import annotate
        from plandiff.util.gcpause import gc_paused
    except ImportError:
        return []

    def finding() -> None:
        with gc_paused():
            state["findings"] = annotate(state["cmp"].changes, options=state["cmp"].options)

    return [("findings", finding)]


def _renderer(render: Callable[..., str], state: dict[str, Any], fmt: str) -> Callable[[], None]:
    return lambda: state.update({fmt: render(state["cmp"], fmt)})


def _deepdiff(
    old_path: Path,
    new_path: Path,
    truth: scoring.Truth,
    runs: int,
) -> tuple[float, tuple[float, float], float]:
    from deepdiff import DeepDiff

    old = json.loads(old_path.read_text(encoding="utf-8"))
    new = json.loads(new_path.read_text(encoding="utf-8"))
    result: dict[str, Any] = {}
    elapsed = median_of(lambda: result.update(d=DeepDiff(old, new)), runs)
    unordered = median_of(lambda: DeepDiff(old, new, ignore_order=True), runs)
    # deepdiff compares the provision lists index by index: item i is "the same" as item i
    # unless it reports the index as added or removed.
    diff = result["d"]
    skipped_old = _indices(diff.get("iterable_item_removed", {}))
    skipped_new = _indices(diff.get("iterable_item_added", {}))
    pairs = scoring.positional_pairs(
        [p["number"] for p in old["provisions"]],
        [p["number"] for p in new["provisions"]],
        skipped_old,
        skipped_new,
    )
    s = scoring.score(pairs, truth)
    return elapsed, (s.precision, s.recall), unordered


def _indices(paths: Any) -> set[int]:
    out = set()
    for path in paths:
        if str(path).startswith("root['provisions']["):
            out.add(int(str(path).split("[")[2].rstrip("]")))
    return out


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 2**20:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{model}, {os.cpu_count()} cores{mem}; Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()} {platform.release()}"
    )


def growth(rows: list[Row], pick: Callable[[Row], float]) -> float | None:
    plain = {r.size: pick(r) for r in rows if r.label.startswith("synthetic")}
    if 1000 in plain and 30000 in plain:
        return math.log(plain[30000] / plain[1000]) / math.log(30)
    return None


@dataclass
class Startup:
    version: float
    bundled_markdown: float | None
    imports: dict[str, tuple[float, list[startup.Heavy]]]
    bundled_json: float | None = None
    bundled_json_cpu: float | None = None


def measure_startup(runs: int) -> Startup:
    python = plandiff_command()
    version = startup.timed([*python, "--version"], runs)
    pair = startup.bundled_pair()
    bundled = bundled_json = bundled_json_cpu = None
    if pair:
        bundled = startup.timed(
            [*python, "compare", str(pair[0]), str(pair[1]), "--format", "markdown"], runs
        )
        # To JSON, the target's measure: median wall and CPU time of whole processes.
        cmd = [*python, "compare", str(pair[0]), str(pair[1]), "--format", "json"]
        run_process(cmd)
        timed = [run_process(cmd) for _ in range(runs)]
        bundled_json = statistics.median(t for t, _, _ in timed)
        bundled_json_cpu = statistics.median(c for _, _, c in timed)
    imports = {}
    for args in (["--version"], ["compare", "--help"]):
        imports[" ".join(args)] = startup.heavy_imports(args)
    if pair:
        args = ["compare", str(pair[0]), str(pair[1]), "--format", "json"]
        imports["compare (bundled pair to JSON)"] = startup.heavy_imports(args)
    return Startup(version, bundled, imports, bundled_json, bundled_json_cpu)


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f} s"


def targets(rows: list[Row], st: Startup | None) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met?) for every target of the performance work."""
    by = {r.label: r for r in rows}
    out: list[tuple[str, str, bool | None]] = []

    def to_floor(r: Row, bound: float) -> tuple[str, str, bool]:
        ratio = r.cli["json"] / r.floor
        measured = (
            f"{ratio:.2f}x ({_s(r.cli['json'])} against {_s(r.floor)}; CPU "
            f"{r.cli_cpu['json'] / r.floor_cpu:.2f}x, {_s(r.cli_cpu['json'])} against "
            f"{_s(r.floor_cpu)})"
        )
        return (
            f"{r.size:,}{' worst' if r.label.startswith('worst') else ''}: "
            f"CLI to JSON ≤ {bound}x the floor",
            measured,
            ratio <= bound,
        )

    r10, r30, w10 = by.get("synthetic-10000"), by.get("synthetic-30000"), by.get("worst-10000")
    if r10:
        out.append(to_floor(r10, 3.5))
    if r30:
        out.append(to_floor(r30, 3.5))
    if w10:
        out.append(to_floor(w10, 6))
    g_cli = growth(rows, lambda r: r.cli["json"])
    if g_cli is not None:
        out.append(
            ("growth 1,000→30,000 ≤ n^1.10 (whole CLI to JSON)", f"n^{g_cli:.2f}", g_cli <= 1.10)
        )
    if r10:
        rss = max(r10.cli_rss.values())
        out.append(("10,000: peak memory ≤ 150 MB", f"{rss:.0f} MB", rss <= 150))
        out.append(("10,000: pair F1 ≥ 0.99", f"{r10.pr[2]:.4f}", r10.pr[2] >= 0.99))
    if st and st.bundled_json is not None:
        out.append(
            (
                "bundled pair to JSON ≤ 0.13 s",
                f"{_s(st.bundled_json)} (CPU {_s(st.bundled_json_cpu)})",
                st.bundled_json <= 0.13,
            )
        )
    if st:
        _, heavy = st.imports["--version"]
        lazy = {h.module for h in heavy} & {"pydantic", "jinja2", "deepdiff", "rich"}
        out.append(
            (
                "`--version` loads none of pydantic, jinja2, deepdiff, rich",
                ", ".join(sorted(lazy)) or "none loaded",
                not lazy,
            )
        )
    return out


def results_markdown(
    rows: list[Row], st: Startup | None, command: str, load: tuple[float, float]
) -> str:
    stage_names = list(dict.fromkeys(k for r in rows for k in r.stages))
    lines = [
        "# Speed benchmark",
        "",
        f"Produced by `{command}` on {machine()}; code at commit {_commit()}; load average "
        f"{load[0]:.1f} at the start and {load[1]:.1f} at the end{_busy(load)}. Medians of "
        "several runs, all measured in the same run; plan pairs from `benchmarks/generate.py` "
        "(seeded; ~76-word provisions; 70% unchanged, 15% reworded, 5% moved, 3% removed, 3% "
        "added, 2% split, 2% merged; *worst* edits every provision slightly).",
        "",
        "## Whole process",
        "",
        "`plandiff compare OLD NEW --format F -o FILE` (the console script) in a fresh process "
        "(interpreter start-up included, compiled-module caches kept as after any first run); "
        "wall time and CPU time (user + system); peak RSS is the largest of the three formats. "
        "Floor: `benchmarks/floor.py` as a process (start Python, read and parse both files, "
        "pair identical texts by hash, write as many bytes as plandiff's JSON report), taking "
        "turns with the three formats (and run at least five times, its median taken); x floor "
        "is wall time over the floor's, and CPU time over "
        "the floor's. git: `git diff --no-index --word-diff` on the same texts, one provision "
        "per line. Pair P/R against the known truth (git's from its line alignment).",
        "",
        "| pair | provisions | floor (CPU) | git word-diff | plandiff → JSON | JSON, CPU | x floor "
        "| x floor, CPU | x git | → Markdown | → HTML | peak RSS | plandiff pair P / R / F1 "
        "| git pair P / R |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.label.split('-')[0]} | {r.size:,} | {r.floor:.3f} s ({r.floor_cpu:.3f} s) | "
            f"{r.git:.3f} s | {r.cli['json']:.3f} s | {r.cli_cpu['json']:.3f} s | "
            f"{r.cli['json'] / r.floor:.2f} | {r.cli_cpu['json'] / r.floor_cpu:.2f} | "
            f"{r.cli['json'] / r.git:.1f} | {r.cli['markdown']:.3f} s | {r.cli['html']:.3f} s | "
            f"{max(r.cli_rss.values()):.0f} MB | {r.pr[0]:.4f} / {r.pr[1]:.4f} / {r.pr[2]:.4f} | "
            f"{r.git_pr[0]:.3f} / {r.git_pr[1]:.3f} |"
        )
    lines += [
        "",
        "## Library stages, in-process",
        "",
        "`load_plan` of both files; `align` (the alignment pass alone) and `word diff` "
        "(`word_edits` over the pairs it found) and `findings` (`annotate` of the finished "
        "changes) are the inner steps timed one by one, with the cyclic garbage collector "
        "paused as `compare()` pauses it; `compare()` is the whole pipeline, "
        "which runs them all again plus building the records; then `render(comparison, fmt)` "
        "per format. Memory is the peak of Python allocations made during the stage "
        "(tracemalloc, in a separate untimed run).",
        "",
        "| pair | provisions | " + " | ".join(stage_names) + " |",
        "|---|---|" + "---|" * len(stage_names),
    ]
    for r in rows:
        cells = " | ".join(_stage_cell(r, k) for k in stage_names)
        lines.append(f"| {r.label.split('-')[0]} | {r.size:,} | {cells} |")
    dd = [r for r in rows if r.deepdiff is not None]
    if dd:
        lines += [
            "",
            "## deepdiff on the two JSON documents",
            "",
            "deepdiff compares the provision lists index by index, so one insertion shifts "
            "every later pair; its pair P/R is that positional pairing scored against the truth.",
            "",
            "| provisions | deepdiff | ignore_order | plandiff → JSON (whole process) "
            "| deepdiff pair P / R |",
            "|---|---|---|---|---|",
        ]
        for r in dd:
            assert r.deepdiff_pr is not None
            lines.append(
                f"| {r.size:,} | {_s(r.deepdiff)} | {_s(r.deepdiff_unordered)} | "
                f"{_s(r.cli['json'])} | {r.deepdiff_pr[0]:.3f} / "
                f"{r.deepdiff_pr[1]:.3f} |"
            )
    g_cli = growth(rows, lambda r: r.cli["json"])
    g_lib = growth(rows, lambda r: r.stages["load"] + r.stages["compare"])
    if g_cli is not None and g_lib is not None:
        lines += [
            "",
            f"Growth from 1,000 to 30,000 provisions: whole CLI to JSON n^{g_cli:.2f}; "
            f"in-process load + compare n^{g_lib:.2f}.",
        ]
    if st:
        lines += [
            "",
            "## Start-up",
            "",
            f"- `plandiff --version`: {_s(st.version)} (median, whole process)",
            f"- bundled pair to JSON: {_s(st.bundled_json)}, CPU {_s(st.bundled_json_cpu)} "
            "(median, whole process)",
            f"- bundled pair to Markdown: {_s(st.bundled_markdown)} (median, whole process)",
        ]
        for what, (total, heavy) in st.imports.items():
            names = (
                ", ".join(
                    f"{h.module} ({h.seconds:.3f} s, imported by `{h.importer}`)" for h in heavy
                )
                or "none"
            )
            lines.append(
                f"- `plandiff {what}` imports {total:.3f} s of modules; heavy "
                f"packages loaded: {names}"
            )
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    for name, value, ok in targets(rows, st):
        lines.append(f"| {name} | {value} | {'—' if ok is None else 'yes' if ok else 'NO'} |")
    return "\n".join(lines) + "\n"


def readme_block(results: str) -> str:
    """The README's share of the results: the machine line, the whole-process table, targets."""
    sections = results.split("\n## ")
    intro = sections[0].split("\n\n", 1)[1].strip()
    keep = [intro]
    for section in sections[1:]:
        title, body = section.split("\n", 1)
        if title in ("Whole process", "Targets"):
            table = [line for line in body.splitlines() if line.startswith("|")]
            keep.append(
                f"**{title}** (full tables in `benchmarks/RESULTS.md`):\n\n" + "\n".join(table)
            )
    return "\n\n".join(keep)


def _stage_cell(r: Row, stage: str) -> str:
    if stage not in r.stages:
        return "—"
    if stage not in r.stage_mem:
        return f"{r.stages[stage]:.3f} s"
    return f"{r.stages[stage]:.3f} s / {r.stage_mem[stage]:.0f} MB"


def _busy(load: tuple[float, float]) -> str:
    cores = os.cpu_count() or 1
    if max(load) <= cores:
        return ""
    return (
        f" (other work on this shared machine was competing for its {cores} cores, so "
        "every time here is inflated by it)"
    )


def _commit() -> str:
    proc = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return proc.stdout.strip() or "unknown"


def print_row(r: Row) -> None:
    stages = ", ".join(f"{k} {_stage_cell(r, k)}" for k in r.stages)
    print(
        f"{r.label}: floor {r.floor:.3f} s (CPU {r.floor_cpu:.3f} s), git {r.git:.3f} s "
        f"(P/R {r.git_pr[0]:.3f}/{r.git_pr[1]:.3f}); CLI json {r.cli['json']:.3f} s "
        f"({r.cli['json'] / r.floor:.2f}x floor, CPU {r.cli_cpu['json'] / r.floor_cpu:.2f}x; "
        f"{r.cli['json'] / r.git:.1f}x git), markdown {r.cli['markdown']:.3f} s, html "
        f"{r.cli['html']:.3f} s, peak RSS {max(r.cli_rss.values()):.0f} MB; pair "
        f"P/R/F1 {r.pr[0]:.4f}/{r.pr[1]:.4f}/{r.pr[2]:.4f}",
        flush=True,
    )
    print(f"    stages: {stages}", flush=True)
    if r.deepdiff is not None and r.deepdiff_pr is not None:
        print(
            f"    deepdiff {r.deepdiff:.3f} s (positional pair P/R {r.deepdiff_pr[0]:.3f}/"
            f"{r.deepdiff_pr[1]:.3f}), ignore_order {_s(r.deepdiff_unordered)}",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size",
        type=int,
        action="append",
        help=f"plan size to run (repeatable; default {generate.SIZES})",
    )
    parser.add_argument("--quick", action="store_true", help="30 and 1,000 provisions only")
    parser.add_argument(
        "--worst",
        type=int,
        default=None,
        help="size of the every-provision-edited pair (default 10,000; "
        "1,000 with --quick; 0 to skip)",
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (median)")
    parser.add_argument(
        "--big-runs",
        type=int,
        default=None,
        help="timed runs at 30,000 provisions (default: --runs)",
    )
    parser.add_argument(
        "--trace-max",
        type=int,
        default=None,
        help="skip the (slow) traced-memory pass above this size",
    )
    parser.add_argument("--no-startup", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    sizes = args.size or ((30, 1000) if args.quick else generate.SIZES)
    worst = args.worst if args.worst is not None else (1000 if args.quick else 10000)
    plan = [(f"synthetic-{n}", n, False) for n in sizes]
    if worst:
        plan.append((f"worst-{worst}", worst, True))
    print(f"machine: {machine()}", flush=True)
    load_before = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory(prefix="plandiff-bench-") as tmp:
        for label, size, is_worst in plan:
            runs = args.runs if size >= 10000 else max(args.runs, 5)
            if size >= 30000 and args.big_runs:
                runs = args.big_runs
            trace = args.trace_max is None or size <= args.trace_max
            rows.append(measure(label, size, is_worst, runs, Path(tmp), trace))
            print_row(rows[-1])
    st = None if args.no_startup else measure_startup(9)
    if st:
        print(
            f"start-up: --version {_s(st.version)}, bundled pair to JSON {_s(st.bundled_json)} "
            f"(CPU {_s(st.bundled_json_cpu)}), to Markdown {_s(st.bundled_markdown)}"
        )
    for name, value, ok in targets(rows, st):
        print(f"  {'—  ' if ok is None else 'ok ' if ok else 'MISS'} {name}: {value}")
    command = " ".join(
        ["python benchmarks/speed.py", *(argv if argv is not None else sys.argv[1:])]
    )
    load = (load_before, os.getloadavg()[0])
    print(f"load average (1 min) at start {load[0]:.1f}, at end {load[1]:.1f}")
    text = results_markdown(rows, st, command, load)
    generate.write_text(args.out, text)
    if args.out == ROOT / "benchmarks" / "RESULTS.md":
        generate.update_readme("speed-results", readme_block(text))
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
