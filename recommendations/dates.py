"""Calendar arithmetic for deadlines and report-backs (pure functions, no database)."""

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Dec + 2 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def last_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def days_late(day: date | None, today: date) -> int:
    """Whole days `today` is past `day`; 0 when there is no day or it has not passed."""
    if day is None:
        return 0
    return max((today - day).days, 0)


def municipal_year(day: date) -> str:
    """The May-to-May municipal year a date falls in, as councils write it: '25/26'."""
    start = day.year if day.month >= 5 else day.year - 1
    return f"{start % 100:02d}/{(start + 1) % 100:02d}"
