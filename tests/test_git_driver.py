"""The git driver against real git in a temporary repository (never the user's own config)."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from gitplans import git_env, plan_doc, plandiff, run, write_plan

TEXTS = [
    "Sovereignty of Ukraine will be confirmed.",
    "A non-aggression agreement will be concluded.",
    "Security guarantees will be given.",
    "Ukraine's armed forces will be capped at 600,000 personnel.",
    "Ukraine will not join NATO.",
]


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "repo"
    root.mkdir()
    env = git_env(tmp_path / "home")
    run(["git", "init", "-q", "-b", "main"], root, env)
    return root, env


def _config(root: Path) -> str:
    return (root / ".git" / "config").read_text(encoding="utf-8")


def test_enable_twice_changes_nothing_and_disable_restores_everything(
    repo: tuple[Path, dict[str, str]],
) -> None:
    root, env = repo
    (root / ".gitattributes").write_text("*.pdf binary", encoding="utf-8")  # no final newline
    before = _config(root)
    first = plandiff(["git-config", "--enable"], root, env, check=True)
    assert "set diff.plandiff.textconv" in first.stdout
    assert "added 'plans/*.json diff=plandiff' to .gitattributes" in first.stdout
    after_first = (_config(root), (root / ".gitattributes").read_text(encoding="utf-8"))
    assert after_first[1] == "*.pdf binary\nplans/*.json diff=plandiff\n"

    second = plandiff(["git-config", "--enable"], root, env, check=True)
    assert second.stdout == "nothing to change\n"
    assert (_config(root), (root / ".gitattributes").read_text(encoding="utf-8")) == after_first

    off = plandiff(["git-config", "--disable"], root, env, check=True)
    assert "removed diff.plandiff.command" in off.stdout
    assert _config(root) == before
    assert (root / ".gitattributes").read_text(encoding="utf-8") == "*.pdf binary\n"
    again = plandiff(["git-config", "--disable"], root, env, check=True)
    assert again.stdout == "nothing to change\n"


def test_disable_keeps_the_users_own_driver_settings(repo: tuple[Path, dict[str, str]]) -> None:
    root, env = repo
    run(["git", "config", "diff.plandiff.cachetextconv", "true"], root, env)
    plandiff(["git-config", "--enable"], root, env, check=True)
    plandiff(["git-config", "--disable"], root, env, check=True)
    kept = run(["git", "config", "--get-regexp", "^diff\\.plandiff\\."], root, env)
    assert kept.stdout == "diff.plandiff.cachetextconv true\n"
    assert not (root / ".gitattributes").exists()  # enabling created it, with only our line


def test_global_scope_touches_only_the_sandboxed_global_files(
    tmp_path: Path, repo: tuple[Path, dict[str, str]]
) -> None:
    root, env = repo
    plandiff(["git-config", "--enable", "--global"], root, env, check=True)
    global_config = Path(env["GIT_CONFIG_GLOBAL"]).read_text(encoding="utf-8")
    assert '[diff "plandiff"]' in global_config and "git-diff" in global_config
    attributes = Path(env["XDG_CONFIG_HOME"]) / "git" / "attributes"
    assert attributes.read_text(encoding="utf-8") == "plans/*.json diff=plandiff\n"
    assert not (root / ".gitattributes").exists()
    assert "plandiff" not in _config(root)
    plandiff(["git-config", "--disable", "--global"], root, env, check=True)
    assert "plandiff" not in Path(env["GIT_CONFIG_GLOBAL"]).read_text(encoding="utf-8")
    assert not attributes.exists()


def test_local_scope_outside_a_repository_is_a_one_line_error(tmp_path: Path) -> None:
    env = git_env(tmp_path / "home")
    (tmp_path / "empty").mkdir()
    env["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    result = plandiff(["git-config", "--enable"], tmp_path / "empty", env)
    assert result.returncode == 2
    assert result.stderr.startswith("plandiff: not inside a git work tree")
    assert len(result.stderr.splitlines()) == 1


def _commit_and_edit(root: Path, env: dict[str, str]) -> None:
    doc = plan_doc(TEXTS)
    write_plan(root / "plans" / "draft.json", doc)
    run(["git", "add", "-A"], root, env)
    run(["git", "commit", "-q", "-m", "first draft"], root, env)
    edited = copy.deepcopy(doc)
    edited["provisions"][3]["text"] = TEXTS[3].replace("600,000", "800,000")
    del edited["provisions"][4]
    write_plan(root / "plans" / "draft.json", edited)


def test_git_log_and_no_ext_diff_use_textconv(repo: tuple[Path, dict[str, str]]) -> None:
    root, env = repo
    plandiff(["git-config", "--enable"], root, env, check=True)
    _commit_and_edit(root, env)
    diff = run(["git", "diff", "--no-ext-diff"], root, env).stdout
    assert "-    Ukraine's armed forces will be capped at 600,000 personnel." in diff
    assert "+    Ukraine's armed forces will be capped at 800,000 personnel." in diff
    assert "-§ 5 (point-5)" in diff
    assert '"text"' not in diff  # canonical text, not JSON
    assert re.search(r"^@@ [-+0-9, ]+ @@ § 3 \(point-3\)$", diff, re.M)  # names a provision


def test_textconv_only_driver(repo: tuple[Path, dict[str, str]]) -> None:
    root, env = repo
    out = plandiff(["git-config", "--enable", "--driver", "textconv"], root, env, check=True)
    assert "diff.plandiff.command" not in out.stdout
    _commit_and_edit(root, env)
    diff = run(["git", "diff"], root, env).stdout
    assert "+    Ukraine's armed forces will be capped at 800,000 personnel." in diff


def test_git_diff_shows_the_provision_level_comparison(repo: tuple[Path, dict[str, str]]) -> None:
    root, env = repo
    plandiff(["git-config", "--enable"], root, env, check=True)
    _commit_and_edit(root, env)
    result = run(["git", "diff"], root, env)
    out = result.stdout
    assert out.startswith("plandiff a/plans/draft.json b/plans/draft.json\n")
    assert "600,000" in out and "800,000" in out
    assert re.search(r"\bremoved\b", out, re.I)
    assert "\x1b[" not in out  # not a terminal: no colour
    assert '"provisions"' not in out


PARTIAL_NOTE = (
    "Reconstructed from press reports of the talks; what the reports do not mention is "
    "unknown, and points 6 to 28 are not covered here at all."
)


def test_git_diff_of_a_partial_plan_leads_with_the_change(
    repo: tuple[Path, dict[str, str]],
) -> None:
    # Both sides of a git diff are the same partial plan: the note on partial texts is said
    # once, in one line, and the version's own long note is not repeated for each side.
    root, env = repo
    plandiff(["git-config", "--enable"], root, env, check=True)
    doc = plan_doc(TEXTS, completeness="partial", completeness_note=PARTIAL_NOTE)
    write_plan(root / "plans" / "draft.json", doc)
    run(["git", "add", "."], root, env)
    run(["git", "commit", "-q", "-m", "partial draft"], root, env)
    edited = copy.deepcopy(doc)
    edited["provisions"][3]["text"] = TEXTS[3].replace("600,000", "800,000")
    write_plan(root / "plans" / "draft.json", edited)
    out = run(["git", "diff"], root, env).stdout
    lines = out.splitlines()
    assert out.count("partial text") == 1 and PARTIAL_NOTE[:40] not in out
    partial = next(i for i, line in enumerate(lines) if line.startswith("Partial: "))
    assert partial < 5 and len(lines[partial]) < 140
    change = next(i for i, line in enumerate(lines) if "[-600,000-]{+800,000+}" in line)
    assert change < 12, out  # the one-line change is on the first screen, not after the note
    textconv = run(["git", "diff", "--no-ext-diff"], root, env).stdout
    assert PARTIAL_NOTE[:40] not in textconv and "+    Ukraine's armed forces" in textconv


def test_git_diff_of_an_added_and_a_deleted_plan(repo: tuple[Path, dict[str, str]]) -> None:
    root, env = repo
    plandiff(["git-config", "--enable"], root, env, check=True)
    write_plan(root / "plans" / "old.json", plan_doc(TEXTS, plan_id="old"))
    run(["git", "add", "-A"], root, env)
    run(["git", "commit", "-q", "-m", "old"], root, env)
    (root / "plans" / "old.json").unlink()
    write_plan(root / "plans" / "new.json", plan_doc(TEXTS[:2], plan_id="new"))
    run(["git", "add", "--intent-to-add", "plans/new.json"], root, env)
    out = run(["git", "diff"], root, env).stdout
    assert "new plan new: 2 provisions" in out
    assert "+ § 1 (point-1)" in out
    assert "deleted plan old: 5 provisions" in out
    assert "- § 5 (point-5)" in out


def test_git_diff_entry_point_with_dev_null_and_colour(tmp_path: Path) -> None:
    env = git_env(tmp_path / "home")
    new = write_plan(tmp_path / "new.json", plan_doc(TEXTS[:1]))
    args = ["plans/x.json", "/dev/null", "0" * 40, "100644", str(new), "1" * 40, "100644"]
    plain = plandiff(["git-diff", *args], tmp_path, env, check=True).stdout
    assert plain.splitlines()[:2] == [
        "plandiff a/plans/x.json b/plans/x.json",
        "new plan draft: 1 provision",
    ]
    coloured = plandiff(["git-diff", "--color", "always", *args], tmp_path, env, check=True).stdout
    assert "\x1b[32m+ § 1 (point-1)\x1b[0m" in coloured


def test_git_diff_falls_back_to_a_line_diff_for_an_invalid_plan(tmp_path: Path) -> None:
    env = git_env(tmp_path / "home")
    old = write_plan(tmp_path / "old.json", plan_doc(TEXTS[:1]))
    new = tmp_path / "new.json"
    new.write_text('{"id": "draft",\n  "title": \x1b[2J\n', encoding="utf-8")
    args = ["p.json", str(old), "a" * 40, "100644", str(new), "b" * 40, "100644"]
    result = plandiff(["git-diff", *args], tmp_path, env)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[1].startswith("not a valid plan (b/p.json:") and lines[1].endswith("line diff")
    assert "+++ b/p.json" in lines and '+  "title": [2J' in lines
    assert "\x1b" not in result.stdout


def test_git_diff_with_wrong_arguments_is_trouble(tmp_path: Path) -> None:
    env = git_env(tmp_path / "home")
    result = plandiff(["git-diff", "only", "three", "args"], tmp_path, env)
    assert result.returncode == 2
    assert result.stderr.startswith("plandiff: git-diff takes git's arguments")
    missing = ["p.json", str(tmp_path / "gone.json"), "a", "100644", "/dev/null", "b", "100644"]
    result = plandiff(["git-diff", *missing], tmp_path, env)
    assert result.returncode == 2 and "no such file" in result.stderr
