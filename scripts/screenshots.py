"""Screenshots of every page type at desktop and phone widths, for review without a build.

    python scripts/screenshots.py [SITE_DIR] [OUT_DIR]

Serves SITE_DIR (default: a fresh `mkdocs build` of the sample) on 127.0.0.1 and drives the
system's Chromium (Debian package `chromium`) through Playwright; no browser is downloaded.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "",
    "oit": "oit/",
    "item": "oit/O11/",
    "checklist": "checklist/",
    "units": "units/",
    "unit": "units/ฝ่าย-บม/",
    "measures": "measures/",
    "measure": "measures/M04/",
    "report": "measures/2565/round-1/",
    "results": "results/2564/",
}
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def launch(p):
    return p.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"])


def main() -> None:
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                       cwd=ROOT, check=True)
    server, base = serve(site)
    with sync_playwright() as p:
        browser = launch(p)
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in PAGES.items():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(out / f"{name}-{size}.png"), full_page=True)
            page.close()
        page = browser.new_page()
        page.goto(base + "checklist/")
        page.wait_for_load_state("networkidle")
        page.pdf(path=str(out / "checklist-print.pdf"), format="A4")
        browser.close()
    server.shutdown()
    print(out)


if __name__ == "__main__":
    main()
