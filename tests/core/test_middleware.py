"""Request size caps cover file parts (finding 8); signed-in pages are never cached (12)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.middleware import allow_upload, upload_limit_for
from tests.viewkit import signed_in

MB = 1024 * 1024


@pytest.mark.django_db
def test_a_large_file_posted_to_the_sign_in_page_is_refused_before_it_is_read(client, settings):
    big = SimpleUploadedFile("big.bin", b"x" * (3 * MB))
    response = client.post(reverse("login"), {"username": "a", "password": "b", "file": big})
    assert response.status_code == 413
    assert "too large" in response.content.decode()


@pytest.mark.django_db
def test_a_form_body_over_the_cap_is_refused_too(settings):
    settings.REQUEST_MAX_BYTES = 1000
    client = Client()
    response = client.generic(
        "POST",
        reverse("login"),
        data=b"username=" + b"x" * 5000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413


@pytest.mark.django_db
def test_an_ordinary_form_under_the_cap_goes_through(client):
    response = client.post(reverse("login"), {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200  # the sign-in form with its error


def test_a_view_can_be_allowed_larger_uploads(rf, settings):
    settings.UPLOAD_LIMITS_BY_URL_NAME = {"login": 50 * MB}
    assert upload_limit_for(rf.post("/sign-in/")) == 50 * MB
    assert upload_limit_for(rf.post("/")) == settings.REQUEST_MAX_BYTES


def test_the_allow_upload_decorator_marks_the_view():
    def view(request):
        return None

    assert allow_upload(10 * MB)(view).upload_limit == 10 * MB


@pytest.mark.django_db
def test_pages_for_a_signed_in_user_are_private_and_not_stored(officer, recommendation):
    response = signed_in(officer).get(recommendation.get_absolute_url())
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_draft_page_and_a_history_export_are_not_stored(director_a, officer, recommendation):
    from responses.services import response_save_draft

    draft = response_save_draft(recommendation=recommendation, user=director_a, text="Draft")
    assert "no-store" in signed_in(director_a).get(draft.get_absolute_url())["Cache-Control"]
    export = signed_in(officer).get(
        reverse("history_export", args=["recommendation", recommendation.pk])
    )
    assert export.status_code == 200
    assert "no-store" in export["Cache-Control"]


@pytest.mark.django_db
def test_an_exempt_paper_is_not_stored(member, committee):
    from tests.factories import ReportFactory

    report = ReportFactory(inquiry__committee=committee, exempt=True)
    response = signed_in(member).get(reverse("papers:response_preview", args=[report.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_public_pages_stay_cacheable(client):
    assert "no-store" not in client.get(reverse("home")).get("Cache-Control", "")


@pytest.mark.django_db
def test_an_ordinary_url_encoded_form_goes_through(client):
    """As a browser sends a form without a file: read through the capped stream."""
    response = client.post(
        reverse("login"),
        "username=nobody&password=wrong",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "nobody" in response.content.decode()


@pytest.mark.django_db
def test_the_import_takes_a_file_larger_than_the_general_cap(officer):
    """The import (issue 13) is allowed its 10 MB; the sign-in page is not."""
    big = SimpleUploadedFile("big.csv", b"a,b\n" + b"x" * (3 * MB))
    client = signed_in(officer)
    response = client.post(reverse("exchange:import_start"), {"file": big})
    assert response.status_code != 413
    big.seek(0)
    assert client.post(reverse("login"), {"file": big}).status_code == 413
