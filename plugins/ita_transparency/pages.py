"""The transparency pages, as data: which pages exist, at which URL, with what context.

Pure and engine-neutral: a page is a source path, a template name and a context. The MkDocs
plugin renders them through the theme's Jinja environment; another generator could render
the same templates with a plain Jinja environment.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .calendar import Period
from .charts import bar_chart
from .models import Measure, ProgressRound, Publication
from .results import DEFAULT_TARGET, LEVELS_EN, analyse, question_key, round_counts
from .schedule import Owed, owed_in
from .status import SEVERITY, STATUSES, THAI_STATUS, Checklist, ItemStatus, period_due

FREQUENCY_ORDER = ("monthly", "quarterly", "semiannual", "annual", "on_change")
THAI_FREQUENCY = {
    "monthly": "รายเดือน",
    "quarterly": "รายไตรมาส",
    "semiannual": "ราย 6 เดือน",
    "annual": "รายปี",
    "on_change": "เมื่อมีการเปลี่ยนแปลง",
}
THAI_ROLE = {"prepare": "จัดทำข้อมูล", "collect": "รวบรวมข้อมูล", "publish": "เผยแพร่บนเว็บไซต์"}
THAI_SCOPE = {
    "current_fy": "ข้อมูลของปีงบประมาณปัจจุบัน",
    "previous_fy": "รายงานของปีงบประมาณที่ผ่านมา",
    "first_half": "ข้อมูล 6 เดือนแรกของปีงบประมาณ",
    "timeless": "ข้อมูลที่เป็นปัจจุบัน",
}
PROBLEMS = ("missing", "overdue", "incomplete", "blocked", "stale")


@dataclass
class PageSpec:
    src_uri: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    hide: tuple[str, ...] = ()  # Material's front-matter `hide` (navigation, toc)


@dataclass
class OwedRow:
    """One period an item owes this fiscal year, and what became of it."""

    period: Period
    due: date
    state: str  # published | late | overdue | due_soon | upcoming
    publications: list[Publication]


def unit_slug(code: str) -> str:
    """ฝ่าย บม. -> ฝ่าย-บม: readable in the address bar, safe in a path."""
    slug = re.sub(r"[\s./\\?#%]+", "-", code.strip()).strip("-")
    return slug or "unit"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown file (or the path of any other file)."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_src: str, to_src: str, directory_urls: bool = True) -> str:
    here = page_url(from_src, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    target = page_url(to_src, directory_urls)
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") and rel != ".":
        rel += "/"
    return "./" if rel == "." else rel


def owed_rows(item: ItemStatus, fy: int, as_of: date, warn_days: int = 30) -> list[OwedRow]:
    """The periods owed in fiscal year `fy`, each with its publications and its state."""
    if item.status == "not_applicable":
        return []
    rows = []
    for owed in owed_in(fy, item.frequency, item.catalog.scope, item.deadline):
        pubs = [p for p in item.history
                if p.period and set(p.period.months) & set(owed.period.months)]
        covered = set(owed.period.months) <= {m for p in pubs for m in p.period.months}
        if covered:
            late = max(p.published for p in pubs) > owed.due
            state = "late" if late else "published"
        elif owed.due < as_of:
            state = "overdue"
        elif (owed.due - as_of).days <= warn_days:
            state = "due_soon"
        else:
            state = "upcoming"
        rows.append(OwedRow(owed.period, owed.due, state, pubs))
    return rows


def is_late(item: ItemStatus, publication: Publication) -> bool:
    due = period_due(item, publication)
    return due is not None and publication.published > due


def _units_of(item: ItemStatus) -> list[str]:
    return item.owners.prepare or item.owners.collect or item.owners.publish


def item_src(item_id: str) -> str:
    return f"oit/{item_id}.md"


def unit_src(code: str) -> str:
    return f"units/{unit_slug(code)}.md"


def measure_src(measure_id: str) -> str:
    return f"measures/{measure_id}.md"


def report_src(fiscal_year: int, round_: int) -> str:
    return f"measures/{fiscal_year}/round-{round_}.md"


def results_src(year: int) -> str:
    return f"results/{year}.md"


def monitoring_rounds(measures: list[Measure]) -> list[tuple[int, int]]:
    """(fiscal year, round) pairs that have at least one progress report, newest first."""
    return sorted({(m.fiscal_year, r.round) for m in measures for r in m.progress}, reverse=True)


def site_pages(checklist: Checklist, warn_days: int = 30,
               target: float = DEFAULT_TARGET) -> list[PageSpec]:
    dataset = checklist.dataset
    agency = dataset.agency
    fy = checklist.fiscal_year
    items = checklist.items
    common = {
        "agency": agency, "framework": dataset.framework, "checklist": checklist,
        "as_of": checklist.as_of, "fiscal_year": fy, "statuses": STATUSES,
        "thai_status": THAI_STATUS, "thai_frequency": THAI_FREQUENCY, "thai_role": THAI_ROLE,
        "thai_scope": THAI_SCOPE, "problems": PROBLEMS, "summary": checklist.summary,
        "item_src": item_src, "unit_src": unit_src, "measure_src": measure_src,
        "report_src": report_src, "results_src": results_src, "units": agency.units,
        "target": target,
    }
    measures = sorted(dataset.measures.values(), key=lambda m: (-m.fiscal_year, m.id))
    rounds = monitoring_rounds(measures)
    pages: list[PageSpec] = []

    groups = []
    for indicator in dataset.framework.indicators:
        for group in indicator.groups:
            members = [i for i in items
                       if i.catalog.indicator == indicator.number and i.catalog.group == group.id]
            if members:
                groups.append((indicator, group, members))
    pages.append(PageSpec("oit/index.md", "ita/oit.html",
                          "การเปิดเผยข้อมูลสาธารณะ (OIT)", {**common, "groups": groups}))

    for item in items:
        documents = [p for p in item.history if p.is_document]
        elements = []
        for n, element in enumerate(item.catalog.elements, 1):
            if item.status == "not_applicable":
                mark = "na"
            elif not documents:
                mark = "no"
            elif not item.elements_stated:
                mark = "unknown"
            else:
                mark = "no" if n in item.missing_elements else "yes"
            elements.append((n, element, mark))
        pages.append(PageSpec(
            item_src(item.id), "ita/item.html", f"{item.id} {item.title}",
            {**common, "item": item, "elements": elements,
             "owed": owed_rows(item, fy, checklist.as_of, warn_days),
             "documents": documents,
             "is_late": is_late, "depends_on": item.catalog.depends_on,
             "dependents": [i.id for i in items if item.id in i.catalog.depends_on],
             "generated": _generated_links(item.catalog.generated, measures, rounds)},
        ))

    by_frequency: dict[str, dict[str, list[ItemStatus]]] = {f: defaultdict(list)
                                                            for f in FREQUENCY_ORDER}
    for item in items:
        if item.status in PROBLEMS or item.status == "due_soon":
            for unit in _units_of(item) or ["—"]:
                by_frequency[item.frequency][unit].append(item)
    sections = [
        (f, sorted(units.items(), key=lambda kv: (kv[0] not in agency.units, kv[0])))
        for f, units in by_frequency.items() if units
    ]
    pages.append(PageSpec(
        "checklist/index.md", "ita/checklist.html", "รายการตรวจสอบการเปิดเผยข้อมูล",
        {**common, "sections": sections, "items": items,
         "overdue": [i for i in items if i.status in ("missing", "overdue")],
         "units_of": _units_of},
        hide=("navigation",),
    ))

    unit_rows = []
    for code, name in agency.units.items():
        owed = []
        for item in items:
            roles = [r for r in ("prepare", "collect", "publish")
                     if code in getattr(item.owners, r)]
            if roles:
                owed.append((item, roles))
        owed.sort(key=lambda pair: (SEVERITY[pair[0].status],
                                    pair[0].next_due or date.max, pair[0].id))
        unit_rows.append((code, name, owed))
        pages.append(PageSpec(unit_src(code), "ita/unit.html", f"{code} {name}",
                              {**common, "code": code, "name": name, "owed": owed}))
    pages.append(PageSpec("units/index.md", "ita/units.html", "หน่วยงานผู้รับผิดชอบ",
                          {**common, "unit_rows": unit_rows}))

    counts = round_counts(measures)
    pages.append(PageSpec("measures/index.md", "ita/measures.html",
                          "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                          {**common, "measures": measures, "round_counts": counts,
                           "rounds": rounds}))
    for measure in measures:
        pages.append(PageSpec(measure_src(measure.id), "ita/measure.html",
                              f"{measure.id} {measure.title}",
                              {**common, "measure": measure,
                               "addressed": _addressed(checklist, measure)}))
    for fy, rnd in rounds:
        rows: list[tuple[Measure, ProgressRound | None]] = [
            (m, next((r for r in m.progress if r.round == rnd), None))
            for m in sorted(measures, key=lambda m: m.id) if m.fiscal_year == fy]
        as_of = max(r.as_of for _, r in rows if r is not None)
        pages.append(PageSpec(
            report_src(fy, rnd), "ita/report.html",
            f"รายงานผลการดำเนินการตามมาตรการ ปีงบประมาณ {fy} รอบที่ {rnd}",
            {**common, "fy": fy, "round": rnd, "rows": rows, "report_as_of": as_of,
             "counts": counts[fy][rnd]},
            hide=("navigation", "toc"),
        ))

    years = sorted(dataset.assessments, reverse=True)
    pages.append(PageSpec("results/index.md", "ita/results_index.html", "ผลการประเมิน ITA",
                          {**common, "assessments": [dataset.assessments[y] for y in years]}))
    for year in years:
        result = dataset.assessments[year]
        framework = dataset.frameworks.get(result.framework or f"ita-{year}")
        analysis = analyse(result, dataset.assessments, dataset.measures, framework, target)
        previous = analysis.previous
        names = {i.number: i.title for i in (framework or dataset.framework).indicators}
        chart_rows = [(f"{n}. {names.get(n, '')}", score,
                       previous.indicators.get(n) if previous else None)
                      for n, score in sorted(result.indicators.items())]
        pages.append(PageSpec(
            results_src(year), "ita/results.html", f"ผลการประเมิน ITA ประจำปี {year}",
            {**common, "result": result, "analysis": analysis, "framework_of_year": framework,
             "indicator_names": names, "levels_en": LEVELS_EN,
             "chart": bar_chart(chart_rows, f"คะแนนรายตัวชี้วัด ปี {year}", target=target),
             "question_text": {q.id: q.text for q in framework.questions} if framework else {},
             "question_key": question_key},
        ))
    return pages


def _generated_links(kind: str | None, measures: list[Measure],
                     rounds: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """The site's own pages that serve as this item's evidence (O42: measures, O43: reports)."""
    if kind == "measures" and measures:
        return [("มาตรการส่งเสริมคุณธรรมและความโปร่งใส (หน้านี้สร้างจากข้อมูลมาตรการ)",
                 "measures/index.md")]
    if kind == "monitoring":
        return [(f"รายงานผลการดำเนินการตามมาตรการ ปีงบประมาณ {fy} รอบที่ {rnd}",
                 report_src(fy, rnd)) for fy, rnd in rounds]
    return []


def _addressed(checklist: Checklist, measure: Measure) -> list[dict[str, Any]]:
    """What a measure targets, with the question's text or the item's title and last year's
    score, from the framework of the measure's own fiscal year."""
    dataset = checklist.dataset
    framework = dataset.frameworks.get(f"ita-{measure.fiscal_year}", dataset.framework)
    texts = {q.id: q.text for q in framework.questions}
    result = dataset.assessments.get(measure.fiscal_year - 1)
    scores = {question_key(str(k)): v for k, v in (result.questions if result else {}).items()}
    rows = []
    for ref in measure.addresses:
        key = question_key(ref)
        item = framework.item(key) if key.startswith("O") else None
        rows.append({
            "id": key,
            "text": item.title if item else texts.get(key),
            "framework": framework.id,
            "link": item_src(key) if item and framework.id == dataset.framework.id else None,
            "score": scores.get(key),
        })
    return rows


def upcoming_deadlines(checklist: Checklist) -> list[tuple[ItemStatus, Owed]]:
    """Every period still owed from `as_of` to the end of the next fiscal year."""
    found = [(item, owed) for item in checklist.items for owed in item.upcoming]
    return sorted(found, key=lambda pair: (pair[1].due, pair[0].id))
