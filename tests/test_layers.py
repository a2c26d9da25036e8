"""The architecture in DESIGN.md: each module imports only from its own folder or earlier ones.

A module's layer is its top folder under ``src/plandiff``; ``LAYERS`` lists the folders in
order, and the test fails when a folder exists that the list does not name, so a new folder
has to take its place in the order before anything can land in it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "plandiff"

# Earliest first. A module may import from its own folder or any folder before it.
LAYERS = (
    "util",  # ordering helpers, the collector pause, the inert-text module
    "model",  # the types: plans, comparison records, options, errors, lineages
    "documents",  # loading, strict JSON, library, validation, schemas, writes, readers
    "wording",  # tokens and word edits
    "align",  # which provisions correspond
    "findings",  # figures, key language, topics
    "pipeline",  # compare() and its settings
    "versions",  # history, synopsis, review pairs
    "output",  # renderers: may import only util and model
    "integrations",  # git, the reports folder
    "cli",  # the shell
)
# Output sees only the records and the inert-text helpers, never the engine.
OUTPUT_MAY_IMPORT = {"util", "model", "output"}


def layer_of(module: str) -> int:
    """The rank of ``module`` (dotted, relative to plandiff) in ``LAYERS``."""
    top = module.split(".")[0]
    if top == "__main__":
        return LAYERS.index("cli")
    return LAYERS.index(top)


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("plandiff"):
            if node.module == "plandiff":
                found.update(f"plandiff.{a.name}" for a in node.names)
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("plandiff"))
    return {m.removeprefix("plandiff").removeprefix(".") or "__init__" for m in found}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        if module != "__init__":  # the facade re-exports from every layer, lazily
            found.append((module, path))
    return found


def test_every_folder_is_a_layer() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(LAYERS)
    loose = {p.name for p in PACKAGE.glob("*.py")}
    assert loose == {"__init__.py", "__main__.py"}


def test_modules_import_only_earlier_layers() -> None:
    offences = []
    for module, path in _modules():
        mine = layer_of(module)
        for imported in imports_of(path):
            if imported in {"__init__", "__version__"}:
                continue
            if layer_of(imported) > mine:
                offences.append(f"{module} imports {imported}")
    assert offences == []


def test_output_imports_only_model_and_util() -> None:
    offences = [
        f"{module} imports {imported}"
        for module, path in _modules()
        if module.split(".")[0] == "output"
        for imported in imports_of(path)
        if imported not in {"__init__", "__version__"}
        and imported.split(".")[0] not in OUTPUT_MAY_IMPORT
    ]
    assert offences == []


def test_layer_check_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "x.py"
    bad.write_text("from plandiff.cli import main\nfrom plandiff import pipeline\n", "utf-8")
    assert imports_of(bad) == {"cli", "pipeline"}
    assert layer_of("cli") > layer_of("align.aligner")
    assert layer_of("output.html") > layer_of("pipeline.compare") > layer_of("model.plan")
