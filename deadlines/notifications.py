"""Emails on events: the officer hears of each submitted response and position
statement; the directorate of each recommendation addressed to it, each response
returned to it, each tracking decision the board records, and each report-back moved.

The record's services announce what happened with signals (recommendations.signals,
responses.signals), inside their transaction; the receivers here are connected by
DeadlinesConfig.ready(). Each only registers work with `transaction.on_commit`, so
mail is claimed and queued once the write has committed, and a failure is logged and
recorded, never raised into the write.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.utils import timezone

from core.delivery import build_message
from council.selectors import council_settings
from recommendations import signals as record_signals
from recommendations.dates import days_late
from recommendations.models import Recommendation, TrackingAssessment
from responses import signals as response_signals
from responses.models import PositionStatement, Response

from .models import ReportBackMove, SentNotification
from .outbox import claim, notifications_queue
from .selectors import recipients_of_directorate

logger = logging.getLogger(__name__)

_suppressed: ContextVar[bool] = ContextVar("deadlines_notifications_suppressed", default=False)


@contextmanager
def suppressed():
    """No event emails for writes inside this block: for loading demo data or imports of
    historical records, which would otherwise tell everyone about 2012."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def _after_commit(function, *args) -> None:
    if _suppressed.get():
        return

    def run():
        try:
            function(*args)
        except Exception:  # noqa: BLE001 - a notification never breaks the write
            logger.exception("Notification %s%r failed", function.__name__, args)

    transaction.on_commit(run, robust=True)


# --- Receivers (connected in apps.py) and deadlines' own events ---------------------


def on_response_submitted(sender, *, response, **kwargs) -> None:
    _after_commit(_notify_response_submitted, response.pk)


def on_response_returned(sender, *, response, **kwargs) -> None:
    _after_commit(_notify_response_returned, response.pk, response.version)


def on_statement_submitted(sender, *, statement, **kwargs) -> None:
    _after_commit(_notify_statement_submitted, statement.pk)


def on_report_recommendations_completed(sender, *, report, **kwargs) -> None:
    """Tells each directorate, once for the report, about its recommendations in it (each
    recommendation once per directorate, however often the report is completed)."""
    _after_commit(_notify_report_addressed, report.pk)


def on_recommendations_added(sender, *, recommendations, **kwargs) -> None:
    """Several recommendations added together: one email to each directorate for the lot."""
    _after_commit(_notify_addressed_together, [r.pk for r in recommendations])


def on_tracking_decisions_recorded(sender, *, assessments, **kwargs) -> None:
    _after_commit(_notify_tracking_decisions, [assessment.pk for assessment in assessments])


def connect() -> None:
    response_signals.response_submitted.connect(on_response_submitted)
    response_signals.response_returned.connect(on_response_returned)
    response_signals.statement_submitted.connect(on_statement_submitted)
    record_signals.report_recommendations_completed.connect(on_report_recommendations_completed)
    record_signals.recommendations_added.connect(on_recommendations_added)
    record_signals.tracking_decisions_recorded.connect(on_tracking_decisions_recorded)


def report_back_moved(move: ReportBackMove) -> None:
    _after_commit(_notify_moved, move.pk)


# --- The work, after commit -------------------------------------------------------


def _notify(*, recipients, recommendation, item: str, stage: str, template: str, context):
    for recipient in recipients:
        if recipient is None or not recipient.is_active or not recipient.email:
            continue
        notification = claim(
            recipient=recipient, recommendation=recommendation, item=item, stage=stage
        )
        if notification is None:
            continue
        message = build_message(
            template,
            to=recipient.email,
            context={
                "recipient": recipient,
                "recommendation": recommendation,
                "council_name": council_settings().council_name,
                **context,
            },
        )
        notifications_queue(message, [notification])


def _officer_of(recommendation):
    return recommendation.report.committee.scrutiny_officer


def _notify_response_submitted(response_pk: int) -> None:
    response = Response.objects.select_related(
        "recommendation__report__committee__scrutiny_officer",
        "recommendation__directorate",
        "submitted_by",
    ).get(pk=response_pk)
    recommendation = response.recommendation
    late = (
        days_late(recommendation.report.response_due_on, timezone.localdate(response.submitted_at))
        if response.submitted_at
        else 0
    )
    _notify(
        recipients=[_officer_of(recommendation)],
        recommendation=recommendation,
        item=f"response:{response.pk}",
        stage=SentNotification.Stage.RESPONSE_SUBMITTED,
        template="deadlines/email/response_submitted",
        context={"response": response, "late": late},
    )


def _notify_response_returned(response_pk: int, version: int) -> None:
    """The directorate that submitted the response hears, once for each return, which
    recommendation's response came back and why."""
    response = Response.objects.select_related(
        "recommendation__report__committee", "returned_by"
    ).get(pk=response_pk)
    _notify(
        recipients=recipients_of_directorate(response.directorate_id),
        recommendation=response.recommendation,
        item=f"response:{response.pk}:returned:{version}",
        stage=SentNotification.Stage.RESPONSE_RETURNED,
        template="deadlines/email/response_returned",
        context={"response": response},
    )


def _notify_statement_submitted(statement_pk: int) -> None:
    statement = PositionStatement.objects.select_related(
        "recommendation__report__committee__scrutiny_officer",
        "recommendation__directorate",
        "submitted_by",
        "meeting",
    ).get(pk=statement_pk)
    recommendation = statement.recommendation
    _notify(
        recipients=[_officer_of(recommendation)],
        recommendation=recommendation,
        item=f"statement:{statement.pk}",
        stage=SentNotification.Stage.STATEMENT_SUBMITTED,
        template="deadlines/email/statement_submitted",
        context={"statement": statement},
    )


def _notify_report_addressed(report_pk: int) -> None:
    _tell_directorates(
        Recommendation.objects.active().filter(
            report=report_pk, addressed_to=Recommendation.Addressee.DIRECTORATE
        )
    )


def _notify_addressed_together(recommendation_pks: list[int]) -> None:
    _tell_directorates(Recommendation.objects.active().filter(pk__in=recommendation_pks))


def _tell_directorates(recommendations) -> None:
    """One email to each person of each directorate, listing those of `recommendations`
    (of one report) addressed to it that they have not been told of yet: never one email
    per recommendation."""
    by_directorate: dict = {}
    for recommendation in (
        recommendations.filter(directorate__isnull=False)
        .select_related("report__committee", "directorate")
        .order_by("directorate", "number")
    ):
        by_directorate.setdefault(recommendation.directorate, []).append(recommendation)
    for directorate, addressed in by_directorate.items():
        for recipient in recipients_of_directorate(directorate.pk):
            if not recipient.is_active or not recipient.email:
                continue
            claimed = [
                (recommendation, notification)
                for recommendation in addressed
                if (
                    notification := claim(
                        recipient=recipient,
                        recommendation=recommendation,
                        item=f"directorate:{directorate.pk}",
                        stage=SentNotification.Stage.ADDRESSED,
                    )
                )
                is not None
            ]
            if not claimed:
                continue
            message = build_message(
                "deadlines/email/recommendations_addressed",
                to=recipient.email,
                context={
                    "recipient": recipient,
                    "directorate": directorate,
                    "recommendations": [recommendation for recommendation, _ in claimed],
                    "report": claimed[0][0].report,
                },
            )
            notifications_queue(message, [notification for _, notification in claimed])


def _notify_tracking_decisions(assessment_pks: list[int]) -> None:
    for assessment in TrackingAssessment.objects.filter(pk__in=assessment_pks).select_related(
        "recommendation__report__committee",
        "recommendation__directorate",
        "meeting",
        "status",
    ):
        recommendation = assessment.recommendation
        _notify(
            recipients=recipients_of_directorate(recommendation.directorate_id),
            recommendation=recommendation,
            item=f"assessment:{assessment.pk}:{assessment.status_id}",
            stage=SentNotification.Stage.DECISION_RECORDED,
            template="deadlines/email/tracking_decision_recorded",
            context={"assessment": assessment},
        )


def _notify_moved(move_pk: int) -> None:
    move = ReportBackMove.objects.select_related(
        "recommendation__report__committee",
        "recommendation__directorate",
        "to_meeting",
        "moved_by",
    ).get(pk=move_pk)
    recommendation = move.recommendation
    _notify(
        recipients=recipients_of_directorate(recommendation.directorate_id),
        recommendation=recommendation,
        item=f"move:{move.pk}",
        stage=SentNotification.Stage.REPORT_BACK_MOVED,
        template="deadlines/email/report_back_moved",
        context={"move": move},
    )
