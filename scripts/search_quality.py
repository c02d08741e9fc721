"""Thai search quality, before and after, measured in a real browser on the sample site.

    python scripts/search_quality.py [--verbose]

Builds the sample site three ways (Material as configured by a new user with search language
English, the same with Thai, and with this plugin's Thai search), types every query of
tests/search_queries.yml into the search box of headless Chromium, and prints recall (the
expected pages found in the first ten results) and precision (results that contain the
query) side by side.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from harness import SiteServer, launch, open_search, run_queries  # noqa: E402

VARIANTS = {
    "Material, search.lang en": ("en", False),
    "Material, search.lang th": ("th", False),
    "ita Thai search": ("en", True),
}


def build(work: Path, lang: str, thai: bool) -> Path:
    project = work / f"{lang}-{thai}"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", "site", "tests", "bench", "*.pyc", "__pycache__", "screenshots"))
    cfg = project / "mkdocs.yml"
    text = cfg.read_text(encoding="utf-8").replace("      lang: en", f"      lang: {lang}")
    text = text.replace("      data_dir: data", f"      data_dir: data\n      thai_search: {thai}")
    cfg.write_text(text, encoding="utf-8")
    site = project / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                   cwd=project, check=True, capture_output=True)
    return site


def main() -> None:
    queries = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text("utf-8"))
    thai = [q for q in queries if any("\u0e01" <= c <= "\u0e4e" for c in q["query"])]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = launch(p)
        print(f"{len(thai)} Thai queries, {len(queries) - len(thai)} English/number queries\n")
        print(f"{'variant':28} {'Thai recall':>12} {'Thai precision':>15} {'all recall':>11}")
        for name, (lang, on) in VARIANTS.items():
            site = build(Path(tmp), lang, on)
            server = SiteServer(site)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            open_search(page, server.base)
            th = run_queries(page, server.base, site, thai)
            everything = run_queries(page, server.base, site, queries)
            print(f"{name:28} {th['recall']:>12.3f} {th['precision']:>15.3f} "
                  f"{everything['recall']:>11.3f}   ({th['found']}/{th['expected']} found, "
                  f"{th['good']}/{th['returned']} relevant)")
            if "--verbose" in sys.argv:
                for row in th["rows"]:
                    if row["missed"] or row["irrelevant"]:
                        print("   ", row["query"], "missed", row["missed"], "irrelevant",
                              row["irrelevant"])
            page.close()
            server.close()
        browser.close()


if __name__ == "__main__":
    main()
