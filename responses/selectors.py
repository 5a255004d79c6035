"""What a directorate has to do, and the responses and statements a user may read."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from accounts.models import User
from accounts.rules import is_council_reader
from recommendations.models import Recommendation

from .models import PositionStatement, Response, ResponseState
from .rules import can_read


def items_readable_by(user: User, items: list) -> list:
    """Keep the responses or statements the user may read (rules, one place)."""
    return [item for item in items if can_read(user, item)]


def response_of(recommendation: Recommendation) -> Response | None:
    """The recommendation's response (there is at most one), whatever its state; not a
    draft left by a directorate the recommendation has since been moved away from."""
    return Response.objects.answering(recommendation).first()


def response_states_readable_by(user: User) -> list[str]:
    """The states of responses and position statements the user may read, beyond their
    own directorate's drafts (which no shared list or search shows)."""
    if is_council_reader(user):
        return [ResponseState.SUBMITTED, ResponseState.AGREED]
    return [ResponseState.AGREED]


def responses_submitted_as_seen_by(user: User | None) -> QuerySet[Response]:
    """Submitted (or agreed) responses. That a response is in is not private: the public
    and members read "Response received; awaiting the board's agreement" (its words stay
    private until agreed: `readable_response`). `user` is kept for callers that pass it."""
    return Response.objects.submitted()


def response_submitted_exists(user: User | None = None) -> Exists:
    """For a recommendation queryset: its response has been submitted (or agreed), for
    everyone alike (see `responses_submitted_as_seen_by`)."""
    return Exists(responses_submitted_as_seen_by(user).filter(recommendation=OuterRef("pk")))


def readable_response(user: User) -> QuerySet[Response]:
    """For a recommendation queryset (as a Subquery): its response, where the user may
    read it."""
    return Response.objects.in_states(response_states_readable_by(user)).filter(
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
        has_agreed_response=Exists(
            Response.objects.filter(recommendation=OuterRef("pk"), state=ResponseState.AGREED)
        ),
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


def responses_awaiting_agreement(recommendations: QuerySet[Recommendation]) -> QuerySet[Response]:
    """Submitted responses to `recommendations` that the board has yet to agree."""
    return (
        Response.objects.filter(state=ResponseState.SUBMITTED, recommendation__in=recommendations)
        .select_related("recommendation__report__committee", "recommendation__directorate")
        .order_by(
            "recommendation__report__title", "recommendation__report", "recommendation__number"
        )
    )


@dataclass(frozen=True)
class ReportAwaiting:
    report: object
    responses: list


def reports_awaiting_agreement(recommendations: QuerySet[Recommendation]) -> list[ReportAwaiting]:
    """The responses waiting for the board's agreement, by report (officers' home page)."""
    grouped: dict[int, ReportAwaiting] = {}
    for response in responses_awaiting_agreement(recommendations):
        report = response.recommendation.report
        grouped.setdefault(report.pk, ReportAwaiting(report, [])).responses.append(response)
    return list(grouped.values())


def statement_for_meeting(statements, meeting) -> PositionStatement | None:
    """Of a recommendation's `statements`, the one the board reads at `meeting`: the one
    written for it, else the latest due by its date."""
    for statement in statements:
        if statement.meeting_id == meeting.pk:
            return statement
    earlier = [s for s in statements if s.report_back_due_on <= meeting.date]
    return max(earlier, key=lambda s: s.report_back_due_on, default=None)


def submitted_statements_for_meeting(recommendations, meeting) -> dict[int, PositionStatement]:
    """For the tracking form: each recommendation's submitted statement for `meeting`
    (what the directorate said, and the status it proposes), by recommendation id. One
    query."""
    by_recommendation: dict[int, list[PositionStatement]] = {}
    for statement in (
        PositionStatement.objects.filter(
            recommendation__in=[r.pk for r in recommendations], state=ResponseState.SUBMITTED
        )
        .select_related("proposed_status")
        .order_by("report_back_due_on")
    ):
        by_recommendation.setdefault(statement.recommendation_id, []).append(statement)
    return {
        pk: chosen
        for pk, statements in by_recommendation.items()
        if (chosen := statement_for_meeting(statements, meeting)) is not None
    }
