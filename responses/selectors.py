"""What a directorate has to do, and the responses and statements a user may read."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from accounts.models import User
from accounts.rules import is_council_reader
from recommendations.models import Recommendation

from .models import Response, ResponseState
from .rules import can_read


def items_readable_by(user: User, items: list) -> list:
    """Keep the responses or statements the user may read (rules, one place)."""
    return [item for item in items if can_read(user, item)]


def response_of(recommendation: Recommendation) -> Response | None:
    """The recommendation's response (there is at most one), whatever its state; not a
    draft left by a directorate the recommendation has since been moved away from."""
    return Response.objects.answering(recommendation).first()


def _response_states_readable_by(user: User) -> list[str]:
    if is_council_reader(user):
        return [ResponseState.SUBMITTED, ResponseState.AGREED]
    return [ResponseState.AGREED]


def responses_submitted_as_seen_by(user: User | None) -> QuerySet[Response]:
    """Submitted (or agreed) responses, as `user` may know of them: for the public only
    agreed ones, so nothing shows that a response is in but not yet agreed (None: all)."""
    if user is None:
        return Response.objects.submitted()
    return Response.objects.in_states(_response_states_readable_by(user))


def response_submitted_exists(user: User | None = None) -> Exists:
    """For a recommendation queryset: its response has been submitted (or agreed). Given
    a `user`, only a response that user may read counts (for the public: an agreed one),
    so that no list, marker, filter or paper tells the public that a response is in but
    not yet agreed."""
    if user is None:
        return Exists(Response.objects.submitted().filter(recommendation=OuterRef("pk")))
    readable = Response.objects.in_states(_response_states_readable_by(user))
    return Exists(readable.filter(recommendation=OuterRef("pk")))


def readable_response(user: User) -> QuerySet[Response]:
    """For a recommendation queryset (as a Subquery): its response, where the user may
    read it."""
    return Response.objects.in_states(_response_states_readable_by(user)).filter(
        recommendation=OuterRef("pk")
    )


def recommendations_with_response(
    recommendations: QuerySet[Recommendation], user: User
) -> QuerySet[Recommendation]:
    """Adds what list pages show of each recommendation's response.

    `visible_decision` is the response's decision where the user may read that response
    (a draft's decision is the directorate's business until it is submitted).
    """
    return recommendations.annotate(
        visible_decision=Subquery(readable_response(user).values("decision")[:1]),
        has_submitted_response=response_submitted_exists(user),
    )


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    kind: str
    title: str
    item: object


def recommendation_timeline(recommendation: Recommendation, user: User) -> list[TimelineEntry]:
    """The recommendation's life in date order, limited to what the user may read."""
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
    responses = items_readable_by(
        user, list(recommendation.responses.select_related("submitted_by"))
    )
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
    statements = items_readable_by(
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
