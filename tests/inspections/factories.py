"""Factories for inspections and improvement plans (beside tests/factories.py)."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from inspections.models import (
    ImprovementAction,
    ImprovementPlan,
    ImprovementStrand,
    Inspection,
    InspectionJudgement,
)
from tests.factories import CommitteeFactory, DirectorateFactory


class InspectionFactory(DjangoModelFactory):
    """A published inspection (7 January 2010, as seed 002). Create it through
    `inspections.services.inspection_save` when its report is needed."""

    class Meta:
        model = Inspection

    title = factory.Sequence(lambda n: f"Inspection of children's services {n}")
    inspectorates = "Ofsted and the Care Quality Commission (CQC)"
    committee = factory.SubFactory(CommitteeFactory)
    directorate = factory.SubFactory(DirectorateFactory)
    on_site_from = date(2009, 11, 23)
    on_site_to = date(2009, 12, 4)
    published_on = date(2010, 1, 7)


class JudgementFactory(DjangoModelFactory):
    class Meta:
        model = InspectionJudgement

    inspection = factory.SubFactory(InspectionFactory)
    theme = "Safeguarding"
    area = factory.Sequence(lambda n: f"Area {n}")
    grade = "adequate"
    order = factory.Sequence(lambda n: n)


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = ImprovementPlan

    title = factory.Sequence(lambda n: f"Improvement plan {n}")
    committee = factory.SubFactory(CommitteeFactory)
    published_on = date(2012, 12, 13)


class StrandFactory(DjangoModelFactory):
    class Meta:
        model = ImprovementStrand

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Strand {n}")


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = ImprovementAction

    strand = factory.SubFactory(StrandFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    owner = "Head of Service"
    due_on = date(2013, 3, 31)
