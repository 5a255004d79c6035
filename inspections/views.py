from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView
from rules.contrib.views import PermissionRequiredMixin

from core.views import PrivatePermissionMixin, ServiceFormMixin

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
        actions = list(selectors.plan_actions(plan, user))
        for action in actions:
            action.overdue = action.is_overdue(today)
        strands = list(plan.strands.all())
        for strand in strands:
            strand.listed_actions = [a for a in actions if a.strand_id == strand.pk]
        context["strands"] = strands
        context["inspection"] = selectors.plan_inspection(plan, user)
        context["unanswered"] = selectors.unanswered(plan, user)
        context["today"] = today
        context["overdue_count"] = sum(action.overdue for action in actions)
        return context


# --- Officers keep the record -------------------------------------------------------


class RecordFormView(PermissionRequiredMixin, ServiceFormMixin):
    template_name = "form_page.html"
    page_title = ""
    parent = None

    def perform(self, form):
        return services.record_save(instance=form.save(commit=False), user=self.request.user)

    def get_success_url(self):
        return (self.parent or self.object).get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.page_title
        back_to = self.parent or getattr(self, "object", None)
        context["back_url"] = (
            back_to.get_absolute_url() if back_to else reverse("inspections:inspection_list")
        )
        return context


class InspectionFormMixin(RecordFormView):
    form_class = InspectionForm

    def perform(self, form):
        return services.inspection_save(inspection=form.save(commit=False), user=self.request.user)

    def get_success_url(self):
        return self.object.get_absolute_url()


class InspectionCreateView(InspectionFormMixin, CreateView):
    permission_required = "inspections.add_inspection"
    page_title = "Add an inspection"
    success_message = "Inspection added."


class InspectionUpdateView(InspectionFormMixin, UpdateView):
    permission_required = "inspections.change_inspection"
    model = Inspection
    page_title = "Edit inspection"
    success_message = "Inspection saved."


class InspectionChildMixin:
    def dispatch(self, request, *args, **kwargs):
        self.parent = get_object_or_404(Inspection, pk=kwargs["inspection_pk"])
        return super().dispatch(request, *args, **kwargs)


class JudgementCreateView(InspectionChildMixin, RecordFormView, CreateView):
    permission_required = "inspections.add_inspectionjudgement"
    form_class = JudgementForm
    page_title = "Add a judgement"
    success_message = "Judgement added."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "inspection": self.parent}

    def perform(self, form):
        return services.judgement_save(judgement=form.save(commit=False), user=self.request.user)


class AreaCreateView(InspectionChildMixin, PermissionRequiredMixin, ServiceFormMixin, FormView):
    permission_required = "inspections.add_areaforimprovement"
    form_class = AreaForImprovementForm
    template_name = "form_page.html"
    success_message = "Area for improvement added."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "inspection": self.parent}

    def perform(self, form):
        return services.area_save(
            inspection=self.parent, user=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return self.parent.get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title="Add an area for improvement",
            back_url=self.parent.get_absolute_url(),
            **kwargs,
        )


class PlanFormMixin(RecordFormView):
    form_class = ImprovementPlanForm

    def get_success_url(self):
        return self.object.get_absolute_url()


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


class PlanChildMixin:
    def dispatch(self, request, *args, **kwargs):
        self.parent = get_object_or_404(ImprovementPlan, pk=kwargs["plan_pk"])
        return super().dispatch(request, *args, **kwargs)


class StrandCreateView(PlanChildMixin, RecordFormView, CreateView):
    permission_required = "inspections.add_improvementstrand"
    form_class = ImprovementStrandForm
    page_title = "Add a strand"
    success_message = "Strand added."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.parent}


class ActionFormMixin(RecordFormView):
    form_class = ImprovementActionForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "plan": self.parent,
            "candidates": selectors.plan_candidates(self.parent, self.request.user),
        }

    def perform(self, form):
        return services.action_save(
            action=form.save(commit=False),
            user=self.request.user,
            answers=form.cleaned_data["answers"],
        )


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

    def dispatch(self, request, *args, **kwargs):
        action = get_object_or_404(
            ImprovementAction.objects.select_related("strand__plan"), pk=kwargs["pk"]
        )
        self.parent = action.strand.plan
        return super().dispatch(request, *args, **kwargs)
