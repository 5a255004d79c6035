import re
import uuid
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance

from core.forms import (
    DateInput,
    DatesInOrderMixin,
    GovukErrorMessagesMixin,
    VersionedFormMixin,
)
from core.numbering import next_number

from .dates import add_months
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
from .parsing import MAX_PARTS, ParsedPart, SplitParts, parts_as_text, split_parts
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


class InquiryForm(DatesInOrderMixin, GovukErrorMessagesMixin, forms.ModelForm):
    dates_in_order = (
        ("started_on", "concluded_on", "The inquiry cannot conclude before it starts."),
    )

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


class ReportForm(DatesInOrderMixin, GovukErrorMessagesMixin, forms.ModelForm):
    dates_in_order = (
        ("published_on", "received_on", "The report cannot be received before it is published."),
    )

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


def refuse_incomplete_addressee(form: forms.Form, directorate_message: str) -> None:
    """Addressed to an outside body, the body must be named; to a directorate, one must be
    chosen (`directorate_message` says so in the form's own words)."""
    cleaned = form.cleaned_data
    addressed_to = cleaned.get("addressed_to")
    if (
        addressed_to == Recommendation.Addressee.OTHER_BODY
        and not (cleaned.get("other_body") or "").strip()
    ):
        form.add_error("other_body", "Enter the name of the body it is addressed to.")
    if addressed_to == Recommendation.Addressee.DIRECTORATE and not cleaned.get("directorate"):
        form.add_error("directorate", directorate_message)


class RecommendationForm(VersionedFormMixin, ReportBackFields):
    parts_text = forms.CharField(
        label="Parts",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=(
            "If the recommendation has parts that can be accepted separately, enter each "
            "part on its own line or paragraph; labels such as (a), a) or a. and bullets "
            "are recognised. Unlabelled parts are labelled a, b, c in order."
        ),
    )

    # A one-time token for this form: saving the same form twice (Back, then save) is
    # refused rather than making a second recommendation.
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    field_order = ["reference", "number", "text", "parts_text"]

    class Meta:
        model = Recommendation
        fields = [
            "reference",
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
        help_texts = {"number": "Its order in lists and papers: 1 for the first."}

    def __init__(self, *args, report: Report, **kwargs):
        super().__init__(*args, committee=report.committee, **kwargs)
        self.instance.report = report
        # Needed when it is addressed to a directorate (checked in clean()).
        self.fields["directorate"].conditionally_required = True
        if self.instance.pk:
            self.initial["parts_text"] = parts_as_text(
                [ParsedPart(p.label, p.text) for p in self.instance.parts.all()]
            )
        else:
            self.initial.setdefault("number", next_number(report.recommendations))
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

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        if reference:
            clash = Recommendation.objects.filter(report=self.instance.report, reference=reference)
            if clash.exclude(pk=self.instance.pk).exists():
                raise ValidationError(
                    f"This report already has a recommendation with the reference {reference}."
                )
        return reference

    def clean_parts_text(self):
        text = self.cleaned_data.get("parts_text", "")
        if text.strip():
            self._split = parts_problem_checked(text)
        return text

    def clean(self):
        cleaned = super().clean()
        refuse_incomplete_addressee(
            self, "Choose the directorate the recommendation is addressed to."
        )
        if not cleaned.get("reference") and cleaned.get("number") and not self.has_error("number"):
            # The reference defaults to the number: that must be free too.
            clash = Recommendation.objects.filter(
                report=self.instance.report, reference=str(cleaned["number"])
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "reference",
                    f"This report already has a recommendation with the reference "
                    f"{cleaned['number']}: enter this one's reference.",
                )
        return cleaned

    def validate_unique(self):
        # clean_number and clean_reference say it in words; the model check would repeat it.
        pass

    @property
    def parts(self) -> list[PartText]:
        split = getattr(self, "_split", None)
        if split is None:
            return []
        return [PartText(part.label, part.text) for part in split.parts]


def parts_problem_checked(text: str) -> SplitParts:
    """The parts in `text`, or a ValidationError saying why they cannot be split without
    losing or guessing at something."""
    split = split_parts(text)
    if not split.parts:
        raise ValidationError(
            "A recommendation in parts has at least two parts: put each on its own line, "
            "or move this text into the recommendation text."
        )
    if split.lead_in:
        raise ValidationError(
            f"“{split.lead_in[:80]}” comes before the first part: move it into the "
            "recommendation text, or label it as a part."
        )
    if len(split.parts) > MAX_PARTS:
        raise ValidationError(f"A recommendation can have at most {MAX_PARTS} parts.")
    if any(len(part.label) > 10 for part in split.parts):
        raise ValidationError("Part labels can be at most 10 characters long.")
    return split


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


MEETING_SERIES_MAX = 60
_DATE_FORMATS = [
    (re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"), ("day", "month", "year")),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("year", "month", "day")),
]
_NAMED_DATE = re.compile(r"(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})")


def parse_meeting_date(text: str) -> date:
    """'19/07/2012', '2012-07-19', '19 July 2012' or 'Thursday 19 July 2012'."""
    value = text.strip().lower()
    parts = None
    for pattern, order in _DATE_FORMATS:
        match = pattern.fullmatch(value)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
    named = _NAMED_DATE.fullmatch(value)
    if named and named.group(2) in MONTHS:
        parts = {
            "day": int(named.group(1)),
            "month": MONTHS[named.group(2)],
            "year": int(named.group(3)),
        }
    if parts is None or not 1900 <= parts["year"] <= 2200:
        raise ValueError(text)
    return date(parts["year"], parts["month"], parts["day"])


class MeetingSeriesForm(GovukErrorMessagesMixin, forms.Form):
    """A year's meetings in one step: a list of dates, or every so many weeks."""

    dates = forms.CharField(
        label="Dates of the meetings",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One a line, like 19 July 2012 or 19/07/2012. Or leave this empty and "
        "give a first meeting and how often the board meets, below.",
    )
    first_date = forms.DateField(
        label="First meeting",
        required=False,
        widget=DateInput(),
        help_text="For example, 19/07/2012",
    )
    every_weeks = forms.IntegerField(
        label="Then every … weeks",
        required=False,
        min_value=1,
        max_value=52,
        help_text="6 for 'every sixth Thursday' (the same weekday as the first meeting)",
    )
    until = forms.DateField(
        label="Until",
        required=False,
        widget=DateInput(),
        help_text="The last day a meeting may fall on; a year after the first meeting if empty",
    )
    start_time = forms.TimeField(
        label="Start time",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="For example, 10:00",
    )
    place = forms.CharField(label="Place", required=False, max_length=200)

    def clean(self):
        cleaned = super().clean()
        listed = (cleaned.get("dates") or "").strip()
        first, every = cleaned.get("first_date"), cleaned.get("every_weeks")
        if any(name in self.errors for name in ("first_date", "every_weeks", "until")):
            return cleaned
        if listed and (first or every):
            raise ValidationError(
                "Give either a list of dates or a first meeting and how often, not both"
            )
        if listed:
            cleaned["meeting_dates"] = self._listed_dates(listed)
        elif first and every:
            cleaned["meeting_dates"] = self._repeating_dates(first, every, cleaned.get("until"))
        elif first or every:
            field = "every_weeks" if first else "first_date"
            self.add_error(
                field,
                "Enter how often the board meets"
                if first
                else "Enter the date of the first meeting",
            )
        else:
            self.add_error("dates", "Enter the dates of the meetings")
        return cleaned

    def _listed_dates(self, text: str) -> list[date]:
        days, wrong = [], []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                days.append(parse_meeting_date(line))
            except ValueError:
                wrong.append(f"line {number} ('{line.strip()[:40]}')")
        if wrong:
            self.add_error(
                "dates", f"Enter each date like 19 July 2012: {', '.join(wrong)} is not a date"
            )
        elif len(days) != len(set(days)):
            self.add_error("dates", "A date is listed twice")
        elif len(days) > MEETING_SERIES_MAX:
            self.add_error("dates", f"Enter at most {MEETING_SERIES_MAX} dates at a time")
        return days

    def _repeating_dates(self, first: date, every: int, until: date | None) -> list[date]:
        last = until or add_months(first, 12) - timedelta(days=1)
        if last < first:
            self.add_error("until", "The last day must be on or after the first meeting")
            return []
        days = []
        day = first
        while day <= last and len(days) <= MEETING_SERIES_MAX:
            days.append(day)
            day += timedelta(weeks=every)
        if len(days) > MEETING_SERIES_MAX:
            self.add_error(
                "until",
                f"That makes more than {MEETING_SERIES_MAX} meetings: choose an earlier last day",
            )
        return days


class BulkPasteForm(GovukErrorMessagesMixin, forms.Form):
    pasted = forms.CharField(
        label="Recommendations",
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        help_text=(
            "Paste the report's recommendations section as copied from Word or a PDF. Each "
            "recommendation starts on its own line with its number, such as “1.”, "
            "“Recommendation 1 –” or “R1:”; parts labelled (a), a) or a., or bulleted, "
            "become its parts."
        ),
        max_length=200_000,
    )


class BulkCommonForm(ReportBackFields):
    """What the officer sets once for all the recommendations pasted together."""

    class Meta:
        model = Recommendation
        fields = [
            "addressed_to",
            "other_body",
            "directorate",
            "lead_officer",
            "report_back_meeting",
            "report_back_month",
            "report_back_every_months",
        ]
        widgets = {"addressed_to": forms.RadioSelect}

    def __init__(self, *args, report: Report, **kwargs):
        super().__init__(*args, committee=report.committee, **kwargs)
        self.instance.report = report
        self.fields["directorate"].conditionally_required = True

    def clean(self):
        cleaned = super().clean()
        refuse_incomplete_addressee(self, "Choose the directorate they are addressed to.")
        return cleaned

    def _post_clean(self):
        # Only the shared fields: each recommendation is validated when it is saved.
        self.instance = construct_instance(self, self.instance, self._meta.fields)


class BulkItemForm(GovukErrorMessagesMixin, forms.Form):
    """One recommendation of the split, as the officer corrects it."""

    reference = forms.CharField(label="Reference", max_length=50)
    text = forms.CharField(label="Recommendation text", widget=forms.Textarea(attrs={"rows": 4}))
    parts_text = forms.CharField(
        label="Parts",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One part a line, labelled (a), (b)…; leave empty if it has no parts.",
    )
    remove = forms.BooleanField(label="Leave this one out", required=False)

    def clean_reference(self):
        return self.cleaned_data["reference"].strip()

    def clean_parts_text(self):
        text = self.cleaned_data.get("parts_text", "")
        self.split = parts_problem_checked(text) if text.strip() else None
        return text

    @property
    def parts(self) -> list[PartText]:
        if getattr(self, "split", None) is None:
            return []
        return [PartText(part.label, part.text) for part in self.split.parts]


class BaseBulkItemFormSet(forms.BaseFormSet):
    def __init__(self, *args, report: Report, **kwargs):
        self.report = report
        super().__init__(*args, **kwargs)

    def clean(self):
        if any(self.errors):
            return
        taken = set(self.report.recommendations.values_list("reference", flat=True))
        seen: set[str] = set()
        kept = 0
        for form in self.forms:
            if form.cleaned_data.get("remove"):
                continue
            kept += 1
            reference = form.cleaned_data["reference"]
            if reference in taken:
                form.add_error(
                    "reference", f"This report already has a recommendation {reference}."
                )
            elif reference in seen:
                form.add_error("reference", f"Two recommendations have the reference {reference}.")
            seen.add(reference)
        if not kept:
            raise ValidationError("There are no recommendations left to add.")


BulkItemFormSet = forms.formset_factory(
    BulkItemForm, formset=BaseBulkItemFormSet, extra=0, max_num=300, validate_max=True
)
