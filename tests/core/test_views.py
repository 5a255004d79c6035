"""A job's page and download: for whoever asked (and staff) alone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.jobs import JobFailed, JobResult, job_create, job_run
from core.models import Job
from tests.factories import MemberFactory, OfficerFactory
from tests.viewkit import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(officer) -> Job:
    return job_create(
        owner=officer, kind="test", title="Recommendations export", params={}, back_url="/"
    )


def _done(job, progress):
    return JobResult(content=b"a,b\r\n", filename="export.csv", content_type="text/csv")


def _page(user, job):
    return signed_in(user).get(reverse("core:job_detail", args=[job.pk]))


def test_a_waiting_job_refreshes_itself(officer, job):
    page = _page(officer, job)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<meta http-equiv="refresh"' in html and "Waiting to start" in html


def test_a_running_job_shows_how_far_it_has_got(officer, job):
    Job.objects.filter(pk=job.pk).update(state="running", percent=40, stage="Writing rows")
    html = _page(officer, job).content.decode()
    assert "40% done: writing rows" in html


def test_a_finished_job_offers_its_download(officer, job):
    job_run(job.pk, _done)
    page = _page(officer, job)
    html = page.content.decode()
    assert "is ready" in html and 'http-equiv="refresh"' not in html
    download = signed_in(officer).get(reverse("core:job_download", args=[job.pk]))
    assert download.status_code == 200
    assert download.content == b"a,b\r\n"
    assert download["Content-Type"] == "text/csv"
    assert 'filename="export.csv"' in download["Content-Disposition"]


def test_a_failed_job_says_why(officer, job):
    def refused(job, progress):
        raise JobFailed("The meeting has been deleted.")

    job_run(job.pk, refused)
    html = _page(officer, job).content.decode()
    assert "could not be made" in html and "The meeting has been deleted." in html


def test_there_is_nothing_to_download_before_it_is_done(officer, job):
    download = signed_in(officer).get(reverse("core:job_download", args=[job.pk]))
    assert download.status_code == 404


@pytest.mark.parametrize("name", ["core:job_detail", "core:job_download"])
def test_another_user_finds_nothing(client, job, name):
    job_run(job.pk, _done)
    url = reverse(name, args=[job.pk])
    assert signed_in(OfficerFactory()).get(url).status_code == 404
    assert signed_in(MemberFactory()).get(url).status_code == 404
    assert client.get(url).status_code in (302, 404)  # the public: sign in, or nothing


def test_staff_may_see_anyones_job(job):
    job_run(job.pk, _done)
    staff = OfficerFactory(is_staff=True)
    assert signed_in(staff).get(reverse("core:job_download", args=[job.pk])).status_code == 200


def test_an_expired_job_is_gone(officer, job):
    Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _page(officer, job).status_code == 404
