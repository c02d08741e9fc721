"""Synthetic agency data for the benchmark: the sample agency's units on the ITA 2566
catalog, with `years` fiscal years of history (ending in FY2566) and, for the large case,
many publications per item and year."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from ita_transparency.calendar import THAI_MONTHS, Period, periods_of
from ita_transparency.loader import load_frameworks
from ita_transparency.problems import ProblemList

ROOT = Path(__file__).resolve().parents[1]
LAST_FY = 2566
KIND = {"monthly": "month", "quarterly": "quarter", "semiannual": "half", "annual": "year"}
WORDS = ["รายงาน", "ผลการดำเนินงาน", "ประจำเดือน", "งบประมาณ", "สำนักงาน", "การจัดซื้อจัดจ้าง",
         "ความโปร่งใส", "ข่าวประชาสัมพันธ์", "คุณธรรม", "ฉบับปรับปรุง"]


def _units() -> list[str]:
    agency = yaml.safe_load((ROOT / "data" / "agency.yml").read_text("utf-8"))
    return list(agency["units"])


def _day(period: Period, n: int) -> str:
    """A publication date (BE): plans early in their year, reports in the month after their
    period, so that the data is on time at the benchmark's as_of (15 May 2566)."""
    if period.kind == "year":
        y, m = period.months[0]
    else:
        y, m = period.months[-1]
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return f"{y + 543}-{m:02d}-{1 + n % 27:02d}"


def generate(out: Path, years: int, per_item_year: int | None = None,
             measures: int = 0) -> dict[str, int]:
    """Write a data folder; return counts (items, publications, measures)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "items").mkdir(parents=True)
    (out / "measures").mkdir()
    shutil.copy(ROOT / "data" / "agency.yml", out / "agency.yml")
    frameworks, _ = load_frameworks(ProblemList())
    framework = frameworks["ita-2566"]
    units = _units()
    count = 0
    for k, entry in enumerate(framework.items):
        pubs = []
        for fy in range(LAST_FY - years + 1, LAST_FY + 1):
            if entry.frequency == "on_change":
                periods = [Period(fy, "month", m) for m in (11, 3, 7)]
            else:
                periods = periods_of(fy, KIND[entry.frequency])  # type: ignore[arg-type]
            if per_item_year:
                periods = [periods[i % len(periods)] for i in range(per_item_year)]
            for n, period in enumerate(periods):
                y, m = period.months[0]
                words = " ".join(WORDS[(k + n + i) % len(WORDS)] for i in range(3))
                pub = {
                    "title": f"{entry.title} {words} {THAI_MONTHS[m - 1]} {y + 543} ฉบับที่ {n + 1}",
                    "url": f"https://www.erc.or.th/ERCWeb2/Upload/Document/ita/{fy}/"
                           f"{entry.id}-{period}-{n}.pdf",
                    "published": _day(period, n),
                    "elements": list(range(1, len(entry.elements) + 1)),
                }
                if entry.frequency != "on_change":
                    pub["period"] = str(period)
                pubs.append(pub)
        count += len(pubs)
        unit = units[k % len(units)]
        body = {"id": entry.id, "owners": {"prepare": [unit], "collect": [unit],
                                           "publish": ["ฝ่าย ทศ."]}, "publications": pubs}
        (out / "items" / f"{entry.id}.yml").write_text(
            yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=200), "utf-8")
    for n in range(measures):
        fy = LAST_FY - n % max(years, 1)
        body = {
            "id": f"M{n + 1:04d}", "fiscal_year": fy,
            "title": f"มาตรการส่งเสริมคุณธรรมและความโปร่งใส ด้าน{WORDS[n % len(WORDS)]} ที่ {n + 1}",
            "addresses": [f"i{1 + n % 30}", f"e{1 + n % 15}"], "owners": [units[n % len(units)]],
            "period": {"start": f"{fy - 1}-10-01", "end": f"{fy}-09-30"},
            "activities": [{"title": f"กิจกรรมที่ {a + 1} ของมาตรการ {n + 1}",
                            "owners": [units[(n + a) % len(units)]],
                            "period": {"start": f"{fy - 1}-10-01", "end": f"{fy}-03-31"}}
                           for a in range(2)],
            "progress": [{"round": r + 1, "as_of": f"{fy}-0{3 + 6 * r if r == 0 else 9}-30",
                          "status": ("done", "in_progress")[(n + r) % 2],
                          "result": f"ดำเนินการตามแผนรอบที่ {r + 1} แล้ว"} for r in range(2)],
        }
        (out / "measures" / f"M{n + 1:04d}.yml").write_text(
            yaml.safe_dump(body, allow_unicode=True, sort_keys=False), "utf-8")
    return {"items": len(framework.items), "publications": count, "measures": measures}


if __name__ == "__main__":  # pragma: no cover
    import sys

    print(generate(Path(sys.argv[1]), int(sys.argv[2]),
                   int(sys.argv[3]) if len(sys.argv) > 3 else None,
                   int(sys.argv[4]) if len(sys.argv) > 4 else 0))
