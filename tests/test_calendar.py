"""The calendar: BE/CE dates, Thai digits, fiscal years, periods and Thai formatting."""

from datetime import date

import pytest
from ita_transparency.calendar import (
    Period,
    fiscal_year,
    format_thai_date,
    fy_end,
    fy_start,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2568-03-28", date(2025, 3, 28)),  # BE
        ("2025-03-28", date(2025, 3, 28)),  # CE
        ("๒๕๖๘-๐๓-๒๘", date(2025, 3, 28)),  # Thai digits
        ("2567-02-29", date(2024, 2, 29)),  # BE 2567 = 2024, a leap year
        ("2443-01-01", date(1900, 1, 1)),  # BE, the earliest year accepted
        ("2399-01-01", date(2399, 1, 1)),  # just below it: CE
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2568-02-30", "'2568-02-30' is not a real date: กุมภาพันธ์ 2568 (BE) has 28 days"),
        ("2568-02-29", "'2568-02-29' is not a real date: กุมภาพันธ์ 2568 (BE) has 28 days"),
        ("2025-13-40", "'2025-13-40' is not a real date: there is no month 13"),
        ("28/03/2568", "'28/03/2568' is not a date: write YYYY-MM-DD"),
        ("1800-01-01", "'1800-01-01': the year 1800 is out of range"),
    ],
)
def test_parse_date_rejects_impossible_dates(text, message):
    with pytest.raises(ValueError) as e:
        parse_date(text)
    assert str(e.value).startswith(message)


def test_fiscal_year_boundary():
    assert fiscal_year(date(2024, 9, 30)) == 2567
    assert fiscal_year(date(2024, 10, 1)) == 2568
    assert fy_start(2568) == date(2024, 10, 1)
    assert fy_end(2568) == date(2025, 9, 30)


@pytest.mark.parametrize(
    ("text", "canonical", "start", "end"),
    [
        ("2568", "2568", date(2024, 10, 1), date(2025, 9, 30)),
        ("2568-H1", "2568-H1", date(2024, 10, 1), date(2025, 3, 31)),
        ("2568-h2", "2568-H2", date(2025, 4, 1), date(2025, 9, 30)),
        ("2568-Q1", "2568-Q1", date(2024, 10, 1), date(2024, 12, 31)),
        ("2568-Q4", "2568-Q4", date(2025, 7, 1), date(2025, 9, 30)),
        ("2567-10", "2567-10", date(2024, 10, 1), date(2024, 10, 31)),
        ("2024-10", "2567-10", date(2024, 10, 1), date(2024, 10, 31)),  # CE month
        ("2025", "2568", date(2024, 10, 1), date(2025, 9, 30)),  # CE fiscal year
        ("๒๕๖๘-H1", "2568-H1", date(2024, 10, 1), date(2025, 3, 31)),
        ("2567-02", "2567-02", date(2024, 2, 1), date(2024, 2, 29)),  # leap February
    ],
)
def test_periods(text, canonical, start, end):
    p = Period.parse(text)
    assert (str(p), p.start, p.end) == (canonical, start, end)


def test_a_month_belongs_to_the_fiscal_year_it_falls_in():
    assert Period.parse("2567-10").fy == 2568
    assert Period.parse("2567-09").fy == 2567
    assert Period.parse(2568) == Period(2568, "year")  # YAML reads a bare year as a number


def test_half_covers_its_six_months():
    assert Period.parse("2568-H1").months == tuple(
        Period.parse(m).months[0] for m in
        ("2567-10", "2567-11", "2567-12", "2568-01", "2568-02", "2568-03"))


@pytest.mark.parametrize("text", ["2568-H3", "2568-Q5", "2567-13", "H1-2568", "25680"])
def test_bad_periods(text):
    with pytest.raises(ValueError):
        Period.parse(text)


def test_thai_dates():
    assert format_thai_date(date(2025, 3, 28)) == "28 มีนาคม 2568"
    assert format_thai_date(date(2025, 3, 28), short=True) == "28 มี.ค. 68"
    assert format_thai_date(date(2024, 10, 1)) == "1 ตุลาคม 2567"
    assert Period.parse("2568-H1").thai() == "ครึ่งปีแรก ปีงบประมาณ 2568 (ต.ค. 67 – มี.ค. 68)"
    assert Period.parse("2567-11").thai() == "พฤศจิกายน 2567"
