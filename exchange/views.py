"""The import wizard: upload a tracker, check how it is read, import it."""

import logging
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from core.views import ObjectPermissionMixin

from .columns import COLUMNS
from .forms import ImportOptionsForm, UploadForm
from .models import ImportJob
from .reading import UnreadableFile, read_table
from .running import job_plan, options_from_job, run_import
from .tasks import import_in_background

logger = logging.getLogger(__name__)

# Files with more rows than this import in the background, with their progress shown.
INLINE_ROWS = 1000
PREVIEW_ROWS = 100
PROBLEMS_SHOWN = 500


class ImportStartView(ObjectPermissionMixin, TemplateView):
    permission_required = "exchange.add_importjob"
    template_name = "exchange/import_start.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", UploadForm())
        kwargs["columns"] = COLUMNS
        kwargs["recent"] = ImportJob.objects.select_related("created_by")[:10]
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            try:
                table = read_table(content, upload.name, form.cleaned_data["sheet"] or None)
            except UnreadableFile as error:
                form.add_error("file", str(error))
            else:
                job = ImportJob.objects.create(
                    created_by=request.user,
                    filename=upload.name[:255],
                    content=content,
                    sheet=table.sheet,
                    rows_total=len(table.rows),
                )
                return redirect(job)
        return self.render_to_response(self.get_context_data(form=form))


class ImportDetailView(ObjectPermissionMixin, TemplateView):
    """Check how the file is read (and change it), see the preview, import."""

    permission_required = "exchange.view_importjob"
    template_name = "exchange/import_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.job = get_object_or_404(
            ImportJob.objects.select_related("created_by"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.job.state != ImportJob.State.UPLOADED:
            return self.render_to_response(self.get_context_data())
        return self._preview(form=None)

    def _preview(self, form, status=200):
        try:
            plan = job_plan(self.job)
        except UnreadableFile as error:
            return self.render_to_response(self.get_context_data(unreadable=str(error)))
        if form is None:
            form = ImportOptionsForm(plan=plan, options=options_from_job(self.job))
        return self.render_to_response(
            self.get_context_data(
                form=form,
                plan=plan,
                preview=plan.recommendations[:PREVIEW_ROWS],
                problems=plan.problems[:PROBLEMS_SHOWN],
                responses=sum(1 for item in plan.recommendations if item.decision),
                decisions=sum(1 for item in plan.recommendations if item.status),
            ),
            status=status,
        )

    def post(self, request, *args, **kwargs):
        if self.job.state != ImportJob.State.UPLOADED:
            messages.info(request, "This file has already been imported or is being imported.")
            return redirect(self.job)
        try:
            plan = job_plan(self.job)
        except UnreadableFile as error:
            return self.render_to_response(self.get_context_data(unreadable=str(error)))
        form = ImportOptionsForm(request.POST, plan=plan, options=options_from_job(self.job))
        if not form.is_valid():
            return self._preview(form)
        self.job.options = form.options()
        self.job.save(update_fields=["options"])
        if "import" not in request.POST:
            return self._preview(None)
        plan = job_plan(self.job)
        if not plan.is_clean:
            messages.error(request, "Nothing was imported: put right the problems listed first.")
            return self._preview(None)
        # Claim the job, so that a second click or tab cannot import it twice.
        claimed = ImportJob.objects.filter(pk=self.job.pk, state=ImportJob.State.UPLOADED).update(
            state=ImportJob.State.QUEUED, stage="Waiting to start"
        )
        if not claimed:
            return redirect(self.job)
        self.job.refresh_from_db()
        if plan.rows_read > INLINE_ROWS:
            transaction.on_commit(lambda: import_in_background.enqueue(self.job.pk))
            messages.info(request, "The import has started. This page shows how it is going.")
            return redirect(self.job)
        try:
            run_import(self.job)
        except Exception:
            logger.exception("Import %s failed", self.job.pk)
            ImportJob.objects.filter(pk=self.job.pk).update(
                state=ImportJob.State.FAILED,
                stage="",
                summary="The import stopped with an error: nothing was imported.",
            )
            raise
        return redirect(self.job)  # its page says what was created, or why not

    def get_context_data(self, **kwargs):
        return super().get_context_data(job=self.job, **kwargs)


SAMPLE = Path(settings.BASE_DIR) / "docs" / "samples" / "environment-scrutiny-tracker.xlsx"


def sample_tracker(request):
    """The sample tracker spreadsheet, to show officers what the importer reads."""
    return FileResponse(SAMPLE.open("rb"), as_attachment=True, filename=SAMPLE.name)
