from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView

from core.views import (
    ObjectPermissionMixin,
    ParentObjectMixin,
    PrivatePermissionMixin,
    ServiceFormMixin,
)
from core.views import RecordFormView as BaseRecordFormView

from . import selectors, services
from .forms import (
    AreaForImprovementForm,
    ImprovementActionForm,
    ImprovementPlanForm,
    ImprovementStrandForm,
    InspectionForm,
    JudgementForm,
)
from .models import ImprovementAction, ImprovementPlan, Inspection


class InspectionListView(ListView):
    template_name = "inspections/inspection_list.html"
    context_object_name = "inspections"

    def get_queryset(self):
        return selectors.inspections_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plans"] = selectors.plans_visible_to(self.request.user)
        return context


class InspectionDetailView(PrivatePermissionMixin, DetailView):
    permission_required = "inspections.view_inspection"
    template_name = "inspections/inspection_detail.html"
    context_object_name = "inspection"

    def get_queryset(self):
        return Inspection.objects.select_related("committee", "directorate")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inspection, user = self.object, self.request.user
        context["tables"] = selectors.judgement_tables(inspection)
        context["groups"] = selectors.findings_by_timescale(inspection, user)
        context["report"] = inspection.report
        context["plans"] = selectors.plans_visible_to(user).filter(inspection=inspection)
        context["today"] = timezone.localdate()
        return context


class PlanDetailView(PrivatePermissionMixin, DetailView):
    permission_required = "inspections.view_improvementplan"
    template_name = "inspections/plan_detail.html"
    context_object_name = "plan"

    def get_queryset(self):
        return ImprovementPlan.objects.select_related("committee", "inspection")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan, user = self.object, self.request.user
        today = timezone.localdate()
        actions = list(selectors.actions_of_plan(plan, user))
        for action in actions:
            action.overdue = action.is_overdue(today)
        strands = list(plan.strands.all())
        for strand in strands:
            strand.listed_actions = [a for a in actions if a.strand_id == strand.pk]
        context["strands"] = strands
        context["inspection"] = selectors.plan_inspection(plan, user)
        context["unanswered"] = selectors.findings_unanswered(plan, user)
        context["today"] = today
        context["overdue_count"] = sum(action.overdue for action in actions)
        return context


# --- Officers keep the record -------------------------------------------------------


class RecordFormView(BaseRecordFormView):
    fallback_url_name = "inspections:inspection_list"


class InspectionFormMixin(RecordFormView):
    form_class = InspectionForm

    def perform(self, form):
        return services.inspection_save(inspection=form.save(commit=False), user=self.request.user)


class InspectionCreateView(InspectionFormMixin, CreateView):
    permission_required = "inspections.add_inspection"
    page_title = "Add an inspection"
    success_message = "Inspection added."


class InspectionUpdateView(InspectionFormMixin, UpdateView):
    permission_required = "inspections.change_inspection"
    model = Inspection
    page_title = "Edit inspection"
    success_message = "Inspection saved."


class InspectionChildMixin(ParentObjectMixin):
    parent_model = Inspection
    parent_url_kwarg = "inspection_pk"
    parent_form_kwarg = "inspection"
    return_to_parent = True


class JudgementCreateView(InspectionChildMixin, RecordFormView, CreateView):
    permission_required = "inspections.add_inspectionjudgement"
    form_class = JudgementForm
    page_title = "Add a judgement"
    success_message = "Judgement added."

    def perform(self, form):
        return services.judgement_save(judgement=form.save(commit=False), user=self.request.user)


class AreaCreateView(InspectionChildMixin, ObjectPermissionMixin, ServiceFormMixin, FormView):
    permission_required = "inspections.add_areaforimprovement"
    form_class = AreaForImprovementForm
    template_name = "form_page.html"
    success_message = "Area for improvement added."

    def perform(self, form):
        return services.area_save(
            inspection=self.parent, user=self.request.user, **form.cleaned_data
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title="Add an area for improvement",
            back_url=self.parent.get_absolute_url(),
            **kwargs,
        )


class PlanFormMixin(RecordFormView):
    form_class = ImprovementPlanForm


class PlanCreateView(PlanFormMixin, CreateView):
    permission_required = "inspections.add_improvementplan"
    page_title = "Add an improvement plan"
    success_message = "Improvement plan added."

    def get_initial(self):
        return {"inspection": self.request.GET.get("inspection")}


class PlanUpdateView(PlanFormMixin, UpdateView):
    permission_required = "inspections.change_improvementplan"
    model = ImprovementPlan
    page_title = "Edit improvement plan"
    success_message = "Improvement plan saved."


class PlanChildMixin(ParentObjectMixin):
    parent_model = ImprovementPlan
    parent_url_kwarg = "plan_pk"
    parent_form_kwarg = "plan"
    return_to_parent = True


class StrandCreateView(PlanChildMixin, RecordFormView, CreateView):
    permission_required = "inspections.add_improvementstrand"
    form_class = ImprovementStrandForm
    page_title = "Add a strand"
    success_message = "Strand added."


class ActionFormMixin(RecordFormView):
    form_class = ImprovementActionForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "plan": self.parent,
            "candidates": selectors.answer_candidates_for_plan(self.parent, self.request.user),
        }

    def perform(self, form):
        return services.action_save(
            action=form.save(commit=False),
            user=self.request.user,
            answers=form.cleaned_data["answers"],
        )

    def get_success_url(self):
        return self.parent.get_absolute_url()  # the plan, where the action is listed


class ActionCreateView(PlanChildMixin, ActionFormMixin, CreateView):
    permission_required = "inspections.add_improvementaction"
    page_title = "Add an action"
    success_message = "Action added."

    def get(self, request, *args, **kwargs):
        if not self.parent.strands.exists():
            return redirect("inspections:strand_create", plan_pk=self.parent.pk)
        return super().get(request, *args, **kwargs)


class ActionUpdateView(ActionFormMixin, UpdateView):
    permission_required = "inspections.change_improvementaction"
    model = ImprovementAction
    page_title = "Edit action"
    success_message = "Action saved."

    def get_queryset(self):
        return ImprovementAction.objects.select_related("strand__plan")

    def dispatch(self, request, *args, **kwargs):
        self.parent = self.get_object().strand.plan
        return super().dispatch(request, *args, **kwargs)
