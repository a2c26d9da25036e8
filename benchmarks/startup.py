"""Start-up cost: ``python benchmarks/startup.py`` times ``--version`` and a small compare, and
names which module pulls in each heavy dependency (from ``python -X importtime``)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pydantic", "jinja2", "deepdiff", "rich", "click")


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


def timed(cmd: list[str], runs: int) -> float:
    # One untimed run first: it writes the compiled modules that every later run reads.
    subprocess.run(cmd, capture_output=True, env=env(), cwd=ROOT, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env(), cwd=ROOT, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-400:]}")
    return statistics.median(times)


def bundled_pair() -> tuple[Path, Path] | None:
    """The first bundled plan whose parent is also bundled, with that parent."""
    plans = {}
    for path in sorted((ROOT / "plans").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        plans[data["id"]] = (path, data.get("parent"))
    for _, (path, parent) in sorted(plans.items()):
        if parent in plans:
            return plans[parent][0], path
    return None


@dataclass(frozen=True)
class Heavy:
    module: str
    seconds: float  # cumulative import time
    importer: str


def heavy_imports(args: list[str]) -> tuple[float, list[Heavy]]:
    """Total import time of ``python -m plandiff ARGS`` and the heavy packages it loaded."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "plandiff", *args],
        capture_output=True,
        text=True,
        env=env(),
        cwd=ROOT,
        check=False,
    )
    rows = []  # (depth, module, cumulative µs), in the order Python prints them
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self_us, cum_us, name = line.removeprefix("import time:").split("|", 2)
        depth = (len(name) - len(name.lstrip())) // 2
        rows.append((depth, name.strip(), int(cum_us)))
    total = sum(c for d, _, c in rows if d == 0) / 1e6
    # Python prints a module after everything it imported, one level shallower: a module's
    # importer is the next line printed at a smaller depth.
    parent: list[int | None] = []
    for k, (depth, _, _) in enumerate(rows):
        parent.append(next((m for m in range(k + 1, len(rows)) if rows[m][0] < depth), None))
    seconds: dict[str, float] = {}
    importer: dict[str, str] = {}
    for k, (_, name, cum) in enumerate(rows):
        package = name.split(".")[0]
        if package not in HEAVY:
            continue
        # Count only the outermost imports of a package (a package may be entered several
        # times lazily, e.g. ``from pydantic import BaseModel`` loads pydantic.main later).
        up = parent[k]
        while up is not None and rows[up][1].split(".")[0] != package:
            up = parent[up]
        if up is not None:
            continue
        seconds[package] = seconds.get(package, 0.0) + cum / 1e6
        if package not in importer:
            importer[package] = rows[parent[k]][1] if parent[k] is not None else "the command"
    culprits = first_importers(args)
    found = [Heavy(p, seconds[p], culprits.get(p, importer[p])) for p in HEAVY if p in seconds]
    return total, found


# Runs the command in-process with an import hook that notes, for the first import of each heavy
# package, the innermost plandiff line that asked for it (importtime only knows the module, and
# says nothing for an import made inside a function at run time).
_PROBE = """
import json, runpy, sys, traceback
heavy = set(json.loads(sys.argv[1])); args = json.loads(sys.argv[2]); seen = {}
class Spy:
    def find_spec(self, name, path=None, target=None):
        top = name.split(".")[0]
        if top in heavy and top not in seen:
            frames = [f for f in traceback.extract_stack() if "/plandiff/" in f.filename]
            if frames:
                f = frames[-1]
                where = f.filename.split("/plandiff/", 1)[1]
                seen[top] = f"plandiff/{where}:{f.lineno} ({f.name})"
        return None
sys.meta_path.insert(0, Spy())
sys.argv = ["plandiff", *args]
try:
    runpy.run_module("plandiff", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
sys.stdout.flush()
sys.__stderr__.write("\\n@@" + json.dumps(seen) + "\\n")
"""


def first_importers(args: list[str]) -> dict[str, str]:
    """For each heavy package the command loads: the plandiff line whose import pulled it in."""
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(HEAVY), json.dumps(args)],
        capture_output=True,
        text=True,
        env=env(),
        cwd=ROOT,
        check=False,
    )
    for line in reversed(proc.stderr.splitlines()):
        if line.startswith("@@"):
            found: dict[str, str] = json.loads(line[2:])
            return found
    return {}


def main() -> None:
    runs = 7
    version = timed([sys.executable, "-m", "plandiff", "--version"], runs)
    print(f"python -m plandiff --version: {version:.3f} s")
    pair = bundled_pair()
    if pair:
        cmd = [
            sys.executable,
            "-m",
            "plandiff",
            "compare",
            str(pair[0]),
            str(pair[1]),
            "--format",
            "markdown",
        ]
        print(f"bundled pair to Markdown: {timed(cmd, runs):.3f} s")
    for args in (["--version"], ["compare", "--help"]):
        total, heavy = heavy_imports(args)
        names = (
            ", ".join(f"{h.module} {h.seconds:.3f} s (imported by {h.importer})" for h in heavy)
            or "none"
        )
        print(f"imports for `{' '.join(args)}`: {total:.3f} s; heavy: {names}")


if __name__ == "__main__":
    main()
