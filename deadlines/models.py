"""What the deadline machinery keeps: every email it sent (so none is sent twice),
every report-back moved to another meeting (with the reason), and each user's secret
calendar address."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class SentNotification(models.Model):
    """One email to one person about one item of one recommendation at one stage.

    `item` names the thing chased: "response", "report-back:2012-07-01" (an occurrence),
    "statement:<pk>", "assessment:<pk>:<status>", "directorate:<pk>". The unique
    constraint is the guarantee that the same reminder is never sent twice: a run
    claims the row (status "queued") before the email is queued, so a second run, even a
    concurrent one, finds it taken; the worker takes it ("sending") before it sends.
    A failed send is kept with its error and is tried again by the next run
    (see deadlines.outbox).
    """

    class Stage(models.TextChoices):
        DUE_SOON = "due_soon", "Due soon"
        AT_RISK = "at_risk", "At risk"
        OVERDUE = "overdue", "Overdue"
        RESPONSE_SUBMITTED = "response_submitted", "Response submitted"
        STATEMENT_SUBMITTED = "statement_submitted", "Position statement submitted"
        ADDRESSED = "addressed", "Recommendation addressed to the directorate"
        DECISION_RECORDED = "decision_recorded", "Tracking decision recorded"
        REPORT_BACK_MOVED = "report_back_moved", "Report-back moved"
        RESPONSE_RETURNED = "response_returned", "Response returned to the directorate"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    email = models.EmailField(help_text="The address it was sent to.")
    recommendation = models.ForeignKey(
        "recommendations.Recommendation", on_delete=models.CASCADE, related_name="notifications"
    )
    item = models.CharField(max_length=100)
    stage = models.CharField(max_length=30, choices=Stage.choices)
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    status_since = models.DateTimeField(default=timezone.now)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "recommendation", "item", "stage"],
                name="one_notification_per_recipient_item_stage",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.item} to {self.email} ({self.status})"


class ReportBackMove(models.Model):
    """A report-back moved to another meeting: kept for the record, with the reason."""

    recommendation = models.ForeignKey(
        "recommendations.Recommendation", on_delete=models.CASCADE, related_name="report_back_moves"
    )
    from_meeting = models.ForeignKey(
        "recommendations.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    from_date = models.DateField(
        null=True, blank=True, help_text="The report-back it was due at before the move."
    )
    from_label = models.CharField(max_length=200, blank=True)
    to_meeting = models.ForeignKey(
        "recommendations.Meeting", on_delete=models.PROTECT, related_name="report_backs_moved_in"
    )
    to_date = models.DateField()
    reason = models.TextField()
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-moved_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.recommendation} moved to {self.to_meeting}"


def new_calendar_secret() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a user's calendar address. Resetting it breaks the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    secret = models.CharField(max_length=64, unique=True, default=new_calendar_secret)
    created_at = models.DateTimeField(auto_now_add=True)
    reset_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Calendar address of {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("deadlines:calendar_feed", args=[self.secret])
