"""The rating rule (seed 004), the weak-question analysis and the per-round status counts."""

from __future__ import annotations

import pytest
from ita_transparency.models import Assessment, Measure
from ita_transparency.results import analyse, rate, round_counts

ALL = {"IIT": 96.0, "EIT_public": 96.0, "EIT_survey": 96.0, "OIT": 96.0}


@pytest.mark.parametrize(
    ("total", "tools", "level"),
    [
        (98.90, ALL, "ดีเยี่ยม"),
        (95.00, {**ALL, "IIT": 95.0}, "ดีเยี่ยม"),  # 95 is in the top band
        (94.99, ALL, "ดี"),  # just under it
        (96.00, {**ALL, "OIT": 94.99}, "ดี"),  # every tool must reach 95
        (85.00, {k: 85.0 for k in ALL}, "ดี"),
        (90.00, {**ALL, "EIT_survey": 84.99}, "ผ่าน"),  # one tool under 85
        (85.00, {**ALL, "IIT": 70.0}, "ผ่าน"),
        (84.99, ALL, "ต้องปรับปรุง"),
        (70.00, {}, "ต้องปรับปรุง"),
        (69.99, {}, "ต้องปรับปรุงโดยด่วน"),
        (0.0, {}, "ต้องปรับปรุงโดยด่วน"),
        (96.0, {"IIT": 96.0, "EIT": 96.0, "OIT": 96.0}, "ดีเยี่ยม"),  # EIT as one score
    ],
)
def test_rating_bands_and_boundaries(total, tools, level):
    assert rate(total, tools).level == level


def test_rating_needs_tool_scores_above_85():
    r = rate(96.32, {})
    assert r.level is None and "คะแนนรายเครื่องมือ" in r.reason
    assert rate(None, {}).level is None


def _measure(mid: str, fy: int, addresses: list[str], rounds: list[tuple[int, str]]) -> Measure:
    return Measure.model_validate({
        "id": mid, "fiscal_year": fy, "title": "ทดสอบ", "addresses": addresses,
        "period": {"start": f"{fy - 1}-10-01", "end": f"{fy}-09-30"},
        "progress": [{"round": n, "as_of": f"{fy}-03-31", "status": s} for n, s in rounds],
    })


def test_unaddressed_weak_questions_are_flagged():
    result = Assessment.model_validate({
        "year": 2566, "total": 98.9,
        "questions": {"i1": 99.7, "e14": {"public": 94.53, "survey": 93.75}, "e6": 95.61,
                      "i15": 94.0, "o12": 90.0},
    })
    measures = {
        "M1": _measure("M1", 2567, ["e14"], []),
        "M2": _measure("M2", 2566, ["i15"], []),  # the same year's measure does not count
        "M3": _measure("M3", 2567, ["O12"], []),  # O-items match o-questions
    }
    analysis = analyse(result, {2566: result}, measures, None, target=95)
    assert [(q.id, q.score) for q in analysis.weak] == [("O12", 90.0), ("e14", 93.75),
                                                        ("i15", 94.0)]
    assert [q.id for q in analysis.unaddressed] == ["i15"]
    assert [m.id for m in analysis.weak[1].measures] == ["M1"]
    assert [q.id for q in analyse(result, {}, measures, None, target=93.9).weak] == [
        "O12", "e14"]


def test_round_counts():
    measures = [
        _measure("M1", 2566, [], [(1, "done"), (2, "done")]),
        _measure("M2", 2566, [], [(1, "in_progress"), (2, "done")]),
        _measure("M3", 2566, [], [(1, "not_started")]),
        _measure("M4", 2567, [], [(1, "cancelled")]),
    ]
    counts = round_counts(measures)
    assert list(counts) == [2567, 2566]
    assert dict(counts[2566][1]) == {"done": 1, "in_progress": 1, "not_started": 1}
    assert dict(counts[2566][2]) == {"done": 2, "not_reported": 1}
    assert dict(counts[2567][1]) == {"cancelled": 1}
