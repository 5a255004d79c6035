"""Writes to the scrutiny record: saving, parts, scheduling and the board's assessments."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.services import record_save
from recommendations.models import Inquiry, Meeting, TrackingAssessment
from recommendations.services import (
    PartText,
    TrackingDecision,
    assessments_record,
    meeting_save,
    recommendation_save,
    report_back_schedule,
)
from tests.factories import (
    CommitteeFactory,
    InquiryFactory,
    MeetingFactory,
    RecommendationFactory,
    RecommendationPartFactory,
    ReportFactory,
    tracking_status,
)

pytestmark = pytest.mark.django_db

ACHIEVED = 2  # ends monitoring
PROGRESS_ACCEPTABLE = 4  # continue monitoring
PROGRESS_NOT_ACCEPTABLE = 5  # continue monitoring


def _labels_and_texts(recommendation):
    return [(part.label, part.text) for part in recommendation.parts.order_by("label")]


# record_save


def test_record_save_saves_a_valid_record(officer, committee):
    inquiry = Inquiry(committee=committee, title="Inquiry into school places")
    record_save(instance=inquiry, user=officer)
    assert Inquiry.objects.filter(title="Inquiry into school places").exists()


def test_record_save_rejects_invalid_data_and_saves_nothing(officer, committee):
    inquiry = Inquiry(
        committee=committee,
        title="Inquiry into school places",
        started_on=date(2012, 3, 1),
        concluded_on=date(2012, 2, 1),
    )
    with pytest.raises(ValidationError):
        record_save(instance=inquiry, user=officer)
    assert not Inquiry.objects.filter(title="Inquiry into school places").exists()


def test_record_save_rejects_a_second_meeting_of_a_board_on_the_same_day(officer, committee):
    MeetingFactory(committee=committee, date=date(2012, 7, 10))
    with pytest.raises(ValidationError):
        record_save(instance=Meeting(committee=committee, date=date(2012, 7, 10)), user=officer)
    assert Meeting.objects.filter(committee=committee).count() == 1


# recommendation_save


def test_recommendation_save_with_parts_replaces_the_parts(officer, recommendation):
    RecommendationPartFactory(recommendation=recommendation, label="a", text="Old a")
    RecommendationPartFactory(recommendation=recommendation, label="b", text="Old b")
    recommendation_save(
        recommendation=recommendation,
        user=officer,
        parts=[PartText("a", "New a"), PartText("c", "New c")],
    )
    assert _labels_and_texts(recommendation) == [("a", "New a"), ("c", "New c")]


def test_recommendation_save_without_parts_leaves_the_parts_alone(officer, recommendation):
    RecommendationPartFactory(recommendation=recommendation, label="a", text="Kept")
    recommendation.text = "Amended wording"
    recommendation_save(recommendation=recommendation, user=officer)
    assert _labels_and_texts(recommendation) == [("a", "Kept")]


def test_recommendation_save_rejects_duplicate_part_labels_and_keeps_the_old_parts(
    officer, recommendation
):
    RecommendationPartFactory(recommendation=recommendation, label="a", text="Old a")
    recommendation.text = "Amended wording"
    with pytest.raises(ValidationError) as error:
        recommendation_save(
            recommendation=recommendation,
            user=officer,
            parts=[PartText("a", "One"), PartText("a", "Two")],
        )
    assert "parts" in error.value.message_dict
    recommendation.refresh_from_db()
    assert _labels_and_texts(recommendation) == [("a", "Old a")]
    assert recommendation.text != "Amended wording"


def test_recommendation_save_rejects_a_number_already_used_in_the_report(officer, published_report):
    second = published_report.recommendations.get(number=2)
    second.number = 1
    with pytest.raises(ValidationError):
        recommendation_save(recommendation=second, user=officer)


# report_back_schedule


def test_report_back_schedule_normalises_the_month_to_its_first_day(officer, recommendation):
    report_back_schedule(
        recommendation=recommendation,
        user=officer,
        meeting=None,
        month=date(2012, 7, 19),
        every_months=None,
    )
    recommendation.refresh_from_db()
    assert recommendation.report_back_month == date(2012, 7, 1)
    assert recommendation.next_report_back_on == date(2012, 7, 1)


def test_report_back_schedule_rejects_a_repeat_without_a_first_report_back(officer, recommendation):
    with pytest.raises(ValidationError):
        report_back_schedule(
            recommendation=recommendation, user=officer, meeting=None, month=None, every_months=6
        )
    recommendation.refresh_from_db()
    assert recommendation.report_back_every_months is None


def test_report_back_schedule_rejects_a_meeting_of_another_board(officer, recommendation):
    other_boards_meeting = MeetingFactory(committee=CommitteeFactory(), date=date(2012, 7, 10))
    with pytest.raises(ValidationError):
        report_back_schedule(
            recommendation=recommendation,
            user=officer,
            meeting=other_boards_meeting,
            month=None,
            every_months=None,
        )


# assessments_record


@pytest.fixture
def july_meeting(committee):
    return MeetingFactory(committee=committee, date=date(2012, 7, 10))


@pytest.fixture
def january_meeting(committee):
    return MeetingFactory(committee=committee, date=date(2013, 1, 22))


@pytest.fixture
def six_monthly(officer, recommendation):
    """Recommendation 1, to report back in July 2012 and six-monthly after."""
    return report_back_schedule(
        recommendation=recommendation,
        user=officer,
        meeting=None,
        month=date(2012, 7, 1),
        every_months=6,
    )


def _record(meeting, recommendation, position, user, comment=""):
    status = tracking_status(position) if position else None
    return assessments_record(
        meeting=meeting,
        decisions=[TrackingDecision(recommendation, status, comment)],
        user=user,
    )


def test_assessments_record_creates_an_assessment(officer, july_meeting, six_monthly):
    _record(july_meeting, six_monthly, PROGRESS_ACCEPTABLE, officer, "Good progress")
    assessment = TrackingAssessment.objects.get(recommendation=six_monthly)
    assert assessment.meeting == july_meeting
    assert assessment.status == tracking_status(PROGRESS_ACCEPTABLE)
    assert assessment.comment == "Good progress"
    assert assessment.recorded_by == officer


def test_assessments_record_sets_current_status_and_last_assessed_on(
    officer, july_meeting, six_monthly
):
    _record(july_meeting, six_monthly, PROGRESS_ACCEPTABLE, officer)
    six_monthly.refresh_from_db()
    assert six_monthly.current_status == tracking_status(PROGRESS_ACCEPTABLE)
    assert six_monthly.last_assessed_on == date(2012, 7, 10)


def test_an_assessment_moves_the_next_report_back_to_the_next_repeat(
    officer, july_meeting, six_monthly
):
    _record(july_meeting, six_monthly, PROGRESS_ACCEPTABLE, officer)
    six_monthly.refresh_from_db()
    assert six_monthly.next_report_back_on == date(2013, 1, 1)


def test_every_assessment_is_kept_across_meetings(
    officer, july_meeting, january_meeting, six_monthly
):
    _record(july_meeting, six_monthly, PROGRESS_NOT_ACCEPTABLE, officer)
    _record(january_meeting, six_monthly, PROGRESS_ACCEPTABLE, officer)
    history = [(a.meeting.date, a.status.position) for a in six_monthly.assessments.all()]
    assert history == [
        (date(2012, 7, 10), PROGRESS_NOT_ACCEPTABLE),
        (date(2013, 1, 22), PROGRESS_ACCEPTABLE),
    ]
    six_monthly.refresh_from_db()
    assert six_monthly.current_status == tracking_status(PROGRESS_ACCEPTABLE)


def test_re_recording_at_the_same_meeting_corrects_the_assessment(
    officer, july_meeting, six_monthly
):
    _record(july_meeting, six_monthly, PROGRESS_NOT_ACCEPTABLE, officer, "Typo")
    _record(july_meeting, six_monthly, PROGRESS_ACCEPTABLE, officer, "Corrected")
    assessment = TrackingAssessment.objects.get(recommendation=six_monthly)
    assert assessment.status == tracking_status(PROGRESS_ACCEPTABLE)
    assert assessment.comment == "Corrected"
    six_monthly.refresh_from_db()
    assert six_monthly.current_status == tracking_status(PROGRESS_ACCEPTABLE)


def test_recording_an_older_meeting_late_does_not_overwrite_the_newer_status(
    officer, july_meeting, january_meeting, six_monthly
):
    _record(january_meeting, six_monthly, PROGRESS_ACCEPTABLE, officer)
    _record(july_meeting, six_monthly, PROGRESS_NOT_ACCEPTABLE, officer)
    six_monthly.refresh_from_db()
    assert six_monthly.current_status == tracking_status(PROGRESS_ACCEPTABLE)
    assert six_monthly.last_assessed_on == date(2013, 1, 22)
    assert six_monthly.assessments.count() == 2


def test_a_status_that_ends_monitoring_leaves_no_next_report_back(
    officer, july_meeting, six_monthly
):
    _record(july_meeting, six_monthly, ACHIEVED, officer)
    six_monthly.refresh_from_db()
    assert six_monthly.monitoring_ended
    assert six_monthly.next_report_back_on is None
    assert six_monthly.next_report_back_deadline is None


def test_a_recommendation_of_another_board_is_rejected_and_nothing_is_recorded(
    officer, july_meeting, six_monthly
):
    elsewhere = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=CommitteeFactory()))
    )
    status = tracking_status(PROGRESS_ACCEPTABLE)
    with pytest.raises(ValidationError):
        assessments_record(
            meeting=july_meeting,
            decisions=[
                TrackingDecision(six_monthly, status),
                TrackingDecision(elsewhere, status),
            ],
            user=officer,
        )
    assert not TrackingAssessment.objects.exists()
    six_monthly.refresh_from_db()
    assert six_monthly.current_status is None


def test_no_decision_at_a_meeting_records_nothing(officer, july_meeting, six_monthly):
    assert _record(july_meeting, six_monthly, None, officer) == []
    assert not TrackingAssessment.objects.exists()
    six_monthly.refresh_from_db()
    assert six_monthly.current_status is None
    assert six_monthly.next_report_back_on == date(2012, 7, 1)


def test_correcting_the_date_of_a_meeting_that_assessed_moves_last_assessed_on(
    officer, committee, recommendation
):
    report_back_schedule(
        recommendation=recommendation,
        user=officer,
        meeting=None,
        month=date(2012, 7, 1),
        every_months=None,
    )
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 3))
    _record(meeting, recommendation, PROGRESS_ACCEPTABLE, officer)
    meeting.date = date(2012, 6, 26)  # it was in fact held in June
    meeting_save(meeting=meeting, user=officer)
    recommendation.refresh_from_db()
    assert recommendation.last_assessed_on == date(2012, 6, 26)
    assert recommendation.next_report_back_on == date(2012, 7, 1)
