from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import (
    CreateView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
)
from django_filters.views import FilterView

from core.history import EditConflict
from core.views import (
    ObjectPermissionMixin,
    ParentObjectMixin,
    PrivatePermissionMixin,
    RecordFormView,
    query_without,
    refusal_as_message,
)

from . import selectors, services
from .filters import InquiryFilter
from .forms import (
    AssessmentForm,
    BulkCommonForm,
    BulkItemFormSet,
    BulkPasteForm,
    CommitteeForm,
    EvidenceForm,
    InquiryForm,
    MeetingForm,
    MeetingSeriesForm,
    RecommendationForm,
    ReportBackScheduleForm,
    ReportForm,
    WorkingGroupForm,
)
from .models import (
    Committee,
    Inquiry,
    Meeting,
    Recommendation,
    Report,
    TrackingAssessment,
    TrackingStatus,
)
from .parsing import parts_as_text, split_recommendations


class CommitteeListView(ListView):
    template_name = "recommendations/committee_list.html"

    def get_queryset(self):
        return (
            Committee.objects.annotate(
                inquiry_count=Count("inquiries", filter=Q(inquiries__withdrawn_at__isnull=True))
            )
            .select_related("scrutiny_officer")
            .order_by("name")
        )


# A board's page shows this many of its meetings a page, newest first, and its latest
# inquiries (the inquiry list, filtered to the board, has them all).
COMMITTEE_MEETINGS_PER_PAGE = 20
COMMITTEE_INQUIRIES_SHOWN = 10


class CommitteeDetailView(DetailView):
    model = Committee
    template_name = "recommendations/committee_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee, user = self.object, self.request.user
        # A board's page lists its meetings a page at a time and its latest inquiries, with
        # a link to the rest: it costs what it shows, however long the board's history.
        meetings = Paginator(
            committee.meetings.order_by("-date", "-pk"), COMMITTEE_MEETINGS_PER_PAGE
        ).get_page(self.request.GET.get("page"))
        context.update(
            page_obj=meetings, is_paginated=meetings.has_other_pages(), meetings=meetings
        )
        # ...and names the next one first, which newest first puts below the year ahead.
        context["next_meeting"] = selectors.meetings_upcoming(
            Committee.objects.filter(pk=committee.pk), timezone.localdate()
        ).first()
        inquiries = committee.inquiries.active()
        # In the inquiry list's order, so these are the first of the board's list there.
        context["inquiries"] = inquiries.order_by("-started_on", "title", "pk")[
            :COMMITTEE_INQUIRIES_SHOWN
        ]
        context["inquiry_count"] = inquiries.count()
        context["memberships"] = committee.memberships.all()
        context["status_counts"] = selectors.status_counts_for(user, [committee.pk])
        return context


# What is due at a meeting comes 50 to a page, on its page and on its tracking form alike
# (the same pages, so "page 3" is the same recommendations on both): a board can have a
# backlog of a thousand due at one meeting, and a page costs what it shows.
DUE_PER_PAGE = 50


class MeetingDetailView(DetailView):
    template_name = "recommendations/meeting_detail.html"
    due_per_page = DUE_PER_PAGE

    def get_queryset(self):
        return Meeting.objects.select_related("committee")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting, user = self.object, self.request.user
        due = selectors.recommendations_due_for_meeting(
            meeting, selectors.recommendations_visible_to(user)
        )
        page = Paginator(due, self.due_per_page).get_page(self.request.GET.get("page"))
        assessments = {
            assessment.recommendation_id: assessment
            for assessment in meeting.assessments.filter(
                recommendation__in=[rec.pk for rec in page]
            ).select_related("status")
        }
        context["due"] = [(rec, assessments.get(rec.pk)) for rec in page]
        context["due_count"] = page.paginator.count
        context.update(page_obj=page, is_paginated=page.has_other_pages())
        context["today"] = timezone.localdate()
        return context


class InquiryListView(FilterView):
    filterset_class = InquiryFilter
    template_name = "recommendations/inquiry_list.html"
    paginate_by = 25
    strict = False  # a choice that does not exist is shown as an error, the list unfiltered

    def get_queryset(self):
        # Meta.ordering does not apply to a GROUP BY query: order explicitly, or pages shuffle.
        return (
            selectors.inquiries_listed()
            .select_related("committee")
            .annotate(report_count=Count("reports", filter=Q(reports__withdrawn_at__isnull=True)))
            .order_by("-started_on", "title", "pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query_without_page=query_without(self.request, "page"), **kwargs
        )


class InquiryDetailView(PrivatePermissionMixin, DetailView):
    permission_required = "recommendations.view_inquiry"
    template_name = "recommendations/inquiry_detail.html"

    def get_queryset(self):
        return Inquiry.objects.select_related("committee").prefetch_related(
            Prefetch("working_groups__members"), "working_groups__chair", "evidence__working_group"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reports"] = (
            selectors.reports_visible_to(self.request.user)
            .filter(inquiry=self.object)
            .annotate(
                recommendation_count=Count(
                    "recommendations", filter=Q(recommendations__withdrawn_at__isnull=True)
                )
            )
            .order_by("-published_on", "title")
        )
        return context


# --- Officers keep the record -------------------------------------------------------


class CommitteeCreateView(RecordFormView, CreateView):
    permission_required = "recommendations.add_committee"
    form_class = CommitteeForm
    page_title = "Add a committee"
    success_message = "Committee added."


class CommitteeUpdateView(RecordFormView, UpdateView):
    permission_required = "recommendations.change_committee"
    model = Committee
    form_class = CommitteeForm
    page_title = "Edit committee"
    success_message = "Committee saved."


class MeetingFormMixin(RecordFormView):
    form_class = MeetingForm

    def perform(self, form):
        return services.meeting_save(meeting=form.save(commit=False), user=self.request.user)


class MeetingCreateView(ParentObjectMixin, MeetingFormMixin, CreateView):
    permission_required = "recommendations.add_meeting"
    parent_model = Committee
    parent_url_kwarg = "committee_pk"
    parent_instance_field = "committee"
    page_title = "Add a meeting"
    success_message = "Meeting added."


class MeetingUpdateView(MeetingFormMixin, UpdateView):
    permission_required = "recommendations.change_meeting"
    model = Meeting
    page_title = "Edit meeting"
    success_message = "Meeting saved."


class InquiryCreateView(RecordFormView, CreateView):
    permission_required = "recommendations.add_inquiry"
    form_class = InquiryForm
    page_title = "Start an inquiry"
    success_message = "Inquiry added."

    def get_initial(self):
        return {"committee": self.request.GET.get("committee")}


class InquiryUpdateView(RecordFormView, UpdateView):
    permission_required = "recommendations.change_inquiry"
    model = Inquiry
    form_class = InquiryForm
    page_title = "Edit inquiry"
    success_message = "Inquiry saved."


class InquiryChildMixin(ParentObjectMixin):
    parent_model = Inquiry
    parent_url_kwarg = "inquiry_pk"
    parent_form_kwarg = "inquiry"
    return_to_parent = True


class WorkingGroupCreateView(InquiryChildMixin, RecordFormView, CreateView):
    permission_required = "recommendations.add_workinggroup"
    form_class = WorkingGroupForm
    page_title = "Add a working group"
    success_message = "Working group added."

    def perform(self, form):
        group = super().perform(form)
        form.save_m2m()
        return group


class EvidenceCreateView(InquiryChildMixin, RecordFormView, CreateView):
    permission_required = "recommendations.add_evidence"
    form_class = EvidenceForm
    page_title = "Add evidence considered"
    success_message = "Evidence added."


class ReportCreateView(ParentObjectMixin, RecordFormView, CreateView):
    permission_required = "recommendations.add_report"
    parent_model = Inquiry
    parent_url_kwarg = "inquiry_pk"
    parent_instance_field = "inquiry"
    form_class = ReportForm
    page_title = "Add a report"
    success_message = "Report added."


class ReportUpdateView(RecordFormView, UpdateView):
    permission_required = "recommendations.change_report"
    model = Report
    form_class = ReportForm
    page_title = "Edit report"
    success_message = "Report saved."


class RecommendationFormMixin(RecordFormView):
    form_class = RecommendationForm
    template_name = "recommendations/recommendation_form.html"

    @property
    def previewing(self) -> bool:
        return "preview_parts" in self.request.POST

    def form_valid(self, form):
        if self.previewing:  # shown, not saved: saving is the officer's next step
            return self.render_to_response(self.get_context_data(form=form))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context.get("form")
        if self.previewing and form is not None and not form.has_error("parts_text"):
            context["parts_preview"] = form.parts
        return context

    def perform(self, form):
        return services.recommendation_save(
            recommendation=form.save(commit=False),
            user=self.request.user,
            parts=form.parts,
            expected_version=form.cleaned_data.get("version"),
        )


class RecommendationCreateView(ParentObjectMixin, RecommendationFormMixin, CreateView):
    permission_required = "recommendations.add_recommendation"
    parent_model = Report
    parent_url_kwarg = "report_pk"
    parent_form_kwarg = "report"
    page_title = "Add a recommendation"
    success_message = "Recommendation added."

    template_name = "recommendations/recommendation_create.html"

    already_saved = None

    def perform(self, form):
        try:
            return services.recommendation_save(
                recommendation=form.save(commit=False),
                user=self.request.user,
                parts=form.parts,
                form_token=form.cleaned_data.get("form_token"),
            )
        except services.AlreadySaved as saved:
            self.already_saved = saved.recommendation  # linked from the error
            raise

    def get_success_url(self):
        if "add_another" in self.request.POST:
            return reverse("recommendations:recommendation_create", args=[self.parent.pk])
        return super().get_success_url()

    def get_context_data(self, **kwargs):
        # What the report already holds, so that adding another never repeats one.
        return super().get_context_data(
            held=self.parent.recommendations.active().order_by("number"),
            already_saved=self.already_saved,
            **kwargs,
        )


class RecommendationUpdateView(RecommendationFormMixin, UpdateView):
    permission_required = "recommendations.change_recommendation"
    # The form's choices and the rules read the report and its board: one query with it.
    queryset = Recommendation.objects.select_related("report__committee")
    page_title = "Edit recommendation"
    success_message = "Recommendation saved."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "report": self.object.report}


class ReportBackScheduleView(RecordFormView, UpdateView):
    permission_required = "recommendations.schedule_report_back"
    queryset = Recommendation.objects.select_related("report__committee")
    form_class = ReportBackScheduleForm
    page_title = "Schedule the report-back"
    success_message = "Report-back scheduled."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "committee": self.object.report.committee}

    def perform(self, form):
        return services.report_back_schedule(
            recommendation=self.object,
            user=self.request.user,
            meeting=form.cleaned_data["report_back_meeting"],
            month=form.cleaned_data["report_back_month"],
            every_months=form.cleaned_data["report_back_every_months"],
            expected_version=form.cleaned_data.get("version"),
        )


class AssessmentsRecordView(ObjectPermissionMixin, TemplateView):
    """One form for every recommendation due at a meeting: the board's decisions."""

    permission_required = "recommendations.record_assessments"
    template_name = "recommendations/assessments_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.meeting = get_object_or_404(
            Meeting.objects.select_related("committee"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    # A page of the form at a time: any meeting can be recorded, however many
    # recommendations are due (each row is three fields; Django refuses a form of more
    # than DATA_UPLOAD_MAX_NUMBER_FIELDS), and a page costs what it shows.
    per_page = DUE_PER_PAGE

    def get_page(self):
        paginator = Paginator(
            selectors.recommendations_due_for_meeting(self.meeting), self.per_page
        )
        return paginator.get_page(self.request.GET.get("page"))

    def get_forms(self, data=None):
        self.page = self.get_page()
        recommendations = list(self.page.object_list)
        existing = {
            a.recommendation_id: a
            for a in TrackingAssessment.objects.filter(
                meeting=self.meeting, recommendation__in=[rec.pk for rec in recommendations]
            )
        }
        statuses = list(TrackingStatus.objects.filter(is_active=True))
        return [
            AssessmentForm(
                data,
                prefix=f"rec-{rec.pk}",
                recommendation=rec,
                statuses=statuses,
                initial={
                    "status": existing[rec.pk].status_id if rec.pk in existing else None,
                    "comment": existing[rec.pk].comment if rec.pk in existing else "",
                    "version": existing[rec.pk].version if rec.pk in existing else 0,
                },
            )
            for rec in recommendations
        ]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(forms=self.get_forms()))

    def post(self, request, *args, **kwargs):
        forms = self.get_forms(request.POST)
        if not all([form.is_valid() for form in forms]):
            return self.render_to_response(self.get_context_data(forms=forms))
        try:
            recorded = services.assessments_record(
                meeting=self.meeting,
                user=request.user,
                decisions=[
                    services.TrackingDecision(
                        recommendation=form.recommendation,
                        status=form.cleaned_data["status"],
                        comment=form.cleaned_data["comment"],
                        expected_version=form.cleaned_data["version"],
                    )
                    for form in forms
                    if form.has_new_decision
                ],
            )
        except EditConflict as conflict:
            # Keep this officer's choices on screen, now answering the latest decisions.
            data = request.POST.copy()
            for form in self.get_forms():
                data[form.add_prefix("version")] = form.initial["version"]
            messages.error(request, conflict.messages[0])
            return self.render_to_response(self.get_context_data(forms=self.get_forms(data)))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(forms=forms))
        if self.page.has_next():
            messages.success(
                request,
                f"{len(recorded)} tracking decisions recorded on page {self.page.number} of "
                f"{self.page.paginator.num_pages}. Carry on with the next page.",
            )
            url = reverse("recommendations:assessments_record", args=[self.meeting.pk])
            return redirect(f"{url}?page={self.page.next_page_number()}")
        messages.success(request, f"{len(recorded)} tracking decisions recorded.")
        return redirect(self.meeting)

    def get_context_data(self, **kwargs):
        page = self.page
        context = super().get_context_data(
            meeting=self.meeting,
            page_obj=page,
            is_paginated=page.paginator.num_pages > 1,
            **kwargs,
        )
        forms = context.get("forms", [])
        statements = self.statements_for([form.recommendation for form in forms])
        for form in forms:
            form.statement = statements.get(form.recommendation.pk)
        return context

    def statements_for(self, recommendations) -> dict:
        """What each recommendation's directorate said for this meeting, by recommendation
        id. The record knows nothing of statements: the site's page (scrutiny.views) fills
        this in."""
        return {}


class MeetingSeriesCreateView(ParentObjectMixin, RecordFormView, FormView):
    """A year's meetings of a committee in one step; each is edited on its own page."""

    permission_required = "recommendations.add_meeting"
    parent_model = Committee
    parent_url_kwarg = "committee_pk"
    return_to_parent = True
    form_class = MeetingSeriesForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = f"Add a year's meetings of {self.parent.name}"
        return context

    def perform(self, form):
        data = form.cleaned_data
        meetings = services.meetings_create(
            committee=self.parent,
            dates=data["meeting_dates"],
            start_time=data["start_time"],
            place=data["place"],
            user=self.request.user,
        )
        first, last = meetings[0].date, meetings[-1].date
        messages.success(
            self.request,
            f"{len(meetings)} meetings added, {first.day} {first:%B %Y} to "
            f"{last.day} {last:%B %Y}. Change or cancel any of them from its page.",
        )
        return meetings


class ReportCompleteView(ObjectPermissionMixin, TemplateView):
    """The officer says the report's recommendations are all in: each directorate is
    told once, with the list of its recommendations (asked first, on this page)."""

    permission_required = "recommendations.complete_report"
    template_name = "recommendations/report_complete.html"

    def dispatch(self, request, *args, **kwargs):
        self.report = get_object_or_404(Report.objects.select_related("committee"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        addressed = (
            self.report.recommendations.active()
            .filter(addressed_to=Recommendation.Addressee.DIRECTORATE)
            .values("directorate__name")
            .annotate(count=Count("pk"))
            .order_by("directorate__name")
        )
        return super().get_context_data(report=self.report, addressed=addressed, **kwargs)

    def post(self, request, *args, **kwargs):
        with refusal_as_message(request):
            services.report_recommendations_complete(report=self.report, user=request.user)
            messages.success(
                request,
                "The directorates have been told about their recommendations in this report.",
            )
        return redirect(self.report)


class RecommendationsBulkAddView(ObjectPermissionMixin, TemplateView):
    """Paste a report's recommendations section, check and correct the split, set the
    addressee and report-back once, and save them all in one step."""

    permission_required = "recommendations.add_recommendation"
    template_name = "recommendations/recommendations_bulk.html"

    def dispatch(self, request, *args, **kwargs):
        self.report = get_object_or_404(
            Report.objects.select_related("committee"), pk=kwargs["report_pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(
            self.get_context_data(
                paste_form=BulkPasteForm(), common_form=BulkCommonForm(report=self.report)
            )
        )

    def post(self, request, *args, **kwargs):
        paste_form = BulkPasteForm(request.POST)
        common_form = BulkCommonForm(request.POST, report=self.report)
        if "save" not in request.POST:
            return self._show_split(paste_form, common_form)
        items = BulkItemFormSet(request.POST, prefix="rec", report=self.report)
        if not (common_form.is_valid() and items.is_valid()):
            return self._render(paste_form, common_form, items)
        try:
            added = services.recommendations_add(
                report=self.report,
                user=request.user,
                template=common_form.save(commit=False),
                items=[
                    services.NewRecommendation(
                        reference=form.cleaned_data["reference"],
                        text=form.cleaned_data["text"],
                        parts=form.parts,
                    )
                    for form in items.forms
                    if not form.cleaned_data.get("remove")
                ],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self._render(paste_form, common_form, items)
        messages.success(request, f"{len(added)} recommendations added.")
        return redirect(self.report)

    def _show_split(self, paste_form, common_form):
        if not paste_form.is_valid():
            return self._render(paste_form, common_form, None)
        split = split_recommendations(paste_form.cleaned_data["pasted"])
        items = BulkItemFormSet(
            prefix="rec",
            report=self.report,
            initial=[
                {
                    "reference": item.reference,
                    "text": item.text,
                    "parts_text": parts_as_text(item.parts),
                }
                for item in split.recommendations[:300]
            ],
        )
        return self._render(paste_form, common_form, items, preamble=split.preamble, split=split)

    def _render(self, paste_form, common_form, items, **extra):
        return self.render_to_response(
            self.get_context_data(
                paste_form=paste_form, common_form=common_form, items=items, **extra
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)
