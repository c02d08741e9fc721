"""The shipped framework catalogs: complete, consistent, and faithful where tests can tell."""

from __future__ import annotations

import re

import pytest
from ita_transparency.loader import load_frameworks
from ita_transparency.problems import ProblemList


@pytest.fixture(scope="module")
def shipped():
    problems = ProblemList()
    frameworks, crosswalks = load_frameworks(problems)
    assert not problems.items, [str(p) for p in problems.items]
    return frameworks, crosswalks


@pytest.mark.parametrize("fw_id", ["ita-2565", "ita-2566"])
def test_43_items_with_elements(shipped, fw_id):
    fw = shipped[0][fw_id]
    assert [i.id for i in fw.items] == [f"O{n}" for n in range(1, 44)]
    for item in fw.items:
        assert item.elements, item.id
        assert all(e.th.strip() and e.en.strip() for e in item.elements), item.id
        # titles and some elements are English in the source (Q&A, E-mail)
        assert any(re.search(r"[\u0E00-\u0E7F]", e.th) for e in item.elements), item.id
        assert item.source.startswith("seed"), item.id


@pytest.mark.parametrize("fw_id", ["ita-2565", "ita-2566"])
def test_indicators_split_9_and_10(shipped, fw_id):
    fw = shipped[0][fw_id]
    by_indicator = {n: [i.id for i in fw.items if i.indicator == n] for n in (9, 10)}
    # seed 001: 33 items under indicator 9 and 10 under indicator 10 (ITA 2565)
    if fw_id == "ita-2565":
        assert (len(by_indicator[9]), len(by_indicator[10])) == (33, 10)
    assert by_indicator[9] + by_indicator[10] == [i.id for i in fw.items]


def test_dependencies_are_the_explicit_references(shipped):
    deps = {fw_id: {i.id: i.depends_on for i in fw.items if i.depends_on}
            for fw_id, fw in shipped[0].items()}
    assert deps["ita-2565"] == {"O11": ["O10"], "O19": ["O18"], "O26": ["O25"],
                                "O37": ["O36"], "O40": ["O39"], "O43": ["O42"]}
    assert deps["ita-2566"] == {"O24": ["O23"], "O35": ["O34"], "O37": ["O36"],
                                "O43": ["O42"]}


def test_seed_001_findings_are_checkable(shipped):
    """The auditor failed O10 for its implementation period and O27 for development."""
    fw = shipped[0]["ita-2565"]
    assert "ระยะเวลาในการดำเนินการ" in [e.th for e in fw.item("O10").elements]
    assert any("การพัฒนา" in e.th for e in fw.item("O27").elements)
    fw = shipped[0]["ita-2566"]
    assert "ระยะเวลาในการดำเนินการ" in [e.th for e in fw.item("O11").elements]


def test_seed_000_frequencies(shipped):
    """Seed 000's table: 23 on-change rows, 11 once a year by January, O23 monthly."""
    fw = shipped[0]["ita-2565"]
    freq = [i.frequency for i in fw.items]
    assert freq.count("on_change") == 23
    assert freq.count("annual") == 11
    assert all(i.deadline and i.deadline.month == 1 for i in fw.items if i.frequency == "annual")
    assert fw.item("O23").frequency == "monthly"
    assert [i.id for i in fw.items if i.nothing_to_report] == ["O21", "O23", "O31"]


def test_crosswalk_maps_every_2565_item(shipped):
    frameworks, crosswalks = shipped
    (cw,) = crosswalks
    assert (cw.from_, cw.to) == ("ita-2565", "ita-2566")
    assert [p.from_ for p in cw.pairs] == [f"O{n}" for n in range(1, 44)]
    pairs = {p.from_: p.to for p in cw.pairs}
    assert pairs["O10"] == ["O11"]  # seed 001 vs 003: the annual plan
    assert pairs["O11"] == ["O12"]
    assert pairs["O27"] == ["O25"]
    for p in cw.pairs:
        assert all(frameworks["ita-2566"].item(t) for t in p.to)
