"""`ita validate` on bad input: every error in one run, file:line: field: message, exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import CASES, FIXTURES, copy_case, run_ita


def test_broken_folder_lists_every_error_exactly(tmp_path: Path):
    """Golden: one file per defect class; the whole report is pinned, in order."""
    case = CASES / "invalid" / "broken"
    copy_case(case, tmp_path)
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    assert r.stderr == (case / "expected.txt").read_text(encoding="utf-8")


def test_every_defect_class_is_reported(tmp_path: Path):
    """The golden file above, read as a checklist of what must be caught."""
    copy_case(CASES / "invalid" / "broken", tmp_path)
    out = run_ita("validate", "--data", "data", cwd=tmp_path).stderr
    expected = [
        "data/items/O1.yml:8: publications[0].titel: unknown field (did you mean 'title'?)",
        "data/items/O1.yml:3: owners.prepare[0]: unknown unit 'กอง ก' (did you mean 'กอง ก.'?)",
        "data/items/O1.yml:7: publications[0].published: '2570-02-30' is not a real date",
        "data/items/O2.yml:3: publications[0].period: '2569-13' is not a period",
        "data/items/O2.yml:7: publications[1].url: 'javascript:alert(1)' is a javascript: "
        "address; evidence must be an http(s) web address",
        "data/items/O2.yml:9: publications[2].period: this monthly item needs the period",
        "data/items/O2.yml:11: publications[2].elements[1]: element 3 does not exist",
        "data/items/O3.yml:5: YAML syntax error:",
        "data/items/O4.yml:3: a tab is used for indentation",
        "data/items/O44.yml:1: id: the id 'O4' does not match the file name 'O44.yml'",
        "data/items/O9.yml:1: id: O9 is not an item of ita-2570 (O1–O4)",
        "data/items/O1-draft.yml: the file is empty",
        "data/measures/M1.yml:4: 'title' is given twice (first on line 3)",
        "data/assessments/2569.yml:2: total: must be at most 100; got 120",
        "data/agency.yml:3: evidence_domains[0]: 'https://test.go.th' is not a domain name",
    ]
    for line in expected:
        assert line in out, line


def _agency(data: Path, extra: str = "") -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "agency.yml").write_text(
        "name: สำนักงานทดสอบ\nwebsite: https://www.test.go.th\nframework: ita-2566\n"
        f"units:\n  กอง ก.: กองกลาง\n{extra}", encoding="utf-8")


def test_unknown_field_in_agency(tmp_path: Path):
    _agency(tmp_path / "data", "not_a_field: 1\n")
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2
    assert "data/agency.yml:6: not_a_field: unknown field; allowed here: name, short_name" in (
        r.stderr)


def test_missing_data_folder(tmp_path: Path):
    r = run_ita("validate", "--data", "nowhere", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.splitlines()[0] == (
        "nowhere: the data folder does not exist (give it with --data DIR)")


def test_missing_agency_file(tmp_path: Path):
    (tmp_path / "data" / "items").mkdir(parents=True)
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.splitlines()[0] == (
        "data/agency.yml: agency.yml is missing: it names the agency, its units and its framework")


def test_unknown_framework(tmp_path: Path):
    data = tmp_path / "data"
    _agency(data)
    text = (data / "agency.yml").read_text(encoding="utf-8").replace("ita-2566", "ita-2599")
    (data / "agency.yml").write_text(text, encoding="utf-8")
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2
    assert ("data/agency.yml:3: framework: unknown framework 'ita-2599' (known: ita-2565, "
            "ita-2566); a catalog for another year goes in data/frameworks/") in r.stderr


def test_new_agency_with_no_items_is_valid_with_a_warning(tmp_path: Path):
    _agency(tmp_path / "data")
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "warning: data/items: 43 item(s) of ita-2566 have no file and show as missing" in (
        r.stderr)


def test_agency_catalog_for_another_year_needs_no_code_change(tmp_path: Path):
    """data/frameworks/ita-2570.yml is picked up and used like a shipped catalog."""
    data = tmp_path / "data"
    _agency(data)
    text = (data / "agency.yml").read_text(encoding="utf-8").replace("ita-2566", "ita-2570")
    (data / "agency.yml").write_text(text, encoding="utf-8")
    (data / "frameworks").mkdir()
    shutil.copy(FIXTURES / "frameworks" / "ita-2570.yml", data / "frameworks")
    (data / "items").mkdir()
    (data / "items" / "O3.yml").write_text(
        "id: O3\nowners: {prepare: [กอง ก.]}\npublications:\n"
        "  - {period: 2570, url: https://www.test.go.th/o3.pdf, published: 2569-12-20, "
        "elements: [1, 2, 3]}\n", encoding="utf-8")
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "framework ita-2570" in r.stdout
    r = run_ita("check", "--data", "data", "--as-of", "2570-02-01", "--format", "json",
                cwd=tmp_path)
    import json
    items = {i["id"]: i for i in json.loads(r.stdout)["items"]}
    assert items["O3"]["status"] == "ok"
    assert items["O4"]["status"] == "missing"


def test_a_broken_agency_catalog_is_reported_with_its_line(tmp_path: Path):
    data = tmp_path / "data"
    _agency(data)
    (data / "frameworks").mkdir()
    text = (FIXTURES / "frameworks" / "ita-2570.yml").read_text(encoding="utf-8")
    text = text.replace("depends_on: [O3]", "depends_on: [O30]")
    (data / "frameworks" / "ita-2570.yml").write_text(text, encoding="utf-8")
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "depends_on: [O30]" in t)
    assert f"data/frameworks/ita-2570.yml:{line}: items[3].depends_on[0]: O30 is not an item " \
        "of ita-2570" in r.stderr


def test_the_yaml_library_never_reads_dates(tmp_path: Path):
    """PyYAML would turn 2568-03-28 into the year 2568; an impossible date must be ours to
    report, with its line, not a crash."""
    data = tmp_path / "data"
    _agency(data)
    (data / "items").mkdir()
    (data / "items" / "O1.yml").write_text(
        "id: O1\npublications:\n  - url: https://www.test.go.th/a.pdf\n"
        "    published: 2025-13-40\n", encoding="utf-8")
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2
    assert ("data/items/O1.yml:4: publications[0].published: '2025-13-40' is not a real date: "
            "there is no month 13") in r.stderr


def test_a_boolean_where_text_belongs_is_reported_with_its_line(tmp_path: Path):
    """The line of an error is looked up by reading the file again with PyYAML; a `true` in
    that file (a scalar outside the common ones) must not break the lookup."""
    data = copy_case(CASES / "valid" / "small", tmp_path)
    item = data / "items" / "O1.yml"
    item.write_text(item.read_text(encoding="utf-8") + "not_applicable: true\n",
                    encoding="utf-8")
    r = run_ita("validate", "--data", "data", cwd=tmp_path)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert r.stderr.splitlines()[0] == (
        "data/items/O1.yml:8: not_applicable: expected text, got True")
