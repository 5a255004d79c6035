"""Large imports and exports run off the request, on Django's tasks framework (TASKS
"default"), worked by the database-backed worker (`manage.py db_worker`)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string

from core.jobs import job_run
from council.selectors import council_settings

from .exporting import make_export
from .models import ImportJob
from .running import run_import

logger = logging.getLogger(__name__)


@task
def import_in_background(job_id: int) -> None:
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.state != ImportJob.State.QUEUED:
        return  # already run
    try:
        run_import(job)
    except Exception:
        ImportJob.objects.filter(pk=job_id).update(
            state=ImportJob.State.FAILED,
            stage="",
            summary="The import stopped with an error: nothing was imported. Try again, "
            "or ask the service's support team.",
        )
        raise
    finally:
        _tell_the_officer(job_id)


def _tell_the_officer(job_id: int) -> None:
    """An email to the officer who started a background import, once it is done."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    officer = job.created_by
    if officer is None or not officer.email or not job.is_finished:
        return
    context = {
        "job": job,
        "officer": officer,
        "url": settings.SITE_URL.rstrip("/") + job.get_absolute_url(),
        "council_name": council_settings().council_name,
    }
    try:
        send_mail(
            subject=" ".join(
                render_to_string("exchange/email/import_done_subject.txt", context).split()
            ),
            message=render_to_string("exchange/email/import_done.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[officer.email],
        )
    except Exception:  # noqa: BLE001 - the import is done; its page says so either way
        logger.exception("Could not email %s about import %s", officer.email, job_id)


@task
def export_in_background(job_id: int) -> None:
    """A large export (see exchange.downloads): the file kept on its job for download."""
    job_run(job_id, make_export)
