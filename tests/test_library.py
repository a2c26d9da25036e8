"""The plan library: lineage by parent links, broken lineages, and resolving plan specs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from plandiff.documents.library import lineage, open_library, read_revision, resolve
from plandiff.model.errors import PlanError, UsageError
from plandiff.output.log import render_log

REPO = Path(__file__).resolve().parents[1]
PLANS = REPO / "plans"


def _write_plan(folder: Path, plan_id: str, parent: str | None, date: str = "2025-01-01") -> Path:
    document = {
        "id": plan_id,
        "title": f"Plan {plan_id}",
        "version": f"version {plan_id}",
        "date": date,
        "completeness": "full",
        "provisions": [{"number": "1", "text": "Peace.", "provenance": "confirmed"}],
    }
    if parent:
        document["parent"] = parent
    path = folder / f"{plan_id}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_bundled_library_is_one_lineage() -> None:
    library = open_library(str(PLANS))
    assert [(old.plan.id, new.plan.id) for old, new in library.pairs()] == [
        ("us-28-point-draft", "geneva-revision")
    ]
    assert [e.plan.id for e in library.chain("geneva-revision")] == [
        "us-28-point-draft",
        "geneva-revision",
    ]
    assert library.newest().plan.id == "geneva-revision"


def test_log_draws_branches_oldest_first(tmp_path: Path) -> None:
    _write_plan(tmp_path, "root", None, "2025-01-01")
    _write_plan(tmp_path, "late-branch", "root", "2025-03-01")
    _write_plan(tmp_path, "early-branch", "root", "2025-02-01")
    _write_plan(tmp_path, "grandchild", "early-branch", "2025-04-01")
    text = render_log(lineage(open_library(str(tmp_path))))
    ids = [line.lstrip("│├└─ ").split()[0] for line in text.splitlines()]
    assert ids == ["root", "early-branch", "grandchild", "late-branch"]
    assert text.splitlines()[1].split()[:4] == ["├──", "early-branch", "2025-02-01", "full"]
    assert text.splitlines()[2].startswith("│   └── grandchild")
    assert text.splitlines()[3].startswith("└── late-branch")
    data = json.loads(render_log(lineage(open_library(str(tmp_path))), "json"))
    assert [c["plan"]["id"] for c in data["roots"][0]["children"]] == [
        "early-branch",
        "late-branch",
    ]


def test_a_missing_parent_names_the_file(tmp_path: Path) -> None:
    _write_plan(tmp_path, "orphan", "nowhere")
    with pytest.raises(PlanError) as caught:
        open_library(str(tmp_path))
    assert (
        str(caught.value)
        == f"{tmp_path}/orphan.json: parent 'nowhere' is not a plan in {tmp_path}/"
    )


def test_a_cycle_names_every_file_in_it(tmp_path: Path) -> None:
    _write_plan(tmp_path, "a", "b")
    _write_plan(tmp_path, "b", "a")
    _write_plan(tmp_path, "c", "a")
    with pytest.raises(PlanError) as caught:
        open_library(str(tmp_path))
    assert caught.value.problems == (
        f"parent links form a cycle: a ({tmp_path}/a.json) -> b ({tmp_path}/b.json)"
        f" -> a ({tmp_path}/a.json)",
    )


def test_a_duplicate_id_names_both_files(tmp_path: Path) -> None:
    first = _write_plan(tmp_path, "same", None)
    shutil.copy(first, tmp_path / "copy.json")
    with pytest.raises(PlanError, match=r"copy.json and .*same.json both have the id 'same'"):
        open_library(str(tmp_path))


def test_an_invalid_plan_in_the_library_is_reported_with_its_file(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(PlanError, match=r"broken.json:1:"):
        open_library(str(tmp_path))


def test_a_missing_or_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such folder"):
        open_library(str(tmp_path / "absent"))
    with pytest.raises(UsageError, match="no plan files"):
        open_library(str(tmp_path))


def test_a_spec_is_a_path_an_id_or_a_git_revision(tmp_path: Path) -> None:
    by_path = resolve(str(PLANS / "geneva-revision.json"), folder=str(PLANS))
    by_id = resolve("geneva-revision", folder=str(PLANS))
    assert by_path == by_id
    with pytest.raises(UsageError, match="not-a-plan: no such file, and no plan with this id"):
        resolve("not-a-plan", folder=str(PLANS))
    # A name with a document's suffix or a folder was meant as a file, and is named as one.
    for spec in ("nosuch.json", "drafts/nosuch", "nosuch.docx"):
        with pytest.raises(UsageError, match=f"^{spec}: no such file$"):
            resolve(spec, folder=str(PLANS))
    with pytest.raises(UsageError, match="no such file, plan id"):
        resolve("Not A Spec", folder=str(tmp_path))


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_git_revision_is_read_with_git_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _git(tmp_path, "init", "-q")
    path = _write_plan(tmp_path, "draft", None)
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first")
    path.write_text(path.read_text().replace("Peace.", "War."), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert resolve("HEAD:draft.json").provisions[0].text == "Peace."
    assert resolve("draft.json").provisions[0].text == "War."
    with pytest.raises(UsageError, match=r"^nope:draft.json: git cannot read it: "):
        read_revision("nope", "draft.json")
    with pytest.raises(UsageError, match="written REV:path"):
        resolve("HEAD:")


def test_a_missing_git_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(UsageError, match="git is not installed"):
        read_revision("HEAD", "plans/a.json")


def test_the_lineage_json_keeps_the_layout_of_the_standard_encoder() -> None:
    # The lineage was written by json.dumps(indent=2) before orjson: the same bytes still.
    from pydantic import TypeAdapter

    from plandiff.model.lineage import Lineage
    from plandiff.util.inert import json_text as inert_json

    tree = lineage(open_library(str(PLANS)))
    document = TypeAdapter(Lineage).dump_python(tree, mode="json")
    expected = inert_json(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
    assert render_log(tree, "json") == expected
