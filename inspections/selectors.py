"""Reads for inspections and improvement plans, limited to what the user may read."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.rules import is_council_reader
from recommendations.models import Recommendation
from recommendations.selectors import recommendations_visible_to

from .models import (
    ImprovementAction,
    ImprovementPlan,
    Inspection,
    InspectionJudgement,
    Timescale,
    timescale_due_on,
)


def inspections_visible_to(user: User) -> QuerySet[Inspection]:
    inspections = Inspection.objects.select_related("committee", "directorate")
    if is_council_reader(user):
        return inspections
    return inspections.filter(published_on__lte=timezone.localdate())


def plans_visible_to(user: User) -> QuerySet[ImprovementPlan]:
    plans = ImprovementPlan.objects.select_related("committee", "inspection")
    if is_council_reader(user):
        return plans
    return plans.filter(published_on__lte=timezone.localdate())


@dataclass
class JudgementRow:
    judgement: InspectionJudgement
    is_sub_area: bool


@dataclass
class JudgementTable:
    theme: str
    rows: list[JudgementRow] = field(default_factory=list)


def plan_inspection(plan: ImprovementPlan, user: User) -> Inspection | None:
    """The inspection a plan answers, if the user may read it: a published plan must not
    show even the title of an inspection that is not yet published."""
    if plan.inspection is None or not user.has_perm("inspections.view_inspection", plan.inspection):
        return None
    return plan.inspection


def judgement_tables(inspection: Inspection) -> list[JudgementTable]:
    """One table per theme, in the order of their first row; each area followed by its
    sub-areas."""
    judgements = list(inspection.judgements.order_by("order", "pk"))
    children: dict[int, list[InspectionJudgement]] = {}
    for judgement in judgements:
        if judgement.parent_id:
            children.setdefault(judgement.parent_id, []).append(judgement)
    tables: dict[str, JudgementTable] = {}
    for judgement in judgements:
        if judgement.parent_id:
            continue
        table = tables.setdefault(judgement.theme, JudgementTable(judgement.theme))
        table.rows.append(JudgementRow(judgement, is_sub_area=False))
        table.rows += [
            JudgementRow(child, is_sub_area=True) for child in children.get(judgement.pk, [])
        ]
    return list(tables.values())


def inspection_findings(inspection: Inspection, user: User) -> QuerySet[Recommendation]:
    """The inspection's areas for improvement the user may read, with what lists show."""
    return (
        recommendations_visible_to(user)
        .filter(report__inspection=inspection)
        .select_related("area_for_improvement", "report")
        .order_by("number")
    )


@dataclass
class TimescaleGroup:
    timescale: Timescale
    due_on: date | None
    findings: list[Recommendation]


def findings_by_timescale(inspection: Inspection, user: User) -> list[TimescaleGroup]:
    """Areas for improvement grouped by timescale (immediately, three, six months), each
    group with its due date; the groups in timescale order, findings by number."""
    findings = list(inspection_findings(inspection, user))
    groups = []
    for timescale in Timescale:
        in_group = [f for f in findings if f.area_for_improvement.timescale == timescale]
        if in_group:
            groups.append(
                TimescaleGroup(
                    timescale, timescale_due_on(inspection.published_on, timescale), in_group
                )
            )
    return groups


def actions_of_plan(plan: ImprovementPlan, user: User) -> QuerySet[ImprovementAction]:
    return (
        ImprovementAction.objects.filter(strand__plan=plan)
        .select_related("strand")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=recommendations_visible_to(user).select_related("area_for_improvement"),
            )
        )
    )


def answer_candidates_for_plan(plan: ImprovementPlan, user: User) -> QuerySet[Recommendation]:
    """What a plan is expected to answer: its inspection's findings and the open
    recommendations tracked by its committee (and anything its actions already answer)."""
    scope = Q(report__committee=plan.committee_id) | Q(answering_actions__strand__plan=plan)
    if plan.inspection_id:
        scope |= Q(report__inspection=plan.inspection_id)
    return (
        recommendations_visible_to(user)
        .filter(pk__in=Recommendation.objects.filter(scope).values("pk"))
        .select_related("area_for_improvement")
        .order_by("report__published_on", "report", "number")
    )


def findings_unanswered(plan: ImprovementPlan, user: User) -> QuerySet[Recommendation]:
    """The plan's findings and recommendations that no action of the plan answers yet
    (those whose monitoring the board has ended are not expected to be answered)."""
    answered = Recommendation.objects.filter(answering_actions__strand__plan=plan).values("pk")
    return (
        answer_candidates_for_plan(plan, user)
        .exclude(pk__in=answered)
        .exclude(current_status__ends_monitoring=True)
    )


def answering_actions(recommendation: Recommendation, user: User) -> QuerySet[ImprovementAction]:
    """The actions of plans the user may read that answer this finding or recommendation."""
    return (
        recommendation.answering_actions.filter(strand__plan__in=plans_visible_to(user))
        .select_related("strand__plan")
        .order_by("strand__plan__title", "strand__number", "due_on", "pk")
    )
