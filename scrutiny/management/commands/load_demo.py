"""`python manage.py load_demo`: build the demo council from the seed board papers.

Idempotent: every object is found by its natural key (a name, a date, a number, a
username) and written only when it is missing or differs from the demo data, so running
the command again changes nothing. Writes to the scrutiny record go through the services,
as the demo officer or director, so that each is attributable.

The services stamp submissions, agreements and tracking decisions with the current time;
the demo record is historical (2010–2012), so those timestamps are set afterwards to the
dates the seeds give, or else the demo would show 2010 responses as submitted today.
"""

from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Model

from accounts.models import Role, User
from core.services import record_save
from deadlines import notifications
from recommendations.models import (
    Committee,
    CommitteeMembership,
    Directorate,
    Evidence,
    Inquiry,
    Meeting,
    Recommendation,
    Report,
    TrackingAssessment,
    TrackingStatus,
    WorkingGroup,
)
from recommendations.services import (
    PartText,
    TrackingDecision,
    assessments_record,
    recommendation_save,
)
from responses.models import PositionStatement, ResponseDecision
from responses.services import (
    position_statement_save_draft,
    position_statement_submit,
)
from scrutiny.demo import recommendations_data as data
from scrutiny.demo.council import load_demo_council
from scrutiny.demo.inspections import load_inspections_demo
from scrutiny.demo.loading import assign, at, respond_on, upsert
from scrutiny.demo.papers import load_demo_papers


class Command(BaseCommand):
    help = "Load the demo council (Leeds Children's Services scrutiny, 2009–2012). Idempotent."

    def handle(self, *args, **options) -> None:
        self.written = 0
        # The record is history: loading it must not email anyone about it.
        with transaction.atomic(), notifications.suppressed():
            load_demo_council()  # the council's name and whom to ask for access
            self.load()
            load_demo_papers()  # the response paper's narrative (seed 004), papers/demo.py
            load_inspections_demo(self.stdout)  # seeds 002 and 001, inspections/demo.py
        self.stdout.write(
            f"Demo data loaded ({self.written} objects written; 0 means it was already loaded)."
        )
        self.print_logins()

    # --- helpers -------------------------------------------------------------------------

    def upsert(self, model: type[Model], lookup: dict, values: dict | None = None) -> Model:
        """Find by natural key; create or update through record_save only if it differs."""
        instance, written = upsert(
            model, lookup, values or {}, lambda i: record_save(instance=i, user=self.officer)
        )
        self.written += written
        return instance

    def meeting(self, key: tuple[str, date]) -> Meeting:
        committee_name, on = key
        return Meeting.objects.get(committee__name=committee_name, date=on)

    # --- the council ---------------------------------------------------------------------

    def load(self) -> None:
        self.load_officers()
        self.directorates = {
            name: self.upsert(Directorate, {"name": name}, {"director_title": title})
            for name, title in data.DIRECTORATES
        }
        self.users = {**self.users, **self.load_users(directorate_users=True)}
        self.upsert(
            Directorate,
            {"name": data.CHILDRENS_SERVICES},
            {"director": self.users["director"]},
        )
        self.upsert(
            Directorate, {"name": data.ENVIRONMENT}, {"director": self.users["environment"]}
        )
        self.load_committees()
        self.load_safeguarding()
        self.load_external_placements()

    def load_officers(self) -> None:
        self.users = self.load_users(directorate_users=False)
        self.officer = self.users["officer"]

    def load_users(self, *, directorate_users: bool) -> dict[str, User]:
        users = {}
        for spec in data.DEMO_USERS:
            if (spec.role == Role.DIRECTORATE) != directorate_users:
                continue
            values = {
                "role": spec.role,
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "job_title": spec.job_title,
                "telephone": spec.telephone,
                "email": f"{spec.username}@scrutiny.example",
                "is_superuser": spec.is_superuser,
                "is_staff": spec.is_superuser,
                "is_active": True,
                "directorate": self.directorates[spec.directorate] if spec.directorate else None,
            }
            user = User.objects.filter(username=spec.username).first()
            changed = user is None
            if user is None:
                user = User(username=spec.username)
            changed = assign(user, values) or changed
            if not user.check_password(data.DEMO_PASSWORD):
                user.set_password(data.DEMO_PASSWORD)
                changed = True
            if changed:
                user.save()
                self.written += 1
            users[spec.username] = user
        return users

    def load_committees(self) -> None:
        self.committees = {}
        for name, kind in data.COMMITTEES:
            officer = self.officer if kind == Committee.Kind.SCRUTINY_BOARD else None
            self.committees[name] = self.upsert(
                Committee, {"name": name}, {"kind": kind, "scrutiny_officer": officer}
            )
        board = self.committees[data.CHILDRENS_SERVICES_BOARD]
        self.memberships = {
            name: self.upsert(
                CommitteeMembership,
                {"committee": board, "name": name},
                {"kind": kind, "is_chair": False},
            )
            for name, kind in data.CHILDRENS_SERVICES_MEMBERS
        }
        for committee_name, name, kind in data.MEMBER_USER_MEMBERSHIPS:
            self.upsert(
                CommitteeMembership,
                {"committee": self.committees[committee_name], "name": name},
                {"kind": kind, "is_chair": False, "user": self.users["member"]},
            )
        for committee_name, on in data.MEETINGS:
            self.upsert(
                Meeting,
                {"committee": self.committees[committee_name], "date": on},
                {
                    "start_time": data.MEETING_TIME,
                    "place": data.MEETING_PLACE,
                    "status": Meeting.Status.HELD,
                },
            )

    # --- inquiry 1: safeguarding, 2009–2010 ----------------------------------------------

    def load_safeguarding(self) -> None:
        inquiry = self.upsert(
            Inquiry,
            {
                "committee": self.committees[data.CHILDRENS_SERVICES_BOARD],
                "title": data.SAFEGUARDING_TITLE,
            },
            {
                "kind": Inquiry.Kind.FULL_INQUIRY,
                "terms_of_reference": data.SAFEGUARDING_TERMS_OF_REFERENCE,
                "status": Inquiry.Status.MONITORING,
                "started_on": data.SAFEGUARDING_STARTED_ON,
            },
        )
        for spec in data.SAFEGUARDING_WORKING_GROUPS:
            group = self.upsert(
                WorkingGroup,
                {"inquiry": inquiry, "name": spec.name},
                {
                    "remit": spec.remit,
                    "first_met_on": spec.first_met_on,
                    "chair": self.memberships[spec.chair],
                    "supporting_officers": spec.supporting_officers,
                },
            )
            members = {self.memberships[name] for name in spec.members}
            if set(group.members.all()) != members:
                group.members.set(members)
                self.written += 1
            self.load_evidence(inquiry, spec.evidence, group)
        self.load_evidence(inquiry, data.SAFEGUARDING_JOINT_EVIDENCE, None)

        report = self.upsert(
            Report,
            {"inquiry": inquiry, "title": data.INTERIM_REPORT_TITLE},
            {
                "kind": Report.Kind.INTERIM,
                "published_on": data.INTERIM_REPORT_PUBLISHED_ON,
                "received_on": data.INTERIM_REPORT_PUBLISHED_ON,
                "summary": data.INTERIM_REPORT_SUMMARY,
            },
        )
        recommendation = self.save_recommendation(
            report,
            1,
            {
                "text": data.INTERIM_RECOMMENDATION_TEXT,
                "addressed_to": Recommendation.Addressee.EXECUTIVE_BOARD,
                "other_body": "",
                "directorate": self.directorates[data.CHILDRENS_SERVICES],
                "report_back_meeting": None,
                "report_back_month": None,
                "report_back_every_months": None,
            },
            parts=[PartText(label, text) for label, text in data.INTERIM_RECOMMENDATION_PARTS],
        )
        agreed_on = data.EXECUTIVE_FEBRUARY_2010[1]  # the Executive Board endorsed it
        self.respond(
            recommendation,
            decision=ResponseDecision.PARTIALLY_ACCEPTED,
            text=data.INTERIM_RESPONSE_TEXT,
            partial_acceptance_detail=data.INTERIM_PARTIAL_ACCEPTANCE_DETAIL,
            accepted_parts=list(recommendation.parts.filter(label="a")),
            agreed_on=agreed_on,
        )

    def load_evidence(self, inquiry: Inquiry, items, group: WorkingGroup | None) -> None:
        for item in items:
            self.upsert(
                Evidence,
                {"inquiry": inquiry, "title": item.title},
                {"working_group": group, "kind": item.kind, "notes": item.notes},
            )

    # --- inquiry 2: external placements, 2011–2012 ---------------------------------------

    def load_external_placements(self) -> None:
        inquiry = self.upsert(
            Inquiry,
            {
                "committee": self.committees[data.CHILDREN_AND_FAMILIES_BOARD],
                "title": data.EXTERNAL_PLACEMENTS_TITLE,
            },
            {
                "kind": Inquiry.Kind.FULL_INQUIRY,
                "terms_of_reference": data.EXTERNAL_PLACEMENTS_TERMS_OF_REFERENCE,
                "status": Inquiry.Status.MONITORING,
                "started_on": data.EXTERNAL_PLACEMENTS_STARTED_ON,
                "concluded_on": data.EXTERNAL_PLACEMENTS_CONCLUDED_ON,
            },
        )
        report = self.upsert(
            Report,
            {"inquiry": inquiry, "title": data.FINAL_REPORT_TITLE},
            {
                "kind": Report.Kind.FINAL,
                "published_on": data.FINAL_REPORT_PUBLISHED_ON,
                "received_on": data.FINAL_REPORT_PUBLISHED_ON,
                "summary": data.FINAL_REPORT_SUMMARY,
            },
        )
        agreed_on = data.APRIL_2012_MEETING[1]  # the date of seed 004 and of its meeting
        recommendations = {}
        for spec in data.EXTERNAL_PLACEMENTS_RECOMMENDATIONS:
            recommendation = self.save_recommendation(
                report,
                spec.number,
                {
                    "text": spec.text,
                    "addressed_to": spec.addressed_to,
                    "other_body": spec.other_body,
                    "directorate": self.directorates[data.CHILDRENS_SERVICES],
                    "report_back_meeting": (
                        self.meeting(spec.report_back_meeting_on)
                        if spec.report_back_meeting_on
                        else None
                    ),
                    "report_back_month": spec.report_back_month,
                    "report_back_every_months": spec.report_back_every_months,
                },
                parts=[],
            )
            self.respond(
                recommendation,
                decision=ResponseDecision.ACCEPTED,
                text=spec.response_text,
                responsible_officer=spec.responsible_officer,
                agreed_on=agreed_on,
            )
            recommendations[spec.number] = recommendation

        july = self.meeting(data.JULY_2012_MEETING)
        for spec in data.JULY_2012_STATEMENTS:
            self.state_position(recommendations[spec.number], july, spec)
        for meeting_key, number, position in data.ASSESSMENTS:
            self.assess(self.meeting(meeting_key), recommendations[number], position)

    # --- recommendations, responses and tracking -----------------------------------------

    def save_recommendation(
        self, report: Report, number: int, values: dict, parts: list[PartText]
    ) -> Recommendation:
        recommendation = (
            Recommendation.objects.select_related("current_status", "report_back_meeting")
            .filter(report=report, number=number)
            .first()
        )
        changed = recommendation is None
        if recommendation is None:
            recommendation = Recommendation(report=report, number=number)
        changed = assign(recommendation, values) or changed
        existing_parts = (
            [(p.label, p.text) for p in recommendation.parts.all()] if not changed else []
        )
        if changed or existing_parts != [(p.label, p.text) for p in parts]:
            recommendation_save(recommendation=recommendation, user=self.officer, parts=parts)
            self.written += 1
        return recommendation

    def respond(
        self,
        recommendation: Recommendation,
        *,
        agreed_on: date,
        **fields,
    ) -> None:
        """The director drafts and submits the response; the officer records its agreement."""
        response = respond_on(
            recommendation,
            agreed_on,
            director=self.users["director"],
            officer=self.officer,
            **fields,
        )
        self.written += response is not None

    def state_position(self, recommendation: Recommendation, meeting: Meeting, spec) -> None:
        if PositionStatement.objects.filter(
            recommendation=recommendation, meeting=meeting
        ).exists():
            return
        director = self.users["director"]
        statement = position_statement_save_draft(
            recommendation=recommendation,
            user=director,
            report_back_due_on=data.JULY_2012,
            meeting=meeting,
            text=spec.text,
            proposed_status=(
                TrackingStatus.objects.get(position=spec.proposed_position)
                if spec.proposed_position
                else None
            ),
        )
        position_statement_submit(statement=statement, user=director)
        # Submitted with the meeting's papers, a week before it (invented).
        submitted_at = at(meeting.date - timedelta(days=7))
        PositionStatement.objects.filter(pk=statement.pk).update(
            created_at=submitted_at, updated_at=submitted_at, submitted_at=submitted_at
        )
        self.written += 1

    def assess(self, meeting: Meeting, recommendation: Recommendation, position: int) -> None:
        if TrackingAssessment.objects.filter(
            recommendation=recommendation, meeting=meeting
        ).exists():
            return
        (assessment,) = assessments_record(
            meeting=meeting,
            decisions=[
                TrackingDecision(
                    recommendation=recommendation,
                    status=TrackingStatus.objects.get(position=position),
                )
            ],
            user=self.officer,
        )
        TrackingAssessment.objects.filter(pk=assessment.pk).update(recorded_at=at(meeting.date, 12))
        self.written += 1

    # --- the logins ----------------------------------------------------------------------

    def print_logins(self) -> None:
        rows = [("Username", "Password", "Role", "Name", "Directorate / boards")]
        for spec in data.DEMO_USERS:
            user = User.objects.get(username=spec.username)
            role = Role(user.role).label + (", superuser" if user.is_superuser else "")
            if user.directorate:
                where = user.directorate.name
            else:
                where = ", ".join(
                    sorted(
                        {m.committee.name for m in user.committee_memberships.all()}
                        | {c.name for c in user.committees_supported.all()}
                    )
                )
            rows.append((user.username, data.DEMO_PASSWORD, role, str(user), where))
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        rule = "  ".join("-" * width for width in widths)
        self.stdout.write("")
        self.stdout.write("Demo logins")
        for index, row in enumerate(rows):
            self.stdout.write(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
            if index == 0:
                self.stdout.write(rule)
