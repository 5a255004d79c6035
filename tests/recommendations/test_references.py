"""References as councils print them, and recommendations with no directorate."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from recommendations.models import Recommendation
from tests.factories import RecommendationFactory
from tests.viewkit import signed_in


def form_data(**changes):
    data = {
        "reference": "SR (25/26) 01",
        "number": "4",
        "text": "That the Executive Board funds the review.",
        "addressed_to": "executive",
    }
    data.update(changes)
    return data


def test_the_reference_defaults_to_the_number(published_report):
    recommendation = RecommendationFactory(report=published_report, number=7, reference="")
    assert recommendation.reference == "7"


def test_a_reference_is_shown_in_the_title(published_report):
    recommendation = RecommendationFactory(report=published_report, number=4, reference="9.1.1")
    assert recommendation.title == "Recommendation 9.1.1"


def test_an_officer_adds_a_recommendation_to_the_executive_with_its_reference_and_no_directorate(
    officer, published_report
):
    url = reverse("recommendations:recommendation_create", args=[published_report.pk])
    response = signed_in(officer).post(url, form_data())
    assert response.status_code == 302
    recommendation = published_report.recommendations.get(number=4)
    assert (recommendation.reference, recommendation.directorate) == ("SR (25/26) 01", None)
    page = signed_in(officer).get(recommendation.get_absolute_url()).content.decode()
    assert "Recommendation SR (25/26) 01" in page


def test_a_recommendation_to_council_needs_no_directorate(officer, published_report):
    url = reverse("recommendations:recommendation_create", args=[published_report.pk])
    response = signed_in(officer).post(url, form_data(addressed_to="council"))
    assert response.status_code == 302


def test_a_recommendation_to_a_directorate_needs_one(officer, published_report):
    url = reverse("recommendations:recommendation_create", args=[published_report.pk])
    response = signed_in(officer).post(url, form_data(addressed_to="directorate"))
    assert "Choose the directorate the recommendation is addressed to." in response.content.decode()


def test_a_reference_is_unique_within_its_report(officer, published_report):
    url = reverse("recommendations:recommendation_create", args=[published_report.pk])
    response = signed_in(officer).post(url, form_data(reference="1"))
    assert "already has a recommendation with the reference 1" in response.content.decode()
    with pytest.raises(ValidationError):
        RecommendationFactory.build(report=published_report, number=9, reference="2").full_clean()


def test_the_reference_is_printed_on_the_response_paper(client, published_report):
    recommendation = published_report.recommendations.get(number=1)
    recommendation.reference = "R1"
    recommendation.save()
    page = client.get(reverse("papers:response_preview", args=[published_report.pk]))
    assert "Recommendation R1 –" in page.content.decode()


def test_the_database_refuses_a_directorate_recommendation_without_one(published_report):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Recommendation.objects.create(
            report=published_report, number=8, text="x", addressed_to="directorate"
        )
