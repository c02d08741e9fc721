"""Screenshots of every page type at desktop and phone widths, for review without a build,
and the checklist printed to PDF (the print stylesheet).

    python scripts/screenshots.py [SITE_DIR] [OUT_DIR]

Serves SITE_DIR (default: a fresh `mkdocs build` of the sample) on 127.0.0.1 and drives the
system's Chromium (Debian package `chromium`) through Playwright; no browser is downloaded.
The browser tests take the same screenshots into test-artifacts/screenshots/.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from harness import PAGE_TYPES, SIZES, SiteServer, launch  # noqa: E402


def main() -> None:
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                       cwd=ROOT, check=True)
    server = SiteServer(site)
    with sync_playwright() as p:
        browser = launch(p)
        for size, viewport in SIZES.items():
            page = browser.new_page(viewport=viewport)
            for name, path in PAGE_TYPES.items():
                page.goto(server.base + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(out / f"{name}-{size}.png"), full_page=True)
            page.close()
        page = browser.new_page()
        page.goto(server.base + "checklist/")
        page.wait_for_load_state("networkidle")
        page.pdf(path=str(out / "checklist-print.pdf"), format="A4")
        browser.close()
    server.close()
    print(out)


if __name__ == "__main__":
    main()
