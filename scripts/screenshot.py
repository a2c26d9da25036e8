"""Regenerate docs/report.png, the README's picture of the bundled HTML report.

Usage: python scripts/screenshot.py [REPORT.html] [OUT.png] [--width PX] [--height PX] [--dark]

Needs the ``playwright`` Python package and Debian's chromium at /usr/bin/chromium (or the
path in $PLANDIFF_CHROMIUM); no browser is downloaded.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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
    parser.add_argument("--width", type=int, default=1200, help="viewport width in CSS pixels")
    parser.add_argument("--height", type=int, default=1500, help="height of the picture")
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    parser.add_argument("--full", action="store_true", help="the whole page, not the top")
    args = parser.parse_args()
    if not args.report.is_file():
        print(f"screenshot: no such report: {args.report}", file=sys.stderr)
        return 2

    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("PLANDIFF_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(
            viewport={"width": args.width, "height": args.height},
            color_scheme="dark" if args.dark else "light",
            device_scale_factor=1,
        )
        page.goto(args.report.resolve().as_uri())
        args.out.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target, then rename, so a failed run leaves the old picture whole.
        partial = args.out.with_suffix(".tmp.png")
        page.screenshot(path=str(partial), full_page=args.full, type="png")
        browser.close()
    partial.replace(args.out)
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
          f" ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
