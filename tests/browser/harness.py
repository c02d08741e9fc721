"""Drive the built site in headless Chromium: a local server, Material's search typed with
real key events, and the result pages read back. Used by the browser tests and by
scripts/search_quality.py (the before/after measurement)."""

from __future__ import annotations

import functools
import http.server
import os
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = os.environ.get("ITA_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
# one page of every type, for the browser tests, the screenshots and the axe checks
PAGE_TYPES = {
    "home": "",
    "oit": "oit/",
    "item": "oit/O11/",
    "checklist": "checklist/",
    "units": "units/",
    "unit": "units/ฝ่าย-บม/",
    "measures": "measures/",
    "measure": "measures/M04/",
    "report": "measures/2565/round-1/",
    "results": "results/",
    "result": "results/2564/",
    "about": "about/",
}
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
IDLE = ("กำลังเริ่มต้นการค้นหา", "พิมพ์เพื่อเริ่มค้นหา", "Initializing search",
        "Type to start searching")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class SiteServer:
    """A static server for a built site on 127.0.0.1, in a thread."""

    def __init__(self, folder: Path):
        handler = functools.partial(_Quiet, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def page_path(url: str, base: str) -> str:
    """'http://127.0.0.1:1234/oit/O12/#x' -> 'oit/O12/'."""
    path = unquote(urlsplit(url).path)
    return path[len(urlsplit(base).path):] if path.startswith(urlsplit(base).path) else path


def open_search(page, base: str) -> None:
    page.goto(base)
    page.wait_for_load_state("networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.wait_for()
    page.locator(".md-search__input").click()
    # the worker is ready when the placeholder text replaces "initializing"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        meta = page.locator(".md-search-result__meta").inner_text()
        if "เริ่มต้น" not in meta and "Initializing" not in meta:
            return
        time.sleep(0.1)
    raise AssertionError("the search worker did not become ready")


def search(page, base: str, query: str, limit: int = 10) -> list[str]:
    """Type `query` with real key events and return the result pages, best first."""
    box = page.locator(".md-search__input")
    box.fill("")
    box.press("Backspace")
    page.keyboard.type(query, delay=15)
    # Playwright types characters outside the US layout as text input, without the keyup a
    # Thai keyboard sends for each key; Material listens for keyup, so end with a real key
    page.keyboard.press("End")
    deadline = time.monotonic() + 10
    last, stable = None, 0
    while time.monotonic() < deadline:
        meta = page.locator(".md-search-result__meta").inner_text()
        links = page.locator(".md-search-result__item > .md-search-result__link")
        state = (meta, links.count())
        if meta not in IDLE and state == last:
            stable += 1
            if stable >= 3:
                break
        else:
            stable = 0
        last = state
        time.sleep(0.1)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)")
    pages: list[str] = []
    for href in hrefs:
        path = page_path(href.split("#")[0], base)
        if path not in pages:
            pages.append(path)
    return pages[:limit]


def page_texts(site: Path) -> dict[str, str]:
    """Every page's article text, by path ('' for the home page), for judging relevance."""
    from bs4 import BeautifulSoup

    texts = {}
    for html in site.rglob("index.html"):
        rel = html.parent.relative_to(site).as_posix()
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is not None:
            texts["" if rel == "." else rel + "/"] = article.get_text(" ")
    return texts


def relevant(text: str, query: str) -> bool:
    """A page is relevant when it contains every word of the query (as typed)."""
    haystack = text.replace("\u200b", "").casefold()
    return all(word.casefold() in haystack for word in query.split())


def run_queries(page, base: str, site: Path, queries: list[dict]) -> dict:
    """Type every query; measure recall of the expected pages in the first ten results and
    precision of those results (a result is relevant when its text contains the query)."""
    texts = page_texts(site)
    rows = []
    found = expected = returned = good = 0
    for q in queries:
        results = search(page, base, q["query"])
        hits = [p for p in q["expect"] if p in results]
        right = [p for p in results if relevant(texts.get(p, ""), q["query"])]
        found += len(hits)
        expected += len(q["expect"])
        returned += len(results)
        good += len(right)
        rows.append({"query": q["query"], "results": results, "missed":
                     [p for p in q["expect"] if p not in results],
                     "irrelevant": [p for p in results if p not in right]})
    return {"recall": found / expected if expected else 0.0,
            "precision": good / returned if returned else 0.0,
            "found": found, "expected": expected, "good": good, "returned": returned,
            "rows": rows}
