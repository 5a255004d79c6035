from django import forms

from core.forms import GovukDateField, GovukQueryForm, VersionedFormMixin
from recommendations.models import Meeting, Recommendation


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        return f"{meeting.date.day} {meeting.date:%B %Y} ({meeting.date:%A})"


class ReportBackMoveForm(VersionedFormMixin, forms.Form):
    """Opened at the recommendation's version: a move saved over someone else's change to
    its report-back (or without saying which version it answers) is refused."""

    to_meeting = MeetingChoiceField(
        label="Move the report-back to",
        queryset=Meeting.objects.none(),
        empty_label="Choose a meeting",
        error_messages={"required": "Choose the meeting to move the report-back to."},
    )
    reason = forms.CharField(
        label="Reason for the move",
        help_text="This is kept with the recommendation's record, for example "
        "“Director asked for more time: the placements review reports in October”.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter the reason for moving the report-back."},
    )

    def __init__(self, *args, recommendation: Recommendation, today, **kwargs):
        self.instance = recommendation  # whose version VersionedFormMixin carries
        super().__init__(*args, **kwargs)
        meetings = Meeting.objects.filter(
            committee=recommendation.report.committee_id, date__gte=today
        ).exclude(status=Meeting.Status.CANCELLED)
        if recommendation.last_assessed_on:
            meetings = meetings.filter(date__gt=recommendation.last_assessed_on)
        self.fields["to_meeting"].queryset = meetings.order_by("date")


class WorkProgrammeStartForm(GovukQueryForm):
    start = GovukDateField(
        label="Show meetings from",
        required=False,
        help_text="For example, 27 3 2012. Leave it empty to start from today.",
    )
