"""The `ita` command run as a user runs it: a subprocess, its streams and its exit code."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from helpers import CASES, copy_case, run_ita

AS_OF = "2570-02-15"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    copy_case(CASES / "valid" / "small", tmp_path)
    return tmp_path


def test_json_has_exactly_the_contract_shape(small: Path):
    r = run_ita("check", "--data", "data", "--as-of", AS_OF, "--format", "json", cwd=small)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert list(doc) == ["agency", "framework", "as_of", "fiscal_year", "items", "summary"]
    assert (doc["framework"], doc["as_of"], doc["fiscal_year"]) == ("ita-2570", "2027-02-15", 2570)
    assert doc["agency"]["name"] == "สำนักงานทดสอบ"
    keys = ["id", "title", "frequency", "owners", "status", "next_due", "latest",
            "missing_periods", "missing_elements", "blocked_by"]
    for item in doc["items"]:
        assert list(item) == keys
        assert list(item["owners"]) == ["prepare", "collect", "publish"]
    items = {i["id"]: i for i in doc["items"]}
    assert items["O2"] == {
        "id": "O2", "title": "สรุปผลการจัดซื้อจัดจ้างรายเดือน", "frequency": "monthly",
        "owners": {"prepare": ["กอง ก."], "collect": [], "publish": ["กอง ข."]},
        "status": "overdue", "next_due": "2027-02-28",
        "latest": {"period": "2569-12", "url": "https://www.test.go.th/ita/O2-12.pdf",
                   "published": "2027-01-05"},
        "missing_periods": ["2569-11"], "missing_elements": [], "blocked_by": [],
    }
    assert items["O3"]["missing_elements"] == [3]
    assert doc["summary"] == {"missing": 0, "overdue": 1, "incomplete": 1, "blocked": 0,
                              "stale": 0, "due_soon": 0, "ok": 1, "not_applicable": 1}


def test_csv_parses_with_one_row_per_item(small: Path):
    r = run_ita("check", "--data", "data", "--as-of", AS_OF, "--format", "csv", cwd=small)
    assert r.returncode == 0
    assert r.stdout.startswith("\ufeff")  # Excel reads Thai CSV as UTF-8 only with a BOM
    rows = list(csv.DictReader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert [row["id"] for row in rows] == ["O1", "O2", "O3", "O4"]
    o2 = rows[1]
    assert (o2["status"], o2["missing_periods"], o2["latest_period"]) == (
        "overdue", "2569-11", "2569-12")
    assert rows[2]["missing_elements"] == "3"


def test_table_is_plain_text_when_piped(small: Path):
    r = run_ita("check", "--data", "data", "--as-of", AS_OF, cwd=small)
    assert r.returncode == 0
    assert "\x1b[" not in r.stdout  # no colour codes into a file or a pipe
    lines = r.stdout.splitlines()
    assert lines[0] == ("สนง.ทดสอบ — ita-2570, as of 2027-02-15 (15 กุมภาพันธ์ 2570), "
                        "fiscal year 2570")
    o2 = next(line for line in lines if line.startswith("O2 "))
    assert "overdue" in o2 and "no 2569-11" in o2
    assert "summary: overdue 1, incomplete 1, ok 1, not_applicable 1" in r.stdout


def test_table_columns_line_up_in_display_cells(small: Path):
    """Thai vowels and tone marks take no width; the status column starts at one cell."""
    from rich.cells import cell_len

    r = run_ita("check", "--data", "data", "--as-of", AS_OF, cwd=small)
    rows = [line for line in r.stdout.splitlines() if line[:2] in ("O1", "O2", "O3", "O4")]
    starts = {cell_len(line[: line.index(s)]) for line in rows
              for s in ("ok", "overdue", "incomplete", "not_applicable") if f" {s} " in line}
    assert len(starts) == 1, rows


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("missing", 0), ("overdue", 1), ("incomplete", 1), ("stale", 1), ("ok", 1)],
)
def test_fail_on(small: Path, fail_on: str, code: int):
    r = run_ita("check", "--data", "data", "--as-of", AS_OF, "--fail-on", fail_on, cwd=small)
    assert r.returncode == code, r.stderr
    if code:
        assert f"at or above '{fail_on}'" in r.stderr


def test_check_on_invalid_data_exits_2_without_output(small: Path):
    (small / "data" / "items" / "O1.yml").write_text("id: O1\nowners: {prepare: [กอง ค.]}\n",
                                                     encoding="utf-8")
    r = run_ita("check", "--data", "data", "--format", "json", cwd=small)
    assert r.returncode == 2
    assert r.stdout == ""
    assert "data/items/O1.yml:2: owners.prepare[0]: unknown unit 'กอง ค.'" in r.stderr


def test_as_of_from_the_environment(small: Path):
    env = {**os.environ, "ITA_AS_OF": "2570-01-10"}
    r = run_ita("check", "--data", "data", "--format", "json", cwd=small, env=env)
    assert json.loads(r.stdout)["as_of"] == "2027-01-10"
    r = run_ita("check", "--data", "data", "--format", "json", "--as-of", "2027-02-15",
                cwd=small, env=env)
    assert json.loads(r.stdout)["as_of"] == "2027-02-15"  # the flag wins


def test_bad_as_of_is_a_usage_error(small: Path):
    r = run_ita("check", "--data", "data", "--as-of", "2570-02-30", cwd=small)
    assert r.returncode == 2
    assert "is not a real date" in r.stderr
    assert "Traceback" not in r.stderr


def test_itas_answer_sheet(small: Path):
    r = run_ita("export", "itas", "--data", "data", "--as-of", AS_OF, cwd=small)
    assert r.returncode == 0
    rows = list(csv.reader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert rows[0] == ["ข้อ", "หัวข้อ", "มี/ไม่มี", "URL", "คำอธิบาย"]
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["O1"] == ["O1", "โครงสร้าง", "มี", "https://www.test.go.th/ita/O1.pdf",
                           "แผนผังโครงสร้างสำนักงาน เผยแพร่เมื่อ 1 พฤศจิกายน 2569"]
    assert by_id["O2"][2:] == ["มี", "https://www.test.go.th/ita/O2-12.pdf",
                               "สรุปผลการจัดซื้อจัดจ้างรายเดือน เผยแพร่ทุกเดือน"]
    assert by_id["O4"][2:] == ["ไม่มี", "", "ไม่เกี่ยวข้อง: ยังไม่ถึงรอบรายงาน"]
    r = run_ita("export", "itas", "--data", "data", "--as-of", AS_OF,
                "--site-url", "https://www.test.go.th/ita/", cwd=small)
    rows = list(csv.reader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert rows[1][3] == "https://www.test.go.th/ita/oit/O1/"


def test_schema_describes_the_data_files(tmp_path: Path):
    r = run_ita("schema", "item")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema["additionalProperties"] is False  # unknown fields are flagged as you type
    assert {"id", "owners", "publications", "not_applicable"} <= set(schema["properties"])
    r = run_ita("schema", "--out", str(tmp_path / "schemas"))
    assert r.returncode == 0
    written = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert written == ["agency.schema.json", "assessment.schema.json", "framework.schema.json",
                       "item.schema.json", "measure.schema.json"]


def test_schema_accepts_what_the_loader_accepts(tmp_path: Path):
    """The schema's date pattern matches BE, CE and Thai-digit dates alike."""
    import re

    schema = json.loads(run_ita("schema", "item").stdout)
    pattern = schema["$defs"]["Publication"]["properties"]["published"]["pattern"]
    for text in ("2568-03-28", "2025-03-28", "๒๕๖๘-๐๓-๒๘"):
        assert re.match(pattern, text)


def test_installed_entry_point():
    ita = shutil.which("ita")
    assert ita, "the package installs an `ita` command"
    import subprocess

    r = subprocess.run([ita, "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "validate" in r.stdout
