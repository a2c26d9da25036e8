"""Regenerate docs/report.png, the README's picture of the bundled HTML report.

Usage: python scripts/screenshot.py [REPORT.html] [OUT.png] [--dark] [--full] [--width PX]

By default the picture is the top of the report (both versions, the counts, the first
headlines) above its first changed provision; ``--full`` takes the whole page instead.

Needs the ``playwright`` Python package and Debian's chromium at /usr/bin/chromium (or the
path in $PLANDIFF_CHROMIUM); no browser is downloaded.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REPORT = ROOT / "reports" / "us-28-point-draft--geneva-revision.html"
DEFAULT_OUT = ROOT / "docs" / "report.png"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--width", type=int, default=1100, help="viewport width in CSS pixels")
    parser.add_argument("--height", type=int, default=1000, help="viewport height")
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    parser.add_argument("--full", action="store_true", help="the whole page, as it is")
    parser.add_argument("--headlines", type=int, default=4, help="headlines to keep in view")
    parser.add_argument("--provisions", type=int, default=1, help="changed provisions to show")
    args = parser.parse_args()
    if not args.report.is_file():
        print(f"screenshot: no such report: {args.report}", file=sys.stderr)
        return 2

    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("PLANDIFF_CHROMIUM", "/usr/bin/chromium")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target, then rename, so a failed run leaves the old picture whole.
    partial = args.out.with_suffix(".tmp.png")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(
            viewport={"width": args.width, "height": args.height},
            color_scheme="dark" if args.dark else "light",
            device_scale_factor=1,
        )
        page.goto(args.report.resolve().as_uri())
        if args.full:
            page.screenshot(path=str(partial), full_page=True, type="png")
        else:
            _first_screen_and_redline(page, partial, args.headlines, args.provisions)
        browser.close()
    partial.replace(args.out)
    print(
        f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
        f" ({args.out.stat().st_size // 1024} KiB)"
    )
    return 0


def _first_screen_and_redline(page: Any, out: Path, headlines: int, provisions: int) -> None:
    """The top of the report down to the first headlines, above its first changed provisions.

    Both parts are cut from the real page and stacked in a second page, so the picture shows
    the versions, the counts and the headlines as well as what a redline looks like.
    """
    width = page.viewport_size["width"]
    last = page.locator(".finding").nth(headlines - 1)
    if last.count() == 0:
        last = page.locator("#findings-title")
    top = page.screenshot(
        clip={"x": 0, "y": 0, "width": width, "height": _bottom(last) + 4}, full_page=True
    )
    changed = page.locator("article.prov")
    first, last_shown = changed.nth(0), changed.nth(min(provisions, changed.count()) - 1)
    start = first.bounding_box()["y"] + page.evaluate("scrollY") - 12
    body = page.screenshot(
        clip={"x": 0, "y": start, "width": width, "height": _bottom(last_shown) - start + 12},
        full_page=True,
    )
    # A fresh document: the report's own policy would refuse the inline styles below.
    page.goto("about:blank")
    page.set_content(
        '<body style="margin:0;background:#d0cdc6">'
        f'<img style="display:block" src="data:image/png;base64,{_b64(top)}">'
        '<div style="height:4px"></div>'
        f'<img style="display:block" src="data:image/png;base64,{_b64(body)}">'
        "</body>"
    )
    page.screenshot(path=str(out), full_page=True, type="png")


def _bottom(locator: Any) -> float:
    box = locator.bounding_box()
    scrolled: float = locator.page.evaluate("scrollY")
    return float(box["y"] + box["height"] + scrolled)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


if __name__ == "__main__":
    sys.exit(main())
