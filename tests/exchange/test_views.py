"""The import wizard in the browser's requests: upload, check, map, import."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from exchange import views
from exchange.models import ImportJob
from recommendations.models import Recommendation
from tests.viewkit import signed_in

from .conftest import HEADERS, csv_bytes
from .test_import_command import BOARD, SAMPLE

IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def upload(client, content: bytes, name: str, **data):
    return client.post(
        reverse("exchange:import_start"), {"file": SimpleUploadedFile(name, content), **data}
    )


@pytest.fixture
def officer_client(officer):
    return signed_in(officer)


def test_an_officer_uploads_the_sample_checks_it_and_imports_it(officer_client):
    response = upload(officer_client, SAMPLE.read_bytes(), SAMPLE.name)
    job = ImportJob.objects.get()
    assert response.url == job.get_absolute_url()
    page = officer_client.get(response.url).content.decode()
    assert "The file has no Committee column" in page
    assert not Recommendation.objects.exists()
    form = {
        f"column_{i}": key
        for i, key in enumerate(
            [
                "reference",
                "inquiry",
                "report_date",
                "text",
                "addressee",
                "lead_officer",
                "decision",
                "response_text",
                "status",
                "status_date",
                "update",
                "",
            ]
        )
    }
    response = officer_client.post(
        job.get_absolute_url(), {**form, "committee": BOARD, "check": "1"}
    )
    page = response.content.decode()
    assert "5 recommendations, 5 agreed responses and 4 tracking decisions" in page
    assert f"A new committee: {BOARD}" in page
    response = officer_client.post(
        job.get_absolute_url(), {**form, "committee": BOARD, "import": "1"}
    )
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == ImportJob.State.DONE
    assert Recommendation.objects.count() == 5
    assert job.content == b""
    page = officer_client.get(job.get_absolute_url()).content.decode()
    assert "Created 5 recommendations" in page


def test_problems_are_listed_by_row_and_column_and_unknown_values_can_be_mapped(
    officer_client, committee, directorate_a, row
):
    content = csv_bytes([HEADERS, row(), row(**{"Rec No": "2", "Status": "Green"})])
    job_url = upload(officer_client, content, "tracker.csv").url
    page = officer_client.get(job_url).content.decode()
    assert "“Green” is not on the tracking scale" in page
    assert "Status “Green” means" in page
    form = {
        f"column_{i}": key
        for i, key in enumerate(
            [
                "committee",
                "inquiry",
                "report_date",
                "reference",
                "text",
                "addressee",
                "decision",
                "response_text",
                "status",
                "update",
            ]
        )
    }
    response = officer_client.post(job_url, {**form, "status_0": "2", "import": "1"})
    assert response.status_code == 302
    assert Recommendation.objects.get(reference="2").current_status.position == 2


def test_an_import_with_problems_writes_nothing(officer_client, row):
    content = csv_bytes([HEADERS, row(Recommendation="")])
    job_url = upload(officer_client, content, "tracker.csv").url
    response = officer_client.post(job_url, {"import": "1"})
    assert response.status_code == 200
    assert not Recommendation.objects.exists()
    assert ImportJob.objects.get().state == ImportJob.State.UPLOADED


def test_two_columns_cannot_both_be_the_recommendation(officer_client, row):
    job_url = upload(officer_client, csv_bytes([HEADERS, row()]), "tracker.csv").url
    response = officer_client.post(job_url, {"column_0": "text", "column_4": "text", "check": "1"})
    assert "Only one column can be matched to Recommendation" in response.content.decode()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_large_file_imports_in_the_background(
    officer_client, row, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(views, "INLINE_ROWS", 2)
    rows = [HEADERS] + [row(**{"Rec No": str(n)}) for n in range(1, 6)]
    job_url = upload(officer_client, csv_bytes(rows), "tracker.csv").url
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(job_url, {"import": "1"})
    assert response.status_code == 302
    assert ImportJob.objects.get().state == ImportJob.State.DONE
    assert Recommendation.objects.count() == 5
    # The officer is told when it is done.
    assert [m.subject for m in mail.outbox] == ["Imported: tracker.csv"]
    assert "Created 5 recommendations" in mail.outbox[0].body


def test_a_queued_import_shows_its_progress_and_refreshes(officer_client, officer):
    job = ImportJob.objects.create(
        created_by=officer,
        filename="big.xlsx",
        state=ImportJob.State.RUNNING,
        stage="Writing 20,000 recommendations",
        rows_total=20000,
    )
    page = officer_client.get(job.get_absolute_url()).content.decode()
    assert "Writing 20,000 recommendations" in page
    assert 'http-equiv="refresh"' in page


def test_a_finished_import_cannot_be_imported_again(officer_client, officer):
    job = ImportJob.objects.create(created_by=officer, filename="t.csv", state=ImportJob.State.DONE)
    response = officer_client.post(job.get_absolute_url(), {"import": "1"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    "content,name,message",
    [
        (b"PK\x03\x04garbage", "tracker.xlsx", "not a readable XLSX"),
        (b"\x00\x01\x02", "tracker.pdf", "must be a CSV or an Excel"),
        (b"", "tracker.csv", "The submitted file is empty"),
    ],
)
def test_a_malformed_file_is_refused_on_the_upload_form(officer_client, content, name, message):
    response = upload(officer_client, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_huge_xlsx_is_refused_with_a_clear_message(officer_client):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Tracker")
    sheet.append(["Committee", "Recommendation"])
    for number in range(20_100):
        sheet.append(["Board", f"Recommendation {number}"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(officer_client, buffer.getvalue(), "huge.xlsx")
    assert "more than 20,000 rows" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_file_over_10_mb_is_refused(officer_client):
    response = upload(officer_client, b"a" * (10 * 1024 * 1024 + 1), "big.csv")
    assert "smaller than 10 MB" in response.content.decode()
