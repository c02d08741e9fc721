"""Which periods an item owes, and by when (DESIGN section 4).

A deadline is the due date of the first period of the fiscal year; later periods follow at
the same distance from their own end. Without one: the end of the month after the period,
and January of the fiscal year for annual items.

An item "owes" in fiscal year N every period whose due date falls inside N. This is the
DESIGN rule ("the periods of the fiscal year that contains as_of", plus the annual report on
the previous year that falls due in this one) stated once for every frequency: September's
monthly report, Q4 and H2 fall due in October, so they are checked in the year they fall due
instead of never.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .calendar import Period, add_months, clamp_day, fy_end, fy_start, periods_of
from .models import Deadline

_KIND = {"monthly": "month", "quarterly": "quarter", "semiannual": "half"}
# the month (1-12) in which the first period of a fiscal year ends
_FIRST_END_MONTH = {"month": 10, "quarter": 12, "half": 3}
DEFAULT_ANNUAL_MONTH = 1


@dataclass(frozen=True, order=True)
class Owed:
    due: date
    period: Period


def due_date(period: Period, frequency: str, deadline: Deadline | None,
             scope: str = "current_fy") -> date:
    if frequency == "annual":
        # a report on the previous fiscal year falls due inside the next one
        due_fy = period.fy + (1 if scope == "previous_fy" else 0)
        month = deadline.month if deadline and deadline.month else DEFAULT_ANNUAL_MONTH
        year = due_fy - 543 - (1 if month >= 10 else 0)
        return clamp_day(year, month, deadline.day if deadline else None)
    end_year, end_month = period.months[-1]
    offset = 1
    if deadline is not None and deadline.month is not None:
        offset = (deadline.month - _FIRST_END_MONTH[period.kind]) % 12
    year, month = add_months(end_year, end_month, offset)
    return clamp_day(year, month, deadline.day if deadline else None)


def owed_in(fy: int, frequency: str, scope: str, deadline: Deadline | None) -> list[Owed]:
    """The periods whose due date falls in fiscal year `fy`, earliest first."""
    if frequency == "on_change":
        return []
    if frequency == "annual":
        period = Period(fy - 1 if scope == "previous_fy" else fy, "year")
        return [Owed(due_date(period, frequency, deadline, scope), period)]
    kind = _KIND[frequency]
    start, end = fy_start(fy), fy_end(fy)
    owed = [
        Owed(due, p)
        for year in (fy - 1, fy)
        for p in periods_of(year, kind)  # type: ignore[arg-type]
        if start <= (due := due_date(p, frequency, deadline)) <= end
    ]
    return sorted(owed)
