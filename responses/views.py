from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import (
    CreateView,
    DetailView,
    FormView,
    TemplateView,
    UpdateView,
)

from core.forms import GovukErrorMessagesMixin
from core.history import EditConflict
from core.keyset import keyset_page
from core.views import (
    ObjectPermissionMixin,
    ParentObjectMixin,
    PrivatePermissionMixin,
    ServiceFormMixin,
    refusal_as_message,
    show_refusal,
)
from recommendations.models import Meeting, Recommendation, Report
from recommendations.selectors import recommendations_visible_to

from . import services
from .forms import AgreeResponsesForm, CheckedDraftsForm, PositionStatementForm, ResponseForm
from .models import PositionStatement, Response
from .selectors import (
    OwedResponse,
    response_of,
    responses_awaiting_agreement,
    responses_owed_on_report,
)


class RecommendationChildMixin(ParentObjectMixin):
    """Views of a response or statement reached through its recommendation."""

    parent_model = Recommendation
    parent_url_kwarg = "recommendation_pk"

    def get_parent_queryset(self):
        return Recommendation.objects.select_related(
            "report__committee", "directorate", "current_status", "report_back_meeting"
        )

    @property
    def recommendation(self) -> Recommendation:
        return self.parent

    def get_permission_object(self):
        return self.recommendation

    def get_context_data(self, **kwargs):
        return super().get_context_data(recommendation=self.recommendation, **kwargs)


class DraftFormMixin(ServiceFormMixin):
    """The form a directorate drafts a response or a position statement on: "Save draft"
    comes back to the draft, "Continue" goes on to check it (`check_url_name`), and a
    post that says "submit" sends it to the board (`submitted_message`)."""

    check_url_name: str
    submitted_message: str

    def get_success_url(self):
        if "check" in self.request.POST:
            return reverse(self.check_url_name, args=[self.object.pk])
        return self.object.get_absolute_url()

    @property
    def success_message(self):
        if "submit" in self.request.POST:
            return self.submitted_message
        if "check" in self.request.POST:
            return ""
        return "Draft saved. Only your directorate can see it until you submit it."


class ResponseFormMixin(DraftFormMixin):
    form_class = ResponseForm
    template_name = "responses/response_form.html"
    check_url_name = "responses:response_check"
    submitted_message = "Response submitted to the scrutiny board."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "recommendation": self.recommendation}

    def perform(self, form):
        data = form.cleaned_data
        return services.response_save_draft(
            recommendation=self.recommendation,
            user=self.request.user,
            response=self.object if getattr(self, "object", None) else None,
            decision=data["decision"],
            text=data["text"],
            proposed_action=data["proposed_action"],
            responsible_officer=data["responsible_officer"],
            target_date=data["target_date"],
            partial_acceptance_detail=data["partial_acceptance_detail"],
            accepted_parts=data.get("accepted_parts") or [],
            expected_version=data.get("version"),
            submit="submit" in self.request.POST,
            require_complete="check" in self.request.POST,
        )


class StartedMeanwhileMixin:
    """A create form for a response or statement that someone may have started since the
    page was opened: saving again saves over their draft, knowingly (the version in the
    form is theirs, so a later change is refused)."""

    change_permission: str
    update_url_name: str

    def started_meanwhile(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        existing = self.started_meanwhile()
        if existing is not None and self.request.user.has_perm(self.change_permission, existing):
            context["form_action"] = reverse(self.update_url_name, args=[existing.pk])
        return context


class ResponseCreateView(
    RecommendationChildMixin,
    ObjectPermissionMixin,
    StartedMeanwhileMixin,
    ResponseFormMixin,
    CreateView,
):
    permission_required = "responses.add_response"
    change_permission = "responses.change_response"
    update_url_name = "responses:response_update"

    def existing_response(self):
        return response_of(self.recommendation)

    # After the permission check in dispatch(): another directorate must not learn
    # from the redirect that a (draft) response exists, nor where it is.
    def get(self, request, *args, **kwargs):
        response = self.existing_response()
        if response is not None:
            # One response per recommendation: carry on with the one there is.
            return redirect(response)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        response = self.existing_response()
        if response is not None and not request.user.has_perm(
            "responses.change_response", response
        ):
            return redirect(response)
        return super().post(request, *args, **kwargs)

    def started_meanwhile(self):
        return self.existing_response()


class ResponseUpdateView(PrivatePermissionMixin, ResponseFormMixin, UpdateView):
    permission_required = "responses.change_response"

    def get_queryset(self):
        return Response.objects.select_related("recommendation__report__committee")

    def dispatch(self, request, *args, **kwargs):
        self.recommendation = self.get_object().recommendation
        return super().dispatch(request, *args, **kwargs)

    def handle_no_permission(self):
        return _already_sent(self.request, self.get_object()) or super().handle_no_permission()

    def get_context_data(self, **kwargs):
        return super().get_context_data(recommendation=self.recommendation, **kwargs)


def _already_sent(request, item: Response | PositionStatement):
    """Back (or a bookmark) to the edit or check page of a response or statement that has
    gone to the board: its page, saying so, rather than a refusal. None if the user may
    not read it."""
    kind = "response" if isinstance(item, Response) else "position statement"
    if not request.user.has_perm(f"responses.view_{kind.replace(' ', '')}", item):
        return None
    messages.info(
        request,
        f"This {kind} was {item.get_state_display().lower()}"
        + (f" on {item.submitted_at:%-d %B %Y}" if item.submitted_at else "")
        + ": it can no longer be changed here.",
    )
    return redirect(item)


class CheckAnswersView(PrivatePermissionMixin, DetailView):
    """GOV.UK "check your answers": a draft as the board will read it, with a way back to
    change it, before it is submitted. Subclasses name the draft's kind and its service."""

    kind = ""  # "response", "position statement"
    edit_url_name = ""

    def submit(self, item, user, expected_version):  # pragma: no cover - abstract
        raise NotImplementedError

    def handle_no_permission(self):
        return _already_sent(self.request, self.get_object()) or super().handle_no_permission()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            recommendation=self.object.recommendation,
            change_url=reverse(self.edit_url_name, args=[self.object.pk]),
            kind=self.kind,
            form=kwargs.pop("form", None) or CheckedDraftsForm(drafts=[self.object]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        item = self.get_object()
        form = CheckedDraftsForm(request.POST, drafts=[item])
        expected = form.expected_versions()[item.pk] if form.is_valid() else None
        try:
            self.submit(item, request.user, expected)
        except EditConflict:
            # Shown again as it is now, at its current version: submitting it is a choice
            # made having read the other person's change.
            self.object = self.get_queryset().get(pk=item.pk)
            refused = CheckedDraftsForm(
                {f"version_{item.pk}": self.object.version}, drafts=[self.object]
            )
            refused.is_valid()
            reason = (
                "The page did not say which version you checked"
                if expected is None
                else f"This {self.kind} was changed while you were checking it"
            )
            refused.add_error(
                None,
                f"{reason}, so it has not been submitted. It is shown below as it is now: "
                "read it again, then submit it.",
            )
            return self.render_to_response(self.get_context_data(form=refused))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.edit_url_name, item.pk)
        messages.success(request, f"{self.kind.capitalize()} submitted to the scrutiny board.")
        return redirect(item)


class ResponseCheckView(CheckAnswersView):
    permission_required = "responses.change_response"
    template_name = "responses/response_check.html"
    kind = "response"
    edit_url_name = "responses:response_update"

    def get_queryset(self):
        return Response.objects.select_related(
            "recommendation__report__committee", "recommendation__directorate"
        ).prefetch_related("accepted_parts", "recommendation__parts")

    def submit(self, item, user, expected_version):
        return services.response_submit(response=item, user=user, expected_version=expected_version)


class StatementCheckView(CheckAnswersView):
    permission_required = "responses.change_positionstatement"
    template_name = "responses/statement_check.html"
    kind = "position statement"
    edit_url_name = "responses:statement_update"

    def get_queryset(self):
        return PositionStatement.objects.select_related(
            "recommendation__report__committee",
            "recommendation__directorate",
            "meeting",
            "proposed_status",
        ).prefetch_related("recommendation__parts")

    def submit(self, item, user, expected_version):
        return services.position_statement_submit(
            statement=item, user=user, expected_version=expected_version
        )


class ReturnForm(GovukErrorMessagesMixin, forms.Form):
    reason = forms.CharField(
        label="What needs correcting?",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The directorate sees this with their response, which becomes their draft "
        "again. The version they submitted stays in its history.",
        error_messages={"required": "Enter why the response is being returned"},
    )


class ResponseReturnView(PrivatePermissionMixin, ServiceFormMixin, FormView):
    """An officer sends a submitted response back to its directorate to correct."""

    permission_required = "responses.return_response"
    form_class = ReturnForm
    template_name = "responses/response_return.html"

    def dispatch(self, request, *args, **kwargs):
        self.response = get_object_or_404(
            Response.objects.select_related(
                "recommendation__report", "recommendation__directorate"
            ),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.response

    def handle_no_permission(self):
        if self.request.user.has_perm("responses.view_response", self.response):
            raise PermissionDenied(
                "Only a scrutiny officer can return a response, and only a submitted one."
            )
        return super().handle_no_permission()

    def perform(self, form):
        return services.response_return(
            response=self.response, user=self.request.user, reason=form.cleaned_data["reason"]
        )

    success_message = (
        "Response returned to the directorate. It is their draft again until they resubmit it."
    )

    def get_success_url(self):
        return self.object.recommendation.get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            response=self.response, recommendation=self.response.recommendation, **kwargs
        )


class ResponseDetailView(PrivatePermissionMixin, DetailView):
    permission_required = "responses.view_response"
    template_name = "responses/response_detail.html"

    def get_queryset(self):
        return Response.objects.select_related(
            "recommendation__report__committee",
            "recommendation__directorate",
            "drafted_by",
            "submitted_by",
            "agreed_by",
        ).prefetch_related("accepted_parts", "recommendation__parts")


class ResponseAgreeView(PrivatePermissionMixin, DetailView):
    """POST only: the officer records that the board agreed the response."""

    permission_required = "responses.agree_response"
    model = Response
    http_method_names = ["post"]

    def handle_no_permission(self):
        if self.request.user.has_perm("responses.view_response", self.get_object()):
            raise PermissionDenied(
                "Only a scrutiny officer can agree a response, and only once it is submitted."
            )
        return super().handle_no_permission()

    def post(self, request, *args, **kwargs):
        response = self.get_object()
        with refusal_as_message(request):
            services.response_agree(response=response, user=request.user)
            messages.success(request, "Response recorded as agreed. It is now public.")
        return redirect(response)


class StatementFormMixin(DraftFormMixin):
    form_class = PositionStatementForm
    template_name = "responses/statement_form.html"
    check_url_name = "responses:statement_check"
    submitted_message = "Position statement submitted to the scrutiny board."

    @transaction.atomic
    def save_statement(self, form, *, statement, occurrence_on, meeting):
        saved = services.position_statement_save_draft(
            recommendation=self.recommendation,
            user=self.request.user,
            statement=statement,
            report_back_due_on=occurrence_on,
            meeting=meeting,
            text=form.cleaned_data["text"],
            proposed_status=form.cleaned_data["proposed_status"],
            expected_version=form.cleaned_data.get("version"),
            require_complete="check" in self.request.POST,
        )
        if "submit" in self.request.POST:
            return services.position_statement_submit(statement=saved, user=self.request.user)
        return saved


class StatementCreateView(
    RecommendationChildMixin,
    ObjectPermissionMixin,
    StartedMeanwhileMixin,
    StatementFormMixin,
    CreateView,
):
    """A statement for the recommendation's next report-back."""

    permission_required = "responses.add_positionstatement"
    change_permission = "responses.change_positionstatement"
    update_url_name = "responses:statement_update"

    def get(self, request, *args, **kwargs):
        occurrence = self.recommendation.next_report_back
        if occurrence is None:
            messages.error(request, "No report-back is due on this recommendation.")
            return redirect(self.recommendation)
        existing = self.recommendation.position_statements.filter(
            report_back_due_on=occurrence.due_on, directorate=self.recommendation.directorate_id
        ).first()
        if existing is not None:
            return redirect(existing)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.recommendation.next_report_back is None:
            messages.error(request, "No report-back is due on this recommendation.")
            return redirect(self.recommendation)
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        occurrence = self.recommendation.next_report_back
        meeting = self.recommendation.report_back_meeting
        return self.save_statement(
            form,
            statement=None,
            occurrence_on=occurrence.due_on,
            meeting=meeting if occurrence.at_meeting else None,
        )

    def started_meanwhile(self):
        occurrence = self.recommendation.next_report_back
        if occurrence is None:
            return None
        return self.recommendation.position_statements.filter(
            report_back_due_on=occurrence.due_on
        ).first()

    def get_context_data(self, **kwargs):
        return super().get_context_data(occurrence=self.recommendation.next_report_back, **kwargs)


class StatementUpdateView(PrivatePermissionMixin, StatementFormMixin, UpdateView):
    permission_required = "responses.change_positionstatement"

    def get_queryset(self):
        return PositionStatement.objects.select_related("recommendation__report", "meeting")

    def dispatch(self, request, *args, **kwargs):
        self.recommendation = self.get_object().recommendation
        return super().dispatch(request, *args, **kwargs)

    def handle_no_permission(self):
        return _already_sent(self.request, self.get_object()) or super().handle_no_permission()

    def perform(self, form):
        return self.save_statement(
            form,
            statement=self.object,
            occurrence_on=self.object.report_back_due_on,
            meeting=self.object.meeting,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(recommendation=self.recommendation, **kwargs)


class StatementDetailView(PrivatePermissionMixin, DetailView):
    permission_required = "responses.view_positionstatement"
    template_name = "responses/statement_detail.html"

    def get_queryset(self):
        return PositionStatement.objects.select_related(
            "recommendation__report__committee",
            "meeting",
            "proposed_status",
            "drafted_by",
            "submitted_by",
        )


class ReportResponsesAgreeView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    """One step for a meeting's decision: the officer ticks the report's responses the
    board agreed and names the meeting."""

    permission_required = "responses.agree_responses"
    form_class = AgreeResponsesForm
    template_name = "responses/agree_responses.html"

    def dispatch(self, request, *args, **kwargs):
        self.report = get_object_or_404(
            Report.objects.select_related("committee"), pk=kwargs["report_pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def waiting(self):
        return responses_awaiting_agreement(
            recommendations_visible_to(self.request.user).filter(report=self.report)
        )

    def get_initial(self):
        return {"responses": list(self.waiting())}  # all, unless the board held some back

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "report": self.report, "responses": self.waiting()}

    def perform(self, form):
        self.meeting = form.cleaned_data["meeting"]
        return services.responses_agree_at_meeting(
            responses=form.cleaned_data["responses"], meeting=self.meeting, user=self.request.user
        )

    def get_success_url(self):
        return reverse("responses:responses_agreed", args=[self.report.pk, self.meeting.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)


class ReportResponsesAgreedView(ObjectPermissionMixin, TemplateView):
    """The confirmation: what the board agreed at the meeting, for this report."""

    permission_required = "responses.agree_responses"
    template_name = "responses/agreed_responses.html"

    def get_context_data(self, **kwargs):
        report = get_object_or_404(Report, pk=self.kwargs["report_pk"])
        meeting = get_object_or_404(
            Meeting.objects.select_related("committee"), pk=self.kwargs["meeting_pk"]
        )
        agreed = (
            Response.objects.filter(recommendation__report=report, agreed_at_meeting=meeting)
            .select_related("recommendation")
            .order_by("recommendation__number")
        )
        return super().get_context_data(
            report=report,
            meeting=meeting,
            agreed=agreed,
            still_waiting=responses_awaiting_agreement(
                recommendations_visible_to(self.request.user).filter(report=report)
            ).count(),
            **kwargs,
        )


class ResponsesAwaitingAgreementView(ObjectPermissionMixin, TemplateView):
    """Every response waiting for the board's agreement, longest waiting first, a page at
    a time by seek pagination (core.keyset), its count stopping at 1,000 as the home
    page's does: page numbers made every request count every waiting response (86 ms of
    the page at 100,000)."""

    permission_required = "responses.agree_responses"
    template_name = "responses/awaiting_agreement.html"
    per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        waiting = responses_awaiting_agreement(
            recommendations_visible_to(self.request.user)
        ).order_by("submitted_at", "pk")
        page = keyset_page(waiting, per_page=self.per_page, params=self.request.GET)
        context.update(page=page, responses=page.object_list)
        return context


class ReportRespondMixin(ObjectPermissionMixin):
    """A director's answers to a whole report: the report's recommendations their
    directorate still owes a response to (only theirs, only this report's). Another
    directorate, or a report with nothing owed, is 404."""

    permission_required = "responses.view_worklist"

    @cached_property
    def report(self) -> Report:
        return get_object_or_404(
            Report.objects.select_related("committee"), pk=self.kwargs["report_pk"]
        )

    @cached_property
    def owed(self) -> list[OwedResponse]:
        return [
            item
            for item in responses_owed_on_report(self.request.user, self.report.pk)
            if self.request.user.has_perm("responses.add_response", item.recommendation)
            and (
                item.draft is None
                or self.request.user.has_perm("responses.change_response", item.draft)
            )
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)


class ReportRespondView(ReportRespondMixin, TemplateView):
    """Every response the directorate owes on one report, on one page: saved as drafts in
    one step (all or none), then checked and submitted together."""

    template_name = "responses/report_respond.html"

    def forms(self, data=None) -> list[ResponseForm]:
        if not self.owed:
            raise Http404
        forms = [
            ResponseForm(
                data,
                instance=item.draft,
                recommendation=item.recommendation,
                prefix=f"r{item.recommendation.pk}",
            )
            for item in self.owed
        ]
        for form in forms:
            form.error_summary_name = form.recommendation.title
        return forms

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(forms=self.forms()))

    def post(self, request, *args, **kwargs):
        forms = self.forms(request.POST)
        checking = "check" in request.POST
        # A form left untouched is not an answer (no empty drafts); going on to check
        # the answers takes every draft there is, so all of them are checked.
        chosen = [
            form
            for form in forms
            if form.has_changed() or (checking and form.instance.pk is not None)
        ]
        if not chosen:
            return self.refuse(forms, "Enter a response to at least one recommendation.")
        if not all(form.is_valid() for form in chosen):
            return self.refuse(forms)
        try:
            saved = services.responses_save_drafts(
                user=request.user,
                drafts=[self.draft_of(form) for form in chosen],
                require_complete=checking,
            )
        except services.ResponsesRefused as refused:
            for form in chosen:
                error = refused.by_recommendation.get(form.recommendation.pk)
                if error is not None:
                    show_refusal(form, error)
            return self.refuse(forms, refused.message)
        if checking:
            return redirect("responses:report_respond_check", self.report.pk)
        messages.success(
            request,
            f"{len(saved)} draft response{pluralize(len(saved))} saved. Only your directorate "
            "can see them until you submit them.",
        )
        return redirect("responses:report_respond", self.report.pk)

    def draft_of(self, form: ResponseForm) -> dict:
        data = form.cleaned_data
        return {
            "recommendation": form.recommendation,
            "response": form.instance if form.instance.pk else None,
            "decision": data["decision"],
            "text": data["text"],
            "proposed_action": data["proposed_action"],
            "responsible_officer": data["responsible_officer"],
            "target_date": data["target_date"],
            "partial_acceptance_detail": data["partial_acceptance_detail"],
            "accepted_parts": data.get("accepted_parts") or [],
            "expected_version": data.get("version"),
        }

    def refuse(
        self, forms, message: str = "Nothing has been saved: correct the responses marked below."
    ):
        return self.render_to_response(
            self.get_context_data(forms=forms, refusal=message), status=200
        )


class ReportRespondCheckView(ReportRespondMixin, TemplateView):
    """GOV.UK "check your answers" for a whole report: every draft the directorate holds
    for it, as the board will read them, submitted together (all or none)."""

    template_name = "responses/report_respond_check.html"

    def drafts(self) -> list[Response]:
        drafts = [item.draft for item in self.owed if item.draft is not None]
        if not drafts:
            raise Http404
        return drafts

    def get(self, request, *args, **kwargs):
        if not self.owed:
            return self.nothing_left()
        if not any(item.draft for item in self.owed):
            messages.info(request, "Save your responses as drafts first, then check them.")
            return redirect("responses:report_respond", self.report.pk)
        drafts = self.drafts()
        return self.render_check(drafts, CheckedDraftsForm(drafts=drafts))

    def post(self, request, *args, **kwargs):
        if not self.owed:
            return self.nothing_left()
        drafts = self.drafts()
        form = CheckedDraftsForm(request.POST, drafts=drafts)
        if form.is_valid():
            try:
                submitted = services.responses_submit(
                    responses=drafts,
                    expected_versions=form.expected_versions(),
                    user=request.user,
                )
            except ValidationError as error:
                # Shown again as they are now, at their current versions: submitting
                # again is a choice made having read the other person's change.
                del self.owed
                drafts = self.drafts()
                refused = CheckedDraftsForm(
                    {f"version_{draft.pk}": draft.version for draft in drafts}, drafts=drafts
                )
                refused.is_valid()
                refused.add_error(None, error)
                return self.render_check(drafts, refused)
            messages.success(
                request,
                f"{len(submitted)} response{pluralize(len(submitted))} submitted to the "
                "scrutiny board.",
            )
            return redirect("responses:worklist")
        return self.render_check(drafts, form)

    def render_check(self, drafts: list[Response], form: CheckedDraftsForm):
        for draft in drafts:
            draft.form_anchor = f"id_r{draft.recommendation_id}-"  # its fields on the form
        return self.render_to_response(self.get_context_data(drafts=drafts, form=form))

    def nothing_left(self):
        """Back after submitting, or a bookmark: the report, saying so, if the user's
        directorate answers for any of it; otherwise nothing is here for them."""
        if not self.report.recommendations.filter(
            directorate=self.request.user.directorate_id
        ).exists():
            raise Http404
        messages.info(
            self.request, "Your directorate has no responses left to submit on this report."
        )
        return redirect(self.report)
