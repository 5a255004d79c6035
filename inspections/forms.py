from django import forms
from django.core.exceptions import ValidationError

from core.forms import DateInput, DatesInOrderMixin, GovukErrorMessagesMixin
from core.numbering import next_number
from recommendations.models import Directorate, Recommendation

from .models import (
    ImprovementAction,
    ImprovementPlan,
    ImprovementStrand,
    Inspection,
    InspectionJudgement,
    Timescale,
)


class InspectionForm(DatesInOrderMixin, GovukErrorMessagesMixin, forms.ModelForm):
    dates_in_order = (
        ("on_site_from", "on_site_to", "The inspection cannot end on site before it starts."),
        (
            "on_site_to",
            "published_on",
            "The report cannot be published before the inspection ends.",
        ),
    )

    class Meta:
        model = Inspection
        fields = [
            "title",
            "inspectorates",
            "committee",
            "directorate",
            "notified_on",
            "on_site_from",
            "on_site_to",
            "published_on",
            "summary",
        ]
        widgets = {
            "notified_on": DateInput(),
            "on_site_from": DateInput(),
            "on_site_to": DateInput(),
            "published_on": DateInput(),
        }


class JudgementForm(GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = InspectionJudgement
        fields = ["theme", "area", "parent", "grade", "order"]
        widgets = {"grade": forms.RadioSelect}

    def __init__(self, *args, inspection: Inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.inspection = inspection
        self.fields["parent"].queryset = inspection.judgements.filter(parent__isnull=True)
        self.fields["parent"].empty_label = "None: this is an area"
        self.fields["grade"].choices = [
            ("", "Not graded (a heading)"),
            *self.fields["grade"].choices[1:],
        ]
        if not self.instance.pk:
            last = inspection.judgements.order_by("-order").values_list("order", flat=True)
            self.initial.setdefault("order", (last[0] if last else 0) + 1)

    def validate_unique(self):
        try:
            self.instance.validate_unique()
            self.instance.validate_constraints()
        except ValidationError:
            self.add_error("area", "This table already has a row for this area.")


class AreaForImprovementForm(GovukErrorMessagesMixin, forms.Form):
    number = forms.IntegerField(min_value=1)
    text = forms.CharField(label="Area for improvement", widget=forms.Textarea(attrs={"rows": 4}))
    timescale = forms.ChoiceField(choices=Timescale.choices, widget=forms.RadioSelect)
    theme = forms.CharField(
        max_length=200, help_text="For example, Safeguarding or Looked after children."
    )
    directorate = forms.ModelChoiceField(
        queryset=Directorate.objects.all(),
        label="Responding directorate",
    )
    lead_officer = forms.CharField(max_length=200, required=False)

    def __init__(self, *args, inspection: Inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.inspection = inspection
        report = inspection.report
        self.initial.setdefault("number", next_number(report.recommendations) if report else 1)
        self.initial.setdefault("directorate", inspection.directorate_id)

    def clean_number(self):
        number = self.cleaned_data["number"]
        report = self.inspection.report
        if report and report.recommendations.filter(number=number).exists():
            raise ValidationError(f"This inspection already has an area for improvement {number}.")
        return number


class ImprovementPlanForm(DatesInOrderMixin, GovukErrorMessagesMixin, forms.ModelForm):
    dates_in_order = (("starts_on", "ends_on", "The plan cannot end before it starts."),)

    class Meta:
        model = ImprovementPlan
        fields = [
            "title",
            "committee",
            "inspection",
            "summary",
            "published_on",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "published_on": DateInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }


class ImprovementStrandForm(GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = ImprovementStrand
        fields = ["number", "title", "description"]

    def __init__(self, *args, plan: ImprovementPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        if not self.instance.pk:
            self.initial.setdefault("number", next_number(plan.strands))

    def clean_number(self):
        number = self.cleaned_data["number"]
        clash = ImprovementStrand.objects.filter(plan=self.instance.plan, number=number)
        if clash.exclude(pk=self.instance.pk).exists():
            raise ValidationError(f"This plan already has a strand {number}.")
        return number

    def validate_unique(self):
        pass  # clean_number says it in words


class RecommendationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Recommendation) -> str:
        kind = "Area for improvement" if hasattr(obj, "area_for_improvement") else "Recommendation"
        return f"{kind} {obj.reference}, {obj.report.title}: {obj.text[:120]}"


class ImprovementActionForm(GovukErrorMessagesMixin, forms.ModelForm):
    answers = RecommendationChoiceField(
        queryset=Recommendation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Findings and recommendations it answers",
    )

    class Meta:
        model = ImprovementAction
        fields = [
            "strand",
            "title",
            "owner",
            "due_on",
            "state",
            "rag",
            "percent_complete",
            "progress",
        ]
        widgets = {
            "due_on": DateInput(),
            "title": forms.Textarea(attrs={"rows": 3}),
            "rag": forms.RadioSelect,
            "state": forms.RadioSelect,
        }

    def __init__(self, *args, plan: ImprovementPlan, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strand"].queryset = plan.strands.all()
        self.fields["strand"].empty_label = None
        self.fields["rag"].choices = [("", "No rating"), *self.fields["rag"].choices[1:]]
        self.fields["answers"].queryset = candidates
        if self.instance.pk:
            self.initial["answers"] = list(self.instance.answers.values_list("pk", flat=True))
