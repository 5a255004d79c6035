"""A long list's export is made by the task worker: the request gets the job's page, the
job the same file the request would have made, for whoever asked alone."""

import csv
import io

import pytest
from openpyxl import load_workbook

from core.models import Job
from tests.factories import OfficerFactory
from tests.viewkit import signed_in

pytestmark = pytest.mark.django_db

LIST = "/recommendations/"


@pytest.fixture
def large(settings):
    """The published report's three recommendations count as a long list."""
    settings.EXPORT_INLINE_MAX_ROWS = 2


def _inline(client, query: str) -> bytes:
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_a_long_export_becomes_a_job_and_its_page(
    large, officer, published_report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = signed_in(officer).get(f"{LIST}?format=csv")
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert (job.owner, job.state, job.kind) == (officer, "queued", "exchange.export_csv")
    assert job.params["ids"] == list(
        published_report.recommendations.order_by("number").values_list("pk", flat=True)
    )


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_the_job_makes_the_same_file_as_the_request(
    settings, officer, published_report, django_capture_on_commit_callbacks, format
):
    client = signed_in(officer)
    inline = _inline(client, f"format={format}")
    settings.EXPORT_INLINE_MAX_ROWS = 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"{LIST}?format={format}")
    job = Job.objects.get()
    assert job.state == "done"
    assert "is ready" in client.get(response["Location"]).content.decode()
    download = client.get(f"/jobs/{job.pk}/download/")
    if format == "csv":
        assert download.content == inline
        assert len(list(csv.reader(io.StringIO(inline.decode("utf-8-sig"))))) == 4
    else:

        def cells(content):
            return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))

        assert cells(download.content) == cells(inline)


def test_the_job_keeps_the_lists_filters(
    large, officer, published_report, directorate_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        signed_in(officer).get(f"{LIST}?directorate={directorate_b.pk}&format=csv")
    assert not Job.objects.exists()  # one recommendation: made in the request


def test_another_user_cannot_see_the_export(
    large, officer, published_report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(officer).get(f"{LIST}?format=csv")
    other = signed_in(OfficerFactory())
    assert other.get(response["Location"]).status_code == 404
    assert other.get(f"{response['Location']}download/").status_code == 404


def test_the_public_get_a_long_export_in_the_request(large, client, published_report):
    assert _inline(client, "format=csv").startswith("\ufeff".encode())
    assert not Job.objects.exists()
