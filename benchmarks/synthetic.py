"""The records the benchmarks build their synthetic councils from, written once.

Each benchmark keeps its own data set (its counts, names and dates); what it shares is how a
report, its recommendations, their responses, position statements and tracking decisions
are made in bulk. Import this module after `benchmarks.common.django_setup()`: it imports
the models.
"""

from __future__ import annotations

from datetime import date, datetime

from accounts.models import User
from recommendations.models import (
    Committee,
    Inquiry,
    Meeting,
    Recommendation,
    Report,
    TrackingAssessment,
    TrackingStatus,
)
from responses.models import PositionStatement, Response, ResponseDecision, ResponseState


def inquiry_report(
    committee: Committee,
    title: str,
    *,
    report_title: str | None = None,
    published_on: date,
    received_on: date,
    **inquiry_fields,
) -> Report:
    """An inquiry of `committee` and its report (titled as the inquiry unless told)."""
    inquiry = Inquiry.objects.create(committee=committee, title=title, **inquiry_fields)
    return Report.objects.create(
        inquiry=inquiry,
        title=report_title or title,
        published_on=published_on,
        received_on=received_on,
    )


def bulk_recommendations(recommendations: list[Recommendation]) -> list[Recommendation]:
    """Write `recommendations` in one go, with the stored values save() would derive."""
    for recommendation in recommendations:
        # bulk_create skips save(): the stored reference and next report-back, by the
        # model's own rule.
        recommendation.derive_stored_values()
    return Recommendation.objects.bulk_create(recommendations)


def accepted_response(
    recommendation: Recommendation,
    *,
    text: str,
    author: User,
    at: datetime,
    agreed_by: User | None = None,
    **fields,
) -> Response:
    """An accepted response `author` drafted and submitted `at`; agreed then by `agreed_by`
    when given, else still submitted."""
    return Response(
        recommendation=recommendation,
        decision=ResponseDecision.ACCEPTED,
        text=text,
        state=ResponseState.AGREED if agreed_by else ResponseState.SUBMITTED,
        drafted_by=author,
        submitted_by=author,
        submitted_at=at,
        agreed_by=agreed_by,
        agreed_at=at if agreed_by else None,
        **fields,
    )


def submitted_statement(
    recommendation: Recommendation,
    *,
    due_on: date,
    text: str,
    author: User,
    at: datetime,
    **fields,
) -> PositionStatement:
    """A position statement for the report-back due on `due_on`, submitted by `author`."""
    return PositionStatement(
        recommendation=recommendation,
        report_back_due_on=due_on,
        text=text,
        state=ResponseState.SUBMITTED,
        drafted_by=author,
        submitted_by=author,
        submitted_at=at,
        **fields,
    )


def assessment(
    recommendation: Recommendation,
    meeting: Meeting,
    status: TrackingStatus,
    recorded_by: User,
    **fields,
) -> TrackingAssessment:
    """The board's tracking decision on `recommendation` at `meeting`."""
    return TrackingAssessment(
        recommendation=recommendation,
        meeting=meeting,
        status=status,
        recorded_by=recorded_by,
        **fields,
    )
