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


@pytest.mark.parametrize(
    ("meeting_on", "month", "every_months", "last_assessed_on", "due"),
    [
        pytest.param(None, None, None, None, None, id="no requirement means no report-back"),
        pytest.param(
            APRIL_MEETING,
            JULY,
            None,
            None,
            ReportBackOccurrence(APRIL_MEETING, at_meeting=True),
            id="meeting and month: first due at the April meeting",
        ),
        pytest.param(
            APRIL_MEETING,
            JULY,
            None,
            APRIL_MEETING,
            ReportBackOccurrence(JULY, at_meeting=False),
            id="meeting and month: after the April assessment, due in July",
        ),
        pytest.param(
            None,
            JULY,
            6,
            date(2012, 7, 10),
            ReportBackOccurrence(date(2013, 1, 1), at_meeting=False),
            id="six-monthly: after a July assessment, due next January",
        ),
        pytest.param(
            None,
            JULY,
            6,
            date(2013, 1, 22),
            ReportBackOccurrence(date(2013, 7, 1), at_meeting=False),
            id="six-monthly: keeps repeating after each assessment",
        ),
        pytest.param(
            APRIL_MEETING,
            JULY,
            None,
            date(2012, 7, 24),
            None,
            id="assessed past every occurrence of a non-repeating requirement: none",
        ),
        pytest.param(
            None,
            JULY,
            None,
            date(2012, 6, 5),
            ReportBackOccurrence(JULY, at_meeting=False),
            id="an assessment before the report-back does not answer it",
        ),
    ],
)
def test_the_next_report_back(meeting_on, month, every_months, last_assessed_on, due):
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
