"""The package builds a clean sdist and wheel: SPDX licence, package data, no build warnings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """sdist and wheel built from a copy of the sources (the tree itself stays untouched)."""
    work = tmp_path_factory.mktemp("build")
    source = work / "plandiff"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "src",
        source / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"),
    )
    # Without build isolation the installed setuptools (the test extra asks for >= 77) is used,
    # so the test needs no download; `python -m build` alone builds the same in a fresh env.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(work / "dist")],
        cwd=source,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return work / "dist", done.stdout + done.stderr


def test_the_build_prints_no_warning(dist: tuple[Path, str]) -> None:
    _, log = dist
    assert not re.findall(r".*(?:warning|deprecat).*", log, re.I)


def test_twine_accepts_both_distributions(dist: tuple[Path, str]) -> None:
    folder, _ = dist
    files = sorted(str(p) for p in folder.iterdir())
    assert sorted(Path(f).suffix for f in files) == [".gz", ".whl"]
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2


def test_the_wheel_carries_the_licence_and_the_package_data(dist: tuple[Path, str]) -> None:
    folder, _ = dist
    (wheel,) = folder.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = archive.read(metadata).decode("utf-8")
    assert "License-Expression: MIT" in meta.splitlines()
    assert "License-File: LICENSE" in meta.splitlines()
    assert not any(line.startswith("Classifier: License") for line in meta.splitlines())
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    for data in ("plandiff/py.typed", "plandiff/output/templates/report.html.j2"):
        assert data in names
    assert any(n.startswith("plandiff/findings/data/") for n in names)


def test_the_sdist_holds_the_licence_and_no_stray_files(dist: tuple[Path, str]) -> None:
    folder, _ = dist
    (sdist,) = folder.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "README.md", "pyproject.toml", "src/plandiff/py.typed"} <= names
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
