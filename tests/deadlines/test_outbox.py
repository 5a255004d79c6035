"""Emails leave the request: queued as tasks, sent by the worker with a time limit, and
never sent twice, even when a mail server hangs or a worker dies mid-send."""

import socket
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.delivery import Message
from deadlines.models import SentNotification
from deadlines.outbox import (
    Wanted,
    claim,
    claim_all,
    notifications_mark,
    notifications_queue,
    notifications_reclaim,
)
from deadlines.services import reminders_send
from responses import services as response_services
from tests.deadlines.failing_backend import silent_smtp_mailers
from tests.factories import ResponseFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def silent_mail_server():
    """A real SMTP address on 127.0.0.1 that accepts connections and never says a word."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(connection)  # held open, never answered

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1], accepted
    stop.set()
    thread.join(timeout=2)
    for connection in accepted:
        connection.close()
    listener.close()


# serialized_rollback: like tests/test_backup.py, so the flush after it keeps content types.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_silent_mail_server_neither_holds_the_submission_nor_the_worker(
    recommendation, adviser, director_a, settings, silent_mail_server
):
    port, accepted = silent_mail_server
    settings.TASKS = DATABASE_QUEUE
    settings.MAILERS = silent_smtp_mailers(port)
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)

    # The director's submission only queues the email: it returns without touching SMTP.
    response_services.response_submit(response=draft, user=director_a)
    notification = SentNotification.objects.get()
    assert notification.status == SentNotification.Status.QUEUED
    assert DBTaskResult.objects.count() == 1
    assert accepted == []

    # The worker tries, gives up at the time limit, and records the failure.
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    notification.refresh_from_db()
    assert len(accepted) == 1
    assert notification.status == SentNotification.Status.FAILED
    assert "timed out" in notification.error.lower()


@pytest.mark.django_db
def test_send_reminders_gives_up_on_a_silent_mail_server_and_records_it(
    recommendation, director_a, settings, silent_mail_server
):
    port, _ = silent_mail_server
    settings.MAILERS = silent_smtp_mailers(port)
    run = reminders_send()
    assert run.failed == [director_a.email]
    assert SentNotification.objects.filter(status=SentNotification.Status.FAILED).exists()


def _claimed(recommendation, recipient):
    return claim(recipient=recipient, recommendation=recommendation, item="response", stage="x")


def _sending_since(notification: SentNotification, minutes_ago: int) -> None:
    """As if a worker took `notification` to send `minutes_ago` minutes ago."""
    SentNotification.objects.filter(pk=notification.pk).update(
        status=SentNotification.Status.SENDING,
        status_since=timezone.now() - timedelta(minutes=minutes_ago),
    )


MESSAGE = Message(to="adviser@example.gov.uk", subject="Subject", body="Body")


@pytest.mark.django_db
def test_a_notification_stuck_in_sending_is_reclaimed_and_then_sent_once(recommendation, adviser):
    notification = _claimed(recommendation, adviser)
    # A worker took it and died mid-send, twenty minutes ago.
    _sending_since(notification, minutes_ago=20)
    assert notifications_reclaim() == 1
    notification.refresh_from_db()
    assert notification.status == SentNotification.Status.FAILED

    retried = _claimed(recommendation, adviser)
    assert retried.pk == notification.pk
    assert notifications_queue(MESSAGE, [retried]) == "sent"
    assert notifications_queue(MESSAGE, [retried]) == "failed"  # nothing left to take
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_send_in_progress_is_not_reclaimed(recommendation, adviser):
    notification = _claimed(recommendation, adviser)
    _sending_since(notification, minutes_ago=1)
    assert notifications_reclaim() == 0


@pytest.mark.django_db
def test_a_task_delivered_twice_sends_one_email(recommendation, adviser):
    notification = _claimed(recommendation, adviser)
    notifications_queue(MESSAGE, [notification])
    notifications_queue(MESSAGE, [notification])
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.status == SentNotification.Status.SENT
    assert notification.attempts == 1


# --- Issue 14: claiming many at once --------------------------------------------------


@pytest.mark.django_db
def test_claim_all_takes_what_is_new_and_what_failed_but_not_what_was_sent(recommendation, adviser):
    sent = _claimed(recommendation, adviser)
    notifications_mark([sent])
    failed = claim(recipient=adviser, recommendation=recommendation, item="failed", stage="x")
    notifications_mark([failed], error="Refused")
    wanted = [
        Wanted(adviser, recommendation.pk, item, "x") for item in ("response", "failed", "new")
    ]
    claimed = claim_all(wanted)
    assert {key[2] for key in claimed} == {"failed", "new"}
    assert claimed[(adviser.pk, recommendation.pk, "failed", "x")].pk == failed.pk
    assert claim_all(wanted) == {}
