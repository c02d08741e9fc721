"""The data contract (DESIGN section 3) and the framework catalogs, as pydantic models.

The models check what one file can check on its own: types, unknown fields, dates, periods,
URLs. Checks that need other files (unit codes, O-ids of the agency's framework, element
indexes) are made by the loader, which knows the whole dataset.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .calendar import BE_OFFSET, BE_THRESHOLD, Period, parse_date, thai_digits_to_arabic
from .links import split_url, syntax_problem

Frequency = Literal["monthly", "quarterly", "semiannual", "annual", "on_change"]
Scope = Literal["current_fy", "previous_fy", "first_half", "timeless"]
ProgressStatus = Literal["done", "in_progress", "not_started", "cancelled"]
FREQUENCIES: tuple[str, ...] = Frequency.__args__  # type: ignore[attr-defined]

_DATE_PATTERN = r"^[0-9๐-๙]{4}-[0-9๐-๙]{1,2}-[0-9๐-๙]{1,2}$"
_PERIOD_PATTERN = r"^[0-9๐-๙]{4}(-(H[12]|Q[1-4]|[0-9๐-๙]{1,2}))?$"

ThaiDate = Annotated[
    date,
    BeforeValidator(parse_date),
    WithJsonSchema({
        "type": "string", "pattern": _DATE_PATTERN,
        "description": "YYYY-MM-DD; a year of 2400 or more is Buddhist Era (2568-03-28)",
    }),
]
PeriodField = Annotated[
    Period,
    PlainValidator(Period.parse),
    WithJsonSchema({
        "type": ["string", "integer"], "pattern": _PERIOD_PATTERN,
        "description": "fiscal year 2568, half 2568-H1, quarter 2568-Q1 or month 2567-10",
    }),
]


_SPACE = re.compile(r"\s")


def check_url(value: object) -> str:
    """Evidence must be a web address a citizen's browser can open: http(s) with a host."""
    if not isinstance(value, str):
        raise ValueError(f"expected a web address (https://...), got {value!r}")
    url = value.strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        if scheme:
            raise ValueError(
                f"'{url}' is a {scheme}: address; evidence must be an http(s) web address")
        raise ValueError(f"'{url}' is not a web address; write it in full, e.g. https://...")
    if _SPACE.search(url):
        raise ValueError(f"'{url}' contains a space; write spaces in a web address as %20")
    parts = split_url(url)
    if parts is None or "." not in parts.host:
        raise ValueError(f"'{url}' has no host name (such as www.example.go.th)")
    problem = syntax_problem(url, parts.path)
    if problem:
        raise ValueError(problem)
    return url


Url = Annotated[
    str, PlainValidator(check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]


def _fiscal_year(value: object) -> int:
    """A fiscal year written BE (2568) or CE (2025); stored as BE."""
    if isinstance(value, str):
        value = thai_digits_to_arabic(value.strip())
        if not value.isdigit():
            raise ValueError(f"'{value}' is not a year")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"expected a year such as 2568, got {value!r}")
    year = int(value)
    if not 1900 <= (year - BE_OFFSET if year >= BE_THRESHOLD else year) <= 2399:
        raise ValueError(f"the year {year} is out of range")
    return year if year >= BE_THRESHOLD else year + BE_OFFSET


FiscalYear = Annotated[
    int, BeforeValidator(_fiscal_year),
    WithJsonSchema({"type": ["integer", "string"], "description": "fiscal year, BE (2568)"}),
]

Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    """Every model rejects unknown fields: a typo must not silently drop data."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- agency ---------------------------------------------------------------------------------


class Agency(Strict):
    name: Text
    short_name: Text | None = None
    name_en: Text | None = None
    website: Url
    evidence_domains: list[Text] = Field(default_factory=list)
    framework: Text
    units: dict[str, Text] = Field(min_length=1)

    @field_validator("units", mode="before")
    @classmethod
    def _unit_codes_are_text(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k).strip(): v for k, v in value.items()}
        return value


# --- O-items --------------------------------------------------------------------------------


class Deadline(Strict):
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="after")
    def _something_given(self) -> Deadline:
        if self.month is None and self.day is None:
            raise ValueError("give a month, a day or both, e.g. {month: 4, day: 30}")
        return self


class Owners(Strict):
    prepare: list[Text] = Field(default_factory=list)
    collect: list[Text] = Field(default_factory=list)
    publish: list[Text] = Field(default_factory=list)

    def all(self) -> list[str]:
        return list(dict.fromkeys(self.prepare + self.collect + self.publish))


class Publication(Strict):
    period: PeriodField | None = None
    title: Text | None = None
    url: Url | None = None
    published: ThaiDate
    elements: list[int] | None = None
    none: Text | None = Field(
        default=None, description="reason there is nothing to report for this period")

    @model_validator(mode="after")
    def _document_or_none(self) -> Publication:
        if self.none is not None and self.url is not None:
            raise ValueError("give either url (a document) or none (nothing to report), not both")
        if self.none is None and self.url is None:
            raise ValueError("give url (the evidence) or none (the reason nothing was published)")
        if self.none is not None and self.period is None:
            raise ValueError("a 'none' entry needs the period it speaks for")
        return self

    @property
    def is_document(self) -> bool:
        return self.url is not None


class ItemData(Strict):
    id: Text
    owners: Owners = Field(default_factory=Owners)
    frequency: Frequency | None = None
    deadline: Deadline | None = None
    publications: list[Publication] = Field(default_factory=list)
    not_applicable: Text | None = None
    reviewed: ThaiDate | None = Field(
        default=None, description="when the owner last confirmed the item is still current")
    explanation: Text | None = Field(
        default=None, description="the explanation given in the ITAS answer sheet")

    @field_validator("id", mode="before")
    @classmethod
    def _normalise_id(cls, value: Any) -> Any:
        return normalise_item_id(value) if isinstance(value, str) else value


_ITEM_ID_RE = re.compile(r"^[Oo0๐]\s*([0-9๐-๙]+)$")


def normalise_item_id(value: str) -> str:
    """O12, o12, ๐๑๒ and 0๑๒ all mean O12 (the seeds write all of these)."""
    m = _ITEM_ID_RE.match(value.strip())
    return f"O{int(thai_digits_to_arabic(m.group(1)))}" if m else value.strip()


_QUESTION_RE = re.compile(r"\s*([iIeEoO๐])\s*([0-9๐-๙]+)\s*")


def normalise_question(ref: str) -> str | None:
    """i7, E14, o11 and ๐๑๑ as the seeds and editors write them: i7, e14, O11, O11;
    None when `ref` is not a question or an O-item."""
    m = _QUESTION_RE.fullmatch(ref)
    if not m:
        return None
    letter = m.group(1).lower()
    if letter in ("o", "๐"):
        return normalise_item_id(ref)
    return f"{letter}{int(thai_digits_to_arabic(m.group(2)))}"


# --- measures -------------------------------------------------------------------------------


class Span(Strict):
    start: ThaiDate
    end: ThaiDate

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")
        return self

    def contains(self, other: Span | date) -> bool:
        if isinstance(other, date):
            return self.start <= other <= self.end
        return self.start <= other.start and other.end <= self.end


class Activity(Strict):
    title: Text
    owners: list[Text] = Field(default_factory=list)
    period: Span | None = None


class ProgressRound(Strict):
    round: int = Field(ge=1)
    as_of: ThaiDate
    status: ProgressStatus
    result: Text | None = None
    recommendation: Text | None = None
    evidence: list[Url] = Field(default_factory=list)


class Measure(Strict):
    id: Text
    fiscal_year: FiscalYear
    title: Text
    addresses: list[Text] = Field(default_factory=list)
    owners: list[Text] = Field(default_factory=list)
    period: Span
    activities: list[Activity] = Field(default_factory=list)
    progress: list[ProgressRound] = Field(default_factory=list)


# --- assessment results ---------------------------------------------------------------------

Score = Annotated[float, Field(ge=0, le=100)]
Level = Literal["ดีเยี่ยม", "ดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]


class Rank(Strict):
    position: int = Field(ge=1)
    of: int | None = Field(default=None, ge=1)
    group: Text | None = None


class EitScore(Strict):
    public: Score | None = None
    survey: Score | None = None


class Assessment(Strict):
    year: FiscalYear
    framework: Text | None = None
    total: Score | None = None
    level: Level | None = None
    rank: Rank | None = None
    indicators: dict[int, Score] = Field(default_factory=dict)
    tools: dict[Literal["IIT", "EIT", "OIT", "EIT_public", "EIT_survey"], Score] = Field(
        default_factory=dict)
    questions: dict[str, Score | EitScore] = Field(default_factory=dict)
    source: Text | None = None

    @field_validator("indicators")
    @classmethod
    def _ten_indicators(cls, value: dict[int, float]) -> dict[int, float]:
        bad = [k for k in value if not 1 <= k <= 10]
        if bad:
            raise ValueError(f"indicators are numbered 1 to 10; {bad[0]} is not one of them")
        return value


# --- framework catalogs ---------------------------------------------------------------------


class Element(Strict):
    th: Text
    en: Text


class Group(Strict):
    id: Text
    title: Text
    title_en: Text


Tool = Literal["IIT", "EIT", "OIT"]


class Indicator(Strict):
    number: int = Field(ge=1, le=10)
    title: Text
    title_en: Text
    tool: Tool | None = None
    groups: list[Group] = Field(default_factory=list)


class Question(Strict):
    """An IIT or EIT question of the assessment (i1.., e1..); OIT questions are the O-items."""

    id: Text = Field(pattern=r"^[ie][1-9][0-9]?$")
    indicator: int = Field(ge=1, le=8)
    text: Text | None = None
    source: Text | None = None


class CatalogItem(Strict):
    id: Text
    title: Text
    title_en: Text
    indicator: int
    group: Text
    elements: list[Element] = Field(min_length=1)
    frequency: Frequency
    deadline: Deadline | None = None
    scope: Scope
    depends_on: list[Text] = Field(default_factory=list)
    nothing_to_report: Text | None = None
    inferred: list[Text] = Field(default_factory=list)
    notes: Text | None = None
    source: Text
    generated: Literal["measures", "monitoring"] | None = Field(
        default=None, description="the site itself publishes this item's evidence from "
        "data/measures: the measures (O42) or their monitoring report (O43)")

    @field_validator("group", mode="before")
    @classmethod
    def _group_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value


class Framework(Strict):
    id: Text
    year: FiscalYear
    title: Text
    title_en: Text
    sources: list[Text] = Field(default_factory=list)
    indicators: list[Indicator] = Field(min_length=1)
    questions: list[Question] = Field(default_factory=list)
    items: list[CatalogItem] = Field(min_length=1)

    _index: dict[str, CatalogItem] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any) -> None:
        self._index.update((i.id, i) for i in self.items)

    def item(self, item_id: str) -> CatalogItem | None:
        return self._index.get(item_id)

    def group_title(self, group_id: str) -> str:
        for ind in self.indicators:
            for g in ind.groups:
                if g.id == group_id:
                    return g.title
        return group_id


class CrosswalkPair(Strict):
    from_: Text = Field(alias="from")
    to: list[Text]
    note: Text | None = None


class Crosswalk(Strict):
    from_: Text = Field(alias="from")
    to: Text
    pairs: list[CrosswalkPair]
