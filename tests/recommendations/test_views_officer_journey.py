"""The officer's journey: from an inquiry to the board's tracking decisions."""

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
    RecommendationPartFactory,
    recommendation_due_at,
    tracking_status,
)
from tests.viewkit import (
    client_for,
    page,
    recommendation_edit,
    signed_in,
)

pytestmark = pytest.mark.django_db


# --- The officer's journey ----------------------------------------------------------


def test_an_officer_records_an_inquiry_from_start_to_tracking(
    request, committee, directorate_a, settings
):
    officer = request.getfixturevalue("officer")
    client = signed_in(officer)

    response = client.post(
        reverse("recommendations:inquiry_create"),
        {
            "committee": committee.pk,
            "title": "Inquiry into external placements",
            "kind": "inquiry",
            "terms_of_reference": "To consider the cost of external placements.",
            "status": "evidence",
            "started_on": "2011-09-01",
            "concluded_on": "",
        },
    )
    inquiry = Inquiry.objects.get(title="Inquiry into external placements")
    assert response.status_code == 302
    assert response["Location"] == inquiry.get_absolute_url()
    assert inquiry.committee == committee

    response = client.post(
        reverse("recommendations:report_create", args=[inquiry.pk]),
        {
            "kind": "final",
            "title": "External placements: final report",
            "summary": "",
            "published_on": "2012-02-01",
            "received_on": "2012-02-10",
        },
    )
    report = Report.objects.get(title="External placements: final report")
    assert response["Location"] == report.get_absolute_url()
    assert report.inquiry == inquiry
    assert report.response_due_on == date(2012, 4, 10)

    response = client.post(
        reverse("recommendations:recommendation_create", args=[report.pk]),
        {
            "number": "1",
            "text": "That the director reports on placements.",
            "parts_text": "Review every placement.\r\n\r\nReport the cost to the board.\r\n",
            "addressed_to": "directorate",
            "other_body": "",
            "directorate": directorate_a.pk,
            "lead_officer": "Head of Commissioning",
            "desired_outcome": "",
            "report_back_meeting": "",
            "report_back_month": "",
            "report_back_every_months": "",
            "add_another": "1",
        },
    )
    recommendation = Recommendation.objects.get(report=report, number=1)
    # "Save and add another" comes back to an empty form with the next number.
    assert response["Location"] == reverse(
        "recommendations:recommendation_create", args=[report.pk]
    )
    assert [(p.label, p.text) for p in recommendation.parts.all()] == [
        ("a", "Review every placement."),
        ("b", "Report the cost to the board."),
    ]
    form = client.get(response["Location"])
    assert 'value="2"' in page(form)

    schedule = reverse("recommendations:report_back_schedule", args=[recommendation.pk])
    response = client.post(
        schedule,
        {
            "report_back_meeting": "",
            "report_back_month": "July 2012",
            "report_back_every_months": "6",
            "version": Recommendation.objects.get(pk=recommendation.pk).version,
        },
    )
    assert response["Location"] == recommendation.get_absolute_url()
    recommendation.refresh_from_db()
    assert recommendation.report_back_month == date(2012, 7, 1)
    assert recommendation.report_back_every_months == 6
    assert recommendation.next_report_back_on == date(2012, 7, 1)
    # The form shows the month back as people write it.
    assert 'value="July 2012"' in page(client.get(schedule))

    response = client.post(
        reverse("recommendations:meeting_create", args=[committee.pk]),
        {"date": "2012-07-12", "start_time": "10:00", "place": "Civic Hall", "status": "held"},
    )
    meeting = Meeting.objects.get(committee=committee, date=date(2012, 7, 12))
    assert response["Location"] == meeting.get_absolute_url()
    assert "Recommendation 1" in page(client.get(meeting.get_absolute_url()))

    record = reverse("recommendations:assessments_record", args=[meeting.pk])
    form = client.get(record)
    assert f'name="rec-{recommendation.pk}-status"' in page(form)
    response = client.post(
        record,
        {
            f"rec-{recommendation.pk}-status": tracking_status(4).pk,
            f"rec-{recommendation.pk}-comment": "Good progress on the review.",
            f"rec-{recommendation.pk}-version": 0,
        },
    )
    assert response["Location"] == meeting.get_absolute_url()
    assessment = TrackingAssessment.objects.get(recommendation=recommendation, meeting=meeting)
    assert assessment.status == tracking_status(4)
    assert assessment.recorded_by == officer
    recommendation.refresh_from_db()
    assert recommendation.current_status == tracking_status(4)
    # Six-monthly: the next report-back moves on to January 2013.
    assert recommendation.next_report_back_on == date(2013, 1, 1)

    detail = page(client.get(recommendation.get_absolute_url()))
    assert tracking_status(4).name in detail
    assert "Good progress on the review." in detail
    assert "January 2013" in detail
    # The decision is public too.
    public = page(client_for(request, "anonymous").get(recommendation.get_absolute_url()))
    assert tracking_status(4).name in public
    # The form comes back with the decision recorded, to correct it.
    form = page(client.get(record))
    assert f'value="{tracking_status(4).pk}" selected' in form
    assert "Good progress on the review." in form


def test_an_officer_corrects_a_decision_at_the_same_meeting(request, meeting):
    recommendation = recommendation_due_at(meeting)
    client = client_for(request, "officer")
    record = reverse("recommendations:assessments_record", args=[meeting.pk])
    prefix = f"rec-{recommendation.pk}"
    client.post(record, {f"{prefix}-status": tracking_status(4).pk, f"{prefix}-version": 0})
    client.post(record, {f"{prefix}-status": tracking_status(2).pk, f"{prefix}-version": 1})
    assessment = TrackingAssessment.objects.get()
    assert assessment.status == tracking_status(2)
    recommendation.refresh_from_db()
    assert recommendation.current_status == tracking_status(2)


def test_leaving_every_row_undecided_records_nothing(request, meeting):
    recommendation = recommendation_due_at(meeting)
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:assessments_record", args=[meeting.pk]),
        {f"rec-{recommendation.pk}-status": "", f"rec-{recommendation.pk}-comment": ""},
    )
    assert response.status_code == 302
    assert not TrackingAssessment.objects.exists()


def test_an_officer_edits_a_recommendation_and_its_parts(request, recommendation):
    RecommendationPartFactory(recommendation=recommendation, label="a", text="First.")
    RecommendationPartFactory(recommendation=recommendation, label="b", text="Second.")
    client = client_for(request, "officer")
    url = reverse("recommendations:recommendation_update", args=[recommendation.pk])
    form = page(client.get(url))
    assert "(a) First.\n(b) Second." in form
    response = client.post(
        url,
        recommendation_edit(
            recommendation,
            text="Amended text.",
            parts_text="",
            addressed_to="other",
            other_body="Corporate Carers group",
        ),
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.text == "Amended text."
    assert recommendation.other_body == "Corporate Carers group"
    assert not recommendation.parts.exists()


def test_the_officer_tells_the_directorates_once_the_report_is_complete(
    request, published_report, director_a, django_capture_on_commit_callbacks
):
    from django.core import mail

    client = client_for(request, "officer")
    url = reverse("recommendations:report_complete", args=[published_report.pk])
    assert "Children&#x27;s Services: 2 recommendations" in page(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response["Location"] == published_report.get_absolute_url()
    assert [m.to for m in mail.outbox if m.to == [director_a.email]] == [[director_a.email]]
    assert "Directorates last told" in page(client.get(published_report.get_absolute_url()))


def test_a_single_part_is_refused_rather_than_dropped(request, recommendation):
    client = client_for(request, "officer")
    url = reverse("recommendations:recommendation_update", args=[recommendation.pk])
    response = client.post(
        url,
        recommendation_edit(recommendation, text="Amended text.", parts_text="Only one part now."),
    )
    assert response.status_code == 200
    assert "at least two parts" in page(response)
    recommendation.refresh_from_db()
    assert recommendation.text != "Amended text."


def test_bulleted_parts_are_labelled_without_repeating_the_bullet(request, recommendation):
    client = client_for(request, "officer")
    url = reverse("recommendations:recommendation_update", args=[recommendation.pk])
    response = client.post(
        url,
        recommendation_edit(
            recommendation,
            text="That the Director:",
            parts_text="\uf0b7 reviews every placement\n\u2022 reports the cost",
        ),
    )
    assert response.status_code == 302
    assert [(p.label, p.text) for p in recommendation.parts.order_by("label")] == [
        ("a", "reviews every placement"),
        ("b", "reports the cost"),
    ]
