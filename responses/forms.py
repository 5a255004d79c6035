from django import forms

from core.forms import DateInput, GovukErrorMessagesMixin, VersionedFormMixin
from recommendations.models import (
    Meeting,
    Recommendation,
    RecommendationPart,
    Report,
    TrackingStatus,
)

from .models import PositionStatement, Response, ResponseDecision


class ResponseForm(VersionedFormMixin, GovukErrorMessagesMixin, forms.ModelForm):
    decision = forms.ChoiceField(
        label="Is the recommendation accepted?",
        choices=ResponseDecision.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="You can save a draft without choosing; you must choose before submitting.",
    )
    accepted_parts = forms.ModelMultipleChoiceField(
        queryset=RecommendationPart.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Which parts are accepted?",
        help_text="Only for a partial acceptance.",
    )

    class Meta:
        model = Response
        fields = [
            "decision",
            "accepted_parts",
            "partial_acceptance_detail",
            "text",
            "proposed_action",
            "responsible_officer",
            "target_date",
        ]
        widgets = {"target_date": DateInput()}
        help_texts = {
            "text": "The reasons for the decision, as they will appear in the response report.",
            "responsible_officer": "The officer who will make sure the action is taken.",
        }

    def __init__(self, *args, recommendation: Recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommendation = recommendation
        parts = recommendation.parts.all()
        if parts:
            self.fields["accepted_parts"].queryset = parts
            self.fields["accepted_parts"].label_from_instance = lambda part: (
                f"Part {part.label}: {part.text[:160]}"
            )
        else:
            del self.fields["accepted_parts"]

    def validate_constraints(self, exclude=None):
        # A draft may be incomplete; the service checks what submission needs.
        pass


class PositionStatementForm(VersionedFormMixin, GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = PositionStatement
        fields = ["text", "proposed_status"]
        help_texts = {
            "text": "Progress since the last report-back, as the board will read it.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_status"].queryset = TrackingStatus.objects.filter(is_active=True)
        self.fields["proposed_status"].empty_label = "No proposal"

    def validate_unique(self):
        pass


class AgreeResponsesForm(GovukErrorMessagesMixin, forms.Form):
    """Some or all of a report's submitted responses, agreed by the board at one meeting."""

    responses = forms.ModelMultipleChoiceField(
        queryset=Response.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Which responses did the board agree?",
        help_text="Select all that apply.",
        error_messages={"required": "Choose the responses the board agreed"},
    )
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        label="At which meeting?",
        help_text="The meeting's date is recorded as the date they were agreed.",
        empty_label="Choose the meeting",
    )

    def __init__(self, *args, report: Report, responses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responses"].queryset = responses
        self.fields["responses"].label_from_instance = lambda response: (
            f"{response.recommendation.title}: {response.get_decision_display()}"
        )
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(committee=report.committee_id)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("-date")
        )
        self.fields["meeting"].label_from_instance = lambda meeting: f"{meeting.date:%-d %B %Y}"


class CheckedDraftsForm(forms.Form):
    """A check-your-answers page's Submit (one draft's, or a whole report's responses):
    the version of each draft as its author read it, so that one changed meanwhile is
    refused, not sent unread."""

    def __init__(self, *args, drafts: list[Response] | list[PositionStatement], **kwargs):
        super().__init__(*args, **kwargs)
        for draft in drafts:
            self.fields[f"version_{draft.pk}"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, initial=draft.version
            )

    def expected_versions(self) -> dict[int, int | None]:
        return {
            int(name.removeprefix("version_")): value for name, value in self.cleaned_data.items()
        }
