"""Assessment results: the rating rule, year-on-year comparison, and the analysis the seeds do
by hand — which questions score under the target, and which of those no measure addresses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .models import Assessment, EitScore, Framework, Measure, normalise_question

LEVELS_EN = {"ดีเยี่ยม": "Excellent", "ดี": "Good", "ผ่าน": "Pass",
             "ต้องปรับปรุง": "Needs improvement", "ต้องปรับปรุงโดยด่วน": "Needs urgent improvement"}
DEFAULT_TARGET = 95.0


@dataclass(frozen=True)
class Rating:
    level: str | None
    reason: str


def rate(total: float | None, tools: dict[str, float]) -> Rating:
    """The NACC rating rule of 29 June 2566 (seed 004): the level depends on the total and on
    every tool's score (IIT, EIT part 1 Public, EIT part 2 Survey, OIT)."""
    if total is None:
        return Rating(None, "ไม่มีคะแนนรวม")
    if total < 70:
        return Rating("ต้องปรับปรุงโดยด่วน", "คะแนนรวมต่ำกว่า 70")
    if total < 85:
        return Rating("ต้องปรับปรุง", "คะแนนรวม 70–84.99")
    parts = _rating_parts(tools)
    if parts is None:
        return Rating(None, "คะแนนรวม 85 ขึ้นไป ต้องมีคะแนนรายเครื่องมือจึงจะจัดระดับได้")
    if total >= 95 and all(score >= 95 for score in parts):
        return Rating("ดีเยี่ยม", "คะแนนรวม 95 ขึ้นไป และทุกเครื่องมือ 95 ขึ้นไป")
    if all(score >= 85 for score in parts):
        return Rating("ดี", "คะแนนรวม 85 ขึ้นไป และทุกเครื่องมือ 85 ขึ้นไป")
    return Rating("ผ่าน", "คะแนนรวม 85 ขึ้นไป แต่มีเครื่องมือที่ได้ต่ำกว่า 85")


def _rating_parts(tools: dict[str, float]) -> list[float] | None:
    if "IIT" not in tools or "OIT" not in tools:
        return None
    if "EIT_public" in tools and "EIT_survey" in tools:
        eit = [tools["EIT_public"], tools["EIT_survey"]]
    elif "EIT" in tools:
        eit = [tools["EIT"]]
    else:
        return None
    return [tools["IIT"], *eit, tools["OIT"]]


def question_score(value: float | EitScore) -> float | None:
    """One number per question: an EIT question counts by its weaker part."""
    if isinstance(value, EitScore):
        parts = [v for v in (value.public, value.survey) if v is not None]
        return min(parts) if parts else None
    return value


def question_key(qid: str) -> str:
    """i7, e14 stay lower-case; o11 is the O-item O11 (measures write O11)."""
    return normalise_question(qid) or qid.lower()


@dataclass
class WeakQuestion:
    id: str
    score: float
    text: str | None
    measures: list[Measure] = field(default_factory=list)


@dataclass
class Analysis:
    assessment: Assessment
    previous: Assessment | None
    rating: Rating
    weak: list[WeakQuestion]
    measures: list[Measure]
    target: float

    @property
    def unaddressed(self) -> list[WeakQuestion]:
        return [q for q in self.weak if not q.measures]

    @property
    def level_agrees(self) -> bool | None:
        stated, computed = self.assessment.level, self.rating.level
        return None if stated is None or computed is None else stated == computed


def analyse(assessment: Assessment, assessments: dict[int, Assessment],
            measures: dict[str, Measure], framework: Framework | None,
            target: float = DEFAULT_TARGET) -> Analysis:
    """Measures set for the next fiscal year answer this year's results (seeds 000, 004)."""
    follow_up = [m for m in measures.values() if m.fiscal_year == assessment.year + 1]
    texts = {q.id: q.text for q in framework.questions} if framework else {}
    titles = {i.id: i.title for i in framework.items} if framework else {}
    targets = {m.id: {question_key(a) for a in m.addresses} for m in follow_up}
    weak = []
    for qid, value in assessment.questions.items():
        score = question_score(value)
        if score is None or score >= target:
            continue
        key = question_key(str(qid))
        addressed = [m for m in follow_up if key in targets[m.id]]
        weak.append(WeakQuestion(key, score, texts.get(key) or titles.get(key), addressed))
    weak.sort(key=lambda q: q.score)
    return Analysis(assessment, assessments.get(assessment.year - 1),
                    rate(assessment.total, dict(assessment.tools)), weak, follow_up, target)


def round_counts(measures: list[Measure]) -> dict[int, dict[int, Counter]]:
    """Per fiscal year, per monitoring round: how many measures are in each status.
    A measure without a report for a round that others reported counts as 'not_reported'."""
    years: dict[int, dict[int, Counter]] = {}
    for fy in sorted({m.fiscal_year for m in measures}, reverse=True):
        of_year = [m for m in measures if m.fiscal_year == fy]
        rounds = sorted({r.round for m in of_year for r in m.progress})
        years[fy] = {}
        for rnd in rounds:
            counts: Counter = Counter()
            for m in of_year:
                found = next((r for r in m.progress if r.round == rnd), None)
                counts[found.status if found else "not_reported"] += 1
            years[fy][rnd] = counts
    return years
