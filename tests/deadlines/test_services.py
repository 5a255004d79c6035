"""Moving a report-back (officer only, with a reason that is kept) and calendar secrets."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deadlines import engine
from deadlines.models import CalendarToken, ReportBackMove
from deadlines.services import calendar_token_for, calendar_token_reset, report_back_move
from recommendations.models import Meeting, Recommendation
from recommendations.selectors import recommendations_due_for_meeting
from recommendations.services import TrackingDecision, assessments_record
from tests.factories import MeetingFactory, tracking_status

pytestmark = pytest.mark.django_db

PROGRESS_ACCEPTABLE = 4


@pytest.fixture
def meetings(committee):
    return (
        MeetingFactory(committee=committee, date=date(2012, 7, 19)),
        MeetingFactory(committee=committee, date=date(2012, 10, 11)),
    )


def test_an_officer_moves_a_report_back_and_the_reason_is_kept(recommendation, meetings, officer):
    july, october = meetings
    recommendation.report_back_meeting = july
    recommendation.save()

    move = report_back_move(
        recommendation=recommendation,
        to_meeting=october,
        reason="The placements review reports in September.",
        user=officer,
    )

    recommendation.refresh_from_db()
    assert recommendation.report_back_meeting == october
    assert recommendation.next_report_back_on == date(2012, 10, 11)
    assert (move.from_meeting, move.from_date, move.to_meeting, move.to_date) == (
        july,
        date(2012, 7, 19),
        october,
        date(2012, 10, 11),
    )
    assert move.from_label == "Meeting of 19 July 2012"
    assert move.moved_by == officer
    assert list(recommendations_due_for_meeting(october)) == [recommendation]
    assert recommendation not in recommendations_due_for_meeting(july)


def test_moves_are_kept_as_history(recommendation, meetings, officer, committee):
    july, october = meetings
    january = MeetingFactory(committee=committee, date=date(2013, 1, 17))
    recommendation.report_back_month = date(2012, 7, 1)
    recommendation.save()
    report_back_move(recommendation=recommendation, to_meeting=october, reason="One", user=officer)
    report_back_move(recommendation=recommendation, to_meeting=january, reason="Two", user=officer)
    moves = list(ReportBackMove.objects.filter(recommendation=recommendation).order_by("pk"))
    assert [(m.from_label, m.to_meeting, m.reason) for m in moves] == [
        ("July 2012", october, "One"),
        ("Meeting of 11 October 2012", january, "Two"),
    ]


def test_a_moved_repeat_carries_on_from_the_new_meeting(recommendation, meetings, officer):
    july, october = meetings
    recommendation.report_back_month = date(2012, 7, 1)
    recommendation.report_back_every_months = 6
    recommendation.save()
    report_back_move(
        recommendation=recommendation, to_meeting=october, reason="Later", user=officer
    )
    recommendation.refresh_from_db()
    assert recommendation.report_back_month is None
    assert recommendation.report_back_every_months == 6
    assessments_record(
        meeting=october,
        decisions=[TrackingDecision(recommendation, tracking_status(PROGRESS_ACCEPTABLE))],
        user=officer,
    )
    recommendation.refresh_from_db()
    assert recommendation.next_report_back.due_on == date(2013, 4, 1)
    deadline = [
        d
        for d in engine.deadlines_for(Recommendation.objects.filter(pk=recommendation.pk))
        if d.kind == engine.REPORT_BACK
    ][0]
    assert deadline.due_on == date(2013, 4, 30)


@pytest.mark.parametrize("role", ["member", "director_a"])
def test_only_an_officer_may_move_a_report_back(request, role, recommendation, meetings):
    with pytest.raises(PermissionDenied):
        report_back_move(
            recommendation=recommendation,
            to_meeting=meetings[1],
            reason="Because",
            user=request.getfixturevalue(role),
        )
    assert not ReportBackMove.objects.exists()


def test_a_move_needs_a_reason_and_a_meeting_of_the_same_board(recommendation, meetings, officer):
    with pytest.raises(ValidationError) as error:
        report_back_move(
            recommendation=recommendation, to_meeting=meetings[1], reason="  ", user=officer
        )
    assert "reason" in error.value.error_dict
    other_board = MeetingFactory(date=date(2012, 10, 11))
    with pytest.raises(ValidationError) as error:
        report_back_move(
            recommendation=recommendation, to_meeting=other_board, reason="x", user=officer
        )
    assert "to_meeting" in error.value.error_dict
    cancelled = MeetingFactory(
        committee=meetings[0].committee, date=date(2012, 9, 1), status=Meeting.Status.CANCELLED
    )
    with pytest.raises(ValidationError):
        report_back_move(
            recommendation=recommendation, to_meeting=cancelled, reason="x", user=officer
        )
    assert not ReportBackMove.objects.exists()
    recommendation.refresh_from_db()
    assert recommendation.report_back_meeting is None


def test_a_move_cannot_go_back_before_the_last_decision(recommendation, meetings, officer):
    july, october = meetings
    recommendation.report_back_meeting = october
    recommendation.report_back_every_months = 6
    recommendation.save()
    assessments_record(
        meeting=october,
        decisions=[TrackingDecision(recommendation, tracking_status(PROGRESS_ACCEPTABLE))],
        user=officer,
    )
    recommendation.refresh_from_db()
    with pytest.raises(ValidationError):
        report_back_move(recommendation=recommendation, to_meeting=july, reason="x", user=officer)


def test_resetting_the_calendar_secret_replaces_it(officer):
    token = calendar_token_for(officer)
    assert calendar_token_for(officer) == token
    old_secret = token.secret
    assert len(old_secret) >= 40
    reset = calendar_token_reset(user=officer)
    assert reset.secret != old_secret
    assert reset.reset_at is not None
    assert not CalendarToken.objects.filter(secret=old_secret).exists()
