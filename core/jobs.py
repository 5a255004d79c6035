"""Long work off the request: a job is created by the view, queued as a task (the
app's own task function, run by the database-backed worker), and runs here, recording
how far it has got and keeping its result in the database for its owner to download.

A task's work is a callable `work(progress)` that returns a `JobResult`; it calls
`progress(percent, stage)` as it goes and raises `JobFailed` with a message for the
reader when it cannot finish. Any other error is logged and reported as such.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from .models import Job

logger = logging.getLogger(__name__)

UNEXPECTED = (
    "Something went wrong while this was being made, and it was not finished. "
    "Try again; if it fails again, ask the service's support team."
)


class JobFailed(Exception):
    """The work cannot be done; the message says why, for the person who asked."""


@dataclass(frozen=True)
class JobResult:
    content: bytes
    filename: str
    content_type: str


Progress = Callable[[int, str], None]


def job_create(*, owner, kind: str, title: str, params: dict, back_url: str = "") -> Job:
    return Job.objects.create(
        owner=owner,
        kind=kind,
        title=title[:300],
        params=params,
        back_url=back_url[:500],
        stage="Waiting to start",
        expires_at=timezone.now() + settings.JOB_RESULTS_KEPT_FOR,
    )


def job_in_progress(*, owner, kind: str, params: dict) -> Job | None:
    """The owner's job of this kind and these parameters still waiting or running, if
    there is one: asking twice for the same long paper follows the first job rather
    than making the file twice."""
    unfinished = Job.objects.defer("result").filter(
        owner=owner, kind=kind, state__in=[Job.State.QUEUED, Job.State.RUNNING]
    )
    return next((job for job in unfinished.order_by("-pk") if job.params == params), None)


def jobs_visible_to(user) -> QuerySet[Job]:
    """A job is private to whoever asked for it (and staff)."""
    jobs = Job.objects.defer("result")
    if not user.is_authenticated:
        return jobs.none()
    jobs = jobs.filter(expires_at__gt=timezone.now())
    return jobs if user.is_staff else jobs.filter(owner=user)


def _update(job_id: int, **fields) -> None:
    Job.objects.filter(pk=job_id).update(**fields)


def job_run(job_id: int, work: Callable[[Job, Progress], JobResult]) -> None:
    """Run a queued job's work once (a second delivery of its task does nothing)."""
    if not _update_if_queued(job_id):
        return
    job = Job.objects.select_related("owner").defer("result").get(pk=job_id)

    def progress(percent: int, stage: str) -> None:
        _update(job_id, percent=max(0, min(99, percent)), stage=stage[:200])

    try:
        result = work(job, progress)
    except JobFailed as error:
        _update(
            job_id, state=Job.State.FAILED, stage="", error=str(error), finished_at=timezone.now()
        )
        return
    except Exception:
        logger.exception("Job %s (%s) failed", job_id, job.kind)
        _update(
            job_id, state=Job.State.FAILED, stage="", error=UNEXPECTED, finished_at=timezone.now()
        )
        return
    _update(
        job_id,
        state=Job.State.DONE,
        percent=100,
        stage="",
        result=result.content,
        result_size=len(result.content),
        filename=result.filename[:255],
        content_type=result.content_type[:100],
        finished_at=timezone.now(),
    )


def _update_if_queued(job_id: int) -> bool:
    return bool(
        Job.objects.filter(pk=job_id, state=Job.State.QUEUED).update(
            state=Job.State.RUNNING, stage="Starting"
        )
    )


def jobs_delete_expired(*, now: datetime | None = None) -> int:
    """Delete the jobs (and their results) past their expiry. Returns how many."""
    deleted, _ = Job.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
