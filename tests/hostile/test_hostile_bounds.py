"""Work that input can grow stays bounded: a git blob is read only up to the size limit, long
lineages are walked without recursion, collections are capped, and every regular expression
in the package is listed with the reason it cannot backtrack without bound."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

FAKE_GIT = textwrap.dedent(
    """\
    #!{python}
    import sys, time
    # 'git show' of a blob far over the size limit, and then a git that never ends.
    chunk = b"0" * (1 << 20)
    for _ in range(40):
        sys.stdout.buffer.write(chunk)
    sys.stdout.flush()
    time.sleep(60)
    """
)


def test_a_huge_git_blob_is_refused_after_the_limit_without_waiting_for_git(
    tmp_path: Path,
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    git = bin_dir / "git"
    git.write_text(FAKE_GIT.format(python=sys.executable), encoding="utf-8")
    git.chmod(git.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        [sys.executable, "-m", "plandiff", "compare", "HEAD:plans/a.json", "HEAD:plans/b.json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=30,  # git sleeps for 60 s after its 40 MiB: reading to the end would hang
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "plandiff: HEAD:plans/a.json: the file is larger than the limit of 33,554,432 bytes\n"
    )
