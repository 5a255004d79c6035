"""The deadline engine's two forms agree: what `deadlines_for` says of each item in Python
is what `with_standing` + `standing_q` select in the database, and which meeting takes a
report-back is the same in `report_back_due_at_meeting` and
`recommendations_due_for_meeting`, on generated histories."""

from datetime import date, timedelta

from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from deadlines.engine import (
    AT_RISK,
    DUE_SOON,
    OVERDUE,
    REPORT_BACK,
    RESPONSE,
    SUBMITTED,
    deadlines_for,
    standing_q,
    with_standing,
)
from recommendations.dates import first_of_month
from recommendations.models import Meeting, Recommendation, TrackingStatus
from recommendations.selectors import (
    recommendations_due_for_meeting,
    report_back_due_at_meeting,
)
from responses.models import PositionStatement, Response, ResponseState
from tests.factories import (
    CommitteeFactory,
    DirectorateUserFactory,
    InquiryFactory,
    RecommendationFactory,
    ReportFactory,
)

DAYS = st.dates(min_value=date(2012, 1, 1), max_value=date(2012, 12, 31))
MONTHS = DAYS.map(first_of_month)

recommendation_histories = st.fixed_dictionaries(
    {
        "meeting_index": st.none() | st.integers(min_value=0, max_value=5),
        "month": st.none() | MONTHS,
        "every_months": st.none() | st.sampled_from([1, 3, 6]),
        "last_assessed_on": st.none() | DAYS,
        "monitoring_ended": st.booleans(),
        "response": st.sampled_from([None, "draft", "submitted", "agreed"]),
        "statement": st.sampled_from([None, "draft", "submitted", "submitted_elsewhere"]),
    }
)

histories = st.fixed_dictionaries(
    {
        "today": DAYS,
        # Often "today" sits just either side of a boundary: N days before a meeting, the
        # reminder window's edge, the meeting itself.
        "today_near_meeting": st.none()
        | st.tuples(
            st.integers(min_value=0, max_value=5),
            st.sampled_from([-1, 0, 1, 9, 10, 11, 23, 24, 25]),
        ),
        "meetings": st.lists(st.tuples(DAYS, st.booleans()), max_size=6, unique_by=lambda m: m[0]),
        "received_on": st.none() | DAYS.map(lambda day: day - timedelta(days=90)),
        "recommendations": st.lists(recommendation_histories, min_size=1, max_size=4),
    }
)

STATES = [
    (RESPONSE, SUBMITTED),
    (RESPONSE, OVERDUE),
    (RESPONSE, DUE_SOON),
    (REPORT_BACK, SUBMITTED),
    (REPORT_BACK, OVERDUE),
    (REPORT_BACK, AT_RISK),
    (REPORT_BACK, DUE_SOON),
]


class EngineFormsAgree(TestCase):
    def build(self, history):
        committee = CommitteeFactory()
        meetings = [
            Meeting.objects.create(
                committee=committee,
                date=day,
                status=Meeting.Status.CANCELLED if cancelled else Meeting.Status.SCHEDULED,
            )
            for day, cancelled in sorted(history["meetings"])
        ]
        received = history["received_on"]
        report = ReportFactory(
            inquiry=InquiryFactory(committee=committee),
            published_on=received - timedelta(days=1) if received else date(2011, 1, 1),
            received_on=received,
        )
        ending = TrackingStatus.objects.filter(ends_monitoring=True).first()
        for number, item in enumerate(history["recommendations"], start=1):
            named = None
            if item["meeting_index"] is not None and meetings:
                named = meetings[item["meeting_index"] % len(meetings)]
            every = item["every_months"] if (named or item["month"]) else None
            recommendation = RecommendationFactory(
                report=report,
                number=number,
                report_back_meeting=named,
                report_back_month=item["month"],
                report_back_every_months=every,
            )
            recommendation.last_assessed_on = item["last_assessed_on"]
            if item["monitoring_ended"] and ending is not None:
                recommendation.current_status = ending
            recommendation.save()
            self.add_response(recommendation, item["response"])
            self.add_statement(recommendation, item["statement"])
        return committee, meetings

    def add_response(self, recommendation, state):
        if state is None:
            return
        author = DirectorateUserFactory(directorate=recommendation.directorate)
        moment = timezone.now()
        Response.objects.create(
            recommendation=recommendation,
            decision="accepted",
            text="Accepted.",
            drafted_by=author,
            state=state,
            submitted_by=None if state == "draft" else author,
            submitted_at=None if state == "draft" else moment,
            agreed_by=author if state == "agreed" else None,
            agreed_at=moment if state == "agreed" else None,
        )

    def add_statement(self, recommendation, kind):
        if kind is None or recommendation.next_report_back_on is None:
            return
        author = DirectorateUserFactory(directorate=recommendation.directorate)
        due_on = recommendation.next_report_back_on
        if kind == "submitted_elsewhere":
            due_on -= timedelta(days=1)
        PositionStatement.objects.create(
            recommendation=recommendation,
            report_back_due_on=due_on,
            text="Progress.",
            drafted_by=author,
            state=ResponseState.DRAFT if kind == "draft" else ResponseState.SUBMITTED,
            submitted_by=None if kind == "draft" else author,
            submitted_at=None if kind == "draft" else timezone.now(),
        )

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(histories)
    def test_the_database_and_python_forms_agree(self, history):
        committee, meetings = self.build(history)
        today = history["today"]
        if history["today_near_meeting"] and meetings:
            index, days_before = history["today_near_meeting"]
            today = meetings[index % len(meetings)].date - timedelta(days=days_before)
        recommendations = Recommendation.objects.filter(report__committee=committee)

        in_python = {state: set() for state in STATES}
        for deadline in deadlines_for(recommendations, include_submitted=True):
            key = (deadline.kind, deadline.state(today))
            if key in in_python:
                in_python[key].add(deadline.recommendation.pk)
        annotated = with_standing(recommendations)
        for kind, state in STATES:
            in_database = set(
                annotated.filter(standing_q(kind, state, today)).values_list("pk", flat=True)
            )
            assert in_database == in_python[(kind, state)], (kind, state)

        dates = [m.date for m in meetings if m.status != Meeting.Status.CANCELLED]
        loaded = list(recommendations.select_related("report"))
        for meeting in meetings:
            in_database = set(
                recommendations_due_for_meeting(meeting, today=today).values_list("pk", flat=True)
            )
            by_rule = {
                r.pk
                for r in loaded
                if report_back_due_at_meeting(
                    next_report_back_on=r.next_report_back_on,
                    meeting=meeting,
                    meeting_dates=dates,
                    today=today,
                )
            }
            assert in_database == by_rule, meeting.date


class EngineFormsAgreeAtTheBoundaries(TestCase):
    """Each threshold, a day either side: the statement's day, the reminder window's edge,
    the meeting, the month's end; for a named meeting and for a month."""

    def test_every_day_around_the_thresholds(self):
        committee = CommitteeFactory()
        meeting = Meeting.objects.create(committee=committee, date=date(2012, 7, 19))
        report = ReportFactory(inquiry=InquiryFactory(committee=committee))
        RecommendationFactory(report=report, number=1, report_back_meeting=meeting)
        RecommendationFactory(report=report, number=2, report_back_month=date(2012, 7, 1))
        RecommendationFactory(report=report, number=3, report_back_month=date(2012, 8, 1))
        recommendations = Recommendation.objects.filter(report=report)
        for today in [date(2012, 6, 20) + timedelta(days=n) for n in range(75)]:
            in_python = {state: set() for state in STATES}
            for deadline in deadlines_for(recommendations, include_submitted=True):
                key = (deadline.kind, deadline.state(today))
                if key in in_python:
                    in_python[key].add(deadline.recommendation.pk)
            for kind, state in STATES:
                in_database = set(
                    with_standing(recommendations)
                    .filter(standing_q(kind, state, today))
                    .values_list("pk", flat=True)
                )
                assert in_database == in_python[(kind, state)], (today, kind, state)


def test_the_meeting_index_reads_the_meetings_within_any_window_of_their_board(
    db, django_assert_num_queries
):
    from deadlines.engine import MeetingIndex
    from tests.factories import MeetingFactory

    board, other = CommitteeFactory(), CommitteeFactory()
    on = {day: MeetingFactory(committee=board, date=date(2012, 1, day)) for day in (4, 9, 15, 21)}
    MeetingFactory(committee=board, date=date(2012, 1, 12), status=Meeting.Status.CANCELLED)
    MeetingFactory(committee=board, date=date(2012, 1, 18))  # between two windows
    other_meeting = MeetingFactory(committee=other, date=date(2012, 1, 15))
    MeetingFactory(committee=other, date=date(2012, 1, 9))
    windows = [
        # Two overlapping windows of one board (read as one), a third apart from them...
        (board.pk, date(2012, 1, 5), date(2012, 1, 10)),
        (board.pk, date(2012, 1, 8), date(2012, 1, 16)),
        (board.pk, date(2012, 1, 21), date(2012, 1, 21)),
        # ...and another board's, whose days are not the first board's.
        (other.pk, date(2012, 1, 14), date(2012, 1, 16)),
    ]
    with django_assert_num_queries(1):
        index = MeetingIndex(windows)
    assert index.first_on_or_after(board.pk, date(2012, 1, 1)) == on[9]  # the 4th is outside
    assert index.first_on_or_after(board.pk, date(2012, 1, 10)) == on[15]  # 12th cancelled
    assert index.first_on_or_after(board.pk, date(2012, 1, 16)) == on[21]  # 18th not read
    assert index.first_on_or_after(other.pk, date(2012, 1, 1)) == other_meeting
