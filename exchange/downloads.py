"""The recommendations list's downloads, by its `format` parameter: made in the request,
or, for a signed-in user's list longer than settings.EXPORT_INLINE_MAX_ROWS, by the task
worker (exchange.tasks), the user sent to the job's page to watch it and download it."""

from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from core.jobs import job_create
from core.views import query_without

from .exporting import export_csv, export_filename, export_xlsx
from .tasks import export_in_background

Download = Callable[[HttpRequest, QuerySet, str], HttpResponse]


def export_queue(
    request: HttpRequest, recommendations: QuerySet, name: str, format: str
) -> HttpResponse | None:
    """The redirect to a new export job, or None when the list is made in the request.
    (A job belongs to someone, so the public's exports of any length stream from the
    request, in bounded memory.)"""
    if not request.user.is_authenticated:
        return None
    limit = settings.EXPORT_INLINE_MAX_ROWS
    ids = recommendations.values_list("pk", flat=True)
    if len(ids[: limit + 1]) <= limit:
        return None
    ids = list(dict.fromkeys(ids))  # in the list's order, each once
    query = query_without(request, "format")
    job = job_create(
        owner=request.user,
        kind=f"exchange.export_{format}",
        title=f"Recommendations export ({format.upper()}, {len(ids):,} rows)",
        params={"format": format, "filename": export_filename(name, format), "ids": ids},
        back_url=f"{request.path}?{query}" if query else request.path,
    )
    transaction.on_commit(lambda: export_in_background.enqueue(job.pk))
    return redirect(job)


def _download(format: str, inline: Download) -> Download:
    def download(request: HttpRequest, recommendations: QuerySet, name: str) -> HttpResponse:
        return export_queue(request, recommendations, name, format) or inline(
            request, recommendations, name
        )

    return download


DOWNLOADS: dict[str, Download] = {
    "csv": _download("csv", export_csv),
    "xlsx": _download("xlsx", export_xlsx),
}
