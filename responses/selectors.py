"""What a directorate has to do, and the responses and statements a user may read."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import QuerySet

from accounts.models import User
from recommendations.models import Recommendation
from recommendations.report_backs import ReportBackOccurrence

from .models import PositionStatement, Response, ResponseState
from .rules import can_read


@dataclass(frozen=True)
class WorkItem:
    """One thing a directorate owes the board: a response or a position statement."""

    recommendation: Recommendation
    kind: str  # "response" or "position statement"
    due_on: date | None
    draft: Response | PositionStatement | None
    occurrence: ReportBackOccurrence | None = None


def directorate_worklist(user: User, today: date) -> list[WorkItem]:
    """Responses still to submit and position statements due within the look-ahead
    (or already late), for the user's own directorate, nearest deadline first."""
    if not user.is_authenticated or user.directorate_id is None:
        return []
    recommendations = list(
        Recommendation.objects.filter(directorate=user.directorate_id)
        .select_related("report__committee", "current_status", "report_back_meeting")
        .prefetch_related("responses", "position_statements")
        .order_by("report", "number")
    )
    horizon = today + timedelta(days=settings.REPORT_BACK_LOOKAHEAD_DAYS)
    items: list[WorkItem] = []
    for recommendation in recommendations:
        current = next((r for r in recommendation.responses.all() if r.superseded_at is None), None)
        if current is None or current.state == ResponseState.DRAFT:
            items.append(
                WorkItem(
                    recommendation=recommendation,
                    kind="response",
                    due_on=recommendation.report.response_due_on,
                    draft=current,
                )
            )
            continue
        occurrence = recommendation.next_report_back
        if occurrence is None or occurrence.due_on > horizon:
            continue
        statement = next(
            (
                s
                for s in recommendation.position_statements.all()
                if s.report_back_due_on == occurrence.due_on
                and s.directorate_id == recommendation.directorate_id
            ),
            None,
        )
        if statement is None or statement.state == ResponseState.DRAFT:
            items.append(
                WorkItem(
                    recommendation=recommendation,
                    kind="position statement",
                    due_on=occurrence.deadline,
                    draft=statement,
                    occurrence=occurrence,
                )
            )
    return sorted(items, key=lambda item: (item.due_on is None, item.due_on or today))


def readable(user: User, items: list) -> list:
    """Keep the responses or statements the user may read (rules, one place)."""
    return [item for item in items if can_read(user, item)]


def current_response(recommendation: Recommendation) -> Response | None:
    return recommendation.responses.filter(superseded_at__isnull=True).first()


def statements_for(recommendation: Recommendation) -> QuerySet[PositionStatement]:
    return recommendation.position_statements.select_related(
        "meeting", "proposed_status", "submitted_by"
    )
