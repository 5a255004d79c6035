"""Who may see and keep the record, page by page."""

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations.models import (
    Inquiry,
    Recommendation,
    TrackingAssessment,
)
from tests.factories import (
    InquiryFactory,
    ReportFactory,
    tracking_status,
)
from tests.viewkit import (
    COUNCIL,
    NOT_OFFICERS,
    OFFICER_PAGES,
    ROLES,
    client_for,
    is_login_redirect,
    officer_pages,
    page,
)

pytestmark = pytest.mark.django_db


# --- Permissions: public pages -----------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_public_record(request, role, committee, meeting, recommendation):
    client = client_for(request, role)
    report = recommendation.report
    for url in [
        reverse("home"),
        reverse("recommendations:recommendation_list"),
        reverse("recommendations:committee_list"),
        committee.get_absolute_url(),
        meeting.get_absolute_url(),
        reverse("recommendations:inquiry_list"),
        report.inquiry.get_absolute_url(),
        report.get_absolute_url(),
        recommendation.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 200, (role, url, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_a_missing_object_is_404_for_everyone(request, role, db):
    client = client_for(request, role)
    for name in [
        "recommendation_detail",
        "committee_detail",
        "meeting_detail",
        "inquiry_detail",
        "report_detail",
    ]:
        assert client.get(reverse(f"recommendations:{name}", args=[999999])).status_code == 404


# --- Permissions: exempt and unpublished reports ------------------------------------


@pytest.mark.parametrize("which", ["exempt_report", "unpublished_report"])
def test_the_public_gets_not_found_for_a_private_report(request, client, which):
    report = request.getfixturevalue(which)
    for url in [report.get_absolute_url(), report.recommendations.get().get_absolute_url()]:
        response = client.get(url)
        # Exactly as for an address that holds nothing, with the offer to sign in.
        assert response.status_code == 404, url
        assert "Sign in" in response.content.decode()
        assert b"TEXT" not in response.content


def test_the_public_gets_not_found_for_a_report_published_tomorrow(client, committee):
    report = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        published_on=timezone.localdate() + timedelta(days=1),
        received_on=None,
    )
    assert client.get(report.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", COUNCIL)
@pytest.mark.parametrize("which", ["exempt_report", "unpublished_report"])
def test_the_council_reads_private_reports(request, role, which):
    report = request.getfixturevalue(which)
    client = client_for(request, role)
    response = client.get(report.get_absolute_url())
    assert response.status_code == 200
    assert report.title in page(response)
    recommendation = report.recommendations.get()
    response = client.get(recommendation.get_absolute_url())
    assert response.status_code == 200
    assert recommendation.text in page(response)


def test_the_public_never_sees_private_reports_in_lists(
    client, committee, meeting, exempt_report, unpublished_report, published_report
):
    for recommendation in Recommendation.objects.filter(
        report__in=[exempt_report, unpublished_report]
    ):
        recommendation.report_back_meeting = meeting
        recommendation.save()
    pages = [
        reverse("home"),
        reverse("recommendations:recommendation_list"),
        reverse("recommendations:recommendation_list") + "?q=TEXT",
        committee.get_absolute_url(),
        meeting.get_absolute_url(),
        exempt_report.inquiry.get_absolute_url(),
        unpublished_report.inquiry.get_absolute_url(),
    ]
    for url in pages:
        html = page(client.get(url))
        for secret in [
            "EXEMPT-TEXT",
            "UNPUBLISHED-TEXT",
            exempt_report.title,
            unpublished_report.title,
        ]:
            assert secret not in html, (url, secret)
    listing = page(client.get(reverse("recommendations:recommendation_list")))
    assert "3 recommendations" in listing  # only the published report's


def test_the_council_sees_private_reports_in_lists(request, exempt_report, unpublished_report):
    client = client_for(request, "member")
    response = client.get(reverse("recommendations:recommendation_list") + "?q=TEXT")
    # The matching word is marked in the page, so the texts are read from the rows.
    texts = " ".join(rec.text for rec in response.context["object_list"])
    assert "EXEMPT-TEXT" in texts
    assert "UNPUBLISHED-TEXT" in texts


# --- Permissions: keeping the record ------------------------------------------------


@pytest.mark.parametrize("name", OFFICER_PAGES)
def test_the_public_is_asked_to_sign_in_to_keep_the_record(
    client, name, committee, meeting, recommendation
):
    url = officer_pages(committee, meeting, recommendation)[name]
    response = client.get(url)
    assert is_login_redirect(response)
    # ...and brought back to the page after signing in.
    assert response["Location"] == f"/sign-in/?next={quote(url)}"
    assert is_login_redirect(client.post(url, {}))


@pytest.mark.parametrize("role", NOT_OFFICERS)
@pytest.mark.parametrize("name", OFFICER_PAGES)
def test_only_an_officer_keeps_the_record(request, role, name, committee, meeting, recommendation):
    url = officer_pages(committee, meeting, recommendation)[name]
    client = client_for(request, role)
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403


@pytest.mark.parametrize("name", OFFICER_PAGES)
def test_an_officer_keeps_the_record(request, name, committee, meeting, recommendation):
    url = officer_pages(committee, meeting, recommendation)[name]
    assert client_for(request, "officer").get(url).status_code == 200


@pytest.mark.parametrize("role", NOT_OFFICERS)
def test_a_refused_post_saves_nothing(request, role, committee, meeting, recommendation):
    client = client_for(request, role)
    response = client.post(
        reverse("recommendations:inquiry_create"),
        {"committee": committee.pk, "title": "Sneaky", "kind": "inquiry", "status": "scoping"},
    )
    assert response.status_code == 403
    assert not Inquiry.objects.filter(title="Sneaky").exists()
    response = client.post(
        reverse("recommendations:assessments_record", args=[meeting.pk]),
        {f"rec-{recommendation.pk}-status": tracking_status(2).pk},
    )
    assert response.status_code == 403
    assert not TrackingAssessment.objects.exists()
    response = client.post(
        reverse("recommendations:report_back_schedule", args=[recommendation.pk]),
        {"report_back_month": "July 2012"},
    )
    assert response.status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.report_back_month is None


def test_an_officer_page_for_a_missing_parent_is_404(request, db):
    client = client_for(request, "officer")
    assert client.get(reverse("recommendations:report_create", args=[999999])).status_code == 404
    assert (
        client.get(reverse("recommendations:recommendation_create", args=[999999])).status_code
        == 404
    )
    assert client.get(reverse("recommendations:meeting_create", args=[999999])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_edit_links_show_only_to_an_officer(request, role, committee, meeting, recommendation):
    client = client_for(request, role)
    html = page(client.get(recommendation.get_absolute_url()))
    edit = reverse("recommendations:recommendation_update", args=[recommendation.pk])
    assert (edit in html) == (role == "officer")
    html = page(client.get(meeting.get_absolute_url()))
    record = reverse("recommendations:assessments_record", args=[meeting.pk])
    assert (record in html) == (role == "officer")
