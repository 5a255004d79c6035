"""Each page's queries do not grow with its rows."""

from datetime import date

import pytest
from django.urls import reverse

from recommendations import services
from recommendations.models import (
    Meeting,
    Recommendation,
)
from tests.factories import (
    CommitteeMembershipFactory,
    InquiryFactory,
    MeetingFactory,
    PositionStatementFactory,
    RecommendationFactory,
    ReportFactory,
    agreed_response,
    tracking_status,
)
from tests.viewkit import (
    ROLES,
    add_rows,
    client_for,
    page,
    queries_for,
)

pytestmark = pytest.mark.django_db


# --- Query counts -------------------------------------------------------------------


@pytest.fixture
def rows(committee, directorate_a, member):
    """A committee with `member` on it, and a function adding recommendations to it."""
    CommitteeMembershipFactory(committee=committee, user=member)
    start = {"next": 1}

    def add(count):
        report = add_rows(
            committee=committee, directorate=directorate_a, count=count, start=start["next"]
        )
        start["next"] += count
        return report

    return add


def grows(client, url_for, rows, django_assert_num_queries):
    """Measure a page with 5 rows, add 25 more, and require the same number of queries."""
    report = rows(5)
    url = url_for(report)
    baseline = queries_for(client, url)
    rows(25)
    client.get(url)
    with django_assert_num_queries(baseline):
        response = client.get(url)
    assert response.status_code == 200
    return baseline


@pytest.mark.parametrize("role", ROLES)
def test_the_list_queries_do_not_grow_with_rows(
    request, role, rows, django_assert_num_queries, django_assert_max_num_queries
):
    client = client_for(request, role)
    url = reverse("recommendations:recommendation_list")
    rows(5)
    baseline = queries_for(client, url)
    rows(25)
    with django_assert_num_queries(baseline):
        response = client.get(url)
    assert len(response.context["object_list"]) == 25
    # A search adds two, whatever the page's size: the page's ids are found before its
    # rows are read (core.keyset._first_rows), and the page's highlighted words.
    with django_assert_max_num_queries(baseline + 2):
        client.get(url + "?after=WzEsMl0&sort=-due&q=matter")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["committee", "meeting", "inquiry", "report", "home"])
def test_detail_pages_queries_do_not_grow_with_rows(
    request, role, name, committee, rows, django_assert_num_queries
):
    client = client_for(request, role)

    def url_for(report):
        if name == "committee":
            return committee.get_absolute_url()
        if name == "meeting":
            upcoming = Meeting.objects.filter(committee=committee).order_by("-date").first()
            return upcoming.get_absolute_url()
        if name == "inquiry":
            return report.inquiry.get_absolute_url()
        if name == "report":
            return report.get_absolute_url()
        return reverse("home")

    if name in ("inquiry", "report"):
        # Rows on one report: the first report's page must not grow as it is added to.
        report = rows(5)
        url = url_for(report)
        baseline = queries_for(client, url)
        more_report = add_rows(
            committee=committee,
            directorate=report.recommendations.first().directorate,
            count=25,
            start=100,
        )
        Recommendation.objects.filter(report=more_report).update(report=report)
        client.get(url)
        with django_assert_num_queries(baseline):
            assert client.get(url).status_code == 200
    else:
        grows(client, url_for, rows, django_assert_num_queries)


def test_the_worklist_queries_do_not_grow_with_rows(request, rows, django_assert_num_queries):
    client = client_for(request, "director_a")
    grows(client, lambda report: reverse("responses:worklist"), rows, django_assert_num_queries)


def test_the_assessments_form_queries_do_not_grow_with_rows(
    request, committee, rows, django_assert_num_queries
):
    client = client_for(request, "officer")

    def url_for(report):
        upcoming = Meeting.objects.filter(committee=committee).order_by("-date").first()
        return reverse("recommendations:assessments_record", args=[upcoming.pk])

    grows(client, url_for, rows, django_assert_num_queries)


@pytest.mark.parametrize("role", ROLES)
def test_a_recommendation_page_does_not_grow_with_its_history(
    request, role, committee, directorate_a, django_assert_num_queries
):
    client = client_for(request, role)
    recommendation = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=committee)),
        directorate=directorate_a,
        report_back_month=date(2012, 7, 1),
        report_back_every_months=1,
    )
    agreed_response(recommendation)
    officer = request.getfixturevalue("officer")

    def assess(month):
        meeting = MeetingFactory(committee=committee, date=date(2012, month, 20))
        # The directorate's statement for the month (a draft, read by its directorate only)...
        PositionStatementFactory(
            recommendation=recommendation, report_back_due_on=date(2012, month, 1)
        )
        # ...and the board's decision.
        services.assessments_record(
            meeting=meeting,
            user=officer,
            decisions=[
                services.TrackingDecision(recommendation, tracking_status(4), f"Month {month}")
            ],
        )

    assess(7)
    url = recommendation.get_absolute_url()
    baseline = queries_for(client, url)
    for month in range(8, 13):
        assess(month)
    client.get(url)
    with django_assert_num_queries(baseline):
        html = page(client.get(url))
    assert "Month 12" in html
