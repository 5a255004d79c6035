"""Large imports run off the request, on Django's tasks framework (TASKS "default")."""

from django.tasks import task

from .models import ImportJob
from .running import run_import


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
