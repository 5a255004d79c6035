"""Nothing typed is lost and nothing is saved twice: stale and version-less forms are
refused with the user's input kept, and saving the same "add" form twice makes one."""

from datetime import date

import pytest
from django.urls import reverse

from core.history import EditConflict
from recommendations import services
from recommendations.models import Recommendation, TrackingAssessment
from tests.factories import tracking_status
from tests.viewkit import page, recommendation_edit, signed_in

pytestmark = pytest.mark.django_db


def new_recommendation(report, directorate, **overrides):
    return {
        "number": "4",
        "text": "That the director reviews respite care.",
        "addressed_to": "directorate",
        "directorate": directorate.pk,
        **overrides,
    }


def test_saving_the_same_add_form_twice_makes_one_recommendation(
    officer, published_report, directorate_a
):
    client = signed_in(officer)
    url = reverse("recommendations:recommendation_create", args=[published_report.pk])
    form = page(client.get(url))
    token = form.split('name="form_token" value="')[1].split('"')[0]
    data = new_recommendation(published_report, directorate_a, form_token=token, add_another="1")

    first = client.post(url, data)
    # Back, change the number, save again: the same form, so nothing new.
    again = client.post(url, {**data, "number": "5", "text": "That the director reviews it."})

    assert first.status_code == 302
    assert again.status_code == 200
    assert "This form was already saved as Recommendation 4" in page(again)
    assert "That the director reviews it." in page(again)  # what was typed is still there
    assert published_report.recommendations.count() == 4


def test_the_same_text_twice_in_a_report_is_refused(officer, published_report, directorate_a):
    client = signed_in(officer)
    url = reverse("recommendations:recommendation_create", args=[published_report.pk])
    existing = published_report.recommendations.get(number=1)

    response = client.post(
        url, new_recommendation(published_report, directorate_a, text=existing.text)
    )

    assert "already has a recommendation with exactly this text (Recommendation 1)" in page(
        response
    )
    assert published_report.recommendations.count() == 3


def test_the_page_after_save_and_add_another_lists_what_the_report_holds(
    officer, published_report, directorate_a
):
    client = signed_in(officer)
    url = reverse("recommendations:recommendation_create", args=[published_report.pk])
    response = client.post(
        url,
        {**new_recommendation(published_report, directorate_a), "add_another": "1"},
        follow=True,
    )

    shown = page(response)
    assert f"Already in {published_report.title}" in shown
    for number in (1, 2, 3, 4):
        assert f"Recommendation {number}</a>" in shown


def test_a_recommendation_form_posted_without_its_version_is_refused(officer, recommendation):
    client = signed_in(officer)
    url = reverse("recommendations:recommendation_update", args=[recommendation.pk])
    unversioned = recommendation_edit(recommendation, text="Amended without a version.")
    del unversioned["version"]
    response = client.post(url, unversioned)

    assert response.status_code == 200
    assert "without saying which version" in page(response)
    assert "Amended without a version." in page(response)
    recommendation.refresh_from_db()
    assert recommendation.text != "Amended without a version."


def test_a_stale_report_back_schedule_is_refused(officer, recommendation):
    client = signed_in(officer)
    url = reverse("recommendations:report_back_schedule", args=[recommendation.pk])
    opened_at = recommendation.version
    services.report_back_schedule(
        recommendation=recommendation,
        user=officer,
        meeting=None,
        month=date(2012, 9, 1),
        every_months=None,
    )

    response = client.post(url, {"report_back_month": "July 2012", "version": opened_at})

    assert response.status_code == 200
    assert "changed this while you were editing it" in page(response)
    recommendation.refresh_from_db()
    assert recommendation.report_back_month == date(2012, 9, 1)


def test_a_schedule_form_without_its_version_is_refused(officer, recommendation):
    url = reverse("recommendations:report_back_schedule", args=[recommendation.pk])
    response = signed_in(officer).post(url, {"report_back_month": "July 2012"})
    assert "without saying which version" in page(response)
    recommendation.refresh_from_db()
    assert recommendation.report_back_month is None


def test_a_tracking_form_without_its_version_is_refused(officer, recommendation, meeting):
    recommendation.report_back_meeting = meeting
    recommendation.save()
    url = reverse("recommendations:assessments_record", args=[meeting.pk])
    response = signed_in(officer).post(
        url, {f"rec-{recommendation.pk}-status": tracking_status(4).pk}
    )
    assert response.status_code == 200
    assert "without saying which version" in page(response)
    assert not TrackingAssessment.objects.exists()


def test_a_first_decision_recorded_meanwhile_is_a_conflict(officer, recommendation, meeting):
    services.assessments_record(
        meeting=meeting,
        user=officer,
        decisions=[
            services.TrackingDecision(recommendation, tracking_status(4), expected_version=0)
        ],
    )
    with pytest.raises(EditConflict, match="recorded the board's decision"):
        services.assessments_record(
            meeting=meeting,
            user=officer,
            decisions=[
                services.TrackingDecision(recommendation, tracking_status(2), expected_version=0)
            ],
        )
    assert Recommendation.objects.get(pk=recommendation.pk).current_status == tracking_status(4)
