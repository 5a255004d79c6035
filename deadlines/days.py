"""Whether a deadline falls on a weekend or a bank holiday in England.

Statutory dates are never moved: this only says so beside the date, so that people see
that "15 April" is Easter Monday and plan for the working day before.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> holidays.HolidayBase:
    region = settings.BANK_HOLIDAY_REGION
    return holidays.country_holidays("GB", subdiv=region, years=year)


def bank_holiday_name(day: date) -> str | None:
    """The bank holiday's name ('Easter Monday') or None. A holiday that falls on a
    weekend (New Year's Day on a Sunday) is not a bank holiday: its substitute is."""
    if day.weekday() >= 5:
        return None
    return _bank_holidays(day.year).get(day)


def non_working_day(day: date | None) -> str | None:
    """'Saturday', 'Sunday', 'bank holiday' or None for a working day."""
    if day is None:
        return None
    if day.weekday() >= 5:
        return f"{day:%A}"
    if bank_holiday_name(day):
        return "bank holiday"
    return None


def previous_working_day(day: date) -> date:
    """The last working day on or before `day` (for advice, never to move a deadline)."""
    while non_working_day(day):
        day -= timedelta(days=1)
    return day
