"""When a recommendation is next due to be reported back on."""

from datetime import date

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


def test_no_requirement_means_no_report_back():
    assert (
        next_report_back(meeting_on=None, month=None, every_months=None, last_assessed_on=None)
        is None
    )


def test_meeting_and_month_give_two_occurrences_in_date_order():
    occurrences = list(
        report_back_occurrences(
            meeting_on=date(2012, 4, 17), month=date(2012, 7, 1), every_months=None
        )
    )
    assert [o.due_on for o in occurrences] == [date(2012, 4, 17), date(2012, 7, 1)]


def test_meeting_and_month_first_due_at_the_april_meeting():
    occurrence = next_report_back(
        meeting_on=date(2012, 4, 17),
        month=date(2012, 7, 1),
        every_months=None,
        last_assessed_on=None,
    )
    assert occurrence.due_on == date(2012, 4, 17)


def test_meeting_and_month_after_the_april_assessment_due_in_july():
    occurrence = next_report_back(
        meeting_on=date(2012, 4, 17),
        month=date(2012, 7, 1),
        every_months=None,
        last_assessed_on=date(2012, 4, 17),
    )
    assert occurrence == ReportBackOccurrence(date(2012, 7, 1), at_meeting=False)


def test_six_monthly_after_a_july_assessment_is_due_next_january():
    occurrence = next_report_back(
        meeting_on=None,
        month=date(2012, 7, 1),
        every_months=6,
        last_assessed_on=date(2012, 7, 10),
    )
    assert occurrence == ReportBackOccurrence(date(2013, 1, 1), at_meeting=False)


def test_six_monthly_keeps_repeating_after_each_assessment():
    occurrence = next_report_back(
        meeting_on=None,
        month=date(2012, 7, 1),
        every_months=6,
        last_assessed_on=date(2013, 1, 22),
    )
    assert occurrence.due_on == date(2013, 7, 1)


def test_assessed_past_every_occurrence_of_a_non_repeating_requirement_is_none():
    assert (
        next_report_back(
            meeting_on=date(2012, 4, 17),
            month=date(2012, 7, 1),
            every_months=None,
            last_assessed_on=date(2012, 7, 24),
        )
        is None
    )


def test_an_assessment_before_the_report_back_does_not_answer_it():
    occurrence = next_report_back(
        meeting_on=None,
        month=date(2012, 7, 1),
        every_months=None,
        last_assessed_on=date(2012, 6, 5),
    )
    assert occurrence.due_on == date(2012, 7, 1)


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
