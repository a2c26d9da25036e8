"""Every regular expression in the package has a line in ``docs/PATTERNS.md`` saying why it runs
in time linear in its text: a new pattern without one, or a line for a pattern that is gone,
fails here."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "plandiff"
AUDIT = ROOT / "docs" / "PATTERNS.md"
# The functions of ``re`` that take a pattern; a compiled pattern's methods need no line of
# their own, the line of the pattern covers them.
RE_FUNCTIONS = frozenset(
    {"compile", "match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
)
_ROW = re.compile(r"^\| `(?P<module>[\w/]+\.py)` \| `(?P<site>[^`]+)` \| (?P<why>.*\S) \|$")


def pattern_sites(path: Path) -> list[str]:
    """The patterns ``path`` compiles or uses, each named by where it stands.

    A pattern is named by the constant it is assigned to (``HEADING``), by its function and
    the local name or keyword it is given there (``patterns.core``, ``slug``), and numbered
    when one name holds several (``_read_body_line (2)``).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []

    def visit(node: ast.AST, scope: tuple[str, ...], name: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner_scope, inner_name = scope, name
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner_scope, inner_name = (*scope, child.name), None
            elif isinstance(child, ast.Assign | ast.AnnAssign):
                target = child.targets[0] if isinstance(child, ast.Assign) else child.target
                if isinstance(target, ast.Name):
                    inner_name = target.id
            elif isinstance(child, ast.keyword) and child.arg:
                inner_name = child.arg
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and isinstance(child.func.value, ast.Name)
                and child.func.value.id == "re"
                and child.func.attr in RE_FUNCTIONS
            ):
                found.append(".".join([*scope, *([inner_name] if inner_name else [])]))
            visit(child, inner_scope, inner_name)

    visit(tree, (), None)
    counts: Counter[str] = Counter()
    named = []
    for site in found:
        counts[site] += 1
        named.append(site if counts[site] == 1 else f"{site} ({counts[site]})")
    return named


def audited() -> list[tuple[str, str]]:
    rows = []
    for line in AUDIT.read_text(encoding="utf-8").splitlines():
        if (row := _ROW.match(line)) is not None:
            rows.append((row["module"], row["site"]))
    return rows


def test_every_pattern_has_an_audit_line() -> None:
    in_code = [
        (path.relative_to(PACKAGE).as_posix(), site)
        for path in sorted(PACKAGE.rglob("*.py"))
        for site in pattern_sites(path)
    ]
    rows = audited()
    assert len(rows) == len(set(rows)), "a pattern is audited twice"
    assert sorted(set(in_code) - set(rows)) == [], "patterns without an audit line"
    assert sorted(set(rows) - set(in_code)) == [], "audit lines for patterns that are gone"


def test_the_audit_would_see_a_new_pattern(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import re\nA = re.compile('a')\ndef f(s):\n    x = re.match('b', s)\n"
        "    return re.sub('c', '', s), x\n"
        "def g():\n    return P(core=re.compile('d'))\n",
        encoding="utf-8",
    )
    assert pattern_sites(module) == ["A", "f.x", "f", "g.core"]
