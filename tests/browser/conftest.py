"""Browser fixtures: the system's Chromium driven by Playwright, the sample site served on
127.0.0.1, and a page that records console errors and failed requests.

Without a browser these tests are skipped on a developer's machine, and fail when CI=true:
CI must run them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from harness import AXE, CHROMIUM, SIZES, SiteServer, launch  # noqa: E402


def _missing(what: str) -> None:
    message = f"{what} (run `bash .ci/run`, which installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run in CI: {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def playwright_api():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_api):
    if not Path(CHROMIUM).exists():
        _missing(f"no Chromium at {CHROMIUM}")
    browser = launch(playwright_api)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def server(sample_site):
    srv = SiteServer(sample_site)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        _missing(f"axe-core is not installed at {AXE}")
    return AXE.read_text(encoding="utf-8")


class Watched:
    """A page plus what went wrong on it: console errors, page errors, failed requests."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        # ERR_ABORTED: the test navigated on before a request finished (not a failure)
        page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "")
                and self.problems.append(f"request failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(
            f"HTTP {r.status}: {r.url}"))
        page.on("request", lambda r: not r.url.startswith(
            (base, "data:", "blob:", "https://www.erc.or.th/")) and self.problems.append(
            f"request outside the site: {r.url}"))


def _watched(browser, server, **context):
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    watched = Watched(page, server.base)
    yield watched
    ctx.close()
    assert watched.problems == [], "\n".join(watched.problems)


@pytest.fixture
def desktop(browser, server):
    yield from _watched(browser, server, viewport=SIZES["desktop"])


@pytest.fixture
def phone(browser, server):
    yield from _watched(browser, server, viewport=SIZES["phone"],
                        is_mobile=True, has_touch=True, device_scale_factor=2)
