from django import forms

from core.forms import GovukErrorMessagesMixin

from .models import ResponsePaper


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


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
                name: forms.Textarea(attrs={"rows": 4})
                for name in (
                    "summary_of_main_issues",
                    "summary_recommendations",
                    "main_issues_introduction",
                    "consultation",
                    "equality",
                    "council_policies",
                    "resources",
                    "legal",
                    "risk_management",
                    "recommendations",
                    "background_documents",
                )
            },
            "purpose": forms.Textarea(attrs={"rows": 5}),
            "background": forms.Textarea(attrs={"rows": 10}),
            "conclusions": forms.Textarea(attrs={"rows": 6}),
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
