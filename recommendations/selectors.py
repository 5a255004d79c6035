"""Reads that need care: what each user may see, and what is due when."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from accounts.models import User
from accounts.rules import is_council_reader
from responses.models import Response, ResponseState

from .models import Committee, Meeting, Recommendation, Report, TrackingStatus


def _visible_response_states(user: User) -> list[str]:
    if is_council_reader(user):
        return [ResponseState.SUBMITTED, ResponseState.AGREED]
    return [ResponseState.AGREED]


def reports_visible_to(user: User) -> QuerySet[Report]:
    reports = Report.objects.all()
    if is_council_reader(user):
        return reports
    return reports.filter(is_exempt=False, published_on__lte=timezone.localdate())


def recommendations_visible_to(user: User) -> QuerySet[Recommendation]:
    """Every recommendation the user may read, with what list pages show loaded.

    `visible_decision` is the current response's decision where the user may read that
    response (a draft's decision is the directorate's business until it is submitted).
    """
    recommendations = Recommendation.objects.all()
    if not is_council_reader(user):
        recommendations = recommendations.filter(
            report__is_exempt=False, report__published_on__lte=timezone.localdate()
        )
    current_visible_response = Response.objects.filter(
        recommendation=OuterRef("pk"),
        superseded_at__isnull=True,
        state__in=_visible_response_states(user),
    )
    return recommendations.select_related(
        "report__committee",
        "directorate",
        "current_status",
        "report_back_meeting",
    ).annotate(
        visible_decision=Subquery(current_visible_response.values("decision")[:1]),
        # Only what this user may read: the public must not learn from a missing "Due"
        # marker that a response was submitted but not yet agreed.
        has_submitted_response=Exists(current_visible_response),
    )


def _submitted_response_exists() -> Exists:
    """The recommendation's current response has been submitted (or agreed)."""
    return Exists(
        Response.objects.filter(
            recommendation=OuterRef("pk"),
            superseded_at__isnull=True,
            state__in=[ResponseState.SUBMITTED, ResponseState.AGREED],
        )
    )


def awaiting_response(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """Recommendations whose report was received and that have no submitted response.

    On a queryset from `recommendations_visible_to(user)`, "submitted" means a response
    that user may read (for the public: agreed), so that no list, filter or paper tells
    the public that a response is in but not yet agreed.
    """
    received = recommendations.filter(report__received_on__isnull=False)
    if "has_submitted_response" in recommendations.query.annotations:
        return received.filter(has_submitted_response=False)
    return received.exclude(_submitted_response_exists())


def overdue_recommendations(
    recommendations: QuerySet[Recommendation], today: date
) -> QuerySet[Recommendation]:
    response_late = awaiting_response(recommendations).filter(report__response_due_on__lt=today)
    return recommendations.filter(
        Q(pk__in=response_late.values("pk")) | Q(next_report_back_deadline__lt=today)
    )


def overdue_responses(
    recommendations: QuerySet[Recommendation], today: date
) -> QuerySet[Recommendation]:
    return (
        awaiting_response(recommendations)
        .filter(report__response_due_on__lt=today)
        .order_by("report__response_due_on", "report", "number")
    )


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(committee=meeting.committee_id, date__lt=meeting.date)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-date")
        .first()
    )


def recommendations_due_for_meeting(
    meeting: Meeting, recommendations: QuerySet[Recommendation] | None = None
) -> QuerySet[Recommendation]:
    """Every recommendation the board should track at this meeting: those scheduled onto
    it, those whose next report-back falls since the previous meeting, and those the
    board already assessed here (so a decision can be corrected)."""
    if recommendations is None:
        recommendations = Recommendation.objects.select_related(
            "report__committee", "directorate", "current_status", "report_back_meeting"
        )
    earlier = previous_meeting(meeting)
    due_window = Q(next_report_back_on__lte=meeting.date)
    if earlier is not None:
        due_window &= Q(next_report_back_on__gt=earlier.date)
    return (
        recommendations.filter(report__committee=meeting.committee_id)
        .filter(
            Q(report_back_meeting=meeting)
            | due_window
            | Q(pk__in=meeting.assessments.values("recommendation"))
        )
        .order_by(
            "report__inquiry__title",
            "report__inspection__title",
            "report__published_on",
            "number",
            "pk",  # a stable order, so the form's pages never skip or repeat one
        )
    )


def upcoming_meetings(committees: QuerySet[Committee], today: date) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(committee__in=committees, date__gte=today)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("committee")
        .order_by("date")
    )


@dataclass(frozen=True)
class StatusCount:
    status: TrackingStatus | None
    count: int


def status_counts(recommendations: QuerySet[Recommendation]) -> list[StatusCount]:
    """How many recommendations stand at each status, in scale order; None = not yet assessed."""
    counts = dict(
        recommendations.order_by()
        .values_list("current_status")
        .annotate(total=Count("pk"))
        .values_list("current_status", "total")
    )
    rows = [
        StatusCount(status, counts.get(status.pk, 0))
        for status in TrackingStatus.objects.order_by("position")
    ]
    return [StatusCount(None, counts.get(None, 0)), *rows]


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    kind: str
    title: str
    item: object


def recommendation_timeline(recommendation: Recommendation, user: User) -> list[TimelineEntry]:
    """The recommendation's life in date order, limited to what the user may read."""
    from responses.selectors import readable

    report = recommendation.report
    entries = []
    if report.published_on:
        entries.append(TimelineEntry(report.published_on, "report", "Report published", report))
    if report.received_on:
        entries.append(
            TimelineEntry(
                report.received_on, "received", "Report received by the executive", report
            )
        )
    responses = readable(user, list(recommendation.responses.select_related("submitted_by")))
    for response in responses:
        if response.submitted_at:
            entries.append(
                TimelineEntry(
                    response.submitted_at.date(), "response", "Response submitted", response
                )
            )
        if response.agreed_at:
            entries.append(
                TimelineEntry(response.agreed_at.date(), "agreed", "Response agreed", response)
            )
        if response.is_draft:
            entries.append(
                TimelineEntry(response.updated_at.date(), "draft", "Response drafted", response)
            )
    statements = readable(
        user,
        list(recommendation.position_statements.select_related("meeting", "proposed_status")),
    )
    for statement in statements:
        on = (
            statement.submitted_at.date() if statement.submitted_at else statement.updated_at.date()
        )
        title = "Position statement" + (" (draft)" if statement.is_draft else "")
        entries.append(TimelineEntry(on, "statement", title, statement))
    for assessment in recommendation.assessments.select_related("meeting", "status"):
        entries.append(
            TimelineEntry(
                assessment.meeting.date, "assessment", "Board's tracking decision", assessment
            )
        )
    return sorted(entries, key=lambda entry: entry.on)
