"""The built site: every page and output of DESIGN section 5, read back and parsed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import icalendar
import pytest
from bs4 import BeautifulSoup
from helpers import SAMPLE_DATA, make_project, mkdocs_build, run_ita

PINNED = "2566-05-15"
ATOM = "{http://www.w3.org/2005/Atom}"


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def article(site: Path, path: str):
    return soup(site, path).select_one("article.md-content__inner")


@pytest.mark.parametrize("path", [
    "oit/index.html", "oit/O1/index.html", "oit/O43/index.html", "checklist/index.html",
    "units/index.html", "units/ฝ่าย-บม/index.html", "measures/index.html",
    "measures/M01/index.html", "checklist.json", "checklist.csv", "itas.csv",
    "deadlines.ics", "feed.xml", "ita/ita.css", "ita/ita.js",
    "ita/fonts/sarabun-thai-400-normal.woff2",
])
def test_every_page_and_output_exists(sample_site: Path, path: str):
    assert (sample_site / path).is_file()


def test_checklist_json_is_the_cli_json(sample_site: Path):
    built = json.loads((sample_site / "checklist.json").read_text(encoding="utf-8"))
    cli = json.loads(run_ita("check", "--data", str(SAMPLE_DATA), "--as-of", PINNED,
                             "--format", "json").stdout)
    assert built == cli


def test_oit_index_groups_by_indicator_and_group(sample_site: Path):
    page = article(sample_site, "oit/index.html")
    h2 = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.find_all("h2")]
    assert h2 == ["ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "ตัวชี้วัดที่ 10 การป้องกันการทุจริต"]
    h3 = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.find_all("h3")]
    assert h3[0] == "9.1 ข้อมูลพื้นฐาน" and h3[-1] == "10.2 มาตรการภายในเพื่อป้องกันการทุจริต"
    rows = page.select("table tbody tr")
    assert len(rows) == 43
    badges = {r.select_one("a[data-item]")["data-item"]: r.select_one(".ita-badge")["data-status"]
              for r in rows}
    assert badges["O16"] == "overdue" and badges["O41"] == "missing" and badges["O1"] == "ok"
    first = rows[0].find("a")
    assert (first["href"], first.get_text(" ", strip=True)) == ("O1/", "O1 โครงสร้าง")


def test_item_page(sample_site: Path):
    page = article(sample_site, "oit/O11/index.html")
    assert page.find("h1").get_text(strip=True) == "O11 แผนดำเนินงานและการใช้งบประมาณประจำปี"
    assert page.select_one(".ita-badge")["data-status"] == "incomplete"
    assert "ขาดองค์ประกอบข้อ 4" in page.select_one(".admonition.warning").get_text()
    # the latest evidence comes first, before the elements
    evidence = page.select_one(".ita-evidence a")
    assert evidence["href"].startswith("https://www.erc.or.th/ERCWeb2/Upload/Document/ita/2566/")
    assert page.find_all(["div", "h2"])[0] is not None
    marks = [li.select_one(".ita-mark")["class"][1] for li in page.select(".ita-elements li")]
    assert marks == ["ita-mark--yes", "ita-mark--yes", "ita-mark--yes", "ita-mark--no",
                     "ita-mark--yes"]
    roles = {tr.th.get_text(strip=True): tr.td.get_text().strip()
             for tr in page.find_all("table")[0].find_all("tr")}
    assert roles == {"จัดทำข้อมูล": "ฝ่าย ยส., ฝ่าย บง.", "รวบรวมข้อมูล": "ฝ่าย ยส., ฝ่าย บง.",
                     "เผยแพร่บนเว็บไซต์": "ฝ่าย ทศ."}
    history = page.find_all("table")[-1].select("tbody tr")
    assert [tr.td.get_text(strip=True) for tr in history] == [
        "ปีงบประมาณ พ.ศ. 2566", "ปีงบประมาณ พ.ศ. 2565"]
    assert "20 ธ.ค. 65" in history[0].get_text()


def test_item_page_of_a_missing_item(sample_site: Path):
    page = article(sample_site, "oit/O41/index.html")
    assert page.select_one(".admonition.danger .admonition-title").get_text() == "ยังไม่เผยแพร่"
    assert "ยังไม่มีการเผยแพร่" in page.get_text()


def test_checklist_groups_by_frequency_then_unit(sample_site: Path):
    page = article(sample_site, "checklist/index.html")
    sections = [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h3")]
    assert sections == ["รายเดือน", "ราย 6 เดือน", "รายปี", "เมื่อมีการเปลี่ยนแปลง"]
    monthly = page.find_all("h3")[0].find_next("table")
    units = [th.get_text(" ", strip=True) for th in monthly.select("tbody th")]
    assert units[0].startswith("ฝ่าย บอ.")
    counts = {li.select_one(".ita-badge")["data-status"]: int(li.get_text().split()[-1])
              for li in page.select(".ita-summary li")}
    assert counts == {"missing": 1, "overdue": 2, "incomplete": 2, "blocked": 1, "stale": 1,
                      "due_soon": 1, "ok": 34, "not_applicable": 1}
    table = page.find("table", id="ita-all-items")
    assert len(table.select("tbody tr")) == 43
    form = page.select_one("form[data-ita-filter=ita-all-items]")
    assert [o["value"] for o in form.select("select[name=status] option")][:3] == [
        "", "problem", "missing"]


def test_unit_page_lists_what_it_owes_most_urgent_first(sample_site: Path):
    page = article(sample_site, "units/ฝ่าย-บม/index.html")
    assert page.find("h1").get_text(strip=True) == "ฝ่าย บม. ฝ่ายบริหารกลาง"
    rows = page.select("tbody tr")
    statuses = [r.select_one(".ita-badge")["data-status"] for r in rows]
    order = ["missing", "overdue", "incomplete", "blocked", "stale", "due_soon", "ok",
             "not_applicable"]
    assert statuses == sorted(statuses, key=order.index)
    assert statuses[0] in ("overdue", "incomplete", "blocked")


def test_units_index_links_every_unit(sample_site: Path):
    page = article(sample_site, "units/index.html")
    links = [a.get_text() for a in page.select("tbody a")]
    assert links[:3] == ["ฝ่าย บม.", "ฝ่าย ทศ.", "ฝ่าย ยส."] and len(links) == 12


def test_csv_outputs(sample_site: Path):
    text = (sample_site / "checklist.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 43 and rows[15]["id"] == "O16" and rows[15]["status"] == "overdue"
    itas = list(csv.reader(io.StringIO((sample_site / "itas.csv").read_text("utf-8-sig"))))
    assert itas[0] == ["ข้อ", "หัวข้อ", "มี/ไม่มี", "URL", "คำอธิบาย"]
    by_id = {r[0]: r for r in itas[1:]}
    assert by_id["O41"][2] == "ไม่มี"
    assert by_id["O1"][3] == "https://www.erc.or.th/ita/oit/O1/"  # the site's own page


def test_deadlines_calendar_imports(sample_site: Path):
    cal = icalendar.Calendar.from_ical((sample_site / "deadlines.ics").read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    assert events, "there are upcoming deadlines in the sample"
    first = events[0]
    assert str(first["uid"]).endswith("@www.erc.or.th")
    dues = [e.decoded("dtstart") for e in events]
    assert dues == sorted(dues)
    assert all(not hasattr(d, "hour") for d in dues)  # all-day events
    o21 = [e for e in events if str(e["summary"]).startswith("O21 ")]
    assert o21 and o21[0].decoded("dtstart").isoformat() == "2023-05-31"
    assert str(o21[0]["url"]) == "https://www.erc.or.th/ita/oit/O21/"
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_feed_is_atom_newest_first(sample_site: Path):
    root = ET.parse(sample_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert entries
    stamps = [e.find(f"{ATOM}updated").text for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    assert stamps[0] <= "2023-05-15T23:59:59+07:00"  # nothing after as_of
    link = entries[0].find(f"{ATOM}link[@rel='alternate']").get("href")
    assert link.startswith("https://")


def test_no_external_requests_at_page_load(sample_site: Path):
    """Fonts and scripts are served by the site itself (Material's privacy approach)."""
    for html in sample_site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for el in page.find_all(tag):
                url = el.get(attr) or ""
                if tag == "link" and el.get("rel") not in (["stylesheet"], ["preload"],
                                                           ["icon"], ["preconnect"]):
                    continue
                assert not url.startswith(("http:", "https:", "//")), f"{html}: {url}"
    css = (sample_site / "ita" / "ita.css").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in css and 'url("fonts/sarabun-thai-400' in css


HOSTILE = "<script>alert('x')</script> **ตัวหนา** [ลิงก์](javascript:alert(1))"


def test_text_from_yaml_is_shown_as_text(tmp_path: Path):
    project = make_project(tmp_path)
    agency = project / "data" / "agency.yml"
    agency.write_text(agency.read_text("utf-8").replace(
        "กอง ข.: กองแผนงาน", f"กอง ข.: \"{HOSTILE}\"").replace(
        "name: สำนักงานทดสอบ", f"name: \"{HOSTILE}\""), encoding="utf-8")
    item = project / "data" / "items" / "O3.yml"
    item.write_text(item.read_text("utf-8").replace(
        "title: แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2570",
        f"title: \"{HOSTILE}\""), encoding="utf-8")
    r = mkdocs_build(project, tmp_path / "site")
    assert r.returncode == 0, r.stderr
    for path in ("oit/O3/index.html", "checklist/index.html", "units/กอง-ข/index.html"):
        html = (tmp_path / "site" / path).read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html, path
        assert "<strong>ตัวหนา</strong>" not in html, path  # not read as Markdown
        assert 'href="javascript:' not in html, path
    page = BeautifulSoup((tmp_path / "site/oit/O3/index.html").read_text("utf-8"), "html.parser")
    assert page.select_one(".ita-evidence a").get_text() == HOSTILE


def test_overrides_replace_a_template(tmp_path: Path):
    project = make_project(tmp_path, mkdocs_extra="")
    (project / "overrides" / "ita").mkdir(parents=True)
    (project / "overrides" / "ita" / "unit.html").write_text(
        "<h1>หน่วยงานของเรา {{ code }}</h1>\n", encoding="utf-8")
    text = (project / "mkdocs.yml").read_text("utf-8").replace(
        "theme: {name: material,", "theme: {name: material, custom_dir: overrides,")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    r = mkdocs_build(project, tmp_path / "site")
    assert r.returncode == 0, r.stderr
    page = soup(tmp_path / "site", "units/กอง-ก/index.html")
    assert page.find("h1").get_text() == "หน่วยงานของเรา กอง ก."
    assert article(tmp_path / "site", "oit/O1/index.html").select_one(".ita-evidence")


def test_strict_build_fails_on_checklist_problems_unless_turned_off(tmp_path: Path):
    project = make_project(tmp_path)
    r = mkdocs_build(project, tmp_path / "site", "--strict")
    assert r.returncode == 1
    assert "data/items/O2.yml: overdue: no 2569-11" in r.stderr
    text = (project / "mkdocs.yml").read_text("utf-8") + "      checklist_warnings: false\n"
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    r = mkdocs_build(project, tmp_path / "site", "--strict")
    assert r.returncode == 0, r.stderr
