"""The plugin's fixed costs on a small site, each measured in a fresh interpreter.

    python bench/costs.py [--repeat N]

What `mkdocs build` pays for the plugin in every process whatever the size of the data,
measured after MkDocs, Material and Jinja are imported (a plain build imports them too),
median of N fresh processes. The one-year data of bench/generate.py is used for the last
three rows. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

PRELUDE = """
import time
import jinja2, markdown, material.plugins.search.plugin, mkdocs.commands.build, mkdocs.config
"""

COSTS = {
    "import pydantic and build the data models": (
        "", "import ita_transparency.models"),
    "import icalendar (deadlines.ics)": (
        "import ita_transparency.models", "import icalendar"),
    "import the rest of the plugin": (
        "import ita_transparency.models, icalendar", "import ita_transparency.plugin"),
    "load the Thai word list into nlpo3": (
        "from ita_transparency.thai_search import _tools", "_tools()"),
    "compile the ITA templates": (
        "from ita_transparency.render import TEMPLATES, make_env\nenv = make_env()",
        "[env.get_template(p.relative_to(TEMPLATES).as_posix())"
        " for p in sorted(TEMPLATES.rglob('*.html'))]"),
    "load and validate one year of data": (
        "from ita_transparency.loader import load_dataset", "load_dataset(DATA)"),
    "evaluate the checklist": (
        "from datetime import date\nfrom ita_transparency.loader import load_dataset\n"
        "from ita_transparency.status import evaluate\nds = load_dataset(DATA)",
        "c = evaluate(ds, date(2023, 5, 15))"),
    "render the pages (templates compiled)": (
        "from datetime import date\nfrom ita_transparency.loader import load_dataset\n"
        "from ita_transparency.status import evaluate\n"
        "from ita_transparency.pages import site_pages\n"
        "from ita_transparency.render import make_env, render_page\n"
        "c = evaluate(load_dataset(DATA), date(2023, 5, 15))\nenv = make_env()\n"
        "pages = site_pages(c)\n[env.get_template(p.template) for p in pages]",
        "[render_page(env, p) for p in pages]"),
}


def measure(setup: str, code: str, data: Path) -> float:
    script = (f"{PRELUDE}\nDATA = {str(data)!r}\n{setup}\nt = time.perf_counter()\n{code}\n"
              "print(time.perf_counter() - t)")
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       check=True)
    return float(r.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import ita_transparency

    compileall.compile_dir(Path(ita_transparency.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        generate(data, 1, None, 10)
        print(f"median of {args.repeat} fresh processes\n")
        print("| cost | seconds |\n|---|---:|")
        total = 0.0
        for name, (setup, code) in COSTS.items():
            seconds = statistics.median(measure(setup, code, data) for _ in range(args.repeat))
            total += seconds
            print(f"| {name} | {seconds:.3f} |")
        print(f"| **total** | **{total:.3f}** |")


if __name__ == "__main__":
    main()
