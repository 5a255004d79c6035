"""Lists keep their order; status counts link to the filtered list."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations import services
from tests.factories import (
    CommitteeFactory,
    CommitteeMembershipFactory,
    InquiryFactory,
    MeetingFactory,
    OfficerFactory,
    RecommendationFactory,
    ReportFactory,
    tracking_status,
)
from tests.viewkit import (
    page,
)

pytestmark = pytest.mark.django_db


def _decide(meeting, officer, recommendation, position: int) -> None:
    """The board's decision on one recommendation at the meeting, on the tracking scale."""
    services.assessments_record(
        meeting=meeting,
        user=officer,
        decisions=[services.TrackingDecision(recommendation, tracking_status(position))],
    )


# --- Lists keep their order -------------------------------------------------------------


def test_committees_are_listed_by_name(client, db):
    for name in ["Scrutiny Board (Health)", "Executive Board", "Scrutiny Board (Children)"]:
        CommitteeFactory(name=name)
    html = page(client.get(reverse("recommendations:committee_list")))
    positions = [
        html.index(name)
        for name in ["Executive Board", "Scrutiny Board (Children)", "Scrutiny Board (Health)"]
    ]
    assert positions == sorted(positions)


def test_inquiries_are_listed_newest_first_in_a_stable_order(client, committee):
    for year in (2009, 2012, 2010):
        InquiryFactory(committee=committee, title=f"Inquiry of {year}", started_on=date(year, 1, 1))
    response = client.get(reverse("recommendations:inquiry_list"))
    assert response.context["object_list"].ordered
    html = page(response)
    positions = [html.index(f"Inquiry of {year}") for year in (2012, 2010, 2009)]
    assert positions == sorted(positions)


def test_the_inquiry_list_shows_one_committees_inquiries(client, committee):
    InquiryFactory(committee=committee, title="OURS inquiry")
    InquiryFactory(committee=CommitteeFactory(), title="THEIRS inquiry")

    html = page(client.get(reverse("recommendations:inquiry_list") + f"?committee={committee.pk}"))

    assert "OURS inquiry" in html
    assert "THEIRS inquiry" not in html
    assert "1 inquiry." in html


@pytest.mark.parametrize("choice", ["999999", "not-a-committee"])
def test_a_committee_that_does_not_exist_is_an_error_in_place(client, committee, choice):
    InquiryFactory(committee=committee, title="ANY inquiry")

    response = client.get(reverse("recommendations:inquiry_list") + f"?committee={choice}")

    assert response.status_code == 200
    html = page(response)
    assert "There is a problem" in html
    assert "Select a valid choice" in html
    assert "ANY inquiry" in html  # the list itself, unfiltered


def test_a_committees_page_lists_its_meetings_a_page_at_a_time(client, committee):
    for day in range(1, 26):
        MeetingFactory(committee=committee, date=date(2011, 1, day))

    first = client.get(committee.get_absolute_url())
    second = client.get(committee.get_absolute_url() + "?page=2")

    assert [m.date.day for m in first.context["meetings"]] == list(range(25, 5, -1))
    assert [m.date.day for m in second.context["meetings"]] == list(range(5, 0, -1))
    assert "25 meetings, newest first; 1 to 20 are shown." in page(first)


def test_a_committees_page_names_its_next_meeting(client, committee):
    today = timezone.localdate()
    MeetingFactory(committee=committee, date=today - timedelta(days=7))
    MeetingFactory(committee=committee, date=today + timedelta(days=3), status="cancelled")
    MeetingFactory(committee=committee, date=today + timedelta(days=60))
    following = MeetingFactory(committee=committee, date=today + timedelta(days=10))

    response = client.get(committee.get_absolute_url())

    assert response.context["next_meeting"] == following
    assert f'Next meeting: <a class="govuk-link" href="{following.get_absolute_url()}">' in (
        page(response)
    )


def test_a_committees_page_names_its_latest_inquiries_and_links_to_them_all(client, committee):
    for year in range(2000, 2012):
        InquiryFactory(committee=committee, title=f"Inquiry of {year}", started_on=date(year, 1, 1))

    response = client.get(committee.get_absolute_url())

    html = page(response)
    assert "Inquiry of 2011" in html and "Inquiry of 2002" in html
    assert "Inquiry of 2001" not in html
    link = reverse("recommendations:inquiry_list") + f"?committee={committee.pk}"
    assert f'href="{link}"' in html
    assert "See all 12 of this board" in html
    # The board's page names the first of its list on the inquiry list.
    listed = client.get(link).context["object_list"]
    assert list(response.context["inquiries"]) == list(listed)[:10]


def test_an_inquirys_reports_are_listed_newest_first(client, committee):
    inquiry = InquiryFactory(committee=committee)
    ReportFactory(inquiry=inquiry, title="OLDER report", published_on=date(2010, 2, 1))
    ReportFactory(
        inquiry=inquiry, title="NEWER report", published_on=date(2012, 4, 1), received_on=None
    )
    html = page(client.get(inquiry.get_absolute_url()))
    assert html.index("NEWER report") < html.index("OLDER report")


def test_status_counts_link_to_the_filtered_list(client, committee, meeting, published_report):
    recommendation = published_report.recommendations.get(number=1)
    _decide(meeting, OfficerFactory(), recommendation, 2)
    html = page(client.get(committee.get_absolute_url()))
    link = f"?status={tracking_status(2).pk}&amp;committee={committee.pk}"
    assert link in html
    assert "?status=&amp;" not in html
    assert 'href="/recommendations/?status="' not in html
    listed = client.get(reverse("recommendations:recommendation_list") + link.replace("&amp;", "&"))
    assert list(listed.context["object_list"]) == [recommendation]


def _not_yet_assessed_count(response) -> int:
    (row,) = [row for row in response.context["status_counts"] if row.status is None]
    return row.count


def _listed(client, link: str) -> list:
    listed = client.get(reverse("recommendations:recommendation_list") + link)
    assert listed.status_code == 200
    return list(listed.context["object_list"])


def test_not_yet_assessed_count_links_to_the_list_of_exactly_those(
    client, officer, meeting, published_report
):
    assessed = published_report.recommendations.get(number=1)
    _decide(meeting, officer, assessed, 2)
    client.force_login(officer)
    home = client.get(reverse("home"))
    assert _not_yet_assessed_count(home) == 2
    assert 'href="/recommendations/?status=none">2<' in page(home)
    listed = _listed(client, "?status=none")
    assert sorted(rec.number for rec in listed) == [2, 3]


def test_a_members_home_counts_link_to_the_list_of_their_own_committees(
    client, member, committee, published_report
):
    CommitteeMembershipFactory(committee=committee, user=member)
    elsewhere = CommitteeFactory(name="Scrutiny Board (Health)")
    RecommendationFactory(
        report=ReportFactory(
            inquiry=InquiryFactory(committee=elsewhere), published_on=date(2012, 3, 1)
        )
    )
    client.force_login(member)
    home = client.get(reverse("home"))
    assert _not_yet_assessed_count(home) == 3
    assert 'href="/recommendations/?status=none&amp;mine=on">3<' in page(home)
    listed = _listed(client, "?status=none&mine=on")
    assert {rec.report.committee for rec in listed} == {committee}
    assert len(listed) == 3
    assert len(_listed(client, "?status=none")) == 4  # without "mine", every committee's


def test_only_members_are_offered_the_list_of_their_own_committees(client, officer, member):
    listing = reverse("recommendations:recommendation_list")
    client.force_login(member)
    assert "mine" in client.get(listing).context["filter"].form.fields
    client.force_login(officer)
    assert "mine" not in client.get(listing).context["filter"].form.fields


def test_the_list_tags_a_long_status_by_its_short_name_and_the_recommendation_page_by_its_name(
    client, officer, meeting, published_report
):
    """The Leeds scale as loaded (migrations 0002 and 0016): status 4's name fills seven
    lines of a table's column, its short name one or two."""
    recommendation = published_report.recommendations.get(number=1)
    _decide(meeting, officer, recommendation, 4)
    client.force_login(officer)
    tag = '<strong class="govuk-tag govuk-tag--yellow">{}</strong>'

    listed = page(client.get(reverse("recommendations:recommendation_list")))
    detail = page(client.get(recommendation.get_absolute_url()))

    assert tag.format("Not achieved: progress acceptable") in listed
    assert tag.format(tracking_status(4).name) in detail
