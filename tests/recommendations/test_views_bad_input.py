"""Bad input on the record's forms: shown in place, nothing saved."""

from datetime import date

import pytest
from django.urls import reverse

from recommendations.models import (
    Inquiry,
    Meeting,
    Recommendation,
    Report,
    TrackingAssessment,
)
from tests.factories import (
    CommitteeFactory,
    MeetingFactory,
    RecommendationFactory,
    recommendation_due_at,
    tracking_status,
)
from tests.viewkit import (
    PROBLEM,
    assert_rejected,
    client_for,
    field_error,
    page,
)

pytestmark = pytest.mark.django_db


# --- Bad input ----------------------------------------------------------------------


def test_an_inquiry_cannot_conclude_before_it_starts(request, committee):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:inquiry_create"),
        {
            "committee": committee.pk,
            "title": "Backwards inquiry",
            "kind": "inquiry",
            "status": "scoping",
            "started_on": "2012-03-01",
            "concluded_on": "2012-02-01",
        },
    )
    assert_rejected(response, "The inquiry cannot conclude before it starts.")
    assert not Inquiry.objects.filter(title="Backwards inquiry").exists()


def test_an_inquiry_needs_a_title_and_a_committee(request, db):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:inquiry_create"),
        {"committee": "", "title": "", "kind": "inquiry", "status": "scoping"},
    )
    assert_rejected(response, "Enter title")
    assert field_error(response, "Choose committee")
    assert not Inquiry.objects.exists()


def test_an_inquiry_date_must_be_a_date(request, committee):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:inquiry_create"),
        {
            "committee": committee.pk,
            "title": "Dated inquiry",
            "kind": "inquiry",
            "status": "scoping",
            "started_on_day": "31",
            "started_on_month": "2",
            "started_on_year": "2012",
        },
    )
    assert_rejected(response, "Started on must be a real date")
    assert not Inquiry.objects.exists()


def test_a_report_cannot_be_received_before_it_is_published(request, published_report):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:report_create", args=[published_report.inquiry.pk]),
        {
            "kind": "final",
            "title": "Backwards report",
            "published_on": "2012-03-01",
            "received_on": "2012-02-01",
        },
    )
    assert_rejected(response, "The report cannot be received before it is published.")
    assert not Report.objects.filter(title="Backwards report").exists()


def test_an_exempt_report_must_name_its_rule(request, published_report):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:report_update", args=[published_report.pk]),
        {
            "kind": "final",
            "title": published_report.title,
            "published_on": "2012-02-01",
            "received_on": "2012-02-10",
            "is_exempt": "on",
            "exempt_rule": " ",
        },
    )
    assert_rejected(response, "Enter the Access to Information Procedure Rule it is exempt under.")
    published_report.refresh_from_db()
    assert not published_report.is_exempt


def recommendation_data(report, **overrides):
    directorate = report.recommendations.first().directorate
    data = {
        "number": "9",
        "text": "That the director reports back.",
        "parts_text": "",
        "addressed_to": "directorate",
        "other_body": "",
        "directorate": directorate.pk,
        "lead_officer": "",
        "desired_outcome": "",
        "report_back_meeting": "",
        "report_back_month": "",
        "report_back_every_months": "",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"number": "1"}, "This report already has a recommendation 1."),
        ({"addressed_to": "other"}, "Enter the name of the body it is addressed to."),
        ({"report_back_month": "Julember 2012"}, "Enter a month and year, like July 2012"),
        ({"report_back_month": "13/2012"}, "Enter a month and year, like July 2012"),
        (
            {"report_back_every_months": "6"},
            "A repeat needs a first report-back: choose a meeting or enter a month.",
        ),
        ({"report_back_every_months": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"text": ""}, "Enter recommendation text"),
        ({"number": "0"}, "Ensure this value is greater than or equal to 1."),
    ],
)
def test_bad_recommendations_are_rejected(request, published_report, overrides, message):
    client = client_for(request, "officer")
    before = Recommendation.objects.count()
    response = client.post(
        reverse("recommendations:recommendation_create", args=[published_report.pk]),
        recommendation_data(published_report, **overrides),
    )
    assert_rejected(response, message)
    assert Recommendation.objects.count() == before


def test_a_recommendation_cannot_report_back_at_another_boards_meeting(request, published_report):
    elsewhere = MeetingFactory(committee=CommitteeFactory())
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:recommendation_create", args=[published_report.pk]),
        recommendation_data(published_report, report_back_meeting=elsewhere.pk),
    )
    assert_rejected(response, "Select a valid choice.")
    assert not Recommendation.objects.filter(number=9).exists()


def test_a_renumbered_recommendation_cannot_take_anothers_number(request, published_report):
    recommendation = published_report.recommendations.get(number=2)
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:recommendation_update", args=[recommendation.pk]),
        recommendation_data(published_report, number="1", text=recommendation.text),
    )
    assert_rejected(response, "This report already has a recommendation 1.")
    recommendation.refresh_from_db()
    assert recommendation.number == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"report_back_month": "Julember 2012"}, "Enter a month and year, like July 2012"),
        (
            {"report_back_every_months": "6"},
            "A repeat needs a first report-back: choose a meeting or enter a month.",
        ),
    ],
)
def test_a_bad_report_back_schedule_is_rejected(request, recommendation, data, message):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:report_back_schedule", args=[recommendation.pk]),
        {
            "report_back_meeting": "",
            "report_back_month": "",
            "report_back_every_months": "",
            **data,
        },
    )
    assert_rejected(response, message)
    recommendation.refresh_from_db()
    assert recommendation.report_back_month is None
    assert recommendation.report_back_every_months is None


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("July 2012", date(2012, 7, 1)),
        ("jul 2012", date(2012, 7, 1)),
        ("07/2012", date(2012, 7, 1)),
    ],
)
def test_a_month_is_read_as_people_write_it(request, recommendation, written, month):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:report_back_schedule", args=[recommendation.pk]),
        {"report_back_month": written, "version": recommendation.version},
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.report_back_month == month


def test_a_meeting_cannot_be_booked_twice_on_one_day(request, committee, meeting):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:meeting_create", args=[committee.pk]),
        {"date": meeting.date.isoformat(), "status": "scheduled"},
    )
    assert response.status_code == 200
    assert PROBLEM in page(response)
    assert "already exists" in page(response)
    assert Meeting.objects.filter(committee=committee).count() == 1


def test_a_comment_needs_a_decision(request, meeting):
    recommendation = recommendation_due_at(meeting)
    other = RecommendationFactory(report=recommendation.report, report_back_meeting=meeting)
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:assessments_record", args=[meeting.pk]),
        {
            f"rec-{recommendation.pk}-status": "",
            f"rec-{recommendation.pk}-comment": "A comment with no decision.",
            f"rec-{other.pk}-status": tracking_status(2).pk,
        },
    )
    assert_rejected(response, "Choose the board&#x27;s decision to go with the comment.")
    # The summary links to the row's own field.
    assert f'href="#id_rec-{recommendation.pk}-status"' in page(response)
    # Nothing is recorded, not even the valid row.
    assert not TrackingAssessment.objects.exists()


def test_an_unknown_status_is_rejected(request, meeting):
    recommendation = recommendation_due_at(meeting)
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:assessments_record", args=[meeting.pk]),
        {f"rec-{recommendation.pk}-status": "999999"},
    )
    assert_rejected(response, "Select a valid choice.")
    assert not TrackingAssessment.objects.exists()
