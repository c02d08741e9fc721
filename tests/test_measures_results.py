"""Measures, monitoring reports and assessment results, in built sites and in validation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import CASES, FIXTURES, make_project, mkdocs_build, run_ita

SCORES = FIXTURES / "assessments"


def article(site: Path, path: str):
    html = (site / path).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def _results_project(root: Path, measures: dict[str, str] | None = None) -> Path:
    """The small test agency on ITA 2566, with seed 001's OPS results for 2564 and 2565 and
    seed 004's DIW results for 2566 (test data: three years, two agencies' numbers)."""
    project = make_project(root)
    data = project / "data"
    text = (data / "agency.yml").read_text("utf-8").replace("ita-2570", "ita-2566")
    (data / "agency.yml").write_text(text, encoding="utf-8")
    shutil.rmtree(data / "items")
    shutil.rmtree(data / "frameworks")
    (data / "assessments").mkdir()
    for name, year in (("ops-2564", 2564), ("ops-2565", 2565), ("diw-2566", 2566)):
        shutil.copy(SCORES / f"{name}.yml", data / "assessments" / f"{year}.yml")
    (data / "measures").mkdir()
    for mid, body in (measures or {}).items():
        (data / "measures" / f"{mid}.yml").write_text(body, encoding="utf-8")
    return project


MEASURE_2567 = """id: M1
fiscal_year: 2567
title: เปิดโอกาสให้บุคคลภายนอกมีส่วนร่วมปรับปรุงการดำเนินงาน
addresses: [e14]
owners: [กอง ก.]
period: {start: 2566-10-01, end: 2567-09-30}
"""


def test_results_page_with_comparison_and_chart(tmp_path: Path):
    project = _results_project(tmp_path)
    r = mkdocs_build(project, tmp_path / "site")
    assert r.returncode == 0, r.stderr
    page = article(tmp_path / "site", "results/2565/index.html")
    total = page.select_one("[data-total]").get_text(" ", strip=True)
    assert total == "93.11 (+0.79 จากปี 2564: 92.32)"
    row9 = page.select_one("tr[data-indicator='9']")
    assert [td.get_text(strip=True) for td in row9.find_all("td")] == [
        "9. การเปิดเผยข้อมูล", "OIT", "95.00", "100.00", "-5.00"]
    svg = page.select_one("svg.ita-chart")
    assert svg is not None and len(svg.select("rect.ita-chart__bar")) == 10
    assert len(svg.select("rect.ita-chart__previous")) == 10
    # indicator 2 (89.90) is under the target of 95, indicator 9 (95.00) is not
    bars = svg.select("rect.ita-chart__bar")
    assert "ita-chart__bar--low" in bars[1]["class"]
    assert "ita-chart__bar--low" not in bars[8]["class"]
    # question texts come from the ITA 2565 catalog (seed 001's wording)
    i20 = page.select_one("tr[data-question='i20']")
    assert "ขั้นตอนการขออนุญาตเพื่อยืมทรัพย์สินของราชการ" in i20.get_text()


def test_unaddressed_weak_questions_are_flagged(tmp_path: Path):
    project = _results_project(tmp_path)
    mkdocs_build(project, tmp_path / "site")
    page = article(tmp_path / "site", "results/2566/index.html")
    flagged = [li["data-question"] for li in page.select("[data-unaddressed] li")]
    assert flagged == ["e14"]  # DIW's only score under 95: e14, 94.53 / 93.75 (seed 004)
    assert page.select_one("[data-level]")["data-level"] == ""  # no tool scores in seed 004
    assert "ดีเยี่ยม" in page.get_text()  # the stated level is shown


def test_a_next_year_measure_clears_the_flag(tmp_path: Path):
    project = _results_project(tmp_path, {"M1": MEASURE_2567})
    r = mkdocs_build(project, tmp_path / "site")
    assert r.returncode == 0, r.stderr
    page = article(tmp_path / "site", "results/2566/index.html")
    assert page.select("[data-unaddressed]") == []
    e14 = page.select_one("tr[data-question='e14']")
    assert [a.get_text() for a in e14.find_all("a")] == ["M1"]


def test_computed_level_and_disagreement(tmp_path: Path):
    project = _results_project(tmp_path)
    path = project / "data" / "assessments" / "2566.yml"
    path.write_text(path.read_text("utf-8").replace(
        "tools: {}", "tools: {IIT: 99.1, EIT_public: 94.0, EIT_survey: 97.0, OIT: 100}"),
        encoding="utf-8")
    r = run_ita("validate", "--data", "data", cwd=project)
    assert r.returncode == 0
    assert ("the stated level ดีเยี่ยม differs from the rating rule's ดี") in r.stderr
    mkdocs_build(project, tmp_path / "site")
    page = article(tmp_path / "site", "results/2566/index.html")
    assert page.select_one("[data-level]")["data-level"] == "ดี"
    assert "ไม่ตรงกับเกณฑ์" in page.get_text()


def test_measures_page_counts_status_per_round(sample_site: Path):
    page = article(sample_site, "measures/index.html")
    row = page.select_one("tr[data-round='1']")
    counts = {td["data-status"]: int(td.get_text()) for td in row.select("td[data-status]")}
    assert counts == {"done": 4, "in_progress": 3, "not_started": 0, "cancelled": 0,
                      "not_reported": 0}


def test_monitoring_report_in_the_shape_of_the_form(sample_site: Path):
    page = article(sample_site, "measures/2565/round-1/index.html")
    assert "ประจำปีงบประมาณ พ.ศ. 2565 · ครั้งที่ 1 · ข้อมูล ณ วันที่ 31 มีนาคม 2565" in (
        page.select_one(".ita-report-sub").get_text())
    headers = [th.get_text(strip=True) for th in page.select("thead th")]
    assert headers[:5] == ["ลำดับ", "มาตรการ / ประเด็นที่มุ่งแก้ไข", "กิจกรรม / วิธีการดำเนินการ",
                           "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"]
    assert headers[-3:] == ["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ"]
    rows = page.select("tbody tr")
    assert [r["data-measure"] for r in rows] == [f"M0{n}" for n in range(1, 8)]
    m05 = next(r for r in rows if r["data-measure"] == "M05")
    checks = [td.get_text(strip=True) for td in m05.select("td.ita-check")]
    assert checks == ["", "✓", ""]  # in progress


def test_o43_links_to_the_monitoring_report(sample_site: Path):
    page = article(sample_site, "oit/O43/index.html")
    links = [a["href"] for a in page.select(".admonition.info a")]
    assert links == ["../../measures/2565/round-1/"]
    page = article(sample_site, "oit/O42/index.html")
    assert [a["href"] for a in page.select(".admonition.info a")] == ["../../measures/"]


def test_measure_page_lists_what_it_addresses(sample_site: Path):
    page = article(sample_site, "measures/M04/index.html")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in page.find("h2").find_next("table").select("tbody tr")]
    assert rows[0][0] == "i27" and rows[0][2] == "92.41"  # seed 000: I27 92.41 in FY2564
    o34 = next(r for r in rows if r[0] == "O34")
    assert o34[1].startswith("นโยบายไม่รับของขวัญ (No Gift Policy)")  # the 2565 catalog's O34


@pytest.mark.parametrize(("file", "body", "message"), [
    ("measures/M9.yml",
     "id: M9\nfiscal_year: 2566\ntitle: ทดสอบ\naddresses: [i31, e16, O44]\n"
     "period: {start: 2565-10-01, end: 2566-09-30}\n",
     ["data/measures/M9.yml:4: addresses[0]: i31 is not a question of ita-2566 (i1–i30, "
      "e1–e15)",
      "data/measures/M9.yml:4: addresses[1]: e16 is not a question of ita-2566",
      "data/measures/M9.yml:4: addresses[2]: O44 is not an item of ita-2566 (O1–O43)"]),
    ("measures/M8.yml",
     "id: M8\nfiscal_year: 2566\ntitle: ทดสอบ\nperiod: {start: 2566-10-01, end: 2567-03-31}\n",
     ["data/measures/M8.yml:4: period: the period lies outside fiscal year 2566"]),
    ("assessments/2566.yml",
     "year: 2566\ntotal: 98.9\nquestions:\n  i31: 90\n  e14: {public: 94.53, survey: 101}\n",
     ["data/assessments/2566.yml:4: questions.i31: i31 is not a question of ita-2566",
      "data/assessments/2566.yml:5: questions.e14.survey: must be at most 100; got 101"]),
    ("assessments/2567.yml", "year: 2566\n",
     ["data/assessments/2567.yml:1: year: the year 2566 does not match the file name "
      "'2567.yml'"]),
])
def test_invalid_measures_and_assessments(tmp_path: Path, file: str, body: str, message):
    data = tmp_path / "data"
    shutil.copytree(CASES / "valid" / "small", data)
    text = (data / "agency.yml").read_text("utf-8").replace("ita-2570", "ita-2566")
    (data / "agency.yml").write_text(text, encoding="utf-8")
    shutil.rmtree(data / "items")
    (data / file).parent.mkdir(parents=True, exist_ok=True)
    (data / file).write_text(body, encoding="utf-8")
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2
    for line in message:
        assert line in r.stderr, r.stderr
