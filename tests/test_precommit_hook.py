"""The pre-commit hooks this repository offers, and the README's config run by pre-commit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _hooks() -> list[dict[str, Any]]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return hooks


def test_validate_hook_runs_plandiff_validate_on_plan_files_only() -> None:
    (hook,) = [h for h in _hooks() if h["id"] == "plandiff-validate"]
    assert hook["entry"] == "plandiff validate"
    assert hook["language"] == "python"  # pre-commit installs this repository as the package
    files = re.compile(hook["files"])
    assert files.search("plans/us-28-point-draft.json")
    assert not files.search("reports/us-28-point-draft--geneva-revision.json")
    assert not files.search("plans/README.md")
    assert not files.search("old/plans/x.json")


def test_every_hook_has_the_keys_pre_commit_requires() -> None:
    for hook in _hooks():
        assert {"id", "name", "entry", "language"} <= hook.keys()
        # validate takes the file names; report --check covers the library as a whole.
        assert hook.get("pass_filenames", True) is (hook["entry"] == "plandiff validate")


def test_the_report_hook_checks_the_reports_folder_once_per_commit() -> None:
    (hook,) = [h for h in _hooks() if h["id"] == "plandiff-reports"]
    assert hook["entry"] == "plandiff report --check"
    assert hook["pass_filenames"] is False  # the check covers the whole library
    files = re.compile(hook["files"])
    assert files.search("plans/geneva-revision.json")
    assert files.search("reports/us-28-point-draft--geneva-revision.md")
    assert not files.search("README.md")


def _readme_config() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("**pre-commit.**", 1)[1]
    found: list[str] = re.findall(r"```yaml\n(.*?)```", section.split("**git diff.**", 1)[0], re.S)
    (config,) = found
    return config


def test_the_readmes_config_offers_the_same_hooks() -> None:
    (repo,) = yaml.safe_load(_readme_config())["repos"]
    offered = {h["id"]: h for h in _hooks()}
    for hook in repo["hooks"]:
        assert hook["entry"] == offered[hook["id"]]["entry"]
        assert hook["files"] == offered[hook["id"]]["files"]
    assert {h["id"] for h in repo["hooks"]} == set(offered)


def _pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    bindir = str(Path(sys.executable).parent)  # where this environment's plandiff is
    env = {
        **os.environ,
        "PATH": os.pathsep.join([bindir, os.environ.get("PATH", "")]),
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_the_readmes_config_runs_with_pre_commit(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", repo / "plans")
    shutil.copytree(ROOT / "reports", repo / "reports")
    (repo / ".pre-commit-config.yaml").write_text(_readme_config(), encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    passed = _pre_commit(repo, "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"plandiff validate\.+Passed", passed.stdout)
    assert re.search(r"plandiff report --check\.+Passed", passed.stdout)
    # A stale report stops the commit; so does a broken plan, named with its place.
    plan = repo / "plans" / "geneva-revision.json"
    plan.write_text(plan.read_text(encoding="utf-8").replace("800,000", "850,000"), "utf-8")
    _git(repo, "add", ".")
    stale = _pre_commit(repo, "run", "--all-files")
    assert stale.returncode == 1
    assert re.search(r"plandiff validate\.+Passed", stale.stdout)
    assert re.search(r"plandiff report --check\.+Failed", stale.stdout)
    assert "reports/us-28-point-draft--geneva-revision.md: stale" in stale.stdout
    (repo / "plans" / "broken.json").write_text('{"id": "x",}', encoding="utf-8")
    _git(repo, "add", ".")
    broken = _pre_commit(repo, "run", "plandiff-validate", "--all-files")
    assert broken.returncode == 1
    assert "plans/broken.json:1:12: trailing comma before '}'" in broken.stdout
