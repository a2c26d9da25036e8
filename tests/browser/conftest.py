"""A real browser for the HTML report's tests: Debian's chromium driven by Playwright.

Without chromium (or the playwright package, or axe-core from ``npm ci`` here) the browser
tests skip and say why; with ``PLANDIFF_REQUIRE_BROWSER=1`` (set by CI) they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("PLANDIFF_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
ORIGIN = "http://report.invalid/"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(reason: str) -> None:
    """Skip on a developer machine that lacks the tool; fail where it is required."""
    if os.environ.get("PLANDIFF_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (PLANDIFF_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        unavailable(f"no chromium at {CHROMIUM}; apt-get install chromium to run browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        unavailable("axe-core is missing; run `npm ci` in tests/browser")
    return AXE.read_text(encoding="utf-8")


@dataclass
class Visit:
    """An open report page and everything it tried to do while loading."""

    page: Any
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def open_report(chromium: Any) -> Iterator[Callable[..., Visit]]:
    """Open an HTML string as if from a web server that serves nothing else.

    Every request other than the page itself is recorded and refused, so a report that
    tried to load anything (a font, an image, a tracker) shows up in ``requests``.
    """
    contexts: list[Any] = []

    def visit(html: str, **context_options: Any) -> Visit:
        context_options.setdefault("java_script_enabled", False)
        context = chromium.new_context(**context_options)
        contexts.append(context)
        context.set_default_timeout(5000)
        page = context.new_page()
        seen = Visit(page)

        def route(r: Any) -> None:
            if r.request.url == ORIGIN:
                r.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
            else:
                seen.requests.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("request", lambda req: _note_request(seen, req.url))
        page.on("console", lambda msg: seen.console.append(f"{msg.type}: {msg.text}"))
        page.on("pageerror", lambda err: seen.errors.append(str(err)))

        def dismiss(dialog: Any) -> None:
            seen.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)
        page.goto(ORIGIN, wait_until="load")
        return seen

    yield visit
    for context in contexts:
        context.close()


def _note_request(seen: Visit, url: str) -> None:
    if url != ORIGIN and not url.startswith(("data:", "about:")) and url not in seen.requests:
        seen.requests.append(url)
