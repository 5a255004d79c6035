"""Reads that need care: what each user may see, and what is due when."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.rules import is_council_reader

from .models import Committee, Inquiry, Meeting, Recommendation, Report, TrackingStatus


def reports_visible_to(user: User) -> QuerySet[Report]:
    """Every report the user may read in lists and papers (never a withdrawn one)."""
    reports = Report.objects.active()
    if is_council_reader(user):
        return reports
    return reports.filter(is_exempt=False, published_on__lte=timezone.localdate())


def recommendations_visible_to(user: User) -> QuerySet[Recommendation]:
    """Every recommendation the user may read, with what list pages show loaded (never a
    withdrawn one, nor one of a withdrawn report or inquiry)."""
    recommendations = Recommendation.objects.active()
    if not is_council_reader(user):
        recommendations = recommendations.filter(
            report__is_exempt=False, report__published_on__lte=timezone.localdate()
        )
    return recommendations.select_related(
        "report__committee",
        "directorate",
        "current_status",
        "report_back_meeting",
    )


def inquiries_listed() -> QuerySet[Inquiry]:
    """The inquiries lists show (not withdrawn)."""
    return Inquiry.objects.active()


def withdrawn_records() -> dict[str, list]:
    """What officers have withdrawn, newest first, for them to restore."""
    return {
        "inquiries": list(
            Inquiry.objects.filter(withdrawn_at__isnull=False)
            .select_related("committee", "withdrawn_by")
            .order_by("-withdrawn_at")
        ),
        "reports": list(
            Report.objects.filter(withdrawn_at__isnull=False)
            .select_related("committee", "withdrawn_by")
            .order_by("-withdrawn_at")
        ),
        "recommendations": list(
            Recommendation.objects.filter(withdrawn_at__isnull=False)
            .select_related("report", "withdrawn_by")
            .order_by("-withdrawn_at")
        ),
    }


def meeting_before(meeting: Meeting) -> Meeting | None:
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
        recommendations = Recommendation.objects.active().select_related(
            "report__committee", "directorate", "current_status", "report_back_meeting"
        )
    earlier = meeting_before(meeting)
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
        )
    )


def meetings_upcoming(committees: QuerySet[Committee], today: date) -> QuerySet[Meeting]:
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


def recommendations_by_status(recommendations: QuerySet[Recommendation]) -> list[StatusCount]:
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
