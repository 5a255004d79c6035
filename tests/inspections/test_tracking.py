"""Inspection findings go through the tracking code unchanged: lists, filters, the
worklist, meeting agendas and the board's assessments."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from deadlines.selectors import worklist_for
from recommendations import selectors, services
from scrutiny.filters import RecommendationFilter
from tests.factories import MeetingFactory, agreed_response, tracking_status


@pytest.mark.django_db
def test_recommendation_list_includes_findings_and_filters_by_source(
    finding, published_report, anonymous
):
    visible = selectors.recommendations_visible_to(anonymous)

    def numbers(source):
        data = {"source": source} if source else {}
        return {r.pk for r in RecommendationFilter(data, queryset=visible).qs}

    scrutiny = set(published_report.recommendations.values_list("pk", flat=True))
    assert numbers(None) == scrutiny | {finding.pk}
    assert numbers("inspection") == {finding.pk}
    assert numbers("inquiry") == scrutiny


@pytest.mark.django_db
def test_committee_filter_finds_findings_of_the_inspections_board(finding, committee, anonymous):
    qs = RecommendationFilter(
        {"committee": committee.pk}, queryset=selectors.recommendations_visible_to(anonymous)
    ).qs

    assert finding in qs


@pytest.mark.django_db
def test_list_page_shows_the_finding_with_its_board(finding, committee):
    response = Client().get(reverse("recommendations:recommendation_list") + "?source=inspection")

    page = response.content.decode()
    assert "Area for improvement 1" in page
    assert committee.name in page


@pytest.mark.django_db
def test_the_directorate_worklist_includes_findings(finding, director_a):
    items = worklist_for(director_a, date(2010, 3, 1)).items

    assert [(item.recommendation, item.kind) for item in items] == [(finding, "response")]

    agreed_response(finding)
    items = worklist_for(director_a, date(2010, 3, 1)).items
    assert [(item.recommendation, item.kind) for item in items] == [(finding, "report-back")]
    assert items[0].deadline.due_on == date(2010, 4, 30)


@pytest.mark.django_db
def test_findings_are_due_at_the_boards_meeting_and_assessed_there(finding, committee, officer):
    meeting = MeetingFactory(committee=committee, date=date(2010, 4, 22))

    assert list(selectors.recommendations_due_for_meeting(meeting)) == [finding]

    services.assessments_record(
        meeting=meeting,
        decisions=[services.TrackingDecision(finding, tracking_status(4))],
        user=officer,
    )
    finding.refresh_from_db()
    assert finding.current_status == tracking_status(4)
    assert finding.last_assessed_on == date(2010, 4, 22)


@pytest.mark.django_db
def test_another_boards_meeting_cannot_assess_a_finding(finding, officer):
    elsewhere = MeetingFactory(date=date(2010, 4, 22))

    with pytest.raises(ValidationError):
        services.assessments_record(
            meeting=elsewhere,
            decisions=[services.TrackingDecision(finding, tracking_status(4))],
            user=officer,
        )


@pytest.mark.django_db
def test_meeting_and_report_pages_show_findings(finding, committee, officer):
    meeting = MeetingFactory(committee=committee, date=date(2010, 4, 22))
    client = Client()
    client.force_login(officer, backend="django.contrib.auth.backends.ModelBackend")

    assert "Area for improvement 1" in client.get(meeting.get_absolute_url()).content.decode()
    assert (
        client.get(reverse("recommendations:assessments_record", args=[meeting.pk])).status_code
        == 200
    )
    report_page = client.get(finding.report.get_absolute_url()).content.decode()
    assert finding.report.inspection.get_absolute_url() in report_page
    detail = client.get(finding.get_absolute_url()).content.decode()
    assert committee.name in detail
