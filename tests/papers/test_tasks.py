"""A large paper is made by the task worker: the request gets the job's page, the job
the same PDF the request would have made, for whoever asked alone."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from core.models import Job
from papers.limits import CACHE_ALIAS
from tests.factories import OfficerFactory
from tests.papers.conftest import pdf_pages
from tests.viewkit import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def large(settings):
    """The tracking meeting's three recommendations count as a large paper."""
    settings.PAPERS_INLINE_MAX_RECOMMENDATIONS = 2


def _ask(client, meeting, capture, *, run: bool):
    with capture(execute=run):
        return client.get(reverse("papers:tracking_pdf", args=[meeting.pk]))


def test_a_large_paper_becomes_a_job_and_its_page(
    large, officer, tracking_meeting, django_capture_on_commit_callbacks
):
    response = _ask(
        signed_in(officer), tracking_meeting, django_capture_on_commit_callbacks, run=False
    )
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert (job.owner, job.state, job.kind) == (officer, "queued", "papers.tracking")


def test_the_job_makes_the_same_pdf_as_the_request(
    settings, officer, tracking_meeting, django_capture_on_commit_callbacks
):
    client = signed_in(officer)
    inline = _ask(client, tracking_meeting, django_capture_on_commit_callbacks, run=True)
    assert inline["Content-Type"] == "application/pdf"
    caches[CACHE_ALIAS].clear()  # made again by the worker, not served from the cache
    settings.PAPERS_INLINE_MAX_RECOMMENDATIONS = 2
    response = _ask(client, tracking_meeting, django_capture_on_commit_callbacks, run=True)
    job = Job.objects.get()
    assert job.state == "done"
    page = client.get(response["Location"]).content.decode()
    assert "is ready" in page and job.filename in page
    download = client.get(reverse("core:job_download", args=[job.pk]))
    assert pdf_pages(download.content) == pdf_pages(inline.content)
    assert download["Content-Disposition"].endswith(f'filename="{job.filename}"')
    assert inline["Content-Disposition"].endswith(f'filename="{job.filename}"')


def test_another_user_cannot_see_the_job(
    large, officer, tracking_meeting, django_capture_on_commit_callbacks
):
    response = _ask(
        signed_in(officer), tracking_meeting, django_capture_on_commit_callbacks, run=True
    )
    other = signed_in(OfficerFactory())
    assert other.get(response["Location"]).status_code == 404
    job = Job.objects.get()
    assert other.get(reverse("core:job_download", args=[job.pk])).status_code == 404


def test_a_paper_that_cannot_be_made_in_time_fails_with_a_message(
    large, settings, officer, tracking_meeting, django_capture_on_commit_callbacks
):
    settings.PAPERS_BACKGROUND_RENDER_TIMEOUT_SECONDS = 0.001
    client = signed_in(officer)
    response = _ask(client, tracking_meeting, django_capture_on_commit_callbacks, run=True)
    assert Job.objects.get().state == "failed"
    page = client.get(response["Location"]).content.decode()
    assert "could not be made" in page
    assert "The PDF could not be made. The paper took longer than 0.001 seconds" in page


def test_the_public_get_a_large_paper_in_the_request(large, client, tracking_meeting):
    response = client.get(reverse("papers:tracking_pdf", args=[tracking_meeting.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert not Job.objects.exists()


def test_asking_again_while_the_job_waits_follows_the_same_job(
    large, officer, tracking_meeting, django_capture_on_commit_callbacks
):
    client = signed_in(officer)
    first = _ask(client, tracking_meeting, django_capture_on_commit_callbacks, run=False)
    again = _ask(client, tracking_meeting, django_capture_on_commit_callbacks, run=False)

    assert Job.objects.count() == 1
    assert again["Location"] == first["Location"]
