"""Weekend and bank-holiday flags beside deadlines (the council's region, England and
Wales by default), never moving them."""

from datetime import date

import pytest

from council.models import BankHolidayRegion, CouncilSettings
from deadlines.days import bank_holiday_name, non_working_day, previous_working_day
from deadlines.templatetags.deadlines import day_flag

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "flag"),
    [
        (date(2012, 7, 19), None),  # a Thursday board meeting
        (date(2012, 7, 21), "Saturday"),
        (date(2012, 7, 22), "Sunday"),
        (date(2012, 4, 6), "bank holiday"),  # Good Friday
        (date(2012, 4, 9), "bank holiday"),  # Easter Monday
        (date(2012, 6, 5), "bank holiday"),  # Diamond Jubilee
        (date(2012, 12, 25), "bank holiday"),
        (date(2012, 1, 2), "bank holiday"),  # New Year's Day (substitute day)
        (date(2012, 1, 1), "Sunday"),  # New Year's Day itself fell on a Sunday
        (date(2012, 3, 17), "Saturday"),
        (date(2012, 3, 19), None),  # St Patrick's Day substitute: Northern Ireland only
    ],
)
def test_non_working_days_in_england(day, flag):
    assert non_working_day(day) == flag


def test_the_flag_is_shown_beside_the_date_and_nothing_on_a_working_day():
    assert day_flag(date(2012, 4, 6)) == " (bank holiday)"
    assert day_flag(date(2012, 4, 7)) == " (Saturday)"
    assert day_flag(date(2012, 4, 10)) == ""
    assert day_flag(None) == ""


def test_bank_holidays_are_named_and_the_previous_working_day_is_found():
    assert bank_holiday_name(date(2012, 4, 9)) == "Easter Monday"
    assert previous_working_day(date(2012, 4, 9)) == date(2012, 4, 5)  # before Good Friday
    assert previous_working_day(date(2012, 7, 19)) == date(2012, 7, 19)


def test_a_scottish_council_sees_scottish_bank_holidays():
    CouncilSettings.objects.create(bank_holiday_region=BankHolidayRegion.SCOTLAND)
    assert non_working_day(date(2012, 1, 3)) == "bank holiday"  # 2 January (substitute)
    assert non_working_day(date(2012, 4, 9)) is None  # Easter Monday is not one in Scotland


def test_a_northern_irish_council_sees_st_patricks_day():
    CouncilSettings.objects.create(bank_holiday_region=BankHolidayRegion.NORTHERN_IRELAND)
    assert non_working_day(date(2012, 3, 19)) == "bank holiday"
