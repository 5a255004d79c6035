"""Writing an import: everything in the plan in one transaction, or nothing."""

from dataclasses import dataclass, field
from datetime import datetime, time

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from core.history import attribute
from deadlines import notifications
from recommendations.models import (
    Committee,
    Inquiry,
    Meeting,
    Recommendation,
    Report,
    TrackingAssessment,
)
from responses.models import Response, ResponseState
from responses.search import search_documents_refresh

from .models import ImportJob
from .planning import Plan, PlannedRecommendation, _key

BATCH_SIZE = 500


class ImportRefused(Exception):
    """The plan has problems: nothing was written."""


@dataclass
class ImportResult:
    committees: int = 0
    inquiries: int = 0
    reports: int = 0
    meetings: int = 0
    recommendations: int = 0
    responses: int = 0
    decisions: int = 0
    already_imported: int = 0
    lines: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if not self.recommendations:
            return (
                f"Nothing new to import: all {self.already_imported} recommendations in the "
                "file are already recorded."
            )
        counts = [
            (self.recommendations, "recommendation"),
            (self.responses, "agreed response"),
            (self.decisions, "tracking decision"),
            (self.reports, "report"),
            (self.inquiries, "inquiry"),
            (self.committees, "committee"),
            (self.meetings, "meeting"),
        ]
        parts = [_counted(count, noun) for count, noun in counts]
        text = "Created " + ", ".join(parts) + "."
        if self.already_imported:
            text += f" {self.already_imported} already recorded were left as they are."
        return text


def _counted(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def _at_noon(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


@transaction.atomic
def import_commit(*, plan: Plan, job: ImportJob, user: User | None) -> ImportResult:
    """Write the plan. A plan with problems writes nothing. The history of every record
    created says who imported it and from which file (`job`)."""
    if not plan.is_clean:
        raise ImportRefused(f"{len(plan.problems)} problems: nothing was imported.")
    reason = job.change_reason
    result = ImportResult(already_imported=plan.already_imported)
    # Who the records say drafted, agreed and recorded them.
    recorder = user or _system_user()

    def save(instance):
        attribute(instance, user)
        instance._change_reason = reason
        instance.save()
        return instance

    with notifications.suppressed():  # historical records: nobody is told about 2012
        committees = {_key(c.name): c for c in Committee.objects.all()}
        inquiries: dict[tuple, Inquiry] = {}
        reports: dict[tuple, Report] = {}
        meetings: dict[tuple, Meeting] = {}
        for item in plan.recommendations:
            committee_key = _key(item.committee)
            if committee_key not in committees:
                committees[committee_key] = Committee.objects.create(name=item.committee)
                result.committees += 1
            committee = committees[committee_key]
            inquiry_key = (committee.pk, _key(item.inquiry))
            if inquiry_key not in inquiries:
                inquiry = Inquiry.objects.filter(
                    committee=committee, title__iexact=item.inquiry
                ).first() or _new_inquiry(item, committee, save, result)
                inquiries[inquiry_key] = inquiry
            inquiry = inquiries[inquiry_key]
            report_key = (inquiry.pk, _key(item.report))
            if report_key not in reports:
                reports[report_key] = Report.objects.filter(
                    inquiry=inquiry, title__iexact=item.report
                ).first() or _new_report(item, inquiry, save, result)

        new_recommendations = []
        for item in plan.recommendations:
            report = reports[
                (
                    inquiries[(committees[_key(item.committee)].pk, _key(item.inquiry))].pk,
                    _key(item.report),
                )
            ]
            meeting = None
            if item.status is not None:
                meeting_key = (report.committee_id, item.status_date)
                if meeting_key not in meetings:
                    meetings[meeting_key] = _meeting(
                        report.committee, item.status_date, save, result
                    )
                meeting = meetings[meeting_key]
            new_recommendations.append((item, report, meeting, _recommendation(item, report)))

        created = bulk_create_with_history(
            [recommendation for *_, recommendation in new_recommendations],
            Recommendation,
            batch_size=BATCH_SIZE,
            default_user=user,
            default_change_reason=reason,
        )
        result.recommendations = len(created)
        responses, assessments = [], []
        for (item, _report, meeting, _), recommendation in zip(
            new_recommendations, created, strict=True
        ):
            if item.decision:
                responses.append(_response(item, recommendation, recorder))
            if meeting is not None:
                assessments.append(
                    TrackingAssessment(
                        recommendation=recommendation,
                        meeting=meeting,
                        status=item.status,
                        comment=item.update,
                        recorded_by=recorder,
                    )
                )
        bulk_create_with_history(
            responses,
            Response,
            batch_size=BATCH_SIZE,
            default_user=user,
            default_change_reason=reason,
        )
        bulk_create_with_history(
            assessments,
            TrackingAssessment,
            batch_size=BATCH_SIZE,
            default_user=user,
            default_change_reason=reason,
        )
        result.responses, result.decisions = len(responses), len(assessments)
        # Written in bulk, without the saves that keep each search document in step.
        search_documents_refresh(
            recommendations=Recommendation.objects.filter(pk__in=[r.pk for r in created])
        )
    return result


def _new_inquiry(item: PlannedRecommendation, committee: Committee, save, result) -> Inquiry:
    result.inquiries += 1
    return save(
        Inquiry(
            committee=committee,
            title=item.inquiry,
            status=Inquiry.Status.MONITORING,
            concluded_on=item.report_date,
        )
    )


def _new_report(item: PlannedRecommendation, inquiry: Inquiry, save, result) -> Report:
    result.reports += 1
    # The date in a tracker is the report's: the response clock starts from it.
    return save(
        Report(
            inquiry=inquiry,
            title=item.report,
            published_on=item.report_date,
            received_on=item.report_date,
        )
    )


def _meeting(committee: Committee, on, save, result) -> Meeting:
    meeting = Meeting.objects.filter(committee=committee, date=on).first()
    if meeting is None:
        result.meetings += 1
        meeting = save(Meeting(committee=committee, date=on, status=Meeting.Status.HELD))
    return meeting


def _recommendation(item: PlannedRecommendation, report: Report) -> Recommendation:
    recommendation = Recommendation(
        report=report,
        number=item.number,
        reference=item.reference,
        text=item.text,
        addressed_to=item.addressed_to,
        directorate=item.directorate,
        other_body=item.other_body,
        lead_officer=item.lead_officer,
        current_status=item.status,
        last_assessed_on=item.status_date if item.status else None,
    )
    recommendation.derive_stored_values()
    return recommendation


def _response(item: PlannedRecommendation, recommendation: Recommendation, importer) -> Response:
    # An agreed response of the report's date. A tracker often has only the decision:
    # its label is then the response text (a submitted response needs some).
    agreed_at = _at_noon(item.report_date)
    label = item.decision_label
    text = item.response_text or label
    return Response(
        recommendation=recommendation,
        decision=item.decision,
        text=text,
        partial_acceptance_detail=text if item.decision == "partial" else "",
        state=ResponseState.AGREED,
        drafted_by=importer,
        submitted_by=importer,
        submitted_at=agreed_at,
        agreed_by=importer,
        agreed_at=agreed_at,
    )


def _system_user() -> User:
    """Who an import from the command line records as drafting and recording: a records
    need a person, and no one at the council typed them."""
    user, created = User.objects.get_or_create(
        username="import",
        defaults={"first_name": "Imported", "last_name": "record", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
