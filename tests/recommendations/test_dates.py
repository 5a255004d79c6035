"""Calendar arithmetic behind response deadlines and report-backs."""

from datetime import date

import pytest

from recommendations.dates import add_months, first_of_month, last_of_month, municipal_year


def test_add_months_keeps_the_day_when_the_target_month_has_it():
    assert add_months(date(2012, 4, 15), 2) == date(2012, 6, 15)


def test_add_months_clamps_31_december_plus_two_to_28_february():
    assert add_months(date(2022, 12, 31), 2) == date(2023, 2, 28)


def test_add_months_clamps_31_december_plus_two_to_29_february_in_a_leap_year():
    assert add_months(date(2023, 12, 31), 2) == date(2024, 2, 29)


def test_add_months_clamps_to_30_days_in_a_30_day_month():
    assert add_months(date(2012, 8, 31), 1) == date(2012, 9, 30)


def test_add_months_crosses_the_year_end():
    assert add_months(date(2012, 7, 1), 6) == date(2013, 1, 1)


def test_add_months_goes_back_with_negative_months():
    assert add_months(date(2012, 3, 31), -1) == date(2012, 2, 29)


def test_first_and_last_of_month():
    assert first_of_month(date(2012, 2, 17)) == date(2012, 2, 1)
    assert last_of_month(date(2012, 2, 17)) == date(2012, 2, 29)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 5, 1), "25/26"),
        (date(2026, 4, 30), "25/26"),
        (date(2026, 5, 1), "26/27"),
        (date(2012, 1, 15), "11/12"),
        (date(1999, 6, 1), "99/00"),
    ],
)
def test_municipal_year_runs_may_to_may(day, expected):
    assert municipal_year(day) == expected


def test_days_late_counts_whole_days_past_the_day_and_never_goes_negative():
    from recommendations.dates import days_late

    assert days_late(date(2012, 4, 28), date(2012, 5, 10)) == 12
    assert days_late(date(2012, 4, 28), date(2012, 4, 28)) == 0
    assert days_late(date(2012, 4, 28), date(2012, 4, 1)) == 0
    assert days_late(None, date(2012, 4, 1)) == 0
