"""The built sample site in headless Chromium: a citizen's journey, the checklist filters,
Thai search, a phone-sized screen, keyboard-only use, accessibility and screenshots.
Every test fails on a console error, a failed request or a request outside the site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from harness import ARTIFACTS, PAGE_TYPES, open_search, run_queries, search
from ita_transparency.status import SEVERITY

ROOT = Path(__file__).resolve().parents[2]
EVIDENCE = "https://www.erc.or.th/"


def _stub_evidence(page) -> list[str]:
    """Evidence lives on the agency's site; the tests serve it locally instead."""
    served: list[str] = []

    def fulfil(route):
        served.append(route.request.url)
        route.fulfill(status=200, content_type="text/html; charset=utf-8",
                      body="<!doctype html><title>หลักฐาน</title><h1>เอกสารหลักฐาน</h1>")

    page.route(f"{EVIDENCE}**", fulfil)
    return served


def test_citizen_journey_home_to_evidence(desktop):
    page = desktop.page
    served = _stub_evidence(page)
    page.goto(desktop.base)
    page.get_by_role("link", name="การเปิดเผยข้อมูล (OIT)").first.click()
    page.wait_for_url("**/oit/")
    page.get_by_role("link", name="O11 แผนดำเนินงานและการใช้งบประมาณประจำปี").click()
    page.wait_for_url("**/oit/O11/")
    assert page.locator("h1").inner_text() == "O11 แผนดำเนินงานและการใช้งบประมาณประจำปี"
    evidence = page.locator(".ita-evidence a").first
    href = evidence.get_attribute("href")
    assert href.startswith(EVIDENCE + "ERCWeb2/Upload/Document/ita/2566/")
    evidence.click()
    page.wait_for_url(f"{EVIDENCE}**")
    assert page.locator("h1").inner_text() == "เอกสารหลักฐาน"
    assert served and served[0].startswith(EVIDENCE)


def test_checklist_filters(desktop):
    page = desktop.page
    page.goto(desktop.base + "checklist/")
    checklist = json.loads(page.request.get(desktop.base + "checklist.json").text())
    items = checklist["items"]
    rows = page.locator("#ita-all-items tbody tr:not([hidden])")
    assert rows.count() == len(items) == 43
    page.select_option("select[name=status]", "problem")
    problems = [i for i in items if SEVERITY[i["status"]] <= SEVERITY["stale"]]
    assert rows.count() == len(problems) == 7
    assert page.locator("form[data-ita-filter] output").inner_text() == "7 / 43"
    page.select_option("select[name=status]", "overdue")
    assert rows.count() == sum("overdue" in (i["status"],) for i in items) == 2
    page.select_option("select[name=status]", "")
    page.select_option("select[name=unit]", "ฝ่าย บอ.")
    owned = [i for i in items if "ฝ่าย บอ." in sum(i["owners"].values(), [])]
    assert rows.count() == len(owned)
    page.select_option("select[name=unit]", "")
    page.locator("input[name=q]").click()
    page.keyboard.type("จัดซื้อ")
    page.keyboard.press("End")
    assert rows.count() == sum("จัดซื้อ" in i["title"] for i in items) > 0
    # sorting: click the status header, the most severe come first
    page.locator("input[name=q]").fill("")
    page.locator("input[name=q]").press("Backspace")
    page.locator("#ita-all-items thead th", has_text="สถานะ").click()
    first = page.locator("#ita-all-items tbody tr .ita-badge").first.get_attribute("data-status")
    assert first == "missing"


def test_thai_search_finds_and_opens_a_page(desktop):
    page = desktop.page
    open_search(page, desktop.base)
    results = search(page, desktop.base, "งบประมาณ")
    assert results[:2] == ["oit/O11/", "oit/O12/"]
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    page.wait_for_url("**/oit/O11/**")
    marks = page.locator("article mark").all_inner_texts()
    assert any("งบประมาณ" in m for m in marks), marks  # the match is highlighted


def test_thai_query_set(desktop, sample_site):
    """The query set of tests/search_queries.yml, typed into the real search box."""
    queries = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text("utf-8"))
    page = desktop.page
    open_search(page, desktop.base)
    result = run_queries(page, desktop.base, sample_site, queries)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "search-quality.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    thai = [r for r in result["rows"] if any("\u0e01" <= c <= "\u0e4e" for c in r["query"])]
    assert len(thai) >= 30
    assert result["recall"] >= 0.95, [r for r in result["rows"] if r["missed"]]
    assert result["precision"] >= 0.85
    for row in result["rows"]:
        if row["query"] in ("O12", "E-Service", "No Gift Policy", "structure"):
            assert not row["missed"], row


def test_phone_navigation(phone):
    page = phone.page
    page.goto(phone.base)
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-nav--primary").get_by_role("link", name="รายการตรวจสอบ").click()
    page.wait_for_url("**/checklist/")
    assert page.locator("h1").inner_text() == "รายการตรวจสอบการเปิดเผยข้อมูล"
    for path in PAGE_TYPES.values():
        page.goto(phone.base + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path or 'home'} is {overflow}px wider than the screen"


def _tab_until(page, selector: str, limit: int = 250) -> int:
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({json.dumps(selector)})"):
            return n
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_reaches_filters_and_search(desktop):
    page = desktop.page
    page.goto(desktop.base + "checklist/")
    _tab_until(page, "select[name=status]")
    page.keyboard.press("ArrowDown")  # choose "ต้องดำเนินการ" with the keyboard
    assert page.locator("#ita-all-items tbody tr:not([hidden])").count() < 43
    page.goto(desktop.base)
    _tab_until(page, ".md-search__input")
    page.keyboard.type("O12")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/oit/O12/**")


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_accessibility(desktop, axe_source, name):
    page = desktop.page
    page.goto(desktop.base + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("""() => axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                    for n in v["nodes"][:3])
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_screenshots(request, size):
    """Every page type at desktop and phone widths, for a reviewer who does not build."""
    watched = request.getfixturevalue(size)
    out = ARTIFACTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for name, path in PAGE_TYPES.items():
        watched.page.goto(watched.base + path)
        watched.page.wait_for_load_state("networkidle")
        target = out / f"{name}-{size}.png"
        watched.page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
