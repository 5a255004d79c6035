import re
import uuid
from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from core.forms import GovukErrorMessagesMixin, VersionedFormMixin

from .models import (
    Committee,
    CommitteeMembership,
    Evidence,
    Inquiry,
    Meeting,
    Recommendation,
    Report,
    TrackingStatus,
    WorkingGroup,
)
from .services import PartText

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MonthField(forms.CharField):
    """A month as people write it on papers: 'July 2012', 'Jul 2012' or '07/2012'."""

    default_error_messages = {
        "invalid": "Enter a month and year, like July 2012 or 07/2012.",
    }

    def prepare_value(self, value):
        if isinstance(value, date):
            return f"{value:%B %Y}"
        return value

    def to_python(self, value):
        value = (super().to_python(value) or "").strip().lower()
        if not value:
            return None
        named = re.fullmatch(r"([a-z]+)\.?\s+(\d{4})", value)
        numeric = re.fullmatch(r"(\d{1,2})\s*[/\-.]\s*(\d{4})", value)
        iso = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
        if named and named.group(1) in MONTHS:
            month, year = MONTHS[named.group(1)], int(named.group(2))
        elif numeric:
            month, year = int(numeric.group(1)), int(numeric.group(2))
        elif iso:
            year, month = int(iso.group(1)), int(iso.group(2))
        else:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if not 1 <= month <= 12 or not 1900 <= year <= 2200:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return date(year, month, 1)


class CommitteeForm(GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = Committee
        fields = ["name", "kind", "remit", "scrutiny_officer"]


class MeetingForm(GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "start_time", "place", "status"]
        widgets = {
            "date": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {"start_time": "For example, 10:00"}


class InquiryForm(GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = Inquiry
        fields = [
            "committee",
            "title",
            "kind",
            "terms_of_reference",
            "status",
            "started_on",
            "concluded_on",
        ]
        widgets = {"started_on": DateInput(), "concluded_on": DateInput()}

    def clean(self):
        cleaned = super().clean()
        started, concluded = cleaned.get("started_on"), cleaned.get("concluded_on")
        if started and concluded and concluded < started:
            self.add_error("concluded_on", "The inquiry cannot conclude before it starts.")
        return cleaned


class WorkingGroupForm(GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "remit", "first_met_on", "chair", "members", "supporting_officers"]
        widgets = {"first_met_on": DateInput(), "members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, inquiry: Inquiry, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.inquiry = inquiry
        memberships = CommitteeMembership.objects.filter(committee=inquiry.committee_id)
        self.fields["chair"].queryset = memberships
        self.fields["members"].queryset = memberships


class EvidenceForm(GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = Evidence
        fields = ["kind", "title", "working_group", "considered_on", "notes"]
        widgets = {"considered_on": DateInput()}

    def __init__(self, *args, inquiry: Inquiry, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.inquiry = inquiry
        self.fields["working_group"].queryset = inquiry.working_groups.all()


class ReportForm(GovukErrorMessagesMixin, forms.ModelForm):
    class Meta:
        model = Report
        fields = [
            "kind",
            "title",
            "summary",
            "published_on",
            "received_on",
            "is_exempt",
            "exempt_rule",
        ]
        widgets = {"published_on": DateInput(), "received_on": DateInput()}

    def clean(self):
        cleaned = super().clean()
        published, received = cleaned.get("published_on"), cleaned.get("received_on")
        if published and received and received < published:
            self.add_error("received_on", "The report cannot be received before it is published.")
        if cleaned.get("is_exempt") and not cleaned.get("exempt_rule", "").strip():
            self.add_error(
                "exempt_rule", "Enter the Access to Information Procedure Rule it is exempt under."
            )
        return cleaned


class ReportBackFields(GovukErrorMessagesMixin, forms.ModelForm):
    """The report-back requirement, shared by the recommendation and schedule forms."""

    report_back_month = MonthField(
        label="Report back in (month)",
        required=False,
        help_text="For example, July 2012. Leave empty if the recommendation names no month.",
    )

    def __init__(self, *args, committee: Committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report_back_meeting"].queryset = Meeting.objects.filter(
            committee=committee
        ).exclude(status=Meeting.Status.CANCELLED)
        self.fields["report_back_meeting"].empty_label = "No particular meeting"

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("report_back_every_months")
            and not cleaned.get("report_back_month")
            and not cleaned.get("report_back_meeting")
        ):
            self.add_error(
                "report_back_every_months",
                "A repeat needs a first report-back: choose a meeting or enter a month.",
            )
        return cleaned


class RecommendationForm(VersionedFormMixin, ReportBackFields):
    parts_text = forms.CharField(
        label="Parts",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=(
            "If the recommendation has parts that can be accepted separately, enter each "
            "part as its own paragraph, with a blank line between them. They are labelled "
            "a, b, c in order."
        ),
    )

    # A one-time token for this form: saving the same form twice (Back, then save) is
    # refused rather than making a second recommendation.
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    field_order = ["number", "text", "parts_text"]

    class Meta:
        model = Recommendation
        fields = [
            "number",
            "text",
            "addressed_to",
            "other_body",
            "directorate",
            "lead_officer",
            "desired_outcome",
            "report_back_meeting",
            "report_back_month",
            "report_back_every_months",
        ]
        widgets = {"addressed_to": forms.RadioSelect}

    def __init__(self, *args, report: Report, **kwargs):
        super().__init__(*args, committee=report.committee, **kwargs)
        self.instance.report = report
        if self.instance.pk:
            self.initial["parts_text"] = "\n\n".join(p.text for p in self.instance.parts.all())
        else:
            taken = report.recommendations.order_by("-number").values_list("number", flat=True)
            self.initial.setdefault("number", (taken[0] if taken else 0) + 1)
            self.initial.setdefault("form_token", uuid.uuid4())

    def clean_number(self):
        number = self.cleaned_data["number"]
        clash = Recommendation.objects.filter(report=self.instance.report, number=number)
        if clash.exclude(pk=self.instance.pk).exists():
            raise ValidationError(f"This report already has a recommendation {number}.")
        return number

    def clean_text(self):
        text = self.cleaned_data["text"]
        twin = (
            Recommendation.objects.active()
            .filter(report=self.instance.report, text=text.strip())
            .exclude(pk=self.instance.pk)
            .first()
        )
        if twin is not None and not self.instance.pk:
            raise ValidationError(
                f"This report already has a recommendation with exactly this text "
                f"({twin.title}): it may have been saved already."
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("addressed_to") == Recommendation.Addressee.OTHER_BODY
            and not (cleaned.get("other_body") or "").strip()
        ):
            self.add_error("other_body", "Enter the name of the body it is addressed to.")
        return cleaned

    def validate_unique(self):
        # clean_number says it in words; the model check would repeat it.
        pass

    @property
    def parts(self) -> list[PartText]:
        paragraphs = [
            p.strip()
            for p in re.split(r"\n\s*\n", self.cleaned_data.get("parts_text", ""))
            if p.strip()
        ]
        if len(paragraphs) < 2:
            return []
        return [PartText(chr(ord("a") + i), text) for i, text in enumerate(paragraphs[:26])]


class ReportBackScheduleForm(VersionedFormMixin, ReportBackFields):
    class Meta:
        model = Recommendation
        fields = ["report_back_meeting", "report_back_month", "report_back_every_months"]


class StatusChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that can be given the scale already loaded, so that a page with
    one form per recommendation reads the statuses once rather than once per form."""

    def preload(self, statuses) -> None:
        self._preloaded = {str(status.pk): status for status in statuses}
        self.choices = [
            ("", self.empty_label),
            *((status.pk, self.label_from_instance(status)) for status in statuses),
        ]

    def to_python(self, value):
        preloaded = getattr(self, "_preloaded", None)
        if preloaded is None or value in self.empty_values:
            return super().to_python(value)
        try:
            return preloaded[str(value)]
        except KeyError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class AssessmentForm(GovukErrorMessagesMixin, forms.Form):
    """The board's decision on one recommendation, as one row of the meeting's form."""

    status = StatusChoiceField(
        queryset=TrackingStatus.objects.filter(is_active=True),
        required=False,
        empty_label="No decision at this meeting",
        label="Board's decision",
    )
    comment = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Comment"
    )
    # The version of the decision already recorded when the form was opened (0: none).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, recommendation: Recommendation, statuses=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommendation = recommendation
        if statuses is not None:
            self.fields["status"].preload(statuses)
        self.fields["status"].label = f"Board's decision on {recommendation.title}"
        self.fields["comment"].label = f"Comment on {recommendation.title}"

    @property
    def has_new_decision(self) -> bool:
        """The officer changed this row (the hidden version alone does not count)."""
        return any(name != "version" for name in self.changed_data)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("comment") and not cleaned.get("status"):
            self.add_error("status", "Choose the board's decision to go with the comment.")
        return cleaned
