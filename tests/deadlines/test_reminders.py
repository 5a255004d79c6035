"""send_reminders: digests per directorate person and per committee officer, each item
and stage sent once, and a broken mail server that stops nothing else."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from deadlines.models import SentNotification
from deadlines.services import reminders_send
from recommendations.models import Recommendation
from tests.deadlines.failing_backend import BROKEN_ADDRESS, FAILING_MAILERS
from tests.factories import (
    DirectorateUserFactory,
    MeetingFactory,
    OfficerFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(committee, published_report, director_a, director_b):
    """The committee's officer and one person in each directorate (all with email)."""
    officer = OfficerFactory(username="adviser", email="adviser@example.gov.uk")
    committee.scrutiny_officer = officer
    committee.save()
    return officer, director_a, director_b


def _run(today):
    out = StringIO()
    call_command("send_reminders", f"--today={today.isoformat()}", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_each_directorate_and_the_officer_get_a_digest(people):
    officer, director_a, director_b = people
    output = _run(date(2012, 4, 20))  # all three responses ten days late
    assert "3 reminder emails sent (6 items), 0 failed." in output
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {director_a.email, director_b.email, officer.email}
    digest = by_address[director_a.email]
    assert "Recommendation 1" in digest.body and "Recommendation 2" in digest.body
    assert "Recommendation 3" not in digest.body  # directorate B's
    assert "10 days late" in digest.body
    assert digest.subject == "Scrutiny deadlines for Children's Services: 2 overdue"
    assert "http://testserver" not in digest.body
    assert "/recommendations/" in digest.body
    officer_digest = by_address[officer.email]
    assert officer_digest.body.count("Response due 10 April 2012") == 3


def test_running_twice_sends_nothing_new(people):
    _run(date(2012, 4, 20))
    sent = len(mail.outbox)
    records = SentNotification.objects.count()
    output = _run(date(2012, 4, 20))
    assert len(mail.outbox) == sent
    assert SentNotification.objects.count() == records == 6
    assert "0 reminder emails sent" in output
    # The next day changes nothing either: the stage (overdue) has not changed.
    _run(date(2012, 4, 21))
    assert len(mail.outbox) == sent


def test_a_new_stage_is_a_new_reminder(people):
    _run(date(2012, 4, 1))  # due soon
    assert {n.stage for n in SentNotification.objects.all()} == {"due_soon"}
    first = len(mail.outbox)
    _run(date(2012, 4, 11))  # overdue
    assert len(mail.outbox) == first * 2
    assert SentNotification.objects.filter(stage="overdue").count() == 6


def test_an_item_chased_before_is_counted_not_repeated(people, published_report):
    officer, director_a, _ = people
    _run(date(2012, 4, 20))
    july = MeetingFactory(committee=published_report.committee, date=date(2012, 7, 19))
    recommendation = published_report.recommendations.get(number=1)
    recommendation.report_back_meeting = july
    recommendation.save()
    mail.outbox.clear()
    _run(date(2012, 7, 10))  # the statement is now at risk
    digest = next(m for m in mail.outbox if m.to == [director_a.email])
    assert "AT RISK" in digest.body
    assert "2 other items you were reminded of before are still outstanding." in digest.body


@override_settings(MAILERS=FAILING_MAILERS)
def test_a_broken_mail_server_leaves_the_rest_sent_and_the_failure_recorded(people, directorate_a):
    officer, director_a, director_b = people
    broken = DirectorateUserFactory(directorate=directorate_a, email=BROKEN_ADDRESS)

    run = reminders_send(today=date(2012, 4, 20))

    assert run.failed == [BROKEN_ADDRESS]
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [director_a.email, director_b.email, officer.email]
    )
    failed = SentNotification.objects.filter(recipient=broken)
    assert failed.count() == 2
    assert {n.status for n in failed} == {SentNotification.Status.FAILED}
    assert "SMTPRecipientsRefused" in failed.first().error
    assert failed.first().attempts == 1
    assert SentNotification.objects.filter(status=SentNotification.Status.SENT).count() == 6

    # The next run tries the failed one again, and only that one.
    broken.email = "mended@example.gov.uk"
    broken.save()
    mail.outbox.clear()
    run = reminders_send(today=date(2012, 4, 20))
    assert [message.to for message in mail.outbox] == [["mended@example.gov.uk"]]
    assert {n.status for n in failed.all()} == {SentNotification.Status.SENT}
    assert {n.attempts for n in failed.all()} == {2}


@override_settings(MAILERS=FAILING_MAILERS)
def test_the_command_fails_loudly_when_nothing_could_be_sent(published_report, directorate_a):
    DirectorateUserFactory(directorate=directorate_a, email=BROKEN_ADDRESS)
    with pytest.raises(CommandError):
        _run(date(2012, 4, 20))


def test_people_without_email_and_inactive_people_are_skipped(published_report, directorate_a):
    DirectorateUserFactory(directorate=directorate_a, email="")
    DirectorateUserFactory(directorate=directorate_a, is_active=False)
    assert str(reminders_send(today=date(2012, 4, 20))).startswith("0 reminder emails sent")
    assert mail.outbox == []


def test_a_weekend_deadline_is_flagged_not_moved(people, published_report):
    published_report.received_on = date(2012, 2, 7)  # due 7 April 2012, a Saturday
    published_report.save()
    assert Recommendation.objects.filter(report__response_due_on=date(2012, 4, 7)).count() == 3
    _run(date(2012, 4, 2))
    assert "Response due 7 April 2012 (Saturday)" in mail.outbox[0].body


def test_the_today_option_must_be_a_date():
    with pytest.raises(CommandError):
        call_command("send_reminders", "--today=July")


# --- Issue 14: set-based, constant queries when nothing is new ---------------------


def _overdue_recommendations(report, directorate, count: int) -> None:
    start = report.recommendations.count() + 1
    for number in range(start, start + count):
        RecommendationFactory(report=report, number=number, directorate=directorate)


def _queries_of_a_run_with_nothing_new(today) -> int:
    reminders_send(today=today)  # sends what is new
    with CaptureQueriesContext(connection) as queries:
        run = reminders_send(today=today)
    assert run.items_sent == 0
    return len(queries)


def test_a_run_with_nothing_new_makes_the_same_queries_for_5_items_as_for_50(
    people, published_report, directorate_a
):
    _overdue_recommendations(published_report, directorate_a, 2)  # 5 in all
    with_five = _queries_of_a_run_with_nothing_new(date(2012, 4, 20))
    _overdue_recommendations(published_report, directorate_a, 45)  # 50 in all
    with_fifty = _queries_of_a_run_with_nothing_new(date(2012, 4, 20))
    assert with_fifty == with_five


def test_a_run_sends_each_reminder_once(people, published_report, directorate_a):
    officer, director_a, director_b = people
    _overdue_recommendations(published_report, directorate_a, 7)  # 10 in all, 9 to A
    reminders_send(today=date(2012, 4, 20))
    reminders_send(today=date(2012, 4, 20))
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [director_a.email, director_b.email, officer.email]
    )
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert by_address[director_a.email].count("Response due 10 April 2012") == 9
    assert by_address[officer.email].count("Response due 10 April 2012") == 10
    keys = SentNotification.objects.values_list("recipient", "recommendation", "item", "stage")
    assert len(keys) == len(set(keys)) == 9 + 1 + 10
