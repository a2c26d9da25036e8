"""The physical floor of a comparison: ``python benchmarks/floor.py OLD NEW OUT BYTES``.

What no comparison of two plan files can skip, done as plainly as Python does it: start the
interpreter, read and parse both files, pair the provisions whose texts are identical (by their
hash, in a dict), and write a report of ``BYTES`` bytes (the size of plandiff's own report for
the pair) to ``OUT``. ``benchmarks/speed.py`` runs it as a process beside each comparison and
gives every figure as a multiple of it.
"""

from __future__ import annotations

import json
import sys


def floor(old_path: str, new_path: str, out_path: str, size: int) -> int:
    """Do the floor's work; returns how many provisions were paired."""
    with open(old_path, "rb") as fh:
        old = json.loads(fh.read())
    with open(new_path, "rb") as fh:
        new = json.loads(fh.read())
    where = {p["text"]: i for i, p in enumerate(old["provisions"])}
    pairs = []
    for j, p in enumerate(new["provisions"]):
        i = where.get(p["text"])
        pairs.append({"old": i, "new": j, "text": p["text"]})
    body = json.dumps({"pairs": pairs}, ensure_ascii=False).encode("utf-8")
    # The report holds as many bytes as plandiff's: cut, or padded with blanks (valid JSON).
    body = body[:size] if len(body) >= size else body + b" " * (size - len(body))
    with open(out_path, "wb") as fh:
        fh.write(body)
    return sum(pair["old"] is not None for pair in pairs)


def main(argv: list[str]) -> int:
    if len(argv) != 4 or not argv[3].isdigit():
        print("usage: floor.py OLD NEW OUT BYTES", file=sys.stderr)
        return 2
    floor(argv[0], argv[1], argv[2], int(argv[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
