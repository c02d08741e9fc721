"""Golden cases for the status engine: YAML in, expected checklist entries out.

Each file in cases/status/ holds a list of cases. A case names a framework, an `as_of`
date and the items' data (as an editor writes them); the runner writes a real data folder,
loads it through the loader and evaluates it, then compares the fields each case expects.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import CASES, FIXTURES
from ita_transparency.calendar import parse_date
from ita_transparency.loader import load_dataset
from ita_transparency.outputs import item_dict
from ita_transparency.status import evaluate
from ita_transparency.yamlio import _Loader

UNITS = {"กอง ก.": "กองกลาง", "กอง ข.": "กองแผนงาน"}


def _cases() -> list:
    found = []
    for path in sorted((CASES / "status").glob("*.yml")):
        for case in yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader):
            found.append(pytest.param(case, id=f"{path.stem}:{case['name']}"))
    return found


def _write_data(root: Path, case: dict) -> Path:
    data = root / "data"
    (data / "items").mkdir(parents=True)
    agency = {"name": "สำนักงานทดสอบ", "website": "https://www.test.go.th",
              "framework": case["framework"], "units": UNITS}
    (data / "agency.yml").write_text(yaml.safe_dump(agency, allow_unicode=True), "utf-8")
    if case["framework"] == "ita-2570":
        (data / "frameworks").mkdir()
        (data / "frameworks" / "ita-2570.yml").write_text(
            (FIXTURES / "frameworks" / "ita-2570.yml").read_text("utf-8"), "utf-8")
    for item_id, item in (case.get("items") or {}).items():
        body = {"id": item_id, **(item or {})}
        (data / "items" / f"{item_id}.yml").write_text(
            yaml.safe_dump(body, allow_unicode=True, sort_keys=False), "utf-8")
    return data


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict, tmp_path: Path):
    dataset = load_dataset(_write_data(tmp_path, case))
    checklist = evaluate(dataset, parse_date(str(case["as_of"])))
    for item_id, expected in case["expect"].items():
        status = checklist.item(item_id)
        got = {**item_dict(status), "statuses": status.statuses}
        for key, value in expected.items():
            if key == "latest_period":
                key, got_value = key, (got["latest"] or {}).get("period")
            else:
                got_value = got[key]
            assert got_value == value, f"{item_id}.{key}: expected {value!r}, got {got_value!r}"
