"""The checklist as a terminal table: Thai aligned, status coloured only on a terminal."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from .calendar import format_thai_date
from .status import THAI_STATUS, Checklist, problem_text

STYLE = {
    "missing": "bold red", "overdue": "red", "incomplete": "yellow", "blocked": "magenta",
    "stale": "yellow", "due_soon": "cyan", "ok": "green", "not_applicable": "dim",
}


def render_table(checklist: Checklist, out: TextIO) -> None:
    console = Console(file=out, highlight=False, soft_wrap=False,
                      width=None if out.isatty() else 160)
    agency = checklist.dataset.agency
    console.print(f"{agency.short_name or agency.name} — {checklist.dataset.framework.id}, "
                  f"as of {checklist.as_of.isoformat()} ({format_thai_date(checklist.as_of)}), "
                  f"fiscal year {checklist.fiscal_year}")
    table = Table(show_lines=False, pad_edge=False, box=None, header_style="bold")
    for name in ("item", "title", "frequency", "status", "next due", "prepare", "problem"):
        table.add_column(name, overflow="fold")
    for item in checklist.items:
        style = STYLE[item.status]
        table.add_row(
            item.id, item.title, item.frequency,
            f"[{style}]{item.status}[/]",
            item.next_due.isoformat() if item.next_due else "",
            ", ".join(item.owners.prepare), problem_text(item),
        )
    console.print(table)
    summary = ", ".join(f"{s} {n}" for s, n in checklist.summary.items() if n)
    console.print(f"summary: {summary}")
    console.print("  " + " · ".join(f"{s} = {THAI_STATUS[s]}" for s in checklist.summary
                                     if checklist.summary[s]))
