"""The inspection and improvement plan pages, their forms and who may use them."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from inspections import services
from inspections.models import AreaForImprovement, ImprovementAction, Inspection
from recommendations.models import Recommendation
from tests.factories import RecommendationFactory, UserFactory
from tests.inspections.factories import (
    ActionFactory,
    InspectionFactory,
    JudgementFactory,
    PlanFactory,
    StrandFactory,
)

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


@pytest.fixture
def plan(inspection, committee):
    return PlanFactory(inspection=inspection, committee=committee, title="Social care plan")


# --- pages ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_public_sees_a_published_inspection_with_grades_and_findings(inspection, finding):
    JudgementFactory(inspection=inspection, area="Overall effectiveness", grade="inadequate")

    response = Client().get(inspection.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert "Overall effectiveness" in page
    assert "govuk-tag--red" in page and "Inadequate" in page
    assert "Within three months" in page and "due by 7 April 2010" in page
    assert finding.get_absolute_url() in page


@pytest.mark.django_db
def test_an_unpublished_inspection_is_for_the_council_only(committee, directorate_a, member):
    inspection = InspectionFactory(
        committee=committee,
        directorate=directorate_a,
        on_site_from=None,
        on_site_to=None,
        published_on=timezone.localdate() + timedelta(days=7),
    )
    url = inspection.get_absolute_url()

    assert Client().get(url).status_code == 404  # private: as if there were nothing there
    assert signed_in(UserFactory()).get(url).status_code == 404  # no role: not a reader
    assert signed_in(member).get(url).status_code == 200
    assert (
        inspection
        not in Client().get(reverse("inspections:inspection_list")).context["inspections"]
    )


@pytest.mark.django_db
def test_plan_shows_what_no_action_answers_yet(plan, finding, inspection, officer):
    other = services.area_save(
        inspection=inspection,
        user=officer,
        number=2,
        text="Improve the effectiveness and relevance of personal education plans.",
        timescale="six_months",
        theme="Looked after children",
    )
    action = ActionFactory(strand=StrandFactory(plan=plan, number=1), title="Audit case files")
    services.action_save(action=action, user=officer, answers=[finding])

    response = Client().get(plan.get_absolute_url())

    assert response.status_code == 200
    assert list(response.context["unanswered"]) == [other]
    page = response.content.decode()
    assert "Not yet answered by any action" in page
    assert "Audit case files" in page
    assert "Area for improvement 1" in page  # what the action answers


@pytest.mark.django_db
def test_findings_whose_monitoring_ended_are_not_expected_to_be_answered(plan, finding):
    from tests.factories import tracking_status

    Recommendation.objects.filter(pk=finding.pk).update(current_status=tracking_status(2))

    assert list(Client().get(plan.get_absolute_url()).context["unanswered"]) == []


@pytest.mark.django_db
def test_recommendation_page_shows_the_actions_that_answer_it(plan, finding, officer):
    action = ActionFactory(strand=StrandFactory(plan=plan), title="Audit the core assessments")
    services.action_save(action=action, user=officer, answers=[finding])

    page = Client().get(finding.get_absolute_url()).content.decode()

    assert "Actions that answer this" in page
    assert "Audit the core assessments" in page
    assert "within three months" in page


@pytest.mark.django_db
def test_actions_of_an_unpublished_plan_are_not_shown_to_the_public(committee, finding, officer):
    plan = PlanFactory(committee=committee, published_on=None)
    action = ActionFactory(strand=StrandFactory(plan=plan), title="Secret draft action")
    services.action_save(action=action, user=officer, answers=[finding])

    assert "Secret draft action" not in Client().get(finding.get_absolute_url()).content.decode()
    assert Client().get(plan.get_absolute_url()).status_code == 404
    page = signed_in(officer).get(finding.get_absolute_url()).content.decode()
    assert "Secret draft action" in page


# --- officer-only forms -----------------------------------------------------------------

FORM_URLS = [
    ("inspections:inspection_create", None),
    ("inspections:inspection_update", "inspection"),
    ("inspections:judgement_create", "inspection"),
    ("inspections:area_create", "inspection"),
    ("inspections:plan_create", None),
    ("inspections:plan_update", "plan"),
    ("inspections:strand_create", "plan"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "arg"), FORM_URLS)
def test_only_officers_may_use_the_forms(request, name, arg, officer, member, director_a):
    args = [request.getfixturevalue(arg).pk] if arg else []
    url = reverse(name, args=args)

    assert Client().get(url).status_code == 302
    assert signed_in(member).get(url).status_code == 403
    assert signed_in(director_a).get(url).status_code == 403
    assert signed_in(officer).get(url).status_code == 200


@pytest.mark.django_db
def test_rules():
    from tests.factories import MemberFactory, OfficerFactory

    officer, member, public = OfficerFactory(), MemberFactory(), UserFactory()
    published = InspectionFactory()
    unpublished = InspectionFactory(on_site_from=None, on_site_to=None, published_on=None)

    assert public.has_perm("inspections.view_inspection", published)
    assert not public.has_perm("inspections.view_inspection", unpublished)
    assert member.has_perm("inspections.view_inspection", unpublished)
    for perm in ("add_inspection", "add_areaforimprovement", "add_improvementaction"):
        assert officer.has_perm(f"inspections.{perm}")
        assert not member.has_perm(f"inspections.{perm}")


@pytest.mark.django_db
def test_officer_adds_an_inspection_and_an_area_for_improvement(officer, committee, directorate_a):
    client = signed_in(officer)
    response = client.post(
        reverse("inspections:inspection_create"),
        {
            "title": "Inspection of looked after children's services",
            "inspectorates": "Ofsted",
            "committee": committee.pk,
            "directorate": directorate_a.pk,
            "on_site_from": "2009-11-23",
            "on_site_to": "2009-12-04",
            "published_on": "2010-01-07",
        },
    )
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    assert inspection.report.committee == committee

    response = client.post(
        reverse("inspections:area_create", args=[inspection.pk]),
        {
            "number": 1,
            "text": "Improve the quality of core assessments and case records.",
            "timescale": "six_months",
            "theme": "Looked after children",
            "directorate": directorate_a.pk,
        },
    )
    assert response.status_code == 302
    area = AreaForImprovement.objects.select_related("recommendation").get()
    assert area.recommendation.report_back_month == date(2010, 7, 1)
    assert area.recommendation.directorate == directorate_a


@pytest.mark.django_db
def test_inspection_form_says_what_is_wrong(officer, committee, directorate_a):
    response = signed_in(officer).post(
        reverse("inspections:inspection_create"),
        {
            "title": "An inspection",
            "inspectorates": "Ofsted",
            "committee": committee.pk,
            "directorate": directorate_a.pk,
            "on_site_from": "2009-12-04",
            "on_site_to": "2009-11-23",
        },
    )

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not Inspection.objects.exists()


@pytest.mark.django_db
def test_officer_adds_an_action_answering_a_finding_and_a_recommendation(
    plan, finding, officer, committee, published_report
):
    strand = StrandFactory(plan=plan, number=1)
    scrutiny = published_report.recommendations.get(number=1)
    response = signed_in(officer).post(
        reverse("inspections:action_create", args=[plan.pk]),
        {
            "strand": strand.pk,
            "title": "Recruit advanced practitioners",
            "owner": "Chief Officer",
            "due_on": "2010-06-30",
            "state": "in_progress",
            "rag": "amber",
            "percent_complete": "40",
            "answers": [finding.pk, scrutiny.pk],
        },
    )

    assert response.status_code == 302
    action = ImprovementAction.objects.get()
    assert set(action.answers.all()) == {finding, scrutiny}
    assert action.percent_complete == 40


@pytest.mark.django_db
def test_an_action_cannot_answer_what_the_plan_does_not_cover(plan, officer):
    strand = StrandFactory(plan=plan, number=1)
    elsewhere = RecommendationFactory()  # another committee's inquiry
    response = signed_in(officer).post(
        reverse("inspections:action_create", args=[plan.pk]),
        {
            "strand": strand.pk,
            "title": "Something",
            "owner": "Someone",
            "state": "not_started",
            "answers": [elsewhere.pk],
        },
    )

    assert response.status_code == 200
    assert not ImprovementAction.objects.exists()


@pytest.mark.django_db
def test_officer_adds_an_area_and_its_sub_area_to_a_judgements_table(inspection, officer):
    client = signed_in(officer)
    url = reverse("inspections:judgement_create", args=[inspection.pk])
    assert (
        client.post(
            url,
            {
                "theme": "Safeguarding",
                "area": "Quality of Provision",
                "grade": "inadequate",
                "order": 1,
            },
        ).status_code
        == 302
    )
    area = inspection.judgements.get()
    assert (
        client.post(
            url,
            {
                "theme": "Safeguarding",
                "area": "Service responsiveness",
                "parent": area.pk,
                "grade": "inadequate",
                "order": 2,
            },
        ).status_code
        == 302
    )
    duplicate = client.post(
        url, {"theme": "Safeguarding", "area": "Quality of Provision", "grade": "good", "order": 3}
    )
    assert duplicate.status_code == 200
    assert "already has a row" in duplicate.content.decode()
    assert inspection.judgements.get(area="Service responsiveness").parent == area


@pytest.mark.django_db
def test_officer_adds_a_strand_and_edits_an_action(plan, finding, officer):
    client = signed_in(officer)
    response = client.post(
        reverse("inspections:strand_create", args=[plan.pk]),
        {"number": 1, "title": "Develop social work practice"},
    )
    assert response.status_code == 302
    action = ActionFactory(strand=plan.strands.get())
    url = reverse("inspections:action_update", args=[action.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "strand": action.strand_id,
            "title": action.title,
            "owner": "Chief Officer",
            "state": "complete",
            "answers": [finding.pk],
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.state == "complete" and list(action.answers.all()) == [finding]
