from django import forms
from django.db import models

from core.forms import DateInput, GovukErrorMessagesMixin

from .models import ResponsePaper

# Every narrative box is four rows, but for the sections where the paper's weight lies.
NARRATIVE_ROWS = {"purpose": 5, "background": 10, "conclusions": 6}


class ResponsePaperForm(GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = ResponsePaper
        fields = [
            "author_name",
            "author_telephone",
            "report_of",
            "report_to",
            "paper_date",
            "subject",
            "wards_affected",
            "ward_names",
            "equality_implications",
            "eligible_for_call_in",
            "contains_exempt_information",
            "exempt_rule_number",
            "exempt_appendix_number",
            "summary_of_main_issues",
            "summary_recommendations",
            "purpose",
            "background",
            "main_issues_introduction",
            "consultation",
            "equality",
            "council_policies",
            "resources",
            "legal",
            "risk_management",
            "conclusions",
            "recommendations",
            "background_documents",
        ]
        widgets = {
            "paper_date": DateInput(),
            **{
                field.name: forms.Textarea(attrs={"rows": NARRATIVE_ROWS.get(field.name, 4)})
                for field in ResponsePaper._meta.get_fields()
                if isinstance(field, models.TextField)
            },
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("wards_affected") and not cleaned.get("ward_names", "").strip():
            self.add_error("ward_names", "Enter the names of the wards affected")
        if (
            cleaned.get("contains_exempt_information")
            and not cleaned.get("exempt_rule_number", "").strip()
        ):
            self.add_error(
                "exempt_rule_number",
                "Enter the Access to Information Procedure Rule number",
            )
        return cleaned
