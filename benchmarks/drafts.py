"""Reading drafts: ``python benchmarks/drafts.py`` times the Word, PDF and web-page readers.

Generates a 300-page PDF (a running header and "Page N of M" on every page, hyphenated line
ends), a Word document of 1,000 articles with automatic numbering and two sub-points each,
and a web page of 1,000 list items, then prints for each the CPU time to read it into blocks,
and to read it into a plan (blocks, outline, validation). Needs the test extra (python-docx and
reportlab write the files).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from draftfiles import Outline, Point, to_docx, to_html, to_pdf  # noqa: E402

SENTENCE = (
    "The parties shall ensure that all measures agreed under this article are carried out "
    "in good faith within the time limits set by the joint commission and reported to it "
    "every month, together with the figures on personnel, territory and sanctions relief."
)


def outline(articles: int) -> Outline:
    return Outline(
        title="Generated framework",
        date="2025-11-20",
        points=tuple(
            Point(
                str(n),
                f"Article {n} of the framework. {SENTENCE}",
                (Point("a", f"within {n} days of signature;"), Point("b", "under supervision.")),
            )
            for n in range(1, articles + 1)
        ),
    )


def cpu_seconds(fn: Callable[[], object], runs: int) -> float:
    """Median CPU time of ``fn``: CPU, not wall-clock, since the machine is shared."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from plandiff.documents.drafts import read_document
    from plandiff.documents.readers import pdf, webpage, word

    # 1,000 articles of four wrapped lines and two sub-points fill about 300 pages of 20 lines.
    pdf_data = to_pdf(
        outline(1000), lines_per_page=20, width=90, header="Generated - draft", titled=False
    )
    docx_data = to_docx(outline(1000))
    html_data = to_html(outline(1000))
    cases: list[tuple[str, bytes, Callable[[bytes, str], object]]] = [
        ("pdf", pdf_data, pdf.read),
        ("docx", docx_data, word.read),
        ("html", html_data, webpage.read),
    ]
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf_data)).pages)
    print(f"inputs: PDF {pages} pages, {len(pdf_data) // 1024:,} KiB; "
          f"Word 1,000 articles, {len(docx_data) // 1024:,} KiB zipped; "
          f"web page 1,000 items, {len(html_data) // 1024:,} KiB")  # fmt: skip
    for kind, data, read in cases:
        name = f"bench.{kind}"
        seconds = cpu_seconds(lambda data=data, read=read, name=name: read(data, name), args.runs)
        blocks = len(read(data, name).blocks)  # type: ignore[attr-defined]
        print(f"{kind:5} read into {blocks:,} blocks: {seconds:.2f} s CPU (median of {args.runs})")
        whole = cpu_seconds(lambda data=data, name=name: read_document(data, name), args.runs)
        plan = read_document(data, name).plan
        count = len(plan.provisions)
        print(f"{kind:5} read into a plan of {count:,} provisions: {whole:.2f} s CPU")


if __name__ == "__main__":
    main()
