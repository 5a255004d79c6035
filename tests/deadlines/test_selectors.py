"""The deadline rules: response clock, report-backs from meetings, months and repeats,
statements at risk, moved report-backs, and the work programme."""

from datetime import date, timedelta

import pytest

from council.models import CouncilSettings
from deadlines import selectors
from deadlines.engine import (
    AT_RISK,
    DUE_SOON,
    OVERDUE,
    REPORT_BACK,
    RESPONSE,
    SUBMITTED,
    UPCOMING,
    deadlines_by_id,
    deadlines_for,
)
from deadlines.selectors import needing_attention, work_programme
from recommendations.models import Meeting, Recommendation
from recommendations.selectors import recommendations_due_for_meeting
from recommendations.services import TrackingDecision, assessments_record
from responses import services as response_services
from tests.factories import (
    CommitteeFactory,
    DirectorateUserFactory,
    InquiryFactory,
    MeetingFactory,
    OfficerFactory,
    RecommendationFactory,
    ReportFactory,
    submitted_response,
    tracking_status,
)

pytestmark = pytest.mark.django_db

PROGRESS_ACCEPTABLE = 4
ACHIEVED = 2


def _deadline(recommendation, kind, **kwargs):
    found = [
        d
        for d in deadlines_for(Recommendation.objects.filter(pk=recommendation.pk), **kwargs)
        if d.kind == kind
    ]
    return found[0] if found else None


def _report(committee=None, **kwargs):
    committee = committee or CommitteeFactory()
    return ReportFactory(inquiry=InquiryFactory(committee=committee), **kwargs)


def _submit_statement(recommendation, due_on, meeting=None):
    author = DirectorateUserFactory(directorate=recommendation.directorate)
    draft = response_services.position_statement_save_draft(
        recommendation=recommendation,
        user=author,
        report_back_due_on=due_on,
        meeting=meeting,
        text="Progress is being made.",
    )
    return response_services.position_statement_submit(statement=draft, user=author)


# --- The response clock ---------------------------------------------------------


def test_a_response_is_overdue_the_day_after_its_deadline_with_days_late(recommendation):
    deadline = _deadline(recommendation, RESPONSE)
    assert deadline.due_on == date(2012, 4, 10)  # received 10 February + two months
    assert deadline.state(date(2012, 4, 10)) == DUE_SOON
    assert deadline.days_late(date(2012, 4, 10)) == 0
    assert deadline.state(date(2012, 4, 11)) == OVERDUE
    assert deadline.days_late(date(2012, 4, 11)) == 1
    assert deadline.days_late(date(2012, 5, 10)) == 30


def test_the_response_clock_clamps_to_the_end_of_a_shorter_month():
    report = _report(published_on=date(2011, 12, 20), received_on=date(2011, 12, 31))
    recommendation = RecommendationFactory(report=report)
    assert _deadline(recommendation, RESPONSE).due_on == date(2012, 2, 29)  # a leap year


def test_a_submitted_response_is_no_longer_owed(recommendation):
    submitted_response(recommendation)
    assert _deadline(recommendation, RESPONSE) is None
    kept = _deadline(recommendation, RESPONSE, include_submitted=True)
    assert kept.state(date(2013, 1, 1)) == SUBMITTED
    assert kept.days_late(date(2013, 1, 1)) == 0


def test_a_report_not_yet_received_has_no_response_deadline():
    recommendation = RecommendationFactory(report=_report(received_on=None))
    assert _deadline(recommendation, RESPONSE) is None


# --- Report-backs ---------------------------------------------------------------


def test_a_month_report_back_runs_to_the_months_end():
    recommendation = RecommendationFactory(report_back_month=date(2012, 7, 1))
    deadline = _deadline(recommendation, REPORT_BACK)
    assert deadline.due_on == date(2012, 7, 31)
    assert deadline.meeting is None
    # No meeting in July: the statement is wanted 10 days before the month's end.
    assert deadline.statement_due_on == date(2012, 7, 21)
    assert deadline.state(date(2012, 7, 31)) == AT_RISK
    assert deadline.state(date(2012, 8, 1)) == OVERDUE
    assert deadline.days_late(date(2012, 8, 3)) == 3


def test_a_month_report_back_is_taken_at_the_boards_meeting_in_that_month():
    committee = CommitteeFactory()
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    recommendation = RecommendationFactory(
        report=_report(committee), report_back_month=date(2012, 7, 1)
    )
    deadline = _deadline(recommendation, REPORT_BACK)
    assert deadline.meeting == meeting
    assert deadline.statement_due_on == date(2012, 7, 9)
    assert deadline.state(date(2012, 6, 1)) == UPCOMING
    assert deadline.state(date(2012, 6, 25)) == DUE_SOON
    assert deadline.state(date(2012, 7, 10)) == AT_RISK
    assert deadline.days_past_statement_date(date(2012, 7, 10)) == 1
    assert deadline.days_late(date(2012, 7, 10)) == 0


def test_the_statement_notice_period_is_a_council_setting():
    CouncilSettings.objects.create(statement_due_days_before_meeting=14)
    committee = CommitteeFactory()
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    recommendation = RecommendationFactory(report=_report(committee), report_back_meeting=meeting)
    assert _deadline(recommendation, REPORT_BACK).statement_due_on == date(2012, 7, 5)


def test_a_report_back_at_a_meeting_is_overdue_once_the_meeting_passes_without_a_statement():
    committee = CommitteeFactory()
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    recommendation = RecommendationFactory(report=_report(committee), report_back_meeting=meeting)
    deadline = _deadline(recommendation, REPORT_BACK)
    assert (deadline.due_on, deadline.meeting) == (date(2012, 7, 19), meeting)
    assert deadline.state(date(2012, 7, 19)) == AT_RISK
    assert deadline.state(date(2012, 7, 20)) == OVERDUE

    _submit_statement(recommendation, date(2012, 7, 19), meeting)
    assert _deadline(recommendation, REPORT_BACK) is None
    assert _deadline(recommendation, REPORT_BACK, include_submitted=True).submitted


def test_a_repeat_moves_on_after_each_tracking_decision():
    committee = CommitteeFactory()
    july = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    recommendation = RecommendationFactory(
        report=_report(committee),
        report_back_month=date(2012, 7, 1),
        report_back_every_months=6,
    )
    assert _deadline(recommendation, REPORT_BACK).due_on == date(2012, 7, 31)
    assessments_record(
        meeting=july,
        decisions=[TrackingDecision(recommendation, tracking_status(PROGRESS_ACCEPTABLE))],
        user=OfficerFactory(),
    )
    recommendation.refresh_from_db()
    deadline = _deadline(recommendation, REPORT_BACK)
    assert deadline.occurrence.due_on == date(2013, 1, 1)
    assert deadline.due_on == date(2013, 1, 31)


def test_monitoring_ended_means_no_report_back():
    committee = CommitteeFactory()
    july = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    recommendation = RecommendationFactory(report=_report(committee), report_back_meeting=july)
    assessments_record(
        meeting=july,
        decisions=[TrackingDecision(recommendation, tracking_status(ACHIEVED))],
        user=OfficerFactory(),
    )
    recommendation.refresh_from_db()
    assert _deadline(recommendation, REPORT_BACK) is None


def test_needing_attention_sorts_responses_report_backs_and_statements(committee, published_report):
    july = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    MeetingFactory(committee=committee, date=date(2012, 8, 9))  # takes August's report-backs
    first, second, third = published_report.recommendations.order_by("number")
    submitted_response(first)
    submitted_response(second)
    Recommendation.objects.filter(pk=first.pk).update(report_back_meeting=july)
    first.refresh_from_db()
    first.save()  # stores next_report_back_on
    second.report_back_month = date(2012, 8, 1)
    second.save()
    attention = needing_attention(Recommendation.objects.all(), date(2012, 7, 25))
    assert [d.recommendation for d in attention.overdue_responses] == [third]
    assert attention.overdue_responses[0].days_late(date(2012, 7, 25)) == 106
    assert [d.recommendation for d in attention.overdue_report_backs] == [first]
    assert not attention.at_risk_statements


def test_the_three_attention_lists_read_their_deadlines_in_one_pass(
    committee, published_report, django_assert_num_queries
):
    """Each list chooses its ids and counts them (one query each); the rows of all three
    are then read with their deadlines together (the rows, their submitted responses and
    statements, and the meetings that take them), whatever each list holds."""
    MeetingFactory(committee=committee, date=date(2012, 7, 19))
    first, second, _ = published_report.recommendations.order_by("number")
    second.report_back_month = date(2012, 6, 1)  # the end of June passed with nothing
    second.save()
    needing_attention(Recommendation.objects.all(), date(2012, 7, 25))  # settings read

    with django_assert_num_queries(3 + 4):
        attention = needing_attention(Recommendation.objects.all(), date(2012, 7, 25))

    assert first in [d.recommendation for d in attention.overdue_responses]
    assert [d.recommendation for d in attention.overdue_report_backs] == [second]


# --- The work programme -------------------------------------------------------------


def test_the_work_programme_places_meetings_months_repeats_and_responses(committee, officer):
    june = MeetingFactory(committee=committee, date=date(2012, 6, 14))
    july = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    MeetingFactory(committee=committee, date=date(2012, 9, 13), status=Meeting.Status.CANCELLED)
    october = MeetingFactory(committee=committee, date=date(2012, 10, 11))
    january = MeetingFactory(committee=committee, date=date(2013, 1, 17))
    report = _report(committee, published_on=date(2012, 4, 1), received_on=date(2012, 4, 20))
    at_meeting = RecommendationFactory(report=report, number=1, report_back_meeting=october)
    by_month = RecommendationFactory(report=report, number=2, report_back_month=date(2012, 7, 1))
    repeating = RecommendationFactory(
        report=report, number=3, report_back_month=date(2012, 7, 1), report_back_every_months=6
    )
    _submit_statement(by_month, date(2012, 7, 1))
    submitted_response(at_meeting)

    programme = work_programme(committee, Recommendation.objects.all(), date(2012, 6, 1))

    assert [entry.meeting for entry in programme] == [june, july, october, january]
    by_meeting = {entry.meeting: entry for entry in programme}
    assert [d.recommendation for d in by_meeting[july].report_backs] == [by_month, repeating]
    assert by_meeting[july].report_backs[0].submitted
    assert [d.recommendation for d in by_meeting[october].report_backs] == [at_meeting]
    # A repeat is placed once the board has taken the report-back before it: until then
    # it is not due at January's meeting, whose tracking form would not take it.
    assert not by_meeting[january].report_backs
    # Responses are due 20 June: before the July meeting; one is in already.
    assert {d.recommendation for d in by_meeting[july].responses} == {
        at_meeting,
        by_month,
        repeating,
    }
    assert by_meeting[july].submitted_count == 2
    assert not by_meeting[june].responses

    assessments_record(
        meeting=july,
        decisions=[TrackingDecision(repeating, tracking_status(PROGRESS_ACCEPTABLE))],
        user=officer,
    )
    programme = work_programme(committee, Recommendation.objects.all(), date(2012, 8, 1))
    by_meeting = {entry.meeting: entry for entry in programme}
    assert [(d.recommendation, d.occurrence.due_on) for d in by_meeting[january].report_backs] == [
        (repeating, date(2013, 1, 1))
    ]


def test_late_business_goes_to_the_next_meeting_of_the_programme(committee, published_report):
    MeetingFactory(committee=committee, date=date(2012, 5, 10))
    next_meeting = MeetingFactory(committee=committee, date=date(2012, 9, 20))
    first = published_report.recommendations.get(number=1)
    first.report_back_month = date(2012, 6, 1)
    first.save()
    programme = work_programme(committee, Recommendation.objects.all(), date(2012, 7, 1))
    assert [entry.meeting for entry in programme] == [next_meeting]
    (entry,) = programme
    # All three responses were due 10 April and none is in.
    assert len(entry.responses) == 3
    assert all(d.state(date(2012, 7, 1)) == OVERDUE for d in entry.responses)
    assert [d.recommendation for d in entry.report_backs] == [first]
    assert entry.report_backs[0].state(date(2012, 7, 1)) == OVERDUE


@pytest.mark.parametrize(
    "start, listed",
    [
        (None, [1, 2, 3, 4, 5, 6, 20, 21]),  # November's is after the year shown
        # From July: what falls due by 14 June is the June meeting's business, not July's.
        (date(2012, 7, 1), [3, 4, 5, 6, 20, 21]),
    ],
)
def test_each_meeting_of_the_programme_lists_what_the_meeting_page_would_take(
    committee, start, listed
):
    """The programme places a year's report-backs in one query; each meeting's are those
    the meeting's own page takes (`recommendations_due_for_meeting`), falling due since
    the meeting before."""
    today = date(2012, 6, 1)
    meetings = [
        MeetingFactory(committee=committee, date=day)
        for day in (date(2012, 6, 14), date(2012, 7, 19), date(2012, 10, 11))
    ]
    MeetingFactory(committee=committee, date=date(2012, 9, 6), status=Meeting.Status.CANCELLED)
    report = _report(committee, published_on=date(2011, 1, 5), received_on=date(2011, 1, 10))
    months = [date(2011, 9, 1), date(2012, 6, 1), date(2012, 7, 1), date(2012, 8, 1)]
    months += [date(2012, 9, 1), date(2012, 10, 1), date(2012, 11, 1)]
    for number, month in enumerate(months, start=1):
        RecommendationFactory(report=report, number=number, report_back_month=month)
    RecommendationFactory(report=report, number=20, report_back_meeting=meetings[1])
    RecommendationFactory(report=report, number=21, report_back_meeting=meetings[2])

    programme = work_programme(committee, Recommendation.objects.all(), today, start=start)

    previous = None
    shown = [meeting for meeting in meetings if start is None or meeting.date >= start]
    for entry, meeting in zip(programme, shown, strict=True):
        taken = recommendations_due_for_meeting(meeting, Recommendation.objects.all(), today=today)
        if previous is not None:
            taken = taken.filter(next_report_back_on__gt=previous)
        assert {d.recommendation.number for d in entry.report_backs} == {
            rec.number for rec in taken
        }, meeting.date
        previous = meeting.date
    numbers = [d.recommendation.number for entry in programme for d in entry.report_backs]
    assert sorted(numbers) == listed


def test_the_first_meeting_takes_responses_late_from_before_then_those_due_since(committee):
    """Outstanding ones from before the board last met come first, then every response
    due since (submitted or not); one submitted before the board last met is not listed.
    The limit runs across both."""
    MeetingFactory(committee=committee, date=date(2012, 5, 10))  # the board last met
    first = MeetingFactory(committee=committee, date=date(2012, 9, 20))
    old = _report(committee, published_on=date(2012, 1, 5), received_on=date(2012, 1, 10))
    old_outstanding = RecommendationFactory(report=old, number=1)
    submitted_response(RecommendationFactory(report=old, number=2))
    recent = _report(committee, published_on=date(2012, 5, 15), received_on=date(2012, 5, 20))
    recent_submitted = RecommendationFactory(report=recent, number=1)
    submitted_response(recent_submitted)
    recent_outstanding = RecommendationFactory(report=recent, number=2)

    (entry,) = work_programme(committee, Recommendation.objects.all(), date(2012, 6, 1))
    (bounded,) = work_programme(committee, Recommendation.objects.all(), date(2012, 6, 1), limit=2)

    assert entry.meeting == first
    assert [d.recommendation for d in entry.responses] == [
        old_outstanding,
        recent_submitted,
        recent_outstanding,
    ]
    assert entry.submitted_count == 1
    assert [d.recommendation for d in bounded.responses] == [old_outstanding, recent_submitted]
    assert bounded.responses.total == 3


def test_the_programme_only_shows_what_the_user_may_read(committee, anonymous):
    MeetingFactory(committee=committee, date=date(2012, 7, 19))
    exempt = _report(committee, is_exempt=True, exempt_rule="10.4(3)")
    RecommendationFactory(report=exempt, report_back_month=date(2012, 7, 1))
    from recommendations.selectors import recommendations_visible_to

    programme = work_programme(committee, recommendations_visible_to(anonymous), date(2012, 6, 1))
    assert not programme[0].report_backs
    assert selectors.work_programme(committee, Recommendation.objects.all(), date(2012, 6, 1))[
        0
    ].report_backs


@pytest.mark.parametrize("late", [2, 7])
def test_the_programme_reads_a_bounded_number_of_rows_per_meeting(
    committee, late, django_assert_num_queries
):
    """However much is late, a meeting lists at most `limit` of each kind, counts the
    rest, and the programme's queries stay the same."""
    MeetingFactory(committee=committee, date=date(2012, 7, 19))
    MeetingFactory(committee=committee, date=date(2012, 10, 11))
    report = _report(committee, published_on=date(2012, 1, 5), received_on=date(2012, 1, 10))
    for number in range(1, late + 1):
        RecommendationFactory(report=report, number=number, report_back_month=date(2012, 3, 1))
    work_programme(committee, Recommendation.objects.all(), date(2012, 6, 1))  # settings read

    with django_assert_num_queries(9):
        programme = work_programme(
            committee, Recommendation.objects.all(), date(2012, 6, 1), limit=3
        )

    july = programme[0]
    assert len(july.report_backs) == min(late, 3)
    assert july.report_backs.total == late
    assert july.responses.total == late
    assert not programme[1].report_backs


@pytest.mark.parametrize("meetings", [1, 6])
def test_the_programme_reads_the_same_queries_however_many_meetings_it_shows(
    committee, meetings, django_assert_num_queries
):
    report = _report(committee, published_on=date(2012, 1, 5), received_on=date(2012, 1, 10))
    for number in range(1, 4):
        RecommendationFactory(report=report, number=number, report_back_month=date(2012, 3, 1))
    for month in range(meetings):
        MeetingFactory(committee=committee, date=date(2012, 7 + month, 19))
    work_programme(committee, Recommendation.objects.all(), date(2012, 6, 1))  # settings read

    with django_assert_num_queries(9):
        programme = work_programme(committee, Recommendation.objects.all(), date(2012, 6, 1))

    assert len(programme) == meetings
    assert programme[0].report_backs.total == 3


def test_the_calendar_holds_the_nearest_deadlines_either_side_of_today(committee, officer):
    today = date(2012, 6, 1)
    recommendations = []
    for days_ago in (5, 10, 20, 40):
        report = _report(
            committee,
            published_on=today - timedelta(days=days_ago + 70),
            received_on=today - timedelta(days=days_ago + 61),
        )
        recommendations.append(RecommendationFactory(report=report, number=1))

    content = selectors.calendar_for(officer, today, nearest=2)

    late = {d.recommendation for d in content.deadlines if d.kind == RESPONSE}
    assert late == set(recommendations[:2])  # the two nearest today, not the oldest


def test_deadlines_by_id_give_each_row_with_its_deadlines_and_none_for_a_gone_id(
    django_assert_num_queries,
):
    received = _report()  # received 15 March 2012: the response is due two months on
    with_response_due = RecommendationFactory(report=received, number=1)
    not_received = RecommendationFactory(report=_report(unpublished=True), number=1)

    # The rows, their submissions and the meetings that may take their report-backs.
    with django_assert_num_queries(4):
        found = deadlines_by_id([with_response_due.pk, not_received.pk, 0])
        # The rows come with what lists show of them.
        titles = [found[pk].recommendation.report.committee.name for pk in found if pk]

    assert found[with_response_due.pk].recommendation == with_response_due
    assert found[with_response_due.pk].response.due_on == date(2012, 5, 15)
    # No deadline yet, but the row is there for the worklist to show.
    assert found[not_received.pk].recommendation == not_received
    assert found[not_received.pk].response is None
    assert found[0].recommendation is None
    assert len(titles) == 2
