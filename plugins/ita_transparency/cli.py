"""The `ita` command: validate, check, export and schema, over the same core as the plugin.

Exit codes: 0 all well; 1 the checklist has items at or above `--fail-on`; 2 invalid data or
a usage error. Data problems are printed as `file:line: field: message`, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .calendar import format_thai_date, parse_date, resolve_as_of
from .links import DEFAULT_CACHE, DEFAULT_TTL_HOURS, LinkCache, broken_urls, check_links
from .loader import load_dataset
from .outputs import checklist_csv, checklist_json, itas_csv
from .problems import DataInvalid, Problem
from .schema import SCHEMAS, schema_for
from .status import SEVERITY, STATUSES, THAI_STATUS, Checklist, evaluate
from .table import render_table

EXIT_OK, EXIT_FAIL, EXIT_INVALID = 0, 1, 2


def _print_problems(problems: list[Problem]) -> None:
    for p in problems:
        prefix = "warning: " if p.severity == "warning" else ""
        print(f"{prefix}{p}", file=sys.stderr)


def _as_of_arg(value: str) -> date:
    try:
        return parse_date(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ita", description="ITA transparency data: validate, check and export.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", default="data", type=Path,
                       help="the agency's data folder (default: data)")

    def as_of_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--as-of", type=_as_of_arg, default=None, metavar="DATE",
                       help="evaluate at this date, BE or CE (default: ITA_AS_OF, else today)")

    p = sub.add_parser("validate", help="check the data files; exit 2 listing every error")
    data_arg(p)

    def cache_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--links-cache", type=Path, default=DEFAULT_CACHE, metavar="FILE",
                       help="results of `ita links`: dead evidence does not count as published "
                       f"(default: {DEFAULT_CACHE}; read only, no network)")

    p = sub.add_parser("check", help="the checklist: what is missing, overdue, incomplete...")
    data_arg(p)
    as_of_arg(p)
    cache_arg(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--fail-on", choices=STATUSES, default=None, metavar="STATUS",
                   help="exit 1 when an item is at or above this severity "
                   f"({', '.join(STATUSES)})")
    p.add_argument("--warn-days", type=int, default=30,
                   help="a period due within this many days is due_soon (default: 30)")

    p = sub.add_parser("export", help="export the ITAS answer sheet")
    p.add_argument("what", choices=("itas",))
    data_arg(p)
    as_of_arg(p)
    cache_arg(p)
    p.add_argument("--site-url", default=None,
                   help="answer with the item's page on this site instead of the evidence URL")

    p = sub.add_parser("links", help="fetch every evidence URL and report the broken ones")
    data_arg(p)
    p.add_argument("--concurrency", type=int, default=8, help="requests at once (default: 8)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per request (10)")
    p.add_argument("--rate", type=float, default=2.0,
                   help="requests per second to any one host (default: 2)")
    p.add_argument("--cache", type=Path, default=DEFAULT_CACHE, metavar="FILE",
                   help=f"where results are kept (default: {DEFAULT_CACHE})")
    p.add_argument("--ttl", type=float, default=DEFAULT_TTL_HOURS, metavar="HOURS",
                   help="reuse cached results younger than this (default: 24)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--fail-on-broken", action="store_true",
                   help="exit 1 when any evidence link is broken")

    p = sub.add_parser("schema", help="JSON Schema of the data files, for editors' YAML tools")
    p.add_argument("kind", choices=sorted(SCHEMAS), nargs="?", default=None,
                   help="one file kind; without it, all of them keyed by kind")
    p.add_argument("--out", type=Path, default=None,
                   help="write one <kind>.schema.json per kind into this folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "schema":
            return _schema(args)
        try:
            as_of = getattr(args, "as_of", None) or resolve_as_of(None)
        except ValueError as e:
            print(f"ITA_AS_OF: {e}", file=sys.stderr)
            return EXIT_INVALID
        try:
            # the evidence warnings belong to `ita validate` (and the build), not to a report
            dataset = load_dataset(args.data, link_warnings=args.command == "validate")
        except DataInvalid as e:
            _print_problems(e.problems)
            errors = len(e.errors)
            print(f"{errors} error{'s' if errors != 1 else ''} in {args.data}", file=sys.stderr)
            return EXIT_INVALID
        _print_problems(dataset.warnings)
        if args.command == "validate":
            print(f"{args.data}: valid ({len(dataset.items)} items, "
                  f"{len(dataset.measures)} measures, {len(dataset.assessments)} assessments; "
                  f"framework {dataset.framework.id})")
            return EXIT_OK
        if args.command == "links":
            return _links(args, dataset)
        checklist = evaluate(dataset, as_of, getattr(args, "warn_days", 30),
                             broken_urls(args.links_cache))
        if args.command == "export":
            sys.stdout.write(itas_csv(checklist, args.site_url))
            return EXIT_OK
        return _check(args, checklist)
    except BrokenPipeError:  # `ita check | head`
        sys.stderr.close()
        return EXIT_OK


def _check(args: argparse.Namespace, checklist: Checklist) -> int:
    if args.format == "json":
        sys.stdout.write(checklist_json(checklist))
    elif args.format == "csv":
        sys.stdout.write(checklist_csv(checklist))
    else:
        render_table(checklist, sys.stdout)
    if args.fail_on:
        limit = SEVERITY[args.fail_on]
        failing = [i for i in checklist.items if SEVERITY[i.status] <= limit]
        if failing:
            print(f"{len(failing)} item(s) at or above '{args.fail_on}' "
                  f"({THAI_STATUS[args.fail_on]}) at {format_thai_date(checklist.as_of)}: "
                  + ", ".join(i.id for i in failing), file=sys.stderr)
            return EXIT_FAIL
    return EXIT_OK


def _links(args: argparse.Namespace, dataset) -> int:
    from rich.console import Console
    from rich.progress import Progress

    owners: dict[str, list[str]] = {}
    for item_id, item in sorted(dataset.items.items()):
        for pub in item.publications:
            if pub.url:
                owners.setdefault(pub.url, []).append(item_id)
    cache = LinkCache(args.cache, args.ttl)
    urls = list(owners)
    console = Console(stderr=True)
    if console.is_terminal:
        with Progress(console=console, transient=True) as bar:
            task = bar.add_task("checking evidence links", total=len(urls))
            results = check_links(urls, cache, concurrency=args.concurrency,
                                  timeout=args.timeout, rate=args.rate,
                                  progress=lambda r, cached: bar.advance(task))
    else:
        results = check_links(urls, cache, concurrency=args.concurrency, timeout=args.timeout,
                              rate=args.rate)
    broken = [r for r in results.values() if not r.ok]
    if args.format == "json":
        report = [{"url": u, "items": owners[u], "ok": r.ok, "status": r.status,
                   "method": r.method, "redirects": r.redirects, "final_url": r.final_url,
                   "error": r.error} for u, r in results.items()]
        print(json.dumps({"checked": len(results), "broken": len(broken), "links": report},
                         ensure_ascii=False, indent=2))
    else:
        for url, r in results.items():
            if not r.ok or r.redirects:
                where = ", ".join(owners[url])
                via = f" -> {r.final_url}" if r.redirects else ""
                print(f"{where}: {r.problem}: {url}{via}")
        print(f"{len(results)} evidence links: {len(results) - len(broken)} working, "
              f"{len(broken)} broken, {sum(1 for r in results.values() if r.redirects)} "
              f"redirected (cache: {args.cache})")
    return EXIT_FAIL if broken and args.fail_on_broken else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    kinds = [args.kind] if args.kind else sorted(SCHEMAS)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for kind in kinds:
            path = args.out / f"{kind}.schema.json"
            path.write_text(json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
            print(path)
        return EXIT_OK
    doc = schema_for(args.kind) if args.kind else {k: schema_for(k) for k in kinds}
    print(json.dumps(doc, ensure_ascii=False, indent=2))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
