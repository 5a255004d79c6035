"""The record of every email the deadlines machinery sends, and the sending itself.

A notification is first *claimed* (a `SentNotification` row, unique per recipient, item
and stage, so the same email is never queued twice), then *queued* as a task, and the
task's worker sends it (core.delivery, with a time limit) and records the outcome.
The web request that caused an email only claims and queues: it never waits on SMTP.

A claim whose worker died mid-send stays "sending"; `notifications_reclaim` marks it
failed after settings.NOTIFICATION_RECLAIM_AFTER (much longer than the SMTP time limit,
so the attempt is certainly over), and the next run retries it.
"""

import logging
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.conf import settings
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from accounts.models import User
from core.delivery import Message, send_now
from recommendations.models import Recommendation

from .models import SentNotification

logger = logging.getLogger(__name__)

Status = SentNotification.Status


def claim(
    *,
    recipient: User,
    recommendation: Recommendation,
    item: str,
    stage: str,
    due_on: date | None = None,
) -> SentNotification | None:
    """Take the right to send one notification, or None when it was sent (or is queued)
    already. A notification that failed before is claimed again."""
    try:
        with transaction.atomic():
            return SentNotification.objects.create(
                recipient=recipient,
                email=recipient.email,
                recommendation=recommendation,
                item=item,
                stage=stage,
                due_on=due_on,
                status=Status.QUEUED,
            )
    except IntegrityError:
        pass
    retried = SentNotification.objects.filter(
        recipient=recipient,
        recommendation=recommendation,
        item=item,
        stage=stage,
        status=Status.FAILED,
    ).update(status=Status.QUEUED, status_since=timezone.now(), email=recipient.email, error="")
    if not retried:
        return None
    return SentNotification.objects.get(
        recipient=recipient, recommendation=recommendation, item=item, stage=stage
    )


@dataclass(frozen=True)
class Wanted:
    """One notification a batch job wants to send: the key of its `SentNotification`."""

    recipient: User
    recommendation_id: int
    item: str
    stage: str
    due_on: date | None = None

    @cached_property  # read several times per notification, for many thousands of them
    def key(self) -> tuple[int, int, str, str]:
        return (self.recipient.pk, self.recommendation_id, self.item, self.stage)


def claim_all(wanted: list[Wanted]) -> dict[tuple[int, int, str, str], SentNotification]:
    """`claim` for many at once, in a number of queries that does not grow with how many
    were sent before: one to find the keys already taken, one INSERT (ignoring rows a
    concurrent run took meanwhile) and one UPDATE per recipient retrying failures, and
    one to fetch what this run claimed. Nothing wanted is new: one query.

    The rows this run claims are stamped with its own moment in `status_since`, so a
    concurrent run that inserted some of the same keys first keeps them, and each is
    claimed once. Returns the claimed notifications by (recipient, recommendation,
    item, stage)."""
    if not wanted:
        return {}
    recipients = {w.recipient.pk for w in wanted}
    taken: dict[tuple, tuple[int, str]] = {
        (recipient, recommendation, item, stage): (pk, status)
        for pk, recipient, recommendation, item, stage, status in SentNotification.objects.filter(
            recipient__in=recipients, stage__in={w.stage for w in wanted}
        ).values_list("pk", "recipient", "recommendation", "item", "stage", "status")
    }
    stamp = timezone.now()
    new = [w for w in wanted if w.key not in taken]
    SentNotification.objects.bulk_create(
        [
            SentNotification(
                recipient=w.recipient,
                email=w.recipient.email,
                recommendation_id=w.recommendation_id,
                item=w.item,
                stage=w.stage,
                due_on=w.due_on,
                status=Status.QUEUED,
                status_since=stamp,
            )
            for w in new
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    retry: dict[User, list[int]] = {}
    for w in wanted:
        found = taken.get(w.key)
        if found is not None and found[1] == Status.FAILED:
            retry.setdefault(w.recipient, []).append(found[0])
    for recipient, pks in retry.items():
        SentNotification.objects.filter(pk__in=pks, status=Status.FAILED).update(
            status=Status.QUEUED, status_since=stamp, email=recipient.email, error=""
        )
    if not new and not retry:
        return {}
    return {
        (n.recipient_id, n.recommendation_id, n.item, n.stage): n
        for n in SentNotification.objects.filter(status=Status.QUEUED, status_since=stamp)
    }


def notifications_queue(message: Message, notifications: list[SentNotification]) -> str:
    """Queue one email for some claimed notifications. Callers run outside the write that
    caused it (after its commit, or in a batch job), so the worker finds the claims.
    Returns "sent" or "failed" when the task ran at once (the immediate backend, as in
    the tests), else "queued"."""
    result = notifications_deliver.enqueue(
        notification_ids=[notification.pk for notification in notifications],
        to=message.to,
        subject=message.subject,
        body=message.body,
    )
    if not result.is_finished:
        return "queued"
    return "sent" if result.return_value else "failed"


def notifications_mark(notifications, *, error: str = "") -> None:
    now = timezone.now()
    for notification in notifications:
        if error:
            notification.status = Status.FAILED
            notification.error = error[:2000]
        else:
            notification.status = Status.SENT
            notification.error = ""
            notification.sent_at = now
        notification.status_since = now
        notification.save(update_fields=["status", "status_since", "error", "sent_at"])


def notifications_send_claimed(*, notification_ids: list[int], message: Message) -> bool:
    """Send one email for queued notifications and record the outcome (the task's work).

    Only notifications still queued are taken, and taken atomically: a second delivery
    of the same task (or a retry racing it) finds none and sends nothing. A failure is
    logged and recorded, never raised."""
    now = timezone.now()
    with transaction.atomic():
        taken = list(
            SentNotification.objects.select_for_update()
            .filter(pk__in=notification_ids, status=Status.QUEUED)
            .order_by("pk")
        )
        for notification in taken:
            notification.status = Status.SENDING
            notification.status_since = now
            notification.attempts += 1
            notification.save(update_fields=["status", "status_since", "attempts"])
    if not taken:
        return False
    try:
        send_now(message)
    except Exception as error:  # noqa: BLE001 - any mail failure is recorded, not raised
        logger.warning("Could not send %r to %s: %s", message.subject, message.to, error)
        notifications_mark(taken, error=f"{error.__class__.__name__}: {error}")
        return False
    notifications_mark(taken)
    return True


def notifications_reclaim(*, now=None) -> int:
    """Mark as failed (to be retried) the notifications whose send started longer ago
    than NOTIFICATION_RECLAIM_AFTER and never finished, or that were queued that long
    ago and never taken (their task was lost). Returns how many. A task that runs later
    finds them no longer queued and sends nothing, so nothing is sent twice."""
    now = now or timezone.now()
    return SentNotification.objects.filter(
        status__in=[Status.QUEUED, Status.SENDING],
        status_since__lt=now - settings.NOTIFICATION_RECLAIM_AFTER,
    ).update(
        status=Status.FAILED,
        status_since=now,
        error="The send did not finish (its worker stopped); it will be tried again.",
    )


@task()
def notifications_deliver(*, notification_ids: list[int], to: str, subject: str, body: str) -> bool:
    """The worker's side of `notifications_queue`."""
    message = Message(to=to, subject=subject, body=body)
    return notifications_send_claimed(notification_ids=notification_ids, message=message)
