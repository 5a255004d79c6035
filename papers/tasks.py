"""Large papers are made off the request, by the task worker (TASKS "default"): the job
(core.jobs) says how far it has got and keeps the PDF for its owner to download."""

import time
from datetime import date

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.tasks import task

from core.jobs import JobFailed, JobResult, Progress, job_run
from core.models import Job

from .documents import paper_for
from .rendering import PaperBusyError, PaperRenderError, render_pdf

# A worker waits its turn for a render slot rather than give up as a request does.
BUSY_RETRY_SECONDS = 5


@task
def paper_in_background(job_id: int) -> None:
    job_run(job_id, make_paper)


def make_paper(job: Job, progress: Progress) -> JobResult:
    progress(5, "Gathering what the paper prints")
    params = job.params
    try:
        paper = paper_for(
            params["paper"], params["pk"], job.owner, date.fromisoformat(params["today"])
        )
    except ObjectDoesNotExist as error:
        raise JobFailed(
            "What this paper was to be made from has been deleted since it was asked for."
        ) from error
    progress(20, f"Laying out the PDF ({paper.size:,} recommendations)")
    deadline = time.monotonic() + settings.PAPERS_BACKGROUND_RENDER_TIMEOUT_SECONDS
    while True:
        try:
            pdf = render_pdf(paper, timeout=settings.PAPERS_BACKGROUND_RENDER_TIMEOUT_SECONDS)
            break
        except PaperBusyError:
            if time.monotonic() > deadline:
                raise JobFailed(
                    "The service is too busy to make the paper now: try again later."
                ) from None
            time.sleep(BUSY_RETRY_SECONDS)
        except PaperRenderError as error:
            raise JobFailed(f"The PDF could not be made. {error}") from error
    return JobResult(content=pdf, filename=paper.filename, content_type="application/pdf")
