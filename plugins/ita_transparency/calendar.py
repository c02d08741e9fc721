"""Thai dates, fiscal years and reporting periods.

Editors write dates in the Buddhist Era (BE) or the Common Era (CE), with Arabic or Thai
digits; a year of 2400 or more is BE. Internally every date is a CE `datetime.date` and every
period knows the months it covers, so that "the H1 report" and "six monthly reports" can be
compared month by month. Babel cannot format BE dates, so Thai formatting is done here.
"""

from __future__ import annotations

import calendar as _cal
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property, lru_cache
from typing import Literal

BE_OFFSET = 543
BE_THRESHOLD = 2400  # a year written as 2400 or more is Buddhist Era

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def thai_digits_to_arabic(text: str) -> str:
    return text.translate(_THAI_DIGITS)


def to_ce_year(year: int) -> int:
    return year - BE_OFFSET if year >= BE_THRESHOLD else year


def be_year(year_ce: int) -> int:
    return year_ce + BE_OFFSET


_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(value: object) -> date:
    """Read a date written by an editor; raise ValueError with a plain-words reason."""
    if isinstance(value, datetime):
        raise ValueError(f"'{value.isoformat()}' has a time; write the date only, YYYY-MM-DD")
    if isinstance(value, date):  # a YAML parser read it already (as if the year were CE)
        value = value.isoformat()
    return _parse_date_text(value)


@lru_cache(maxsize=65536)
def _parse_date_text(value: object) -> date:
    if not isinstance(value, str):
        raise ValueError(f"expected a date written as YYYY-MM-DD (e.g. 2568-03-28), got {value!r}")
    m = _DATE_RE.match(thai_digits_to_arabic(value))
    if not m:
        raise ValueError(
            f"'{value}' is not a date: write YYYY-MM-DD, e.g. 2568-03-28 or 2025-03-28")
    year, month, day = (int(g) for g in m.groups())
    year_ce = to_ce_year(year)
    if not 1900 <= year_ce <= 2399:
        raise ValueError(f"'{value}': the year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError(f"'{value}' is not a real date: there is no month {month}")
    last = _cal.monthrange(year_ce, month)[1]
    if not 1 <= day <= last:
        era = "BE" if year >= BE_THRESHOLD else "CE"
        raise ValueError(
            f"'{value}' is not a real date: {THAI_MONTHS[month - 1]} {year} ({era}) has {last} days"
        )
    return date(year_ce, month, day)


def resolve_as_of(value: object = None) -> date:
    """The date a checklist is evaluated at: the given one (a --as-of flag, the plugin's
    option), else ITA_AS_OF, else today. Builds are reproducible when one is set."""
    value = value or os.environ.get("ITA_AS_OF") or None
    return parse_date(value) if value else date.today()


# --- fiscal years ---------------------------------------------------------------------------


def fiscal_year(d: date) -> int:
    """The Thai fiscal year (BE) containing `d`: FY N runs 1 Oct N-1 to 30 Sep N."""
    return be_year(d.year + (1 if d.month >= 10 else 0))


def fy_start(fy: int) -> date:
    return date(fy - BE_OFFSET - 1, 10, 1)


def fy_end(fy: int) -> date:
    return date(fy - BE_OFFSET, 9, 30)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def clamp_day(year: int, month: int, day: int | None) -> date:
    last = _cal.monthrange(year, month)[1]
    return date(year, month, last if day is None else min(day, last))


# --- periods --------------------------------------------------------------------------------

PeriodKind = Literal["year", "half", "quarter", "month"]
_PERIOD_RE = re.compile(r"^\s*(\d{4})(?:-(?:(H)([12])|(Q)([1-4])|(\d{1,2})))?\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Period:
    """A span of reporting: a fiscal year, a half, a quarter (of a fiscal year) or a month.

    `fy` is the BE fiscal year; for a month, `index` is the calendar month and `fy` the fiscal
    year containing it.
    """

    fy: int
    kind: PeriodKind
    index: int = 0

    @classmethod
    def parse(cls, value: object) -> Period:
        if isinstance(value, Period):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            return _parse_period_text(value)
        return cls._parse(value)

    @classmethod
    def _parse(cls, value: object) -> Period:
        if not isinstance(value, str):
            raise ValueError(
                f"expected a period such as 2568, 2568-H1, 2568-Q2 or 2567-10, got {value!r}"
            )
        m = _PERIOD_RE.match(thai_digits_to_arabic(value))
        if not m:
            raise ValueError(
                f"'{value}' is not a period: write a fiscal year (2568), a half (2568-H1), "
                "a quarter (2568-Q1) or a month (2567-10)"
            )
        year = int(m.group(1))
        if not 1900 <= to_ce_year(year) <= 2399:
            raise ValueError(f"'{value}': the year {year} is out of range")
        fy = be_year(to_ce_year(year))
        if m.group(2):
            return cls(fy, "half", int(m.group(3)))
        if m.group(4):
            return cls(fy, "quarter", int(m.group(5)))
        if m.group(6):
            month = int(m.group(6))
            if not 1 <= month <= 12:
                raise ValueError(f"'{value}' is not a period: there is no month {month}")
            return cls.month(to_ce_year(year), month)
        return cls(fy, "year")

    @classmethod
    def month(cls, year_ce: int, month: int) -> Period:
        return cls(fiscal_year(date(year_ce, month, 1)), "month", month)

    @cached_property
    def months(self) -> tuple[tuple[int, int], ...]:
        """The calendar months (CE year, month) the period covers, in order."""
        start_year, start_month = self._start_ym
        count = {"year": 12, "half": 6, "quarter": 3, "month": 1}[self.kind]
        return tuple(add_months(start_year, start_month, i) for i in range(count))

    @property
    def _start_ym(self) -> tuple[int, int]:
        y = self.fy - BE_OFFSET - 1  # CE year of the October that opens the fiscal year
        if self.kind == "year":
            return y, 10
        if self.kind == "half":
            return add_months(y, 10, 6 * (self.index - 1))
        if self.kind == "quarter":
            return add_months(y, 10, 3 * (self.index - 1))
        return (y if self.index >= 10 else y + 1), self.index

    @property
    def start(self) -> date:
        return date(*self.months[0], 1)

    @property
    def end(self) -> date:
        return month_end(*self.months[-1])

    def __str__(self) -> str:
        if self.kind == "year":
            return str(self.fy)
        if self.kind == "half":
            return f"{self.fy}-H{self.index}"
        if self.kind == "quarter":
            return f"{self.fy}-Q{self.index}"
        y, m = self.months[0]
        return f"{be_year(y)}-{m:02d}"

    def thai(self) -> str:
        """A label for pages: 'ปีงบประมาณ พ.ศ. 2568', 'ครึ่งปีแรก 2568 (ต.ค. 67 – มี.ค. 68)'."""
        if self.kind == "month":
            y, m = self.months[0]
            return f"{THAI_MONTHS[m - 1]} {be_year(y)}"
        span = f"{format_month_short(*self.months[0])} – {format_month_short(*self.months[-1])}"
        if self.kind == "year":
            return f"ปีงบประมาณ พ.ศ. {self.fy}"
        if self.kind == "half":
            name = "ครึ่งปีแรก" if self.index == 1 else "ครึ่งปีหลัง"
            return f"{name} ปีงบประมาณ {self.fy} ({span})"
        return f"ไตรมาส {self.index}/{self.fy} ({span})"


def periods_of(fy: int, kind: PeriodKind) -> list[Period]:
    if kind == "year":
        return [Period(fy, "year")]
    if kind == "half":
        return [Period(fy, "half", i) for i in (1, 2)]
    if kind == "quarter":
        return [Period(fy, "quarter", i) for i in (1, 2, 3, 4)]
    return [Period(fy, "month", m) for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)]


# --- Thai formatting ------------------------------------------------------------------------


def format_thai_date(d: date, short: bool = False) -> str:
    """28 มีนาคม 2568, or in short form 28 มี.ค. 68."""
    if short:
        return f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {be_year(d.year) % 100:02d}"
    return f"{d.day} {THAI_MONTHS[d.month - 1]} {be_year(d.year)}"


def format_month_short(year_ce: int, month: int) -> str:
    return f"{THAI_MONTHS_SHORT[month - 1]} {be_year(year_ce) % 100:02d}"


@lru_cache(maxsize=65536)
def _parse_period_text(value: str) -> Period:
    """Periods repeat across thousands of publications: parse each spelling once."""
    return Period._parse(value)
