"""Who may see and change inspections and improvement plans.

A published inspection report and a published improvement plan are public documents;
before publication only the council reads them. Scrutiny officers keep the record."""

import rules
from django.utils import timezone

from accounts.rules import is_council_reader, is_officer


def _published(on) -> bool:
    return on is not None and on <= timezone.localdate()


@rules.predicate
def inspection_is_public(user, inspection) -> bool:
    return inspection is not None and _published(inspection.published_on)


@rules.predicate
def plan_is_public(user, plan) -> bool:
    return plan is not None and _published(plan.published_on)


rules.add_perm("inspections.view_inspection", inspection_is_public | is_council_reader)
rules.add_perm("inspections.view_improvementplan", plan_is_public | is_council_reader)

for model in (
    "inspection",
    "inspectionjudgement",
    "areaforimprovement",
    "improvementplan",
    "improvementstrand",
    "improvementaction",
):
    rules.add_perm(f"inspections.add_{model}", is_officer)
    rules.add_perm(f"inspections.change_{model}", is_officer)
