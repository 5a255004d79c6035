"""The council's settings, kept in the admin and read through council_settings()."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from council.models import BankHolidayRegion, CouncilSettings
from council.selectors import council_settings
from papers import documents
from papers.rendering import render_pdf
from tests.factories import OfficerFactory, ReportFactory

pytestmark = pytest.mark.django_db


def png(width: int = 120, height: int = 60) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (16, 97, 101)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_client(client):
    client.force_login(OfficerFactory(is_staff=True, is_superuser=True))
    return client


def save_settings(client, **values):
    data = {
        "council_name": "Borsetshire County Council",
        "bank_holiday_region": BankHolidayRegion.SCOTLAND,
        "response_deadline_months": "3",
        "reminder_days_ahead": "7",
        "statement_due_days_before_meeting": "5",
        "report_back_lookahead_days": "30",
        "access_contact": "the scrutiny team",
        **values,
    }
    return client.post(reverse("admin:council_councilsettings_add"), data)


def test_before_any_are_saved_the_defaults_apply(client):
    council = council_settings()
    assert (council.council_name, council.response_deadline_months) == ("Your council", 2)
    assert "Your council" in client.get(reverse("home")).text


def test_the_administrator_sets_the_council_up_in_the_admin(admin_client):
    response = save_settings(admin_client)
    assert response.status_code == 302
    council = CouncilSettings.objects.get()
    assert council.bank_holiday_region == "SCT"
    assert council.reminder_days_ahead == 7
    assert "Borsetshire County Council" in admin_client.get(reverse("home")).text


def test_there_is_one_page_of_settings(admin_client):
    save_settings(admin_client)
    changelist = admin_client.get(reverse("admin:council_councilsettings_changelist"))
    assert changelist["Location"] == reverse("admin:council_councilsettings_change", args=[1])
    assert admin_client.get(reverse("admin:council_councilsettings_add")).status_code == 403


def test_a_response_period_out_of_range_is_a_form_error(admin_client):
    response = save_settings(admin_client, response_deadline_months="0")
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 1" in response.text
    assert not CouncilSettings.objects.exists()


def test_the_response_period_sets_the_deadline_of_reports_received_from_now_on():
    CouncilSettings.objects.create(response_deadline_months=3)
    report = ReportFactory(received_on=date(2026, 1, 15))
    assert report.response_due_on == date(2026, 4, 15)


def test_the_logo_is_shown_in_the_header(admin_client, client):
    upload = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    save_settings(admin_client, logo_upload=upload)
    page = client.get(reverse("home"))
    assert f'src="{reverse("council:logo")}"' in page.text
    logo = client.get(reverse("council:logo"))
    assert logo["Content-Type"] == "image/png"
    assert logo.content == png()
    assert client.get(reverse("council:logo"), HTTP_IF_NONE_MATCH=logo["ETag"]).status_code == 304


def test_a_logo_that_is_not_an_image_is_refused(admin_client):
    upload = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = save_settings(admin_client, logo_upload=upload)
    assert response.status_code == 200
    assert not CouncilSettings.objects.exists()


def test_the_logo_is_printed_on_the_papers(officer):
    CouncilSettings.objects.create(
        council_name="Borsetshire County Council", logo=png(), logo_content_type="image/png"
    )
    pdf = PdfReader(BytesIO(render_pdf(documents.response_paper(ReportFactory(), officer))))
    first_page = pdf.pages[0]
    assert "Borsetshire County Council" in first_page.extract_text()
    assert len(first_page.images) == 1


def test_the_settings_cost_one_query_per_request(client):
    CouncilSettings.objects.create(council_name="Borsetshire County Council")
    client.get(reverse("home"))  # warm everything else up
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("accessibility"))
    settings_queries = [q for q in captured if "council_councilsettings" in q["sql"]]
    assert len(settings_queries) == 1
