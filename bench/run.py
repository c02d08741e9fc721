"""Benchmark: what the product costs, measured side by side in one run, and how it grows.

    python bench/run.py [--repeat N] [--sizes 1y,5y,20y,large]

For each size of synthetic data (bench/generate.py: one agency with 1, 5 and 20 fiscal years
of history, and a large case of 51,600 publications and 500 measures) it measures, as the
median of N runs:

- the full `mkdocs build` with the plugin, against plain MkDocs building the same pages
  written out beforehand as Markdown by bench/plain.py (the floor the plugin adds to), run
  in turn, and the median of their ratios, in wall time and in CPU time;
- the rebuild after editing one YAML file, as `mkdocs serve` does it (the config reloaded and
  the site built again in the same process), against the full build;
- `ita check`: wall time of the whole command and its peak memory.

Nothing here is a test: it prints a table (and the machine it ran on) for bench/README.md.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"1y": (1, None, 10), "5y": (5, None, 25), "20y": (20, None, 100),
         "large": (20, 60, 500)}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

REBUILD = r"""
import json, sys, time
from pathlib import Path
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, item, repeat = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])

def once():
    t = time.perf_counter()
    config = load_config(config_file)   # what `mkdocs serve` does on every change
    build(config)
    return time.perf_counter() - t

first = once()
times = []
for n in range(repeat):
    body = yaml.safe_load(item.read_text(encoding="utf-8"))  # an editor adds one document
    body["publications"].append({"url": f"https://www.erc.or.th/ERCWeb2/edit-{n}.pdf",
                                 "published": f"2566-05-0{n + 1}"})
    item.write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=200),
                    encoding="utf-8")
    times.append(once())
print(json.dumps({"first": first, "rebuilds": times}))
"""

CHECK = r"""
import resource, sys
from ita_transparency.cli import main
code = main(["check", "--data", sys.argv[1], "--as-of", "2566-05-15", "--format", "json"])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess, float]:
    """Wall time, the result, and the CPU time (user + system) the command used: the CPU
    time moves less than the wall time when other machines share this one's cores."""
    cpu = _cpu()
    t = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr[-2000:]}")
    return elapsed, r, _cpu() - cpu


def _projects(work: Path, size: str) -> tuple[Path, Path, dict]:
    years, per_item_year, measures = SIZES[size]
    plugin = work / size / "plugin"
    (plugin / "overrides").mkdir(parents=True)
    shutil.copytree(ROOT / "site_src", plugin / "site_src")
    shutil.copy(ROOT / "mkdocs.yml", plugin / "mkdocs.yml")
    counts = generate(plugin / "data", years, per_item_year, measures)
    plain = work / size / "plain"
    _timed([sys.executable, str(Path(__file__).parent / "plain.py"), str(plugin), str(plain)],
           plugin)
    return plugin, plain, counts


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in
                Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    import material
    import mkdocs

    return (f"{cpu}, {os.cpu_count()} cores, {mem} GiB; Python {platform.python_version()}, "
            f"MkDocs {mkdocs.__version__}, Material {material.__version__}; "
            f"{platform.system()} {platform.release()}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default=",".join(SIZES))
    args = parser.parse_args()
    print(f"machine: {machine()}")
    # as `pip install` does: the package's bytecode is compiled once, not at every start
    # (an editable install under PYTHONDONTWRITEBYTECODE would recompile it in every build)
    import ita_transparency

    compileall.compile_dir(Path(ita_transparency.__file__).parent, quiet=1)
    print(f"median of {args.repeat} runs each\n")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            plugin, plain, counts = _projects(Path(tmp), size)
            builds: dict[str, list[tuple[float, float]]] = {"plugin": [], "plain": []}
            checks, rss = [], []
            build = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"]
            for _ in range(args.repeat):  # interleaved, so both see the same machine
                for name, project in (("plugin", plugin), ("plain", plain)):
                    wall, _, cpu = _timed(build, project)
                    builds[name].append((wall, cpu))
                seconds, r, _ = _timed([sys.executable, "-c", CHECK, "data"], plugin)
                checks.append(seconds)
                rss.append(int(r.stderr.strip().splitlines()[-1]) / 1024)
            item = plugin / "data" / "items" / "O7.yml"
            _, r, _ = _timed([sys.executable, "-c", REBUILD, str(plugin / "mkdocs.yml"),
                              str(item), str(args.repeat)], plugin)
            rebuild = json.loads(r.stdout.strip().splitlines()[-1])
            pages = sum(1 for _ in (plugin / "site").rglob("index.html"))
            pairs = list(zip(builds["plugin"], builds["plain"], strict=True))  # side by side
            row = {
                "size": size, **counts, "pages": pages,
                "plugin_build": statistics.median(ours[0] for ours, _ in pairs),
                "plain_build": statistics.median(floor[0] for _, floor in pairs),
                "ratio": statistics.median(ours[0] / floor[0] for ours, floor in pairs),
                "cpu_ratio": statistics.median(ours[1] / floor[1] for ours, floor in pairs),
                "rebuild": statistics.median(rebuild["rebuilds"]),
                "check": statistics.median(checks), "check_rss_mb": max(rss),
            }
            rows.append(row)
            print(f"{size}: {json.dumps(row)}", flush=True)
    print("\n| data | publications | measures | pages | plugin build | plain MkDocs | ratio "
          "| ratio of CPU time | rebuild after 1 YAML edit | ita check | ita check peak memory |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['size']} | {r['publications']:,} | {r['measures']} | {r['pages']} | "
              f"{r['plugin_build']:.2f} s | {r['plain_build']:.2f} s | {r['ratio']:.2f}× | "
              f"{r['cpu_ratio']:.2f}× | "
              f"{r['rebuild']:.2f} s ({r['rebuild'] / r['plugin_build']:.0%} of full) | "
              f"{r['check']:.2f} s | {r['check_rss_mb']:.0f} MB |")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        growth = b["publications"] / a["publications"]
        print(f"\ngrowth from {a['size']} to {b['size']}: publications ×{growth:.1f}, "
              f"plugin build ×{b['plugin_build'] / a['plugin_build']:.1f}, "
              f"ita check ×{b['check'] / a['check']:.1f}")


if __name__ == "__main__":
    main()
