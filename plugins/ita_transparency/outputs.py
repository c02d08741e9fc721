"""Machine-readable outputs of the checklist: JSON, CSV and the ITAS answer sheet.

The JSON shape is a public contract (DESIGN section 5): CI pipelines read it. Dates are ISO
(CE); periods are written with BE years, as editors write them.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .calendar import format_thai_date
from .status import Checklist, ItemStatus

CSV_COLUMNS = (
    "id", "title", "frequency", "status", "next_due", "latest_period", "latest_url",
    "latest_published", "missing_periods", "missing_elements", "blocked_by",
    "prepare", "collect", "publish",
)
ITAS_COLUMNS = ("ข้อ", "หัวข้อ", "มี/ไม่มี", "URL", "คำอธิบาย")


def _latest(item: ItemStatus) -> dict[str, Any] | None:
    p = item.latest
    if p is None:
        return None
    return {"period": str(p.period) if p.period else None, "url": p.url,
            "published": p.published.isoformat()}


def item_dict(item: ItemStatus) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "frequency": item.frequency,
        "owners": {"prepare": item.owners.prepare, "collect": item.owners.collect,
                   "publish": item.owners.publish},
        "status": item.status,
        "next_due": item.next_due.isoformat() if item.next_due else None,
        "latest": _latest(item),
        "missing_periods": [str(o.period) for o in item.missing_periods],
        "missing_elements": item.missing_elements,
        "blocked_by": item.blocked_by,
    }


def checklist_dict(checklist: Checklist) -> dict[str, Any]:
    agency = checklist.dataset.agency
    return {
        "agency": {"name": agency.name, "short_name": agency.short_name,
                   "name_en": agency.name_en, "website": agency.website},
        "framework": checklist.dataset.framework.id,
        "as_of": checklist.as_of.isoformat(),
        "fiscal_year": checklist.fiscal_year,
        "items": [item_dict(i) for i in checklist.items],
        "summary": checklist.summary,
    }


def checklist_json(checklist: Checklist) -> str:
    return json.dumps(checklist_dict(checklist), ensure_ascii=False, indent=2) + "\n"


def _csv(rows: list[list[Any]], header: tuple[str, ...]) -> str:
    # a BOM, so that Excel (the working groups' tool) opens Thai text as UTF-8
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def checklist_csv(checklist: Checklist) -> str:
    rows = []
    for item in checklist.items:
        d = item_dict(item)
        latest = d["latest"] or {}
        rows.append([
            d["id"], d["title"], d["frequency"], d["status"], d["next_due"] or "",
            latest.get("period") or "", latest.get("url") or "", latest.get("published") or "",
            ";".join(d["missing_periods"]), ";".join(map(str, d["missing_elements"])),
            ";".join(d["blocked_by"]), ";".join(item.owners.prepare),
            ";".join(item.owners.collect), ";".join(item.owners.publish),
        ])
    return _csv(rows, CSV_COLUMNS)


def itas_row(item: ItemStatus, site_url: str | None = None) -> list[str]:
    """One answer of the ITAS sheet: มี/ไม่มี, the URL and an explanation."""
    if item.status == "not_applicable":
        reason = item.data.not_applicable if item.data else ""
        return [item.id, item.title, "ไม่มี", "", f"ไม่เกี่ยวข้อง: {reason}"]
    documents = [p for p in item.history if p.is_document]
    if not documents:
        note = item.data.explanation if item.data and item.data.explanation else ""
        return [item.id, item.title, "ไม่มี", "", note]
    latest = documents[0]
    url = f"{site_url.rstrip('/')}/oit/{item.id}/" if site_url else latest.url or ""
    if item.data and item.data.explanation:
        note = item.data.explanation
    else:
        what = latest.title or item.title
        period = f" ({latest.period.thai()})" if latest.period else ""
        note = f"{what}{period} เผยแพร่เมื่อ {format_thai_date(latest.published)}"
    return [item.id, item.title, "มี", url, note]


def itas_csv(checklist: Checklist, site_url: str | None = None) -> str:
    return _csv([itas_row(i, site_url) for i in checklist.items], ITAS_COLUMNS)
