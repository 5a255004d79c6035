"""Every write to the scrutiny record goes through these functions."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from accounts.models import User

from .models import (
    Meeting,
    Recommendation,
    RecommendationPart,
    TrackingAssessment,
    TrackingStatus,
)


def record_save(*, instance: Model, user: User) -> Model:
    """Validate and save one piece of the record (committee, meeting, inquiry, report…).

    The user is taken so that every write is attributable; history builds on it.
    """
    instance.full_clean()
    with transaction.atomic():
        instance.save()
        if isinstance(instance, Meeting):
            # A moved meeting moves the report-backs scheduled onto it, and may change
            # which assessment is the latest for those assessed at it.
            for recommendation in instance.report_backs.select_related("current_status"):
                recommendation.save()
            for assessment in instance.assessments.select_related("recommendation"):
                _refresh_current_status(assessment.recommendation)
    return instance


@dataclass(frozen=True)
class PartText:
    label: str
    text: str


@transaction.atomic
def recommendation_save(
    *,
    recommendation: Recommendation,
    user: User,
    parts: Sequence[PartText] | None = None,
) -> Recommendation:
    """Save a recommendation and, when given, replace its parts with `parts`."""
    recommendation.full_clean()
    recommendation.save()
    if parts is not None:
        labels = [part.label for part in parts]
        if len(set(labels)) != len(labels):
            raise ValidationError({"parts": "Each part needs its own label."})
        recommendation.parts.exclude(label__in=labels).delete()
        for part in parts:
            RecommendationPart.objects.update_or_create(
                recommendation=recommendation, label=part.label, defaults={"text": part.text}
            )
    return recommendation


def report_back_schedule(
    *,
    recommendation: Recommendation,
    user: User,
    meeting: Meeting | None,
    month,
    every_months: int | None,
) -> Recommendation:
    """Set when a recommendation is next to be reported back on."""
    recommendation.report_back_meeting = meeting
    recommendation.report_back_month = month.replace(day=1) if month else None
    recommendation.report_back_every_months = every_months
    recommendation.full_clean()
    recommendation.save()
    return recommendation


@dataclass(frozen=True)
class AssessmentDecision:
    recommendation: Recommendation
    status: TrackingStatus | None  # None: the board made no decision on it at this meeting
    comment: str = ""


def _refresh_current_status(recommendation: Recommendation) -> None:
    latest = (
        recommendation.assessments.select_related("status", "meeting")
        .order_by("-meeting__date", "-pk")
        .first()
    )
    recommendation.current_status = latest.status if latest else None
    recommendation.last_assessed_on = latest.meeting.date if latest else None
    recommendation.save(update_fields=["current_status", "last_assessed_on"])


@transaction.atomic
def assessments_record(
    *, meeting: Meeting, decisions: Iterable[AssessmentDecision], user: User
) -> list[TrackingAssessment]:
    """Record the board's decisions at one meeting; re-recording one corrects it.

    The recommendation's status becomes that of its latest assessment by meeting date,
    so recording a past meeting's decision late does not overwrite a newer one.
    """
    recorded = []
    for decision in decisions:
        if decision.recommendation.report.inquiry.committee_id != meeting.committee_id:
            raise ValidationError(
                f"{decision.recommendation.title} is not a recommendation of {meeting.committee}."
            )
        if decision.status is None:
            continue
        assessment, _ = TrackingAssessment.objects.update_or_create(
            recommendation=decision.recommendation,
            meeting=meeting,
            defaults={"status": decision.status, "comment": decision.comment, "recorded_by": user},
        )
        _refresh_current_status(decision.recommendation)
        recorded.append(assessment)
    return recorded
