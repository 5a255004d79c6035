"""The demo council loaded by `manage.py load_demo` from the seed board papers."""

from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.models import Role, User
from recommendations.models import (
    Committee,
    CommitteeMembership,
    Directorate,
    Inquiry,
    Meeting,
    Recommendation,
    Report,
    WorkingGroup,
)
from recommendations.selectors import recommendations_due_for_meeting
from responses.models import Response, ResponseDecision, ResponseState
from scrutiny.demo.recommendations_data import DEMO_PASSWORD

EXTERNAL_PLACEMENTS = "Inquiry into external placements"
INTERIM = "Inquiry into Safeguarding - Interim Report"


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def record_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for app in ("accounts", "recommendations", "responses")
        for model in apps.get_app_config(app).get_models()
    }


@pytest.mark.django_db
def test_loads_the_twelve_external_placements_recommendations_in_order_with_seed_text():
    load_demo()

    report = Report.objects.get(title=EXTERNAL_PLACEMENTS)
    recommendations = list(report.recommendations.order_by("number"))

    assert [r.number for r in recommendations] == list(range(1, 13))
    assert report.kind == Report.Kind.FINAL
    assert report.published_on == date(2012, 2, 28)
    assert report.inquiry.committee.name == "Scrutiny Board (Children and Families)"
    assert report.inquiry.started_on == date(2011, 9, 1)  # not the seed's "2012" slip
    assert recommendations[2].text == (
        "That the director of children’s services provides a report in July 2012 on savings "
        "on the cost of external placements achieved in 2011/12 against the £500k projection, "
        "including progress with health contributions."
    )
    assert all(r.directorate.name == "Children's Services" for r in recommendations)


@pytest.mark.django_db
def test_external_placements_report_backs_follow_each_recommendation():
    load_demo()
    by_number = {
        r.number: r for r in Recommendation.objects.filter(report__title=EXTERNAL_PLACEMENTS)
    }
    july = date(2012, 7, 1)

    assert {n for n, r in by_number.items() if r.report_back_month == july} == {
        2, 3, 4, 5, 7, 10, 11, 12,
    }  # fmt: skip
    assert by_number[2].report_back_every_months == 6
    assert by_number[11].report_back_meeting.date == date(2012, 4, 26)
    for number in (1, 6, 8, 9):
        assert by_number[number].report_back_month is None
        assert by_number[number].report_back_meeting is None
    assert by_number[6].addressed_to == Recommendation.Addressee.OTHER_BODY
    assert by_number[6].other_body == "Corporate Carers group"


@pytest.mark.django_db
def test_external_placements_responses_are_accepted_and_agreed():
    load_demo()
    responses = Response.objects.filter(recommendation__report__title=EXTERNAL_PLACEMENTS)

    assert responses.count() == 12
    assert set(responses.values_list("decision", flat=True)) == {ResponseDecision.ACCEPTED}
    assert set(responses.values_list("state", flat=True)) == {ResponseState.AGREED}
    rec_4 = responses.get(recommendation__number=4)
    assert rec_4.responsible_officer == (
        "Deputy director (safeguarding, specialist and targeted services)"
    )
    assert rec_4.submitted_by.username == "director"
    assert rec_4.agreed_by.username == "officer"
    assert rec_4.agreed_at.date() == date(2012, 4, 26)


@pytest.mark.django_db
def test_interim_recommendation_has_two_parts_and_a_partial_response_accepting_part_a():
    load_demo()
    recommendation = Recommendation.objects.get(report__title=INTERIM, number=1)
    response = recommendation.responses.get()

    assert recommendation.report.kind == Report.Kind.INTERIM
    assert recommendation.addressed_to == Recommendation.Addressee.EXECUTIVE_BOARD
    assert [part.label for part in recommendation.parts.all()] == ["a", "b"]
    assert recommendation.parts.get(label="a").text.startswith(
        "We recommend that the Executive Board includes an increased resource"
    )
    assert response.decision == ResponseDecision.PARTIALLY_ACCEPTED
    assert [part.label for part in response.accepted_parts.all()] == ["a"]
    assert "pragmatic" in response.partial_acceptance_detail
    assert response.text.startswith("Children's Services recognise and value the depth")
    assert response.text.endswith("monitoring reports on the Children's Services Improvement Plan.")
    assert response.state == ResponseState.AGREED
    assert response.agreed_at.date() == date(2010, 2, 12)


@pytest.mark.django_db
def test_safeguarding_working_groups_as_seed_003_lists_them():
    load_demo()
    inquiry = Inquiry.objects.get(committee__name="Scrutiny Board (Children's Services)")
    resources, preventative = WorkingGroup.objects.filter(inquiry=inquiry).order_by("first_met_on")

    assert (resources.name, resources.first_met_on) == ("Resources", date(2009, 3, 17))
    assert resources.chair.name == "Cllr Hyde"
    assert resources.supporting_officers == "Jayne Jack"
    assert (preventative.name, preventative.first_met_on) == (
        "Preventative Duty",
        date(2009, 3, 19),
    )
    assert preventative.chair.name == "Cllr Driver"
    assert {m.name for m in preventative.members.all()} >= {"Mr Falkingham", "Ms Morris-Boam"}
    assert resources.evidence.filter(title__contains="Respect and protect").exists()
    assert not CommitteeMembership.objects.filter(is_chair=True).exists()


@pytest.mark.django_db
def test_tracking_decisions_move_the_next_report_back():
    load_demo()
    by_number = {
        r.number: r for r in Recommendation.objects.filter(report__title=EXTERNAL_PLACEMENTS)
    }

    assert by_number[3].current_status.name == "Achieved"
    assert by_number[3].next_report_back_on is None
    assert by_number[2].assessments.count() == 2
    assert by_number[2].last_assessed_on == date(2012, 12, 13)
    assert by_number[2].next_report_back_on == date(2013, 1, 1)  # six monthly from July 2012
    january = Meeting.objects.get(date=date(2013, 1, 17))
    due = list(recommendations_due_for_meeting(january))
    assert by_number[2] in due
    # Report-backs the board has not yet taken are carried to it too, and nothing else.
    assert all(r.next_report_back_on <= january.date for r in due)
    assert by_number[3] not in due


@pytest.mark.django_db
def test_running_twice_changes_nothing():
    load_demo()
    counts = record_counts()
    password = User.objects.get(username="director").password

    output = load_demo()

    assert record_counts() == counts
    assert User.objects.get(username="director").password == password
    assert "0 objects written" in output


@pytest.mark.django_db
def test_directorates_and_boards():
    load_demo()

    assert Directorate.objects.get(name="Children's Services").director.username == "director"
    assert Directorate.objects.filter(name="Environment and Neighbourhoods").exists()
    assert Committee.objects.get(name="Executive Board").kind == Committee.Kind.EXECUTIVE_BOARD
    for board in Committee.objects.filter(kind=Committee.Kind.SCRUTINY_BOARD):
        assert board.scrutiny_officer.username == "officer"
    assert set(Meeting.objects.values_list("status", flat=True)) == {Meeting.Status.HELD}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "role"),
    [
        ("officer", Role.OFFICER),
        ("director", Role.DIRECTORATE),
        ("environment", Role.DIRECTORATE),
        ("member", Role.MEMBER),
        ("admin", Role.OFFICER),
    ],
)
def test_each_demo_login_signs_in(client, username, role):
    output = load_demo()

    assert client.login(username=username, password=DEMO_PASSWORD)
    assert User.objects.get(username=username).role == role
    assert username in output and DEMO_PASSWORD in output


@pytest.mark.django_db
def test_member_login_is_cllr_hyde_on_both_boards():
    load_demo()
    member = User.objects.get(username="member")

    assert set(member.committee_memberships.values_list("committee__name", "name")) == {
        ("Scrutiny Board (Children's Services)", "Cllr Hyde"),
        ("Scrutiny Board (Children and Families)", "Cllr Hyde"),
    }
    assert User.objects.get(username="admin").is_superuser
