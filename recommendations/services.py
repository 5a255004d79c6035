"""Every write to the scrutiny record goes through these functions."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone

from accounts.models import User
from core.history import MISSING_VERSION, UNCHECKED, EditConflict, attribute, check_version
from core.numbering import next_number
from core.services import record_save

from . import signals
from .models import (
    Committee,
    Inquiry,
    Meeting,
    Recommendation,
    RecommendationPart,
    Report,
    TrackingAssessment,
    TrackingStatus,
    Withdrawable,
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
    expected_version=UNCHECKED,
    form_token=None,
) -> Recommendation:
    """Save a recommendation and, when given, replace its parts with `parts`.

    `expected_version` is the version the editing form was opened at: if someone saved
    the recommendation since, nothing is written and EditConflict says what changed.
    `form_token` is the one-time token of the form creating it: the same form saved twice
    (Back, then save again) is refused with a link to the recommendation it made.
    """
    if form_token is not None and recommendation.pk is None:
        made = Recommendation.objects.filter(form_token=form_token).first()
        if made is not None:
            raise AlreadySaved(made)
        recommendation.form_token = form_token
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
    added = []
    for number, item in enumerate(items, start=next_number(report.recommendations)):
        recommendation = Recommendation(
            report=report,
            number=number,
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


class AlreadySaved(ValidationError):
    """This very form was saved before (Back, then save again): nothing new is made."""

    def __init__(self, recommendation: Recommendation):
        super().__init__(
            f"This form was already saved as {recommendation.title}: nothing new has been "
            "added. Open it to change it, or add another recommendation.",
            code="already_saved",
        )
        self.recommendation = recommendation


@transaction.atomic
def report_back_schedule(
    *,
    recommendation: Recommendation,
    user: User,
    meeting: Meeting | None,
    month,
    every_months: int | None,
    expected_version=UNCHECKED,
) -> Recommendation:
    """Set when a recommendation is next to be reported back on (refused, like any edit,
    if it changed since the form was opened at `expected_version`)."""
    current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    check_version(current, expected_version)
    recommendation.version = current.version
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
    # none; None if the form did not say (refused). UNCHECKED skips the check (the demo
    # loader).
    expected_version: object = UNCHECKED


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
        try:
            with transaction.atomic():
                attribute(assessment, user).save()
        except IntegrityError:
            # Another officer recorded the first decision on it at the same moment.
            raise _decided_meanwhile(decision) from None
        _refresh_current_status(decision.recommendation, user)
        recorded.append(assessment)
    signals.tracking_decisions_recorded.send(TrackingAssessment, assessments=recorded)
    return recorded


def _check_assessment_version(
    decision: TrackingDecision, assessment: TrackingAssessment | None
) -> None:
    if decision.expected_version is UNCHECKED:
        return
    if decision.expected_version is None:
        raise EditConflict(MISSING_VERSION, current_version=assessment.version if assessment else 0)
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


@transaction.atomic
def meetings_create(
    *, committee: Committee, dates: list[date], start_time, place: str, user: User
) -> list[Meeting]:
    """A run of a committee's meetings in one step (a year's dates, say). Each is an
    ordinary meeting afterwards, edited on its own page. A date the committee already
    meets on refuses the whole run, naming the dates."""
    taken = sorted(
        Meeting.objects.filter(committee=committee, date__in=dates).values_list("date", flat=True)
    )
    if taken:
        listed = ", ".join(f"{day.day} {day:%B %Y}" for day in taken)
        raise ValidationError(
            {"dates": f"{committee.name} already has a meeting on {listed}: leave it out"}
        )
    return [
        record_save(
            instance=Meeting(committee=committee, date=day, start_time=start_time, place=place),
            user=user,
        )
        for day in sorted(set(dates))
    ]


def _decided_meanwhile(decision: TrackingDecision) -> EditConflict:
    other = (
        TrackingAssessment.objects.filter(recommendation=decision.recommendation)
        .order_by("-pk")
        .select_related("recorded_by", "status")
        .first()
    )
    who = other.recorded_by if other else "Another officer"
    return EditConflict(
        f"{who} recorded the board's decision on {decision.recommendation.title} while you "
        "were editing. Your decisions have not been saved and are still in the form: check "
        "them and save again.",
        current_version=other.version if other else 1,
    )


# --- Withdrawing what was entered by mistake -----------------------------------------


def _locked(item: Withdrawable) -> Withdrawable:
    return type(item).objects.select_for_update().get(pk=item.pk)


@transaction.atomic
def record_withdraw(*, item: Withdrawable, user: User, reason: str) -> Withdrawable:
    """Take an inquiry, report or recommendation entered by mistake out of the record.

    Nothing is deleted: the item and everything under it leave every list, count,
    worklist and paper (they read `.active()`), the reason is kept in its history, and an
    officer can restore it."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter why it is being withdrawn."})
    item = _locked(item)
    if item.is_withdrawn:
        raise ValidationError(f"{_name(item)} was already withdrawn.")
    item.withdrawn_at = timezone.now()
    item.withdrawn_by = user
    item.withdrawn_reason = reason
    if isinstance(item, Recommendation):
        item.version += 1
    attribute(item, user).save()
    return item


@transaction.atomic
def record_restore(*, item: Withdrawable, user: User) -> Withdrawable:
    """Put a withdrawn item back in the record, as it was; its history keeps both steps."""
    item = _locked(item)
    if not item.is_withdrawn:
        raise ValidationError(f"{_name(item)} is not withdrawn.")
    item.withdrawn_at = None
    item.withdrawn_by = None
    item.withdrawn_reason = ""
    if isinstance(item, Recommendation):
        item.version += 1
    attribute(item, user).save()
    return item


# What may go with an item when it is deleted: what it is made of, never what refers to it.
_OWNED = {Recommendation: {RecommendationPart}}


def _referring(item: Withdrawable) -> list[str]:
    """What refers to `item` and would be lost or block its deletion, in words."""
    collector = Collector(using="default")
    try:
        collector.collect([item])
    except (ProtectedError, RestrictedError) as error:
        blocking = error.protected_objects if isinstance(error, ProtectedError) else []
        blocking = blocking or error.restricted_objects
        return sorted({str(obj._meta.verbose_name_plural) for obj in blocking})
    allowed = {type(item), *_OWNED.get(type(item), set())}
    found = set()
    for model, instances in collector.data.items():
        if model in allowed or model._meta.auto_created or not instances:
            continue
        if model._meta.app_label in {"simple_history"} or model.__name__.startswith("Historical"):
            continue
        found.add(str(model._meta.verbose_name_plural))
    for qs in collector.fast_deletes:
        model = qs.model
        if model in allowed or model._meta.auto_created or model.__name__.startswith("Historical"):
            continue
        if qs.exists():
            found.add(str(model._meta.verbose_name_plural))
    return sorted(found)


@transaction.atomic
def record_delete(*, item: Withdrawable, user: User) -> None:
    """Delete an item for good, only when nothing refers to it (no report, recommendation,
    response, statement, decision or action): otherwise withdraw it instead."""
    item = _locked(item)
    referring = _referring(item)
    if referring:
        raise ValidationError(
            f"{_name(item)} cannot be deleted because other records refer to it "
            f"({', '.join(referring)}). Withdraw it instead: it leaves every list and paper "
            "and can be restored."
        )
    attribute(item, user).delete()


def _name(item: Withdrawable) -> str:
    if isinstance(item, Recommendation):
        return item.title
    if isinstance(item, Report):
        return f"The report “{item.title}”"
    if isinstance(item, Inquiry):
        return f"The inquiry “{item.title}”"
    return str(item)


@transaction.atomic
def report_recommendations_complete(*, report: Report, user: User) -> Report:
    """The officer says the report's recommendations are all entered: the directorates
    they are addressed to are told now, once for the report (again only about any added
    since), rather than once per recommendation as each is typed."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.withdrawn_with is not None:
        raise ValidationError("This report is withdrawn.")
    if not report.recommendations.active().exists():
        raise ValidationError("Add the report's recommendations first.")
    report.recommendations_completed_at = timezone.now()
    attribute(report, user).save(update_fields=["recommendations_completed_at"])
    signals.report_recommendations_completed.send(Report, report=report)
    return report
