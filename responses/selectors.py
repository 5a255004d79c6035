"""What a directorate has to do, and the responses and statements a user may read."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from accounts.models import User
from accounts.rules import is_council_reader, is_directorate_user
from core.lists import COUNT_CAP, Shortlist, capped
from recommendations.models import Recommendation, Report

from .models import IN_STATES, PositionStatement, Response, ResponseState
from .rules import can_read


def items_readable_by(user: User, items: list) -> list:
    """Keep the responses or statements the user may read (rules, one place)."""
    return [item for item in items if can_read(user, item)]


def response_of(recommendation: Recommendation) -> Response | None:
    """The recommendation's response (there is at most one), whatever its state; not a
    draft left by a directorate the recommendation has since been moved away from."""
    return Response.objects.answering(recommendation).first()


def directorate_drafts(
    model: type[Response] | type[PositionStatement],
    directorate_id: int | None,
    recommendations: Iterable[Recommendation],
) -> QuerySet:
    """The directorate's drafts (responses or position statements) about these
    recommendations, in one query: a draft belongs to the directorate that wrote it."""
    return model.objects.filter(
        # `or [0]` (no such id): an empty list would skip the query.
        recommendation__in=[row.pk for row in recommendations] or [0],
        state=ResponseState.DRAFT,
        directorate=directorate_id,
    )


def response_states_readable_by(user: User) -> list[str]:
    """The states of responses and position statements the user may read, beyond their
    own directorate's drafts (which no shared list or search shows)."""
    if is_council_reader(user):
        return [ResponseState.SUBMITTED, ResponseState.AGREED]
    return [ResponseState.AGREED]


def response_submitted_exists() -> Exists:
    """For a recommendation queryset: its response has been submitted (or agreed), for
    everyone alike. That a response is in is not private: the public and members read
    "Response received; awaiting the board's agreement" (its words stay private until
    agreed: `readable_response`)."""
    return Exists(Response.objects.submitted().filter(recommendation=OuterRef("pk")))


def readable_response(user: User) -> QuerySet[Response]:
    """For a recommendation queryset (as a Subquery): its response, where the user may
    read it."""
    return Response.objects.in_states(response_states_readable_by(user)).filter(
        recommendation=OuterRef("pk")
    )


def no_readable_response(user: User) -> Q:
    """The recommendations with no response the user may read: those whose
    `visible_decision` (`recommendations_with_response`) is empty, the list's "No response
    yet" (a response in a readable state always has a decision).

    Inside the council a response is readable once it is in, so these are the
    recommendations whose response is not in, which the stored `response_is_in` says from
    an index (`rec_owed_by_report`): the worklist links to a directorate's in the list,
    and matching each of its 12,500 recommendations at 100,000 against the responses took
    a tenth of a second. Outside, those with no agreed response."""
    if set(response_states_readable_by(user)) == set(IN_STATES):
        return Q(response_is_in=False)
    return ~Exists(readable_response(user))


def recommendations_with_response(
    recommendations: QuerySet[Recommendation], user: User
) -> QuerySet[Recommendation]:
    """Adds what list pages show of each recommendation's response.

    `visible_decision` is the response's decision where the user may read that response
    (a draft's decision is the directorate's business until it is submitted).
    """
    # The state of its one response in (submitted or agreed), as a value: selected as an
    # EXISTS, PostgreSQL would hash every response in the council first for a page of 25.
    submitted_state = Subquery(
        Response.objects.submitted().filter(recommendation=OuterRef("pk")).values("state")[:1]
    )
    return recommendations.annotate(
        visible_decision=Subquery(readable_response(user).values("decision")[:1]),
        submitted_response_state=submitted_state,
    ).annotate(
        has_submitted_response=ExpressionWrapper(
            Q(submitted_response_state__isnull=False), output_field=BooleanField()
        ),
        has_agreed_response=ExpressionWrapper(
            # False, not NULL, where no response is in.
            Q(submitted_response_state__isnull=False)
            & Q(submitted_response_state=ResponseState.AGREED),
            output_field=BooleanField(),
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


def awaiting_by_report(
    reports: list[Report], recommendations: QuerySet[Recommendation]
) -> list[ReportAwaiting]:
    """The waiting responses of some reports, grouped, in the reports' order: one query."""
    grouped = {report.pk: ReportAwaiting(report, []) for report in reports}
    waiting = responses_awaiting_agreement(recommendations).filter(
        recommendation__report__in=list(grouped) or [0]
    )
    # Each is named by its recommendation's title alone (the report's kind says which).
    for response in waiting.select_related(None).select_related("recommendation__report"):
        grouped[response.recommendation.report_id].responses.append(response)
    return list(grouped.values())


# The officer's home page names this many reports; the count says how many responses wait.
REPORTS_AWAITING_LIMIT = 10


def reports_awaiting_agreement(
    recommendations: QuerySet[Recommendation],
    *,
    limit: int = REPORTS_AWAITING_LIMIT,
    cap: int = COUNT_CAP,
) -> Shortlist:
    """The first `limit` reports with responses waiting for the board's agreement, the
    longest waiting first (officers' home page), and how many responses wait in all,
    counting no further than `cap` (as `count_capped`).

    The waiting responses are walked oldest first (an index serves it) up to `cap` + 1 in
    one query: the first `limit` reports among them are named, and how many responses
    were read is the count (at 100,000 recommendations 14 ms, against 23 for a walk of 200
    and a separate count). Only where more than `cap` responses wait in fewer than `limit`
    reports does the walk go on, a batch at a time, so the cost is the same however many
    wait."""
    oldest_first = (
        responses_awaiting_agreement(recommendations)
        .order_by("submitted_at", "pk")
        .values_list("recommendation__report", flat=True)
    )
    found = list(oldest_first[: cap + 1])
    total, stopped = capped(len(found), cap)
    report_ids = dict.fromkeys(found)
    offset, batch = len(found), limit * 20
    more = stopped
    while more and len(report_ids) < limit:
        found = list(oldest_first[offset : offset + batch])
        report_ids.update(dict.fromkeys(found))
        offset, more = offset + len(found), len(found) == batch
    named = list(report_ids)[:limit]
    reports = Report.objects.select_related("committee").in_bulk(named)
    groups = awaiting_by_report([reports[pk] for pk in named], recommendations)
    return Shortlist(groups, total, stopped)


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


@dataclass(frozen=True)
class OwedResponse:
    """A recommendation of a report that the user's directorate still has to answer, with
    its draft if one has been started."""

    recommendation: Recommendation
    draft: Response | None


def responses_owed_on_report(user: User, report_id: int) -> list[OwedResponse]:
    """The report's recommendations addressed to the user's directorate that have no
    submitted response yet, in order, each with the directorate's draft: two queries for
    the recommendations and their parts, two for the drafts and their accepted parts,
    however long the report."""
    if not is_directorate_user(user) or user.directorate_id is None:
        return []
    recommendations = list(
        Recommendation.objects.active()
        .filter(report=report_id, directorate=user.directorate_id)
        .exclude(Exists(Response.objects.submitted().filter(recommendation=OuterRef("pk"))))
        .select_related("report__committee", "directorate")
        .prefetch_related("parts")
        .order_by("number")
    )
    drafts = {
        draft.recommendation_id: draft
        for draft in directorate_drafts(Response, user.directorate_id, recommendations)
        .select_related("returned_by")
        .prefetch_related("accepted_parts")
    }
    by_pk = {row.pk: row for row in recommendations}
    for draft in drafts.values():
        draft.recommendation = by_pk[draft.recommendation_id]  # read once, not per draft
    return [OwedResponse(row, drafts.get(row.pk)) for row in recommendations]
