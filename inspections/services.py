"""Every write to inspections, their findings and improvement plans goes through here.

An area for improvement is saved as a recommendation of the inspection's report (through
`recommendations.services.recommendation_save`, so it is validated like any other) with
its report-back month derived from the timescale: publication + 0, 3 or 6 months. The
existing report-back machinery then gives it its next report-back and deadline.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from core.services import record_save
from recommendations.dates import first_of_month
from recommendations.models import Directorate, Recommendation, Report
from recommendations.services import recommendation_save

from .models import (
    AreaForImprovement,
    ImprovementAction,
    Inspection,
    InspectionJudgement,
    timescale_due_on,
)


def _report_back_month(inspection: Inspection, timescale: str):
    due_on = timescale_due_on(inspection.published_on, timescale)
    return first_of_month(due_on) if due_on else None


def _sync_report(inspection: Inspection) -> Report:
    """The inspection's report follows the inspection: title, publication, committee."""
    report = inspection.reports.order_by("pk").first() or Report(
        inspection=inspection, kind=Report.Kind.INSPECTION
    )
    report.title = inspection.title
    report.published_on = inspection.published_on
    if report.received_on and report.published_on and report.received_on < report.published_on:
        report.received_on = report.published_on
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def inspection_save(*, inspection: Inspection, user: User) -> Inspection:
    """Save an inspection and its report; a new publication date moves every finding's due
    date (and so its report-back month)."""
    inspection.full_clean()
    inspection.save()
    report = _sync_report(inspection)
    areas = AreaForImprovement.objects.filter(recommendation__report=report).select_related(
        "recommendation__current_status", "recommendation__report_back_meeting"
    )
    for area in areas:
        recommendation = area.recommendation
        month = _report_back_month(inspection, area.timescale)
        if recommendation.report_back_month != month:
            recommendation.report_back_month = month
            recommendation.save()
    return inspection


def judgement_save(*, judgement: InspectionJudgement, user: User) -> InspectionJudgement:
    return record_save(instance=judgement, user=user)


@transaction.atomic
def area_save(
    *,
    inspection: Inspection,
    user: User,
    number: int,
    text: str,
    timescale: str,
    theme: str,
    directorate: Directorate | None = None,
    lead_officer: str = "",
    recommendation: Recommendation | None = None,
) -> Recommendation:
    """Create or update an area for improvement: a recommendation of the inspection's
    report, due publication + its timescale."""
    report = inspection.report or _sync_report(inspection)
    if recommendation is None:
        recommendation = Recommendation(report=report)
    elif recommendation.report_id != report.pk:
        raise ValidationError("This finding belongs to another inspection.")
    recommendation.number = number
    recommendation.text = text
    recommendation.addressed_to = Recommendation.Addressee.DIRECTORATE
    recommendation.directorate = directorate or inspection.directorate
    recommendation.lead_officer = lead_officer
    recommendation.report_back_month = _report_back_month(inspection, timescale)
    recommendation.report_back_every_months = None
    recommendation = recommendation_save(recommendation=recommendation, user=user)
    AreaForImprovement.objects.update_or_create(
        recommendation=recommendation, defaults={"timescale": timescale, "theme": theme}
    )
    return recommendation


@transaction.atomic
def action_save(
    *, action: ImprovementAction, user: User, answers: Iterable[Recommendation] | None = None
) -> ImprovementAction:
    """Save an action and, when given, set the findings and recommendations it answers."""
    action.full_clean()
    action.save()
    if answers is not None:
        action.answers.set(list(answers))
    return action
