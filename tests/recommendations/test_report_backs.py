"""When a recommendation is next due to be reported back on."""

from datetime import date

import pytest

from recommendations.report_backs import (
    ReportBackOccurrence,
    next_report_back,
    report_back_occurrences,
)


def test_month_only_is_due_from_the_first_of_that_month():
    occurrence = next_report_back(
        meeting_on=None, month=date(2012, 7, 19), every_months=None, last_assessed_on=None
    )
    assert occurrence == ReportBackOccurrence(date(2012, 7, 1), at_meeting=False)
    assert occurrence.label == "July 2012"


def test_meeting_only_is_due_on_the_meeting_date():
    occurrence = next_report_back(
        meeting_on=date(2012, 4, 17), month=None, every_months=None, last_assessed_on=None
    )
    assert occurrence == ReportBackOccurrence(date(2012, 4, 17), at_meeting=True)
    assert occurrence.label == "Meeting of 17 April 2012"


def test_meeting_and_month_give_two_occurrences_in_date_order():
    occurrences = list(
        report_back_occurrences(
            meeting_on=date(2012, 4, 17), month=date(2012, 7, 1), every_months=None
        )
    )
    assert [o.due_on for o in occurrences] == [date(2012, 4, 17), date(2012, 7, 1)]


APRIL_MEETING = date(2012, 4, 17)
JULY = date(2012, 7, 1)


def at_meeting(day: date) -> ReportBackOccurrence:
    return ReportBackOccurrence(day, at_meeting=True)


def in_month(first_day: date) -> ReportBackOccurrence:
    return ReportBackOccurrence(first_day, at_meeting=False)


# Each case: the requirement (meeting, month, every so many months), the last assessment,
# and the report-back then due.
NEXT_REPORT_BACK = {
    "no requirement means no report-back": ((None, None, None), None, None),
    "meeting and month: first due at the April meeting": (
        (APRIL_MEETING, JULY, None),
        None,
        at_meeting(APRIL_MEETING),
    ),
    "meeting and month: after the April assessment, due in July": (
        (APRIL_MEETING, JULY, None),
        APRIL_MEETING,
        in_month(JULY),
    ),
    "six-monthly: after a July assessment, due next January": (
        (None, JULY, 6),
        date(2012, 7, 10),
        in_month(date(2013, 1, 1)),
    ),
    "six-monthly: keeps repeating after each assessment": (
        (None, JULY, 6),
        date(2013, 1, 22),
        in_month(date(2013, 7, 1)),
    ),
    "assessed past every occurrence of a non-repeating requirement: none": (
        (APRIL_MEETING, JULY, None),
        date(2012, 7, 24),
        None,
    ),
    "an assessment before the report-back does not answer it": (
        (None, JULY, None),
        date(2012, 6, 5),
        in_month(JULY),
    ),
}


@pytest.mark.parametrize(
    ("requirement", "last_assessed_on", "due"),
    NEXT_REPORT_BACK.values(),
    ids=NEXT_REPORT_BACK.keys(),
)
def test_the_next_report_back(requirement, last_assessed_on, due):
    meeting_on, month, every_months = requirement
    occurrence = next_report_back(
        meeting_on=meeting_on,
        month=month,
        every_months=every_months,
        last_assessed_on=last_assessed_on,
    )
    assert occurrence == due


def test_a_month_occurrence_can_be_met_until_the_end_of_the_month():
    occurrence = ReportBackOccurrence(date(2012, 2, 1), at_meeting=False)
    assert occurrence.deadline == date(2012, 2, 29)


def test_a_month_occurrence_is_not_overdue_on_its_last_day():
    occurrence = ReportBackOccurrence(date(2012, 7, 1), at_meeting=False)
    assert not occurrence.is_overdue(date(2012, 7, 31))


def test_a_month_occurrence_is_overdue_the_day_after_the_month_ends():
    occurrence = ReportBackOccurrence(date(2012, 7, 1), at_meeting=False)
    assert occurrence.is_overdue(date(2012, 8, 1))


def test_a_meeting_occurrence_deadline_is_the_meeting_itself():
    occurrence = ReportBackOccurrence(date(2012, 4, 17), at_meeting=True)
    assert occurrence.deadline == date(2012, 4, 17)
    assert not occurrence.is_overdue(date(2012, 4, 17))
    assert occurrence.is_overdue(date(2012, 4, 18))
