"""Emails on events, sent after the write commits; a mail failure never breaks the write."""

from datetime import date

import pytest
from django.core import mail
from django.test import override_settings

from deadlines.models import SentNotification
from deadlines.services import report_back_move
from recommendations.services import (
    TrackingDecision,
    assessments_record,
    recommendation_save,
    report_recommendations_complete,
)
from responses import services as response_services
from responses.models import ResponseState
from tests.deadlines.failing_backend import BROKEN_ADDRESS, FAILING_MAILERS
from tests.factories import (
    DirectorateUserFactory,
    MeetingFactory,
    OfficerFactory,
    RecommendationFactory,
    ResponseFactory,
    tracking_status,
)

pytestmark = pytest.mark.django_db


def test_the_officer_is_told_when_a_response_is_submitted(
    recommendation, adviser, director_a, django_capture_on_commit_callbacks
):
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)
    with django_capture_on_commit_callbacks(execute=True):
        response_services.response_submit(response=draft, user=director_a)
    (message,) = mail.outbox
    assert message.to == [adviser.email]
    assert message.subject.startswith("Response submitted: Recommendation 1")
    assert "came in" in message.body  # due 10 April 2012: submitted years later
    assert SentNotification.objects.get().stage == SentNotification.Stage.RESPONSE_SUBMITTED


def test_nothing_is_sent_when_the_write_does_not_commit(recommendation, adviser, director_a):
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)
    # The test's transaction never commits, so the callback never runs.
    response_services.response_submit(response=draft, user=director_a)
    assert mail.outbox == []


def test_the_officer_is_told_when_a_position_statement_is_submitted(
    recommendation, adviser, director_a, django_capture_on_commit_callbacks
):
    draft = response_services.position_statement_save_draft(
        recommendation=recommendation,
        user=director_a,
        report_back_due_on=date(2012, 7, 1),
        text="On track.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response_services.position_statement_submit(statement=draft, user=director_a)
    assert [m.to for m in mail.outbox] == [[adviser.email]]
    assert "Position statement submitted" in mail.outbox[0].subject


def test_saving_a_recommendation_sends_no_email(
    published_report, directorate_a, director_a, officer, django_capture_on_commit_callbacks
):
    recommendation = RecommendationFactory.build(
        report=published_report, number=9, directorate=directorate_a
    )
    with django_capture_on_commit_callbacks(execute=True):
        recommendation_save(recommendation=recommendation, user=officer)
    assert mail.outbox == []


def test_each_directorate_is_told_once_per_report_when_its_recommendations_are_complete(
    published_report,
    directorate_a,
    director_a,
    director_b,
    officer,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        report_recommendations_complete(report=published_report, user=officer)

    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert len(mail.outbox) == 2
    to_a = by_recipient[(director_a.email,)]
    assert to_a.subject.startswith("2 new recommendations for Children's Services")
    assert "Recommendation 1" in to_a.body and "Recommendation 2" in to_a.body
    assert "Recommendation 3" not in to_a.body
    assert "The response is due by 10 April 2012" in to_a.body
    assert "Recommendation 3" in by_recipient[(director_b.email,)].body

    # Said again: nobody is told twice; a recommendation added since is told alone.
    RecommendationFactory(report=published_report, number=4, directorate=directorate_a)
    with django_capture_on_commit_callbacks(execute=True):
        report_recommendations_complete(report=published_report, user=officer)
    assert len(mail.outbox) == 3
    assert mail.outbox[2].to == [director_a.email]
    assert "Recommendation 4" in mail.outbox[2].body
    assert "Recommendation 1" not in mail.outbox[2].body


def test_the_directorate_is_told_of_each_tracking_decision(
    recommendation, committee, director_a, officer, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    with django_capture_on_commit_callbacks(execute=True):
        assessments_record(
            meeting=meeting,
            decisions=[TrackingDecision(recommendation, tracking_status(4), "Keep going")],
            user=officer,
        )
    (message,) = mail.outbox
    assert message.to == [director_a.email]
    assert "Not achieved (Progress made acceptable" in message.body
    assert "Keep going" in message.body
    # Recording the same decision again tells nobody; correcting it does.
    with django_capture_on_commit_callbacks(execute=True):
        assessments_record(
            meeting=meeting,
            decisions=[TrackingDecision(recommendation, tracking_status(4), "Keep going")],
            user=officer,
        )
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assessments_record(
            meeting=meeting,
            decisions=[TrackingDecision(recommendation, tracking_status(5))],
            user=officer,
        )
    assert len(mail.outbox) == 2


def test_the_directorate_is_told_when_its_report_back_moves(
    recommendation, committee, director_a, officer, django_capture_on_commit_callbacks
):
    october = MeetingFactory(committee=committee, date=date(2012, 10, 11))
    with django_capture_on_commit_callbacks(execute=True):
        report_back_move(
            recommendation=recommendation, to_meeting=october, reason="More time", user=officer
        )
    (message,) = mail.outbox
    assert message.to == [director_a.email]
    assert "Reason: More time" in message.body


@override_settings(MAILERS=FAILING_MAILERS)
def test_a_mail_failure_does_not_break_the_submission(
    recommendation, committee, director_a, django_capture_on_commit_callbacks
):
    committee.scrutiny_officer = OfficerFactory(email=BROKEN_ADDRESS)
    committee.save()
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)
    with django_capture_on_commit_callbacks(execute=True):
        submitted = response_services.response_submit(response=draft, user=director_a)
    assert submitted.state == ResponseState.SUBMITTED
    failure = SentNotification.objects.get()
    assert failure.status == SentNotification.Status.FAILED
    assert failure.email == BROKEN_ADDRESS


def test_a_directorate_user_without_email_is_skipped(
    recommendation, adviser, django_capture_on_commit_callbacks
):
    author = DirectorateUserFactory(directorate=recommendation.directorate, email="")
    draft = ResponseFactory(recommendation=recommendation, drafted_by=author)
    with django_capture_on_commit_callbacks(execute=True):
        response_services.response_submit(response=draft, user=author)
    assert [m.to for m in mail.outbox] == [[adviser.email]]


def test_notifications_can_be_suppressed_for_loading_old_records(
    recommendation, adviser, director_a, django_capture_on_commit_callbacks
):
    from deadlines import notifications

    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)
    with django_capture_on_commit_callbacks(execute=True), notifications.suppressed():
        response_services.response_submit(response=draft, user=director_a)
    assert mail.outbox == []
    assert not SentNotification.objects.exists()


def test_the_directorate_is_told_once_when_its_response_is_returned(
    recommendation, officer, director_a, django_capture_on_commit_callbacks
):
    director_a.email = "director.a@example.gov.uk"
    director_a.save()
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)
    submitted = response_services.response_submit(response=draft, user=director_a)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response_services.response_return(
            response=submitted, user=officer, reason="Paragraph 2 names the wrong service."
        )

    (message,) = [m for m in mail.outbox if m.to == [director_a.email]]
    assert message.subject.startswith("Response returned to correct: Recommendation 1")
    assert "Paragraph 2 names the wrong service." in message.body
    assert (
        SentNotification.objects.get(recipient=director_a).stage
        == SentNotification.Stage.RESPONSE_RETURNED
    )


def test_a_second_return_of_the_same_response_is_told_again(
    recommendation, officer, director_a, django_capture_on_commit_callbacks
):
    director_a.email = "director.a@example.gov.uk"
    director_a.save()
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)
    for reason in ("First reason.", "Second reason."):
        submitted = response_services.response_submit(response=draft, user=director_a)
        with django_capture_on_commit_callbacks(execute=True):
            draft = response_services.response_return(
                response=submitted, user=officer, reason=reason
            )

    bodies = [m.body for m in mail.outbox if m.to == [director_a.email]]
    assert len(bodies) == 2 and "Second reason." in bodies[1]
