"""A job runs its work once, records how it went, keeps its result, and expires."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.jobs import UNEXPECTED, JobFailed, JobResult, job_create, job_run, jobs_delete_expired
from core.models import Job
from tests.factories import OfficerFactory

pytestmark = pytest.mark.django_db


def _job() -> Job:
    return job_create(owner=OfficerFactory(), kind="test", title="A file", params={"n": 3})


def _made(job, progress):
    progress(50, "Half way")
    assert Job.objects.get(pk=job.pk).percent == 50
    return JobResult(content=b"x" * job.params["n"], filename="a.csv", content_type="text/csv")


def test_a_job_keeps_its_result_for_download():
    job = _job()
    job_run(job.pk, _made)
    job.refresh_from_db()
    assert (job.state, job.percent, bytes(job.result), job.result_size) == ("done", 100, b"xxx", 3)
    assert job.filename == "a.csv" and job.finished_at is not None


def test_a_job_already_run_is_not_run_again():
    job = _job()
    job_run(job.pk, _made)

    def again(job, progress):
        raise AssertionError("ran twice")

    job_run(job.pk, again)
    assert Job.objects.get(pk=job.pk).state == "done"


def test_a_job_that_cannot_finish_says_why():
    def refused(job, progress):
        raise JobFailed("The meeting has been deleted.")

    job = _job()
    job_run(job.pk, refused)
    job.refresh_from_db()
    assert (job.state, job.error) == ("failed", "The meeting has been deleted.")


def test_an_unexpected_error_fails_the_job_with_a_plain_message():
    def broken(job, progress):
        raise ZeroDivisionError

    job = _job()
    job_run(job.pk, broken)
    job.refresh_from_db()
    assert (job.state, job.error) == ("failed", UNEXPECTED)


def test_expired_jobs_are_deleted_and_the_rest_kept():
    expired, kept = _job(), _job()
    Job.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert jobs_delete_expired() == 1
    assert list(Job.objects.values_list("pk", flat=True)) == [kept.pk]
