"""The status engine: what is true of every O-item at a given date (DESIGN section 4).

`evaluate` is a pure function of the dataset and `as_of`. A publication dated after `as_of`
does not exist yet, so the checklist at a past date shows what was true then.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from .calendar import fiscal_year, fy_start
from .loader import Dataset
from .models import CatalogItem, Deadline, ItemData, Owners, Publication
from .schedule import Owed, due_date, owed_in

STATUSES = ("missing", "overdue", "incomplete", "blocked", "stale", "due_soon", "ok",
            "not_applicable")
SEVERITY = {s: n for n, s in enumerate(STATUSES)}  # lower is more severe
BLOCKING = {"missing", "overdue", "incomplete"}
STALE_DAYS = 365
DEFAULT_WARN_DAYS = 30

THAI_STATUS = {
    "missing": "ยังไม่เผยแพร่",
    "overdue": "เกินกำหนด",
    "incomplete": "ไม่ครบองค์ประกอบ",
    "blocked": "รอข้อที่เกี่ยวข้อง",
    "stale": "ข้อมูลไม่เป็นปัจจุบัน",
    "due_soon": "ใกล้ถึงกำหนด",
    "ok": "ครบถ้วน",
    "not_applicable": "ไม่เกี่ยวข้อง",
}


@dataclass
class ItemStatus:
    """One O-item at `as_of`: its most severe status first, with everything behind it."""

    id: str
    catalog: CatalogItem
    data: ItemData | None
    frequency: str
    owners: Owners
    statuses: list[str]
    next_due: date | None = None
    latest: Publication | None = None
    missing_periods: list[Owed] = field(default_factory=list)
    due_soon_periods: list[Owed] = field(default_factory=list)
    upcoming: list[Owed] = field(default_factory=list)  # still owed, as_of to end of next FY
    missing_elements: list[int] = field(default_factory=list)
    elements_stated: bool = True
    blocked_by: list[str] = field(default_factory=list)
    last_confirmed: date | None = None
    history: list[Publication] = field(default_factory=list)
    broken: list[Publication] = field(default_factory=list)  # evidence `ita links` found dead

    @property
    def status(self) -> str:
        return self.statuses[0]

    @property
    def deadline(self) -> Deadline | None:
        """The item's own deadline, else the framework's."""
        return self.data.deadline if self.data and self.data.deadline else self.catalog.deadline

    @property
    def covered_months(self) -> set[tuple[int, int]]:
        """The calendar months its counted publications cover."""
        return {m for p in self.history if p.period for m in p.period.months}

    @property
    def title(self) -> str:
        return self.catalog.title


@dataclass
class Checklist:
    dataset: Dataset
    as_of: date
    fiscal_year: int
    items: list[ItemStatus]

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(i.status for i in self.items)
        return {s: counts.get(s, 0) for s in STATUSES}

    def item(self, item_id: str) -> ItemStatus | None:
        return next((i for i in self.items if i.id == item_id), None)


def _sort_key(p: Publication) -> tuple:
    return (p.published, p.period.end if p.period else p.published)


def evaluate(dataset: Dataset, as_of: date, warn_days: int = DEFAULT_WARN_DAYS,
             broken: frozenset[str] = frozenset()) -> Checklist:
    """`broken`: evidence URLs a link check found dead. A document whose link is dead is not
    a disclosure (the auditor cannot open it), so it does not count as published."""
    fy = fiscal_year(as_of)
    results = [
        _evaluate_item(entry, dataset.items.get(entry.id), as_of, fy, warn_days, broken)
        for entry in dataset.framework.items
    ]
    by_id = {r.id: r for r in results}
    for r in results:
        if r.status == "not_applicable":
            continue
        r.blocked_by = [
            dep for dep in r.catalog.depends_on
            if dep in by_id and BLOCKING & set(by_id[dep].statuses)
        ]
        if r.blocked_by:
            r.statuses = sorted({*r.statuses, "blocked"} - {"ok"}, key=SEVERITY.__getitem__)
    return Checklist(dataset, as_of, fy, results)


def _evaluate_item(entry: CatalogItem, data: ItemData | None, as_of: date, fy: int,
                   warn_days: int, broken: frozenset[str] = frozenset()) -> ItemStatus:
    frequency = (data.frequency if data and data.frequency else entry.frequency)
    result = ItemStatus(entry.id, entry, data, frequency, data.owners if data else Owners(),
                        statuses=[])
    if data is not None and data.not_applicable:
        result.statuses = ["not_applicable"]
        return result

    published = sorted((p for p in (data.publications if data else []) if p.published <= as_of),
                       key=_sort_key, reverse=True)
    history = [p for p in published if p.url not in broken]
    result.broken = [p for p in published if p.url in broken]
    result.history = history
    statuses: set[str] = set()
    if not history:
        statuses.add("missing")

    covered = result.covered_months
    deadline = result.deadline
    soon = as_of + timedelta(days=warn_days)
    this_year = owed_in(fy, frequency, entry.scope, deadline)
    for owed in this_year:
        if set(owed.period.months) <= covered:
            continue
        if owed.due < as_of:
            result.missing_periods.append(owed)
        elif owed.due <= soon:
            result.due_soon_periods.append(owed)
    result.upcoming = [o for o in this_year + owed_in(fy + 1, frequency, entry.scope, deadline)
                       if o.due >= as_of and not set(o.period.months) <= covered]
    result.next_due = min((o.due for o in result.upcoming), default=None)
    if result.missing_periods and history:
        statuses.add("overdue")
    if result.due_soon_periods:
        statuses.add("due_soon")

    documents = [p for p in history if p.is_document]
    if history:
        result.latest = history[0]
    if documents:
        latest = documents[0]
        # documents for the same period as the latest one are read together: a plan and its
        # budget annex may be two files
        same = [p for p in documents if latest.period and p.period == latest.period] or [latest]
        stated = [p.elements for p in same if p.elements is not None]
        result.elements_stated = bool(stated)
        if stated:
            have = {e for elements in stated for e in elements}
            result.missing_elements = [
                n for n in range(1, len(entry.elements) + 1) if n not in have]
            if result.missing_elements:
                statuses.add("incomplete")

    if frequency == "on_change" and history:
        reviewed = data.reviewed if data and data.reviewed and data.reviewed <= as_of else None
        last = max(filter(None, (history[0].published, reviewed)))
        result.last_confirmed = last
        if entry.scope == "current_fy":
            if last < fy_start(fy):
                statuses.add("stale")
        elif (as_of - last).days > STALE_DAYS:
            statuses.add("stale")

    result.statuses = sorted(statuses or {"ok"}, key=SEVERITY.__getitem__)
    return result


def period_due(item: ItemStatus, publication: Publication) -> date | None:
    """The due date of the period a publication covers (for 'published late' notes)."""
    if publication.period is None or item.frequency == "on_change":
        return None
    return due_date(publication.period, item.frequency, item.deadline, item.catalog.scope)


def problem_text(item: ItemStatus) -> str:
    """What is wrong, in short English (the pages say it in Thai)."""
    parts = []
    if item.missing_periods:
        parts.append("no " + ", ".join(str(o.period) for o in item.missing_periods))
    if item.missing_elements:
        parts.append("lacks element " + ", ".join(map(str, item.missing_elements)))
    elif not item.elements_stated and item.latest is not None and item.latest.is_document:
        parts.append("elements not stated")
    if item.blocked_by:
        parts.append("waits for " + ", ".join(item.blocked_by))
    if "stale" in item.statuses and item.last_confirmed:
        parts.append(f"last confirmed {item.last_confirmed.isoformat()}")
    if item.broken:
        parts.append(f"{len(item.broken)} broken evidence link(s)")
    if item.due_soon_periods:
        parts.append("due soon: " + ", ".join(str(o.period) for o in item.due_soon_periods))
    return "; ".join(parts)
