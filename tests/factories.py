"""factory_boy factories for the scrutiny record, responses and the people who use them.

Tracking statuses are not made here: the data migration loads the Leeds scale, so tests
take them with `tracking_status(position)`.
"""

from datetime import date, timedelta

import factory
from django.contrib.auth.hashers import make_password
from factory.django import DjangoModelFactory

from accounts.models import Role, User
from recommendations.models import (
    Committee,
    CommitteeMembership,
    Directorate,
    Inquiry,
    Meeting,
    Recommendation,
    RecommendationPart,
    Report,
    TrackingStatus,
)
from responses import services as response_services
from responses.models import PositionStatement, Response, ResponseDecision


def tracking_status(position: int) -> TrackingStatus:
    """One category of the Leeds scale loaded by migration (2 Achieved ends monitoring,
    4 Progress acceptable continues it)."""
    return TrackingStatus.objects.get(position=position)


# The password of the users the sign-in tests make (long enough for the validators).
PASSWORD = "a-long-enough-password-2026"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"First{n}")
    last_name = factory.Sequence(lambda n: f"Last{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.gov.uk")
    role = ""
    # Tests do not sign in; an unusable password avoids a slow hash per user.
    password = factory.LazyFunction(lambda: make_password(None))


class OfficerFactory(UserFactory):
    role = Role.OFFICER
    job_title = "Principal Scrutiny Adviser"


class MemberFactory(UserFactory):
    role = Role.MEMBER


class DirectorateFactory(DjangoModelFactory):
    class Meta:
        model = Directorate

    name = factory.Sequence(lambda n: f"Directorate {n}")
    director_title = factory.LazyAttribute(lambda d: f"Director of {d.name}")


class DirectorateUserFactory(UserFactory):
    """A director or delegated officer: pass directorate=... to choose which one."""

    role = Role.DIRECTORATE
    directorate = factory.SubFactory(DirectorateFactory)
    job_title = "Director"


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = Committee

    name = factory.Sequence(lambda n: f"Scrutiny Board {n}")
    kind = Committee.Kind.SCRUTINY_BOARD


class CommitteeMembershipFactory(DjangoModelFactory):
    class Meta:
        model = CommitteeMembership

    committee = factory.SubFactory(CommitteeFactory)
    name = factory.Sequence(lambda n: f"Cllr Member{n}")
    kind = CommitteeMembership.Kind.COUNCILLOR
    is_chair = False


class MeetingFactory(DjangoModelFactory):
    """Meetings are unique per committee per day: the sequence gives each its own day."""

    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    date = factory.Sequence(lambda n: date(2012, 1, 2) + timedelta(days=n))
    place = "Civic Hall, Leeds"


class InquiryFactory(DjangoModelFactory):
    class Meta:
        model = Inquiry

    committee = factory.SubFactory(CommitteeFactory)
    title = factory.Sequence(lambda n: f"Inquiry into external placements {n}")
    kind = Inquiry.Kind.FULL_INQUIRY
    started_on = date(2011, 9, 1)


class ReportFactory(DjangoModelFactory):
    """A final report, published and received by the executive (in 2012) by default."""

    class Meta:
        model = Report

    inquiry = factory.SubFactory(InquiryFactory)
    kind = Report.Kind.FINAL
    title = factory.Sequence(lambda n: f"Final report {n}")
    published_on = date(2012, 3, 1)
    received_on = date(2012, 3, 15)

    class Params:
        unpublished = factory.Trait(published_on=None, received_on=None)
        exempt = factory.Trait(is_exempt=True, exempt_rule="10.4(3)")


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation

    report = factory.SubFactory(ReportFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(
        lambda n: f"That the director provides a report in July 2012 on matter {n}."
    )
    addressed_to = Recommendation.Addressee.DIRECTORATE
    directorate = factory.SubFactory(DirectorateFactory)


class RecommendationPartFactory(DjangoModelFactory):
    class Meta:
        model = RecommendationPart

    recommendation = factory.SubFactory(RecommendationFactory)
    label = factory.Sequence(lambda n: f"p{n}")
    text = factory.Sequence(lambda n: f"Part {n} of the recommendation.")


class ResponseFactory(DjangoModelFactory):
    """A draft response, drafted by a user of the recommendation's directorate."""

    class Meta:
        model = Response

    recommendation = factory.SubFactory(RecommendationFactory)
    decision = ResponseDecision.ACCEPTED
    text = "The recommendation is accepted."
    proposed_action = "A report will be brought to the board in July 2012."
    responsible_officer = "Head of Service"
    drafted_by = factory.SubFactory(
        DirectorateUserFactory,
        directorate=factory.SelfAttribute("..recommendation.directorate"),
    )


class PositionStatementFactory(DjangoModelFactory):
    """A draft position statement, drafted by a user of the recommendation's directorate."""

    class Meta:
        model = PositionStatement

    recommendation = factory.SubFactory(RecommendationFactory)
    report_back_due_on = factory.Sequence(lambda n: date(2012, 7, 1) + timedelta(days=n))
    text = "Progress has been made: the placements panel now meets monthly."
    drafted_by = factory.SubFactory(
        DirectorateUserFactory,
        directorate=factory.SelfAttribute("..recommendation.directorate"),
    )


def recommendation_due_at(meeting: Meeting, **fields) -> Recommendation:
    """A recommendation of a report of the meeting's committee, to be reported back on at
    `meeting`."""
    return RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=meeting.committee)),
        report_back_meeting=meeting,
        **fields,
    )


def submitted_response(recommendation: Recommendation | None = None, **kwargs) -> Response:
    """A response drafted and submitted through the services, as a director would."""
    recommendation = recommendation or RecommendationFactory()
    author = DirectorateUserFactory(directorate=recommendation.directorate)
    draft = response_services.response_save_draft(
        recommendation=recommendation,
        user=author,
        decision=kwargs.pop("decision", ResponseDecision.ACCEPTED),
        text=kwargs.pop("text", "The recommendation is accepted."),
        **kwargs,
    )
    return response_services.response_submit(response=draft, user=author)


def submit_own_draft(draft: Response, user: User, text: str) -> Response:
    """`user` completes their directorate's draft as an acceptance and submits it, through
    the services (so each version stands in the history)."""
    response_services.response_save_draft(
        recommendation=draft.recommendation,
        user=user,
        response=draft,
        decision=ResponseDecision.ACCEPTED,
        text=text,
    )
    return response_services.response_submit(response=draft, user=user)


def statement_draft(recommendation: Recommendation, user: User, **fields) -> PositionStatement:
    """A position statement saved as a draft through the service; for the report-back due
    on the report's publication date, or the edited statement's own."""
    edited = fields.get("statement")
    fields.setdefault(
        "report_back_due_on",
        edited.report_back_due_on if edited else recommendation.report.published_on,
    )
    return response_services.position_statement_save_draft(
        recommendation=recommendation, user=user, **fields
    )


def agreed_response(recommendation: Recommendation | None = None, **kwargs) -> Response:
    """A response submitted by its directorate and agreed by a scrutiny officer."""
    response = submitted_response(recommendation, **kwargs)
    return response_services.response_agree(response=response, user=OfficerFactory())
