"""Every write to the scrutiny record goes through these functions."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from core.history import EditConflict, attribute, check_version
from core.services import record_save

from . import signals
from .models import (
    Meeting,
    Recommendation,
    RecommendationPart,
    Report,
    TrackingAssessment,
    TrackingStatus,
)


@transaction.atomic
def meeting_save(*, meeting: Meeting, user: User) -> Meeting:
    """Save a meeting. A moved meeting moves the report-backs scheduled onto it, and may
    change which assessment is the latest for those assessed at it."""
    record_save(instance=meeting, user=user)
    for recommendation in meeting.report_backs.select_related("current_status"):
        attribute(recommendation, user).save()
    for assessment in meeting.assessments.select_related("recommendation"):
        _refresh_current_status(assessment.recommendation, user)
    return meeting


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
    expected_version: int | None = None,
) -> Recommendation:
    """Save a recommendation and, when given, replace its parts with `parts`.

    `expected_version` is the version the editing form was opened at: if someone saved
    the recommendation since, nothing is written and EditConflict says what changed.
    """
    if recommendation.pk:
        current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        check_version(current, expected_version)
        recommendation.version = current.version + 1
    _save_with_parts(recommendation, user, parts)
    signals.recommendation_saved.send(Recommendation, recommendation=recommendation)
    return recommendation


def _save_with_parts(
    recommendation: Recommendation, user: User, parts: Sequence[PartText] | None
) -> None:
    recommendation.full_clean()
    attribute(recommendation, user).save()
    if parts is not None:
        labels = [part.label for part in parts]
        if len(set(labels)) != len(labels):
            raise ValidationError({"parts": "Each part needs its own label."})
        recommendation.parts.exclude(label__in=labels).delete()
        for part in parts:
            RecommendationPart.objects.update_or_create(
                recommendation=recommendation, label=part.label, defaults={"text": part.text}
            )


@dataclass(frozen=True)
class NewRecommendation:
    """One recommendation of several added together (see `recommendations_add`)."""

    reference: str
    text: str
    parts: Sequence[PartText] = ()


@transaction.atomic
def recommendations_add(
    *, report: Report, items: Sequence[NewRecommendation], template: Recommendation, user: User
) -> list[Recommendation]:
    """Add several recommendations to a report in one step, after those it has, each
    addressed and scheduled as `template` says. All are saved or none; each directorate
    hears of its new recommendations in one email."""
    last = report.recommendations.order_by("-number").values_list("number", flat=True).first()
    added = []
    for offset, item in enumerate(items, start=1):
        recommendation = Recommendation(
            report=report,
            number=(last or 0) + offset,
            reference=item.reference,
            text=item.text,
            addressed_to=template.addressed_to,
            other_body=template.other_body,
            directorate=template.directorate,
            lead_officer=template.lead_officer,
            report_back_meeting=template.report_back_meeting,
            report_back_month=template.report_back_month,
            report_back_every_months=template.report_back_every_months,
        )
        _save_with_parts(recommendation, user, list(item.parts) or None)
        added.append(recommendation)
    signals.recommendations_added.send(Recommendation, recommendations=added)
    return added


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
    recommendation.version += 1
    recommendation.full_clean()
    attribute(recommendation, user).save()
    return recommendation


@dataclass(frozen=True)
class TrackingDecision:
    recommendation: Recommendation
    status: TrackingStatus | None  # None: the board made no decision on it at this meeting
    comment: str = ""
    # The version of this meeting's assessment when the form was opened; 0 if there was
    # none. None skips the check (e.g. the demo loader).
    expected_version: int | None = None


def _refresh_current_status(recommendation: Recommendation, user: User) -> None:
    latest = (
        recommendation.assessments.select_related("status", "meeting")
        .order_by("-meeting__date", "-pk")
        .first()
    )
    recommendation.current_status = latest.status if latest else None
    recommendation.last_assessed_on = latest.meeting.date if latest else None
    attribute(recommendation, user).save(update_fields=["current_status", "last_assessed_on"])


@transaction.atomic
def assessments_record(
    *, meeting: Meeting, decisions: Iterable[TrackingDecision], user: User
) -> list[TrackingAssessment]:
    """Record the board's decisions at one meeting; re-recording one corrects it.

    The recommendation's status becomes that of its latest assessment by meeting date,
    so recording a past meeting's decision late does not overwrite a newer one.
    """
    recorded = []
    for decision in decisions:
        if decision.recommendation.report.committee_id != meeting.committee_id:
            raise ValidationError(
                f"{decision.recommendation.title} is not a recommendation of {meeting.committee}."
            )
        if decision.status is None:
            continue
        assessment = (
            TrackingAssessment.objects.select_for_update()
            .filter(recommendation=decision.recommendation, meeting=meeting)
            .first()
        )
        _check_assessment_version(decision, assessment)
        if assessment is None:
            assessment = TrackingAssessment(recommendation=decision.recommendation, meeting=meeting)
        else:
            assessment.version += 1
        assessment.status = decision.status
        assessment.comment = decision.comment
        assessment.recorded_by = user
        attribute(assessment, user).save()
        _refresh_current_status(decision.recommendation, user)
        recorded.append(assessment)
    signals.tracking_decisions_recorded.send(TrackingAssessment, assessments=recorded)
    return recorded


def _check_assessment_version(
    decision: TrackingDecision, assessment: TrackingAssessment | None
) -> None:
    if decision.expected_version is None:
        return
    if assessment is None:
        return  # nothing was recorded then, and nothing has been since
    if decision.expected_version == 0:
        raise EditConflict(
            f"{assessment.recorded_by} recorded the board's decision on "
            f"{decision.recommendation.title} (“{assessment.status.name}”) while you were "
            "editing. Your decisions have not been saved and are still in the form: check "
            "them and save again.",
            current_version=assessment.version,
        )
    check_version(assessment, decision.expected_version)
