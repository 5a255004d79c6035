"""What a directorate says back: the formal response to a recommendation and its
later position statements on progress. Drafts belong to the directorate until submitted."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from core.reversing import url_for_id


class ResponseDecision(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    PARTIALLY_ACCEPTED = "partial", "Partially accepted"
    NOT_ACCEPTED = "not_accepted", "Not accepted"


class ResponseState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    AGREED = "agreed", "Agreed"


# Sent to the board: submitted, or submitted and since agreed ("in"; what
# `Recommendation.response_is_in` stores of a recommendation's responses).
IN_STATES = (ResponseState.SUBMITTED, ResponseState.AGREED)


class ResponseQuerySet(models.QuerySet):
    def answering(self, recommendation) -> "ResponseQuerySet":
        """The response that counts for `recommendation`: the submitted (or agreed) one,
        or else the draft of the directorate it is now addressed to (at most one)."""
        return self.filter(recommendation=recommendation).filter(
            ~Q(state=ResponseState.DRAFT) | Q(directorate=recommendation.directorate_id)
        )

    def submitted(self) -> "ResponseQuerySet":
        """Sent to the board: submitted, or submitted and since agreed."""
        return self.filter(state__in=IN_STATES)

    def in_states(self, states) -> "ResponseQuerySet":
        return self.filter(state__in=states)


class DirectorateDraft(models.Model):
    """What a directorate drafts and then submits about one recommendation: a response
    or a position statement. Subclasses declare `recommendation` and `state`."""

    # The directorate that wrote it: a draft is theirs alone, even if the recommendation
    # is later addressed to another directorate. None for one recorded for a recommendation
    # addressed to no directorate (the Executive, Council or an outside body, as imported).
    directorate = models.ForeignKey(
        "recommendations.Directorate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every save; a form carries the version it was opened at.
    version = models.PositiveIntegerField(default=1, editable=False)
    # A draft version stays the directorate's even after the record is submitted.
    versions_are_private = True

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.directorate_id is None:
            self.directorate_id = self.recommendation.directorate_id
        super().save(*args, **kwargs)

    @property
    def is_draft(self) -> bool:
        return self.state == ResponseState.DRAFT


class Response(DirectorateDraft):
    recommendation = models.ForeignKey(
        "recommendations.Recommendation", on_delete=models.PROTECT, related_name="responses"
    )
    decision = models.CharField(max_length=20, choices=ResponseDecision.choices, blank=True)
    accepted_parts = models.ManyToManyField(
        "recommendations.RecommendationPart",
        blank=True,
        related_name="accepting_responses",
        help_text="For a partial acceptance of a recommendation in parts: the parts accepted.",
    )
    partial_acceptance_detail = models.TextField(
        "What is accepted and what is not",
        blank=True,
        help_text="A partial acceptance must say which part is accepted and why the rest is not.",
    )
    text = models.TextField("Response", blank=True)
    proposed_action = models.TextField(blank=True)
    responsible_officer = models.CharField(max_length=200, blank=True)
    target_date = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=ResponseState.choices, default="draft")
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    # The meeting at which the board agreed it: its date is the agreed date.
    agreed_at_meeting = models.ForeignKey(
        "recommendations.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreed_responses",
    )
    # The last time an officer sent it back to the directorate to correct, and why; the
    # submitted version it replaced stays in the history.
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    return_reason = models.TextField("Why it is returned", blank=True)
    history = HistoricalRecords()

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        indexes = [
            # The responses waiting for the board's agreement, longest waiting first.
            models.Index(fields=["state", "submitted_at"], name="response_state_submitted_idx")
        ]
        constraints = [
            # One response per recommendation: one submitted (or agreed) response, and
            # before that one draft, of the directorate the recommendation is addressed
            # to. A draft left by a directorate the recommendation was moved away from
            # stays theirs (readable, no longer editable) and does not count.
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=~Q(state="draft"),
                name="one_submitted_response_per_recommendation",
            ),
            models.UniqueConstraint(
                fields=["recommendation", "directorate"],
                name="one_response_per_recommendation_and_directorate",
            ),
            models.CheckConstraint(
                name="submitted_response_has_a_decision_and_text",
                condition=Q(state="draft") | (~Q(decision="") & ~Q(text="")),
            ),
            models.CheckConstraint(
                name="submitted_response_records_who_and_when",
                condition=Q(state="draft")
                | (Q(submitted_by__isnull=False) & Q(submitted_at__isnull=False)),
            ),
            models.CheckConstraint(
                name="agreed_response_records_who_and_when",
                condition=~Q(state="agreed")
                | (Q(agreed_by__isnull=False) & Q(agreed_at__isnull=False)),
            ),
            models.CheckConstraint(
                name="partial_acceptance_says_which_part",
                condition=~Q(decision="partial") | ~Q(partial_acceptance_detail=""),
            ),
        ]

    def __str__(self) -> str:
        return f"Response to {self.recommendation}"

    def get_absolute_url(self) -> str:
        return url_for_id("responses:response_detail", self.pk)

    def answers(self, recommendation) -> bool:
        """In Python, the rule of ResponseQuerySet.answering (for prefetched responses)."""
        return not self.is_draft or self.directorate_id == recommendation.directorate_id


class PositionStatement(DirectorateDraft):
    """A dated update on progress, written for one report-back."""

    recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        on_delete=models.PROTECT,
        related_name="position_statements",
    )
    report_back_due_on = models.DateField(
        help_text="The report-back this statement answers (its meeting date or month)."
    )
    meeting = models.ForeignKey(
        "recommendations.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="position_statements",
    )
    text = models.TextField("Position statement")
    proposed_status = models.ForeignKey(
        "recommendations.TrackingStatus",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The status the directorate believes the board should record.",
    )
    state = models.CharField(
        max_length=20,
        choices=[(ResponseState.DRAFT, "Draft"), (ResponseState.SUBMITTED, "Submitted")],
        default=ResponseState.DRAFT,
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["report_back_due_on", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "report_back_due_on", "directorate"],
                name="one_position_statement_per_report_back_and_directorate",
            ),
            models.CheckConstraint(
                name="submitted_statement_records_who_and_when",
                condition=Q(state="draft")
                | (Q(submitted_by__isnull=False) & Q(submitted_at__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return f"Position statement on {self.recommendation} ({self.report_back_due_on})"

    def get_absolute_url(self) -> str:
        return url_for_id("responses:statement_detail", self.pk)
