"""How fast the HTML report's controls answer: ``python benchmarks/browser_view.py``.

Renders the generated 10,000-provision pair (``benchmarks/generate.py``, seeded) as HTML, opens
it in Debian's chromium (``/usr/bin/chromium``, driven by Playwright; no browser is downloaded)
and times, for each control, a click followed by the style and layout it causes: the view
switched to "Inline" and back, a kind filter turned off and on. Each figure is the median of
``--repeat`` clicks, in milliseconds, measured by the page's own clock (``performance.now``)
around the click and a forced layout, so it is the time the page is frozen. The budget is
``BUDGET_MS`` per switch.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from benchmarks.generate import ensure_pair

CHROMIUM = "/usr/bin/chromium"
BUDGET_MS = 300.0
# Click the control, then read a layout figure, which makes the browser finish the style
# recalculation and layout the click caused before the clock is read again.
TIMED_CLICK = """(id) => {
  const start = performance.now();
  document.getElementById(id).click();
  void document.body.getBoundingClientRect().height;
  return performance.now() - start;
}"""


def report(size: int) -> str:
    from plandiff import compare, load_plan, render

    old, new, _ = ensure_pair(size)
    return render(compare(load_plan(old), load_plan(new)), "html")


def measure(html: str, repeat: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as pw:
        page_file = Path(folder) / "report.html"
        page_file.write_text(html, encoding="utf-8")
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        # The page's policy forbids scripts; the measuring script is let in, and nothing else
        # runs: the page itself has no script.
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(600_000)
        start = time.perf_counter()
        page.goto(page_file.as_uri(), wait_until="load")
        times["open the page"] = [(time.perf_counter() - start) * 1000]
        kind = page.evaluate("() => document.querySelector('input.switch[type=checkbox]').id")
        steps = [
            ("view: Inline", "view-inline"),
            ("view: Side by side", "view-side"),
            (f"filter: {kind} off", kind),
            (f"filter: {kind} on", kind),
        ]
        for _ in range(repeat):
            for label, ident in steps:
                times.setdefault(label, []).append(page.evaluate(TIMED_CLICK, ident))
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    html = report(args.size)
    print(f"HTML report of the generated {args.size:,}-provision pair: {len(html) / 1e6:.1f} MB")
    for label, values in measure(html, args.repeat).items():
        median = statistics.median(values)
        met = "" if label == "open the page" else ("  yes" if median <= BUDGET_MS else "  NO")
        print(f"  {label:28} {median:9.0f} ms{met}")
    print(f"budget: each switch within {BUDGET_MS:.0f} ms")


if __name__ == "__main__":
    main()
