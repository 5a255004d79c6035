"""The demo inspection (seed 002) and improvement plan (seed 001), loaded by
`manage.py load_demo` after the scrutiny record. Idempotent: every object is found by its
natural key and written only when it is missing or differs, through the services."""

from django.db import transaction
from django.db.models import Model

from accounts.models import User
from core.services import record_save
from inspections import services
from inspections.models import (
    ImprovementAction,
    ImprovementPlan,
    ImprovementStrand,
    Inspection,
    InspectionJudgement,
)
from recommendations.models import Committee, Directorate, Recommendation
from responses.models import ResponseDecision
from scrutiny.demo import inspections_data as data
from scrutiny.demo import recommendations_data as scrutiny_data
from scrutiny.demo.loading import respond_on, upsert


class _Loader:
    def __init__(self) -> None:
        self.written = 0
        self.officer = User.objects.get(username="officer")
        self.director = User.objects.get(username="director")
        self.directorate = Directorate.objects.get(name=scrutiny_data.CHILDRENS_SERVICES)

    def upsert(self, model, lookup: dict, values: dict, save) -> Model:
        instance, written = upsert(model, lookup, values, save)
        self.written += written
        return instance

    def record(self, instance: Model) -> None:
        record_save(instance=instance, user=self.officer)

    def load(self) -> None:
        board = self.upsert(
            Committee,
            {"name": data.IMPROVEMENT_BOARD},
            {"kind": Committee.Kind.IMPROVEMENT_BOARD},
            self.record,
        )
        inspection = self.upsert(
            Inspection,
            {"title": data.INSPECTION_TITLE},
            {
                "inspectorates": data.INSPECTORATES,
                "committee": board,
                "directorate": self.directorate,
                "notified_on": data.INSPECTION_NOTIFIED_ON,
                "on_site_from": data.INSPECTION_ON_SITE_FROM,
                "on_site_to": data.INSPECTION_ON_SITE_TO,
                "published_on": data.INSPECTION_PUBLISHED_ON,
                "summary": data.INSPECTION_SUMMARY,
            },
            lambda i: services.inspection_save(inspection=i, user=self.officer),
        )
        self.load_judgements(inspection)
        findings = self.load_areas(inspection)
        self.load_plan(inspection, findings)

    def load_judgements(self, inspection: Inspection) -> None:
        order = 0
        for theme, rows in data.JUDGEMENT_TABLES:
            for row in rows:
                order += 1
                parent = self.upsert(
                    InspectionJudgement,
                    {"inspection": inspection, "theme": theme, "area": row.area},
                    {"grade": row.grade, "order": order, "parent": None},
                    self.record,
                )
                for area, grade in row.sub_areas:
                    order += 1
                    self.upsert(
                        InspectionJudgement,
                        {"inspection": inspection, "theme": theme, "area": area},
                        {"grade": grade, "order": order, "parent": parent},
                        self.record,
                    )

    def load_areas(self, inspection: Inspection) -> dict[int, Recommendation]:
        report = inspection.report
        findings = {}
        for number, spec in enumerate(data.AREAS_FOR_IMPROVEMENT, start=1):
            existing = (
                Recommendation.objects.select_related("area_for_improvement")
                .filter(report=report, number=number)
                .first()
            )
            area = getattr(existing, "area_for_improvement", None) if existing else None
            if (
                existing is None
                or area is None
                or existing.text != spec.text
                or area.timescale != spec.timescale
                or area.theme != spec.theme
                or existing.directorate_id != self.directorate.pk
            ):
                existing = services.area_save(
                    inspection=inspection,
                    user=self.officer,
                    recommendation=existing,
                    number=number,
                    text=spec.text,
                    timescale=spec.timescale,
                    theme=spec.theme,
                    directorate=self.directorate,
                )
                self.written += 1
            self.respond(existing)
            findings[number] = existing
        return findings

    def respond(self, recommendation: Recommendation) -> None:
        response = respond_on(
            recommendation,
            data.RESPONSE_AGREED_ON,
            director=self.director,
            officer=self.officer,
            decision=ResponseDecision.ACCEPTED,
            text=data.RESPONSE_TEXT,
            proposed_action=data.RESPONSE_PROPOSED_ACTION,
        )
        self.written += response is not None

    def load_plan(self, inspection: Inspection, findings: dict[int, Recommendation]) -> None:
        plan = self.upsert(
            ImprovementPlan,
            {"title": data.PLAN_TITLE},
            {
                "committee": Committee.objects.get(name=scrutiny_data.CHILDREN_AND_FAMILIES_BOARD),
                # DOMAIN.md: seed 001's strands "answer the inspection and scrutiny findings".
                "inspection": inspection,
                "summary": data.PLAN_SUMMARY,
                "published_on": data.PLAN_REPORTED_ON,
            },
            self.record,
        )
        strands = {
            number: self.upsert(
                ImprovementStrand, {"plan": plan, "number": number}, {"title": title}, self.record
            )
            for number, title in enumerate(data.PLAN_STRANDS, start=1)
        }
        for spec in data.PLAN_ACTIONS:
            action = self.upsert(
                ImprovementAction,
                {"strand": strands[spec.strand], "title": spec.title},
                {
                    "owner": spec.owner,
                    "due_on": spec.due_on,
                    "state": spec.state,
                    "progress": spec.progress,
                },
                lambda a: services.action_save(action=a, user=self.officer),
            )
            answers = {findings[number] for number in spec.answers}
            if set(action.answers.all()) != answers:
                action.answers.set(answers)
                self.written += 1


def load_inspections_demo(stdout=None) -> int:
    """Load seed 002's inspection and seed 001's improvement plan; return objects written."""
    loader = _Loader()
    with transaction.atomic():
        loader.load()
    if stdout is not None:
        stdout.write(
            f"Inspections demo loaded: {loader.written} written (0 means it was already loaded)."
        )
    return loader.written
