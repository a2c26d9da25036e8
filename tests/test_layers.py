"""The architecture in DESIGN.md: each module imports only from the layers before it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "plandiff"

# Lower number = earlier layer. A module may import from its own layer or an earlier one.
LAYERS = {
    "types": 0,
    "stages": 1,
    "pipeline": 2,
    "output": 3,
    "shell": 4,
}
TYPES = {"model", "changes", "options", "errors", "ruleset", "versions", "__init__"}
PIPELINE = {"compare", "history", "synopsis", "review"}
SHELL = {"cli", "__main__", "gitdiff", "reportdir"}


def layer_of(module: str) -> int:
    parts = module.split(".")
    if parts[0] == "render":
        return LAYERS["output"]
    name = parts[0]
    if name in TYPES:
        return LAYERS["types"]
    if name in PIPELINE:
        return LAYERS["pipeline"]
    if name in SHELL:
        return LAYERS["shell"]
    return LAYERS["stages"]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("plandiff"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("plandiff"))
    return {m.removeprefix("plandiff").removeprefix(".") or "__init__" for m in found}


def test_modules_import_only_earlier_layers() -> None:
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        if module == "__init__":
            continue  # the facade re-exports from every layer, lazily
        mine = layer_of(module)
        for imported in imports_of(path):
            if imported == "__init__":
                continue
            if layer_of(imported) > mine:
                offences.append(f"{module} imports {imported}")
    assert offences == []


def test_layer_check_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "x.py"
    bad.write_text("from plandiff.cli import main\n", encoding="utf-8")
    assert imports_of(bad) == {"cli"}
    assert layer_of("cli") > layer_of("align")
