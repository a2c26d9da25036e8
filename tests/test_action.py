"""The composite GitHub Action (action.yml): its inputs, its scripts, and a run of them.

The run executes the action's own shell scripts in order, as the runner would, in a scratch
git repository whose pull request changes a plan; only `gh` (GitHub's API) is replaced, by a
recorder of the requests the script makes.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
MARKER = "<!-- plandiff-report -->"


def _action() -> dict[str, Any]:
    data = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps() -> dict[str, dict[str, Any]]:
    return {step.get("name", step.get("uses", "")): step for step in _action()["runs"]["steps"]}


def test_a_composite_action_with_the_inputs_a_team_sets() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert {"plans", "fail-on", "reports", "comment", "github-token"} <= set(inputs)
    assert inputs["plans"]["default"] == "plans"
    assert inputs["fail-on"]["default"] == "none"
    assert action["outputs"]["comment-file"]["value"] == "${{ steps.comment.outputs.file }}"
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash", step["name"]
            # Inputs and event values reach scripts only through env, never pasted into them.
            assert "${{" not in step["run"], step["name"]


def test_the_action_installs_itself_and_runs_every_review_command() -> None:
    from plandiff.cli import cli

    scripts = "\n".join(step.get("run", "") for step in _action()["runs"]["steps"])
    assert 'pip install --quiet "$ACTION_PATH"' in scripts
    used = set()
    for line in scripts.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        used |= {words[i + 1] for i, word in enumerate(words[:-1]) if word == "plandiff"}
    assert used == {"validate", "report", "github", "annotations"}
    assert used <= set(cli.commands)
    assert "--budget summary" in scripts and "--budget comment" in scripts
    assert f"marker='{MARKER}'" in scripts
    assert "--method PATCH" in scripts and "--method POST" in scripts


def test_steps_run_when_they_should() -> None:
    steps = _steps()
    assert steps["Check the committed reports"]["if"] == "inputs.reports != ''"
    # A stale report or a bad plan still gets its summary, comment and annotations.
    for name in ("Job summary and annotations", "Pull-request comment"):
        assert steps[name]["if"].startswith("${{ !cancelled()")
    assert "github.event_name == 'pull_request'" in steps["Pull-request comment"]["if"]
    assert "inputs.comment == 'post'" in steps["Post or update the sticky comment"]["if"]
    assert "steps.review.outputs.status == '1'" in steps["Fail on findings"]["if"]


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


GH_RECORDER = """#!/usr/bin/env python3
import json, os, sys
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if "--paginate" in sys.argv:
    print(os.environ.get("GH_EXISTING", ""))
"""


def _run_action(tmp_path: Path, inputs: dict[str, str], existing: str = "") -> dict[str, Any]:
    """Run the action's scripts (all but the install) in a scratch pull request."""
    if shutil.which("jq") is None:
        pytest.skip("jq is not installed (the GitHub runners have it)")
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", repo / "plans")
    shutil.copytree(ROOT / "reports", repo / "reports")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    base = _git(repo, "rev-parse", "HEAD")
    changed = repo / "plans" / "geneva-revision.json"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("800,000", "850,000"), encoding="utf-8"
    )
    _git(repo, "commit", "-q", "-am", "raise the cap again")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "gh").write_text(GH_RECORDER, encoding="utf-8")
    (bindir / "gh").chmod(0o755)
    files = {name: tmp_path / name for name in ("summary.md", "output", "path", "gh.log")}
    for path in files.values():
        path.write_text("", encoding="utf-8")
    inputs = {
        **{name: str(spec.get("default", "")) for name, spec in _action()["inputs"].items()},
        **inputs,
    }
    context = {
        "github.server_url": "https://github.com",
        "github.repository": "drafting-team/plans",
        "github.run_id": "7",
        "github.event.pull_request.base.sha": base,
        "github.event.pull_request.number": "12",
    }
    outputs: dict[str, dict[str, str]] = {}
    ran: dict[str, int] = {}

    def value(expression: str) -> str:
        name = expression.strip()
        if name.startswith("inputs."):
            return inputs[name.removeprefix("inputs.")]
        if name.startswith("steps."):
            _, step, _, key = name.split(".")
            return outputs.get(step, {}).get(key, "")
        return context[name]

    python_bin = str(Path(sys.executable).parent)
    for step in _action()["runs"]["steps"]:
        name = step.get("name", "")
        if "run" not in step or name == "Install plandiff":
            continue
        # The conditions, as the runner would evaluate them for this run.
        if name == "Check the committed reports" and not inputs["reports"]:
            continue
        if name == "Post or update the sticky comment" and not (
            inputs["comment"] == "post" and outputs.get("comment", {}).get("file")
        ):
            continue
        if name == "Pull-request comment" and inputs["comment"] == "off":
            continue
        if name == "Fail on findings" and outputs.get("review", {}).get("status") != "1":
            continue
        env = {
            key: re.sub(r"\$\{\{(.*?)\}\}", lambda m: value(m.group(1)), str(raw))
            for key, raw in step.get("env", {}).items()
        }
        files["output"].write_text("", encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo,
            env={
                **os.environ,
                **env,
                "PATH": os.pathsep.join([str(bindir), python_bin, os.environ["PATH"]]),
                "RUNNER_TEMP": str(tmp_path),
                "GITHUB_STEP_SUMMARY": str(files["summary.md"]),
                "GITHUB_OUTPUT": str(files["output"]),
                "GITHUB_PATH": str(files["path"]),
                "GH_LOG": str(files["gh.log"]),
                "GH_EXISTING": existing,
            },
            capture_output=True,
            text=True,
            check=False,
        )
        ran[name] = done.returncode
        if "id" in step:
            pairs = files["output"].read_text(encoding="utf-8").splitlines()
            outputs[step["id"]] = dict(line.split("=", 1) for line in pairs if "=" in line)
        if name == "Job summary and annotations":
            annotations = done.stdout
        if done.returncode != 0:
            break
    calls = [json.loads(line) for line in files["gh.log"].read_text(encoding="utf-8").splitlines()]
    return {
        "ran": ran,
        "outputs": outputs,
        "summary": files["summary.md"].read_text(encoding="utf-8"),
        "annotations": locals().get("annotations", ""),
        "gh": calls,
    }


def test_a_pull_request_run_summarises_annotates_and_posts_one_comment(tmp_path: Path) -> None:
    result = _run_action(tmp_path, {"reports": ""})
    assert all(code == 0 for code in result["ran"].values()), result["ran"]
    assert result["summary"].startswith(MARKER)
    assert "850,000" in result["summary"]
    assert "::error file=plans/geneva-revision.json,line=" in result["annotations"]
    body = Path(result["outputs"]["comment"]["file"])
    assert body.read_text(encoding="utf-8").startswith(MARKER)
    (listing, post) = result["gh"]
    assert (
        listing[:2] == ["api", "--paginate"]
        and listing[2] == "repos/drafting-team/plans/issues/12/comments"
    )
    assert post[:4] == ["api", "--method", "POST", "repos/drafting-team/plans/issues/12/comments"]
    payload = json.loads((tmp_path / "plandiff-payload.json").read_text(encoding="utf-8"))
    assert payload["body"] == body.read_text(encoding="utf-8")


def test_an_existing_sticky_comment_is_updated(tmp_path: Path) -> None:
    result = _run_action(tmp_path, {}, existing="4242")
    assert result["gh"][-1][:4] == [
        "api",
        "--method",
        "PATCH",
        "repos/drafting-team/plans/issues/comments/4242",
    ]


def test_the_fail_on_level_fails_the_run_after_the_comment(tmp_path: Path) -> None:
    result = _run_action(tmp_path, {"fail-on": "error", "comment": "body"})
    assert result["outputs"]["review"]["status"] == "1"
    assert result["ran"]["Pull-request comment"] == 0
    assert result["ran"]["Fail on findings"] == 1
    assert result["gh"] == []  # 'body' writes the comment and leaves posting to the caller


def test_stale_reports_and_a_bad_fail_on_level_fail(tmp_path: Path) -> None:
    stale = _run_action(tmp_path / "stale", {"reports": "reports"})
    assert stale["ran"]["Check the committed reports"] == 1
    bad = _run_action(tmp_path / "bad", {"fail-on": "errors"})
    assert bad["ran"]["Validate plans"] == 2
