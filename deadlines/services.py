"""Every write of the deadlines app: moving report-backs, calendar addresses, and the
daily reminders (sending and recording them)."""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.delivery import Message, build_message
from core.history import UNCHECKED, check_version
from council.selectors import council_settings
from recommendations.models import Committee, Directorate, Meeting, Recommendation
from recommendations.services import report_back_schedule

from . import engine, notifications, selectors
from .models import CalendarToken, ReportBackMove, new_calendar_secret
from .outbox import (
    Wanted,
    claim_all,
    notifications_mark,
    notifications_queue,
    notifications_reclaim,
)

logger = logging.getLogger(__name__)


# --- Moving a report-back -----------------------------------------------------------


@transaction.atomic
def report_back_move(
    *,
    recommendation: Recommendation,
    to_meeting: Meeting,
    reason: str,
    user: User,
    expected_version=UNCHECKED,
) -> ReportBackMove:
    """Move a recommendation's next report-back to another meeting of its board, and keep
    the move with its reason.

    The meeting becomes the report-back requirement's meeting and a month named in the
    requirement is dropped (it has been answered by this decision); a repeat carries on
    every N months from the new meeting. Refused, like any edit, if the recommendation
    changed since the form was opened at `expected_version`.
    """
    if not user.has_perm("deadlines.move_report_back", recommendation):
        raise PermissionDenied("Only a scrutiny officer can move a report-back.")
    recommendation = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("report__committee", "report_back_meeting", "current_status")
        .get(pk=recommendation.pk)
    )
    check_version(recommendation, expected_version)
    errors = {}
    if not reason.strip():
        errors["reason"] = "Enter the reason for moving the report-back."
    if to_meeting.committee_id != recommendation.report.committee_id:
        errors["to_meeting"] = "Choose a meeting of the board that made the recommendation."
    elif to_meeting.status == Meeting.Status.CANCELLED:
        errors["to_meeting"] = "That meeting is cancelled: choose another."
    elif recommendation.last_assessed_on and to_meeting.date <= recommendation.last_assessed_on:
        errors["to_meeting"] = (
            "Choose a meeting after the board's last tracking decision on this recommendation."
        )
    elif recommendation.monitoring_ended:
        errors["to_meeting"] = "The board has ended monitoring of this recommendation."
    if errors:
        raise ValidationError(errors)
    previous = recommendation.next_report_back
    if (
        previous is not None
        and previous.at_meeting
        and previous.due_on == to_meeting.date
        and recommendation.report_back_meeting_id == to_meeting.pk
    ):
        raise ValidationError({"to_meeting": "The report-back is already due at that meeting."})
    from_meeting = (
        recommendation.report_back_meeting if previous is not None and previous.at_meeting else None
    )
    report_back_schedule(
        recommendation=recommendation,
        user=user,
        meeting=to_meeting,
        month=None,
        every_months=recommendation.report_back_every_months,
    )
    move = ReportBackMove.objects.create(
        recommendation=recommendation,
        from_meeting=from_meeting,
        from_date=previous.due_on if previous else None,
        from_label=previous.label if previous else "",
        to_meeting=to_meeting,
        to_date=to_meeting.date,
        reason=reason.strip(),
        moved_by=user,
    )
    notifications.report_back_moved(move)
    return move


# --- Calendar addresses ------------------------------------------------------------


def calendar_token_for(user: User) -> CalendarToken:
    token, _ = CalendarToken.objects.get_or_create(user=user)
    return token


def calendar_token_reset(*, user: User) -> CalendarToken:
    """A new secret: the old address stops working at once."""
    token, created = CalendarToken.objects.get_or_create(user=user)
    if not created:
        token.secret = new_calendar_secret()
        token.reset_at = timezone.now()
        token.save(update_fields=["secret", "reset_at"])
    return token


# --- Daily reminders ----------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One (recipient, item, stage) this run has the right to send."""

    notification: object  # SentNotification
    deadline: engine.Deadline


@dataclass
class ReminderRun:
    """What one run of send_reminders did."""

    sent: list[str] = field(default_factory=list)  # addresses emailed
    queued: list[str] = field(default_factory=list)  # for the task worker to email
    failed: list[str] = field(default_factory=list)
    items_sent: int = 0
    reclaimed: int = 0

    def __str__(self) -> str:
        text = (
            f"{len(self.sent)} reminder emails sent ({self.items_sent} items), "
            f"{len(self.failed)} failed."
        )
        if self.queued:
            text += f" {len(self.queued)} queued for the task worker."
        if self.reclaimed:
            text += f" {self.reclaimed} stuck notifications reclaimed to be retried."
        return text


@dataclass
class Digest:
    """One reminder email: a recipient, what it is about, and the items due for them."""

    recipient: User
    about: str
    due: list[selectors.ReminderDue] = field(default_factory=list)


def _send_digest(*, digest: Digest, claims: list[Claim], today: date, run: ReminderRun) -> None:
    rows = [c.notification for c in claims]
    new_items = [(c.deadline, c.notification.stage) for c in claims]
    recipient = digest.recipient
    try:
        message = _digest_message(recipient, len(digest.due), new_items, digest.about, today)
    except Exception as error:  # noqa: BLE001 - recorded like a failed send
        logger.exception("Could not build the reminder for %s", recipient.email)
        notifications_mark(rows, error=f"{error.__class__.__name__}: {error}")
        run.failed.append(recipient.email)
        return
    outcome = notifications_queue(message, rows)
    if outcome == "failed":
        run.failed.append(recipient.email)
        return
    (run.sent if outcome == "sent" else run.queued).append(recipient.email)
    run.items_sent += len(claims)


def _digest_message(recipient: User, due: int, new_items, about: str, today: date) -> Message:
    return build_message(
        "deadlines/email/reminder_digest",
        to=recipient.email,
        context={
            "recipient": recipient,
            "about": about,
            "today": today,
            "overdue": [d for d, stage in new_items if stage == engine.OVERDUE],
            "at_risk": [d for d, stage in new_items if stage == engine.AT_RISK],
            "due_soon": [d for d, stage in new_items if stage == engine.DUE_SOON],
            "still_outstanding": due - len(new_items),
            "council_name": council_settings().council_name,
            "statement_due_days": council_settings().statement_due_days_before_meeting,
        },
    )


def _digests(today: date) -> list[Digest]:
    """Who gets a digest today and what is due for each: each directorate's people, then
    each committee's scrutiny officer, in a constant number of queries."""
    due = selectors.reminders_due(Recommendation.objects.active(), today)  # nothing withdrawn
    by_directorate: dict[int, list] = defaultdict(list)
    by_committee: dict[int, list] = defaultdict(list)
    for item in due:
        if item.directorate_id is not None:
            by_directorate[item.directorate_id].append(item)
        by_committee[item.committee_id].append(item)
    recipients = selectors.recipients_by_directorate()
    digests = [
        Digest(recipient, directorate.name, by_directorate[directorate.pk])
        for directorate in Directorate.objects.filter(pk__in=list(by_directorate)).order_by("name")
        for recipient in recipients.get(directorate.pk, [])
    ]
    for committee in (
        Committee.objects.filter(pk__in=list(by_committee))
        .select_related("scrutiny_officer")
        .order_by("name")
    ):
        officer = committee.scrutiny_officer
        if officer is not None and officer.is_active and officer.email:
            digests.append(Digest(officer, committee.name, by_committee[committee.pk]))
    return digests


def reminders_send(*, today: date | None = None) -> ReminderRun:
    """Email each directorate's people a digest of their due-soon, at-risk and overdue
    items, and each committee's scrutiny officer one for the committee. Each item and
    stage is sent to each person once; a failed email is recorded and retried next run.

    Set-based: what is due comes from the engine's database form, and every claim is
    made at once (`claim_all`), so a run that has nothing new to send makes the same few
    queries however many recommendations there are; the rest grows with what it sends."""
    today = today or timezone.localdate()
    run = ReminderRun(reclaimed=notifications_reclaim())
    digests = _digests(today)
    wanted: dict[tuple, tuple[Digest, Wanted]] = {}
    for digest in digests:
        for item in digest.due:
            want = Wanted(
                digest.recipient, item.recommendation_id, item.item, item.stage, item.due_on
            )
            wanted.setdefault(want.key, (digest, want))  # the first digest that has it sends it
    claimed = claim_all([want for _, want in wanted.values()])
    if not claimed:
        return run
    deadlines = selectors.reminder_deadlines({key[1] for key in claimed})
    by_digest: dict[int, list[Claim]] = defaultdict(list)
    for key, notification in claimed.items():
        digest, _ = wanted[key]
        deadline = deadlines.get((key[1], key[2]))
        if deadline is None:  # submitted between the two reads: nothing to chase
            notification.delete()
            continue
        by_digest[id(digest)].append(Claim(notification, deadline))
    for digest in digests:
        claims = by_digest.get(id(digest))
        if claims:
            claims.sort(key=lambda c: engine.deadline_order(c.deadline))
            _send_digest(digest=digest, claims=claims, today=today, run=run)
    return run
