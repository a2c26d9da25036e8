"""Small plan documents and a sandboxed git environment for the git-integration tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parents[1] / "src"


def plan_doc(
    texts: list[str], *, plan_id: str = "draft", version: str = "first draft", **extra: Any
) -> dict[str, Any]:
    """A valid plan whose provision N (1-based) has text ``texts[N-1]``."""
    doc: dict[str, Any] = {
        "id": plan_id,
        "title": "A framework for peace",
        "version": version,
        "date": "2025-11-20",
        "completeness": "full",
        "provisions": [
            {"number": str(i), "key": f"point-{i}", "text": text, "provenance": "confirmed"}
            for i, text in enumerate(texts, start=1)
        ],
    }
    doc.update(extra)
    return doc


def write_plan(path: Path, doc: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def git_env(home: Path) -> dict[str, str]:
    """An environment in which git never reads or writes the user's own configuration."""
    env = dict(os.environ)
    for name in list(env):
        if name.startswith("GIT_"):
            del env[name]
    home.mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Analyst",
        GIT_AUTHOR_EMAIL="analyst@example.org",
        GIT_COMMITTER_NAME="Analyst",
        GIT_COMMITTER_EMAIL="analyst@example.org",
        GIT_PAGER="cat",
        PAGER="cat",
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")])),
    )
    env.pop("NO_COLOR", None)
    return env


def run(
    args: list[str], cwd: Path, env: dict[str, str], *, check: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} exited {result.returncode}: {result.stderr}")
    return result


def plandiff(
    args: list[str], cwd: Path, env: dict[str, str], *, check: bool = False
) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "plandiff", *args], cwd, env, check=check)
