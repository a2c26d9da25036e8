"""No output lands on a file the run reads: plan ids resolve to files first, and the library,
rules, pins and git sources count as inputs too, however the target is spelled."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gitplans import git_env, plan_doc, write_plan
from gitplans import plandiff as plandiff_in
from gitplans import run as git
from plandiff.cli import main

REPO = Path(__file__).resolve().parents[2]
DRAFT, GENEVA = "us-28-point-draft", "geneva-revision"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the console entry point in this process; (exit code, stdout, stderr)."""
    saved = sys.argv
    sys.argv = ["plandiff", *argv]
    try:
        with pytest.raises(SystemExit) as done:
            main()
    finally:
        sys.argv = saved
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0), out, err


def refused(code: int, err: str) -> None:
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("plandiff: "), err
    assert "refusing to overwrite an input" in lines[0], err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding a copy of the bundled library in plans/."""
    shutil.copytree(REPO / "plans", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", DRAFT, GENEVA, "--format", "markdown", "-o", "plans/geneva-revision.json"],
        ["compare", DRAFT, GENEVA, "-o", "plans/us-28-point-draft.json"],
        ["compare", "plans/us-28-point-draft.json", GENEVA, "-o", "plans/geneva-revision.json"],
        ["history", "military-cap", "--format", "json", "-o", "plans/geneva-revision.json"],
        ["history", "military-cap", "-o", "plans/us-28-point-draft.json"],
        ["synopsis", "--format", "html", "-o", "plans/us-28-point-draft.json"],
        ["synopsis", DRAFT, GENEVA, "-o", "plans/geneva-revision.json"],
        ["export", GENEVA, "-o", "plans/geneva-revision.json"],
    ],
    ids=[
        "compare ids onto new",
        "compare ids onto old",
        "compare id onto the other",
        "history onto a version",
        "history onto the first version",
        "synopsis of the library",
        "synopsis of ids",
        "export id onto itself",
    ],
)
def test_a_plan_id_is_resolved_to_its_file_before_writing(
    project: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(project)
    code, out, err = run(argv, capsys)
    refused(code, err)
    assert out == ""
    assert snapshot(project) == before


@pytest.mark.parametrize("how", ["symbolic link", "hard link", "other spelling"])
@pytest.mark.parametrize("command", ["compare", "history", "export"])
def test_a_library_file_under_another_name_is_still_an_input(
    project: Path, how: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = project / "plans" / "geneva-revision.json"
    target = project / "alias.json"
    if how == "symbolic link":
        target.symlink_to(plan)
    elif how == "hard link":
        os.link(plan, target)
    else:
        target = project / "plans" / ".." / "plans" / "geneva-revision.json"
    before = plan.read_bytes()
    argv = {
        "compare": ["compare", DRAFT, GENEVA],
        "history": ["history", "military-cap"],
        "export": ["export", GENEVA],
    }[command]
    code, _, err = run([*argv, "-o", str(target)], capsys)
    refused(code, err)
    assert plan.read_bytes() == before


@pytest.mark.parametrize("name", ["rules.toml", "plandiff.toml", "pyproject.toml"])
def test_the_rules_file_is_an_input(
    project: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = project / name
    text = '[tool.plandiff]\nwatch = ["Donbas"]\n' if name == "pyproject.toml" else ""
    rules.write_text(text or 'watch = ["Donbas"]\n', encoding="utf-8")
    before = rules.read_bytes()
    explicit = ["--rules", name] if name == "rules.toml" else []
    for argv in (
        ["compare", DRAFT, GENEVA, *explicit, "-o", name],
        ["history", "military-cap", "-o", name],
        ["synopsis", "-o", name],
    ):
        if explicit and argv[0] != "compare":
            continue  # only compare takes --rules; the others read the discovered file
        code, _, err = run(argv, capsys)
        refused(code, err)
        assert rules.read_bytes() == before


def test_the_pins_file_is_an_input(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pins = project / "plans" / "pins.toml"
    pins.write_text('[[pin]]\nold = "6"\nnew = "6"\n', encoding="utf-8")
    before = pins.read_bytes()
    for argv in (
        ["compare", DRAFT, GENEVA, "-o", "plans/pins.toml"],
        ["compare", DRAFT, GENEVA, "--pins", "plans/pins.toml", "-o", "plans/pins.toml"],
    ):
        code, _, err = run(argv, capsys)
        refused(code, err)
        assert pins.read_bytes() == before


def test_a_file_descriptor_link_onto_an_input_is_refused(project: Path) -> None:
    plan = project / "plans" / "geneva-revision.json"
    before = plan.read_bytes()
    fd = os.open(plan, os.O_RDWR)
    try:
        for link in (f"/dev/fd/{fd}", f"/proc/self/fd/{fd}"):
            done = subprocess.run(
                [sys.executable, "-m", "plandiff", "compare", DRAFT, GENEVA, "-o", link],
                capture_output=True,
                text=True,
                pass_fds=(fd,),
                cwd=project,
                check=False,
            )
            refused(done.returncode, done.stderr)
    finally:
        os.close(fd)
    assert plan.read_bytes() == before


def test_a_plan_read_through_a_file_descriptor_is_still_protected(project: Path) -> None:
    plan = project / "plans" / "geneva-revision.json"
    before = plan.read_bytes()
    fd = os.open(plan, os.O_RDONLY)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "plandiff", "compare", DRAFT, f"/dev/fd/{fd}", "-o", str(plan)],
            capture_output=True,
            text=True,
            pass_fds=(fd,),
            cwd=project,
            check=False,
        )
    finally:
        os.close(fd)
    refused(done.returncode, done.stderr)
    assert plan.read_bytes() == before


def test_the_working_copy_of_a_git_revision_is_an_input(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    env = git_env(tmp_path / "home")
    write_plan(root / "plans" / "a.json", plan_doc(["One.", "Two."], plan_id="a"))
    git(["git", "init", "-q", "-b", "main"], root, env)
    git(["git", "add", "."], root, env)
    git(["git", "commit", "-q", "-m", "a"], root, env)
    write_plan(root / "plans" / "a.json", plan_doc(["One.", "Two, edited."], plan_id="a"))
    before = (root / "plans" / "a.json").read_bytes()
    (root / "sub").mkdir()
    for cwd, argv in (
        (root, ["compare", "HEAD:plans/a.json", "HEAD:plans/a.json", "-o", "plans/a.json"]),
        (root / "sub", ["compare", "HEAD:plans/a.json", "HEAD:./../plans/a.json", "-o"]),
        (root / "sub", ["export", "HEAD:./../plans/a.json", "-o"]),
    ):
        if argv[-1] == "-o":
            argv = [*argv, "../plans/a.json"]
        done = plandiff_in(argv, cwd, env)
        refused(done.returncode, done.stderr)
    assert (root / "plans" / "a.json").read_bytes() == before


# --- report --out: only ever replaces or removes what it wrote --------------------------------


def test_report_out_spares_files_it_did_not_write(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = project / "docs"
    docs.mkdir()
    (docs / "README.md").write_text("# Our documentation\n", encoding="utf-8")
    (docs / "design--notes.md").write_text("hand-written notes\n", encoding="utf-8")
    before = snapshot(docs)
    code, out, err = run(["report", "--out", "docs"], capsys)
    assert code == 2 and out == "", err
    line = err.strip()
    assert line.startswith("plandiff: docs/README.md: ") and "not written by" in line, err
    assert len(err.splitlines()) == 1
    assert snapshot(docs) == before

    # Without a clash, the reports go in and the hand-written file stays.
    (docs / "README.md").unlink()
    code, out, err = run(["report", "--out", "docs"], capsys)
    assert code == 0, err
    assert (docs / "design--notes.md").read_text(encoding="utf-8") == "hand-written notes\n"
    assert (docs / f"{DRAFT}--{GENEVA}.md").is_file()
    code, out, err = run(["report", "--out", "docs", "--check"], capsys)
    assert code == 0, out + err


def test_report_removes_only_the_reports_it_wrote(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["report"], capsys)
    assert code == 0, err
    reports = project / "reports"
    (reports / "someone--else.md").write_text("kept\n", encoding="utf-8")
    # The Geneva revision becomes a root of its own: its report is no longer wanted.
    plan = project / "plans" / "geneva-revision.json"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(f'"parent": "{DRAFT}"', '"parent": null')
    )
    code, out, err = run(["report", "--check"], capsys)
    assert code == 1
    assert f"reports/{DRAFT}--{GENEVA}.md: obsolete" in out
    assert "someone--else" not in out
    code, out, err = run(["report"], capsys)
    assert code == 0, err
    assert f"removed reports/{DRAFT}--{GENEVA}.md" in out
    assert sorted(p.name for p in reports.iterdir()) == [
        ".plandiff-manifest",
        "README.md",
        "someone--else.md",
    ]


def test_report_adopts_identical_files_and_refuses_edited_ones(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A folder written before the manifest existed: identical files are taken over as they are.
    shutil.copytree(REPO / "reports", project / "reports", ignore=shutil.ignore_patterns(".*"))
    code, out, err = run(["report", "--check"], capsys)
    assert code == 1 and "reports/.plandiff-manifest: missing" in out
    code, out, err = run(["report"], capsys)
    assert code == 0, err
    assert out.splitlines()[0] == "wrote reports/.plandiff-manifest"
    assert run(["report", "--check"], capsys)[0] == 0
    # A report edited by hand is plandiff's own file: it is replaced.
    edited = project / "reports" / f"{DRAFT}--{GENEVA}.md"
    edited.write_text("edited\n", encoding="utf-8")
    assert run(["report"], capsys)[0] == 0
    assert edited.read_text(encoding="utf-8") != "edited\n"


def test_a_hostile_manifest_cannot_aim_outside_the_folder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = project / "reports"
    reports.mkdir()
    victim = project / "victim--file.md"
    victim.write_text("precious\n", encoding="utf-8")
    (reports / "sub").mkdir()
    (reports / "sub" / "a--b.md").write_text("precious\n", encoding="utf-8")
    (reports / ".plandiff-manifest").write_text(
        "../victim--file.md\nsub/a--b.md\n/etc/passwd\n", encoding="utf-8"
    )
    code, _, err = run(["report"], capsys)
    assert code == 2
    assert "reports/.plandiff-manifest" in err and len(err.splitlines()) == 1
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (reports / "sub" / "a--b.md").read_text(encoding="utf-8") == "precious\n"


# --- signals: TERM and HUP clean up as INT does -----------------------------------------------


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path: Path, name: str) -> None:
    shutil.copytree(REPO / "plans", tmp_path / "plans")
    target = tmp_path / "report.md"
    target.write_text("the previous report\n", encoding="utf-8")
    # The signal arrives while the temporary file is open, as a cancelled CI job's would.
    # A shell starts a background job with SIGINT ignored, and Python then leaves it ignored:
    # the script gives SIGINT its usual meaning so that the test does not depend on how the
    # test run was started.
    script = (
        "import os, signal\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        f"    os.kill(os.getpid(), signal.{name})\n"
        "    real(fd)\n"
        "os.fsync = slow\n"
        "from plandiff.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "compare", DRAFT, GENEVA, "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if line]
    assert lines == [f"plandiff: interrupted ({name})"] or (
        name == "SIGINT" and lines == ["plandiff: interrupted"]
    ), done.stderr
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans", "report.md"]


def test_an_ignored_hangup_stays_ignored(tmp_path: Path) -> None:
    # Under nohup, SIGHUP is ignored before plandiff starts; it must not start obeying it.
    shutil.copytree(REPO / "plans", tmp_path / "plans")
    target = tmp_path / "report.md"
    script = (
        "import os, signal\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    os.kill(os.getpid(), signal.SIGHUP)\n"
        "    real(fd)\n"
        "os.fsync = slow\n"
        "from plandiff.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "compare", DRAFT, GENEVA, "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Geneva revision" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans", "report.md"]


# --- git-config never follows a symbolic link ---------------------------------------------------


@pytest.mark.parametrize("enable", ["--enable", "--disable"])
def test_git_config_refuses_a_symlinked_attributes_file(tmp_path: Path, enable: str) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    env = git_env(tmp_path / "home")
    git(["git", "init", "-q", "-b", "main"], root, env)
    # Enabling would copy the link's target into the repository; disabling would rewrite it.
    secret = tmp_path / "secret.txt"
    held = "plans/*.json diff=plandiff\n" if enable == "--disable" else ""
    secret.write_text(held + "private key material\n", encoding="utf-8")
    (root / ".gitattributes").symlink_to(secret)
    done = plandiff_in(["git-config", enable], root, env)
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "symbolic link" in lines[0], done.stderr
    assert (root / ".gitattributes").is_symlink()
    assert secret.read_text(encoding="utf-8") == held + "private key material\n"
    config = (root / ".git" / "config").read_text(encoding="utf-8")
    assert "plandiff" not in config  # refused before anything was changed
