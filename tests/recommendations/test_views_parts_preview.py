"""The officer sees a recommendation's parts as they will be stored before saving."""

import pytest
from django.urls import reverse

from recommendations.models import Recommendation
from tests.viewkit import field_error, page, signed_in

pytestmark = pytest.mark.django_db

PARTS = "\uf0b7 reviews every placement\n(b) reports the cost\nc. publishes the results"


def new_recommendation(directorate, **fields) -> dict:
    return {
        "number": "4",
        "text": "That the Director:",
        "parts_text": PARTS,
        "addressed_to": "directorate",
        "directorate": directorate.pk,
        "preview_parts": "1",
        **fields,
    }


def test_preview_shows_each_part_as_it_will_be_stored_and_saves_nothing(
    officer, published_report, directorate_a
):
    url = reverse("recommendations:recommendation_create", args=[published_report.pk])

    reply = signed_in(officer).post(url, new_recommendation(directorate_a))

    assert reply.status_code == 200
    html = page(reply)
    assert "How the parts will be stored" in html
    assert "Part a" in html and "Part b" in html and "Part c" in html
    assert "reports the cost" in html and "(b) reports" in html  # and still in the box
    assert not Recommendation.objects.filter(number=4).exists()


def test_saving_after_the_preview_stores_those_parts(officer, published_report, directorate_a):
    url = reverse("recommendations:recommendation_create", args=[published_report.pk])
    data = new_recommendation(directorate_a)
    del data["preview_parts"]

    signed_in(officer).post(url, data)

    stored = Recommendation.objects.get(report=published_report, number=4)
    assert [(part.label, part.text) for part in stored.parts.order_by("label")] == [
        ("a", "reviews every placement"),
        ("b", "reports the cost"),
        ("c", "publishes the results"),
    ]


def preview_edit(officer, recommendation, **fields):
    """Preview parts on the edit form of `recommendation`."""
    return signed_in(officer).post(
        reverse("recommendations:recommendation_update", args=[recommendation.pk]),
        new_recommendation(
            recommendation.directorate,
            number=str(recommendation.number),
            version=recommendation.version,
            **fields,
        ),
    )


def test_parts_that_cannot_be_split_are_explained_in_place_not_previewed(officer, recommendation):
    reply = preview_edit(officer, recommendation, parts_text="Only one part.")

    assert field_error(reply, "at least two parts")
    assert "How the parts will be stored" not in page(reply)
    assert "Only one part." in page(reply)


def test_the_edit_form_previews_too(officer, recommendation):
    reply = preview_edit(officer, recommendation)

    assert "How the parts will be stored" in page(reply)
    recommendation.refresh_from_db()
    assert recommendation.text != "That the Director:"
