"""The deadline calendar (iCalendar) and the feed of new disclosures (Atom).

Both are reproducible: timestamps derive from the data and `as_of`, never from the clock, so
two builds of the same data give byte-identical files.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import icalendar

from .calendar import format_thai_date
from .pages import item_src, page_url, upcoming_deadlines
from .status import Checklist

BANGKOK = timezone(timedelta(hours=7))
ATOM = "http://www.w3.org/2005/Atom"


def _absolute(site_url: str | None, src_uri: str) -> str | None:
    return site_url.rstrip("/") + "/" + page_url(src_uri) if site_url else None


def deadlines_ics(checklist: Checklist, site_url: str | None = None) -> str:
    """One all-day event per period still owed, from `as_of` to the end of next year."""
    agency = checklist.dataset.agency
    host = urlsplit(agency.website).hostname or "ita.local"
    cal = icalendar.Calendar()
    cal.add("prodid", "-//ITA Transparency Pages//ita_transparency//TH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"กำหนดเผยแพร่ข้อมูล ITA {agency.short_name or agency.name}")
    stamp = datetime.combine(checklist.as_of, time(0, 0), tzinfo=UTC)
    for item, owed in upcoming_deadlines(checklist):
        event = icalendar.Event()
        event.add("uid", f"{item.id}-{owed.period}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", owed.due)
        event.add("dtend", owed.due + timedelta(days=1))
        event.add("summary", f"{item.id} ครบกำหนด: {item.title} ({owed.period.thai()})")
        owners = ", ".join(item.owners.prepare) or "-"
        event.add("description",
                  f"{item.title}\nงวด: {owed.period.thai()}\nกำหนด: {format_thai_date(owed.due)}"
                  f"\nผู้จัดทำ: {owners}")
        url = _absolute(site_url, item_src(item.id))
        if url:
            event.add("url", url)
        event.add("categories", [item.frequency])
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def publications_atom(checklist: Checklist, site_url: str | None = None,
                      limit: int = 200) -> str:
    """Atom feed of published documents, newest first."""
    agency = checklist.dataset.agency
    entries = sorted(
        ((item, p) for item in checklist.items for p in item.history if p.is_document),
        key=lambda pair: (pair[1].published, pair[0].id), reverse=True,
    )[:limit]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "th"})
    base = site_url.rstrip("/") + "/" if site_url else None

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(feed, "id", (base + "feed.xml") if base else f"urn:ita:{agency.website}:feed")
    sub(feed, "title", f"การเปิดเผยข้อมูล ITA — {agency.name}")
    newest = entries[0][1].published if entries else checklist.as_of
    sub(feed, "updated", datetime.combine(newest, time(0, 0), BANGKOK).isoformat())
    author = sub(feed, "author")
    sub(author, "name", agency.name)
    sub(author, "uri", agency.website)
    if base:
        sub(feed, "link", href=base + "feed.xml", rel="self", type="application/atom+xml")
        sub(feed, "link", href=base + page_url("checklist/index.md"), rel="alternate")
    for item, p in entries:
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:ita:{agency.website}:{item.id}:{p.period or ''}:{p.url}")
        period = f" ({p.period.thai()})" if p.period else ""
        sub(entry, "title", f"{item.id} {p.title or item.title}{period}")
        stamp = datetime.combine(p.published, time(0, 0), BANGKOK).isoformat()
        sub(entry, "updated", stamp)
        sub(entry, "published", stamp)
        sub(entry, "link", href=p.url or "", rel="alternate")
        page = _absolute(site_url, item_src(item.id))
        if page:
            sub(entry, "link", href=page, rel="related")
        sub(entry, "summary", f"{item.title} เผยแพร่เมื่อ {format_thai_date(p.published)}")
        sub(entry, "category", term=item.id)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
