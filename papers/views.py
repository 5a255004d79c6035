"""Each paper has a browser preview and a PDF; the response paper's narrative has a form."""

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, UpdateView

from core.jobs import job_create, job_in_progress
from core.views import ObjectPermissionMixin, PrivatePermissionMixin, ServiceFormMixin
from inspections.models import ImprovementPlan
from recommendations.models import Meeting, Report

from . import documents, services
from .forms import ResponsePaperForm
from .rendering import (
    Paper,
    PaperBusyError,
    PaperRenderError,
    PaperTimeoutError,
    render_pdf,
)
from .tasks import paper_in_background

logger = logging.getLogger(__name__)
# When every render slot is busy: papers take seconds, so a short wait is enough.
RETRY_AFTER_SECONDS = 10


class PaperViewMixin:
    """A paper's preview (GET the page) or its PDF (pdf=True in the URL conf)."""

    pdf = False
    template_name = "papers/preview.html"
    pdf_url_name = ""
    preview_url_name = ""

    def get_paper(self, *, limit: int | None = None) -> Paper:  # pragma: no cover - abstract
        """The paper; `limit`, for a paper that can be long: its first so many items only
        (its size still the whole paper's). A paper that is always short ignores it."""
        raise NotImplementedError

    def get_paper_object(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        if self.pdf:
            # Whether the PDF is made here or by the task worker is decided on what the
            # paper is and how long, without gathering a long paper's content first.
            outline = self.get_paper(limit=0)
            if self._made_in_background(outline):
                return self.pdf_in_background(outline)
            return self.pdf_response(outline if outline.complete else self.get_paper())
        # A long paper's preview shows its beginning; its PDF has it all.
        paper = self.get_paper(limit=settings.PAPERS_PREVIEW_MAX_RECOMMENDATIONS)
        return self.render_to_response(self.get_context_data(paper=paper, **kwargs))

    def pdf_response(self, paper: Paper):
        try:
            pdf = render_pdf(paper)
        except PaperRenderError as error:
            busy = isinstance(error, PaperBusyError)
            if busy:
                logger.warning("Render slots full; asked to retry %r", paper.title)
            else:
                logger.error("Could not make the paper %r: %s", paper.title, error)
            response = render(
                self.request,
                "papers/error.html",
                {
                    "paper": paper,
                    "timed_out": isinstance(error, PaperTimeoutError),
                    "busy": busy,
                    "preview_url": reverse(self.preview_url_name, args=[self.kwargs["pk"]]),
                    "pdf_url": self.request.path,
                    "back_url": self.get_paper_object().get_absolute_url(),
                },
                status=503,
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS if busy else 60)
            return response
        return self._pdf(paper, pdf)

    def _made_in_background(self, paper: Paper) -> bool:
        # A job belongs to someone: a paper for the public is always made in the request.
        return (
            paper.size > settings.PAPERS_INLINE_MAX_RECOMMENDATIONS
            and self.request.user.is_authenticated
        )

    def pdf_in_background(self, paper: Paper):
        """Queue the paper for the task worker and send the reader to its job's page (the
        same job's, if this reader's is still waiting or running)."""
        kind = f"papers.{paper.kind}"
        params = {
            "paper": paper.kind,
            "pk": self.kwargs["pk"],
            "today": timezone.localdate().isoformat(),
        }
        job = job_in_progress(owner=self.request.user, kind=kind, params=params)
        if job is None:
            job = job_create(
                owner=self.request.user,
                kind=kind,
                title=paper.title,
                params=params,
                back_url=reverse(self.preview_url_name, args=[self.kwargs["pk"]]),
            )
            transaction.on_commit(lambda: paper_in_background.enqueue(job.pk))
        return redirect(job)

    def _pdf(self, paper: Paper, pdf: bytes) -> HttpResponse:
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{paper.filename}"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pdf_url"] = reverse(self.pdf_url_name, args=[self.kwargs["pk"]])
        context["back_url"] = self.get_paper_object().get_absolute_url()
        context.update(kwargs["paper"].context)
        return context


class ResponsePaperView(PaperViewMixin, PrivatePermissionMixin, TemplateView):
    permission_required = "papers.view_response_paper"
    pdf_url_name = "papers:response_pdf"
    preview_url_name = "papers:response_preview"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = get_object_or_404(
            Report.objects.select_related("committee", "inquiry", "inspection"), pk=kwargs["pk"]
        )

    def get_permission_object(self):
        return self.report

    def get_paper_object(self):
        return self.report

    def get_paper(self, *, limit: int | None = None) -> Paper:
        return documents.response_paper(self.report, self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("papers.change_responsepaper"):
            context["edit_url"] = reverse("papers:response_edit", args=[self.report.pk])
        return context


class MeetingPaperView(PaperViewMixin, ObjectPermissionMixin, TemplateView):
    permission_required = "papers.view_meeting_papers"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.meeting = get_object_or_404(
            Meeting.objects.select_related("committee"), pk=kwargs["pk"]
        )

    def get_permission_object(self):
        return self.meeting

    def get_paper_object(self):
        return self.meeting


class TrackingReportView(MeetingPaperView):
    pdf_url_name = "papers:tracking_pdf"
    preview_url_name = "papers:tracking_preview"

    def get_paper(self, *, limit: int | None = None) -> Paper:
        return documents.tracking_paper(self.meeting, self.request.user, limit=limit)


class BriefingView(MeetingPaperView):
    pdf_url_name = "papers:briefing_pdf"
    preview_url_name = "papers:briefing_preview"

    def get_paper(self, *, limit: int | None = None) -> Paper:
        return documents.briefing_paper(self.meeting, self.request.user, timezone.localdate())


class PlanReportView(PaperViewMixin, PrivatePermissionMixin, TemplateView):
    """The improvement plan monitoring report: readable by whoever may read the plan."""

    permission_required = "inspections.view_improvementplan"
    pdf_url_name = "papers:plan_pdf"
    preview_url_name = "papers:plan_preview"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.plan = get_object_or_404(
            ImprovementPlan.objects.select_related("committee", "inspection"), pk=kwargs["pk"]
        )

    def get_permission_object(self):
        return self.plan

    def get_paper_object(self):
        return self.plan

    def get_paper(self, *, limit: int | None = None) -> Paper:
        return documents.plan_paper(self.plan, self.request.user, timezone.localdate())


class ResponsePaperEditView(ObjectPermissionMixin, ServiceFormMixin, UpdateView):
    """The officer writes the narrative of the response paper: header and sections."""

    permission_required = "papers.change_responsepaper"
    form_class = ResponsePaperForm
    template_name = "papers/response_paper_form.html"
    success_message = "Response paper saved."

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = get_object_or_404(
            Report.objects.select_related("committee", "inquiry", "inspection"), pk=kwargs["pk"]
        )

    def get_object(self, queryset=None):
        return documents.response_paper_for_editing(self.report)

    def get_permission_object(self):
        return self.report

    def perform(self, form):
        return services.response_paper_save(paper=form.save(commit=False), user=self.request.user)

    def get_success_url(self):
        return reverse("papers:response_preview", args=[self.report.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.report
        context["back_url"] = reverse("papers:response_preview", args=[self.report.pk])
        return context
