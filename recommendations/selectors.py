"""Reads that need care: what each user may see, and what is due when."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User
from accounts.rules import is_council_reader

from . import tally
from .models import Committee, Inquiry, Meeting, Recommendation, Report, TrackingStatus


def reports_visible_to(user: User) -> QuerySet[Report]:
    """Every report the user may read in lists and papers (never a withdrawn one)."""
    reports = Report.objects.active()
    if is_council_reader(user):
        return reports
    return reports.filter(is_exempt=False, published_on__lte=timezone.localdate())


def recommendations_visible_to(
    user: User, *, whole_table: bool = False
) -> QuerySet[Recommendation]:
    """Every recommendation the user may read, with what list pages show loaded (never a
    withdrawn one, nor one of a withdrawn report or inquiry). `whole_table`: for a count
    of all of them (see RecommendationQuerySet.active)."""
    recommendations = Recommendation.objects.active(whole_table=whole_table)
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
            .without_search_columns()
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


def report_back_due_at_meeting(
    *, next_report_back_on: date | None, meeting: Meeting, meeting_dates: list[date], today: date
) -> bool:
    """The rule for one recommendation (the per-item form of `recommendations_due_for_meeting`).

    A recommendation's next report-back (the first the board has not assessed) is due at
    every meeting of its board on or after the day it falls due, until the board assesses
    it: so a meeting already held still takes what it did not assess (the officer records
    the decisions afterwards). Of the meetings still to come, only the first on or after
    both that day and today takes it: the plan is that the board deals with it there.
    `meeting_dates` are the board's non-cancelled meeting dates.
    """
    if next_report_back_on is None or meeting.status == Meeting.Status.CANCELLED:
        return False
    if next_report_back_on > meeting.date:
        return False
    if meeting.date < today:
        return True
    start = max(next_report_back_on, today)
    return not any(start <= other < meeting.date for other in meeting_dates)


def due_for_tracking_at(meeting: Meeting, today: date) -> Q:
    """The rule of `recommendations_due_for_meeting` as a condition on a board's
    recommendations, for queries that ask it of several meetings at once (the work
    programme)."""
    due = Q(pk__in=meeting.assessments.values("recommendation"))
    if meeting.status != Meeting.Status.CANCELLED:
        falls_due = Q(next_report_back_on__lte=meeting.date)
        if meeting.date >= today:
            # Not if an earlier meeting still to come takes it: one falling due on or
            # before the latest of them. Asked as "after the latest", that meeting is
            # found once for the query, not once for every recommendation of the board.
            latest_earlier = (
                Meeting.objects.filter(committee=meeting.committee_id, date__lt=meeting.date)
                .filter(date__gte=today)
                .exclude(status=Meeting.Status.CANCELLED)
                .order_by("-date")
                .values("date")[:1]
            )
            falls_due &= Q(next_report_back_on__gt=Coalesce(Subquery(latest_earlier), date.min))
        due |= falls_due
    return due


def recommendations_due_for_meeting(
    meeting: Meeting,
    recommendations: QuerySet[Recommendation] | None = None,
    *,
    today: date | None = None,
) -> QuerySet[Recommendation]:
    """Every recommendation the board should track at this meeting: those whose next
    report-back is due at it (see `report_back_due_at_meeting`, the same rule in Python),
    and those the board already assessed here (so a decision can be corrected). The work
    programme, the meeting page, the tracking form and the papers all use this."""
    today = today or timezone.localdate()
    if recommendations is None:
        recommendations = Recommendation.objects.active().select_related(
            "report__committee", "directorate", "current_status", "report_back_meeting"
        )
    return (
        recommendations.filter(report__committee=meeting.committee_id)
        .filter(due_for_tracking_at(meeting, today))
        .order_by(
            "report__inquiry__title",
            "report__inspection__title",
            "report__published_on",
            "number",
            "pk",  # a stable order, so the form's pages never skip or repeat one
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
    """How many of `recommendations` stand at each status, in scale order; None = not yet
    assessed. Counted from the rows: see `status_counts_for` for the pages' counts."""
    return _in_scale_order(
        dict(
            recommendations.order_by()
            .values_list("current_status")
            .annotate(total=Count("pk"))
            .values_list("current_status", "total")
        )
    )


def status_counts_for(user: User, committees=None) -> list[StatusCount]:
    """The counts by status a user's pages show: of every board, or of `committees` (ids,
    boards or a query of boards). What they count is what the user may read
    (`recommendations_visible_to`). A council reader reads every active recommendation,
    so theirs come from the tally the database keeps of exactly those (a few hundred rows,
    not every recommendation); the public's are counted from the published rows."""
    if is_council_reader(user):
        return _in_scale_order(tally.totals_by_status(committees))
    rows = recommendations_visible_to(user, whole_table=committees is None)
    if committees is not None:
        rows = rows.filter(report__committee__in=committees)
    return recommendations_by_status(rows)


def _in_scale_order(counts: dict) -> list[StatusCount]:
    rows = [
        StatusCount(status, counts.get(status.pk, 0))
        for status in TrackingStatus.objects.order_by("position")
    ]
    return [StatusCount(None, counts.get(None, 0)), *rows]
