from django import forms
from django.core.exceptions import ValidationError

from core.forms import DateInput, GovukErrorMessagesMixin
from recommendations.models import TrackingStatus
from responses.models import ResponseDecision

from .columns import COLUMNS
from .planning import Options, Plan
from .reading import MAX_FILE_BYTES


class UploadForm(GovukErrorMessagesMixin, forms.Form):
    file = forms.FileField(
        label="Tracker file",
        help_text="A CSV or Excel (.xlsx) file of up to 10 MB and 20,000 rows.",
    )
    sheet = forms.CharField(
        label="Sheet",
        required=False,
        max_length=100,
        help_text="The name of the sheet to import from a workbook. Leave empty for the first.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx", ".xlsm", ".txt")):
            raise ValidationError("The file must be a CSV or an Excel (.xlsx) file.")
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError("The file must be smaller than 10 MB.")
        return upload


class ImportOptionsForm(GovukErrorMessagesMixin, forms.Form):
    """How to read the file: a match for each column, a meaning for each status or
    decision value not recognised, and what the file lacks, given once."""

    committee = forms.CharField(
        label="Committee",
        required=False,
        max_length=200,
        help_text="For rows that do not name one. Matched by name, created if new.",
    )
    report = forms.CharField(
        label="Inquiry or report title",
        required=False,
        max_length=300,
        help_text="For rows that do not name one.",
    )
    report_date = forms.DateField(
        label="Report date",
        required=False,
        widget=DateInput(),
        help_text="For rows without one, for example 29/01/2010.",
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )

    def __init__(self, *args, plan: Plan, options: Options, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        column_choices = [("", "Not imported")] + [(c.key, c.header) for c in COLUMNS]
        self.column_fields = []
        for position, header in enumerate(plan.headers[:100]):
            name = f"column_{position}"
            self.fields[name] = forms.ChoiceField(
                label=f"Column {position + 1}: {header or '(no header)'}",
                choices=column_choices,
                required=False,
                initial=plan.columns.get(position, ""),
            )
            self.column_fields.append(name)
        statuses = [("", "Choose a status")] + [
            (str(s.position), str(s)) for s in TrackingStatus.objects.order_by("position")
        ]
        self.status_values = list(dict.fromkeys([*options.status_map, *plan.unknown_statuses]))[:50]
        for index, value in enumerate(self.status_values):
            self.fields[f"status_{index}"] = forms.ChoiceField(
                label=f"Status “{value}” means",
                choices=statuses,
                required=False,
                initial=options.status_map.get(value, ""),
            )
        decisions = [("", "Choose a decision")] + list(ResponseDecision.choices)
        self.decision_values = list(
            dict.fromkeys([*options.decision_map, *plan.unknown_decisions])
        )[:50]
        for index, value in enumerate(self.decision_values):
            self.fields[f"decision_{index}"] = forms.ChoiceField(
                label=f"Response “{value}” means",
                choices=decisions,
                required=False,
                initial=options.decision_map.get(value, ""),
            )
        self.initial.setdefault("committee", options.committee)
        self.initial.setdefault("report", options.report)
        self.initial.setdefault("report_date", options.report_date)

    def _column_choice(self, position: int) -> str:
        # A column left out of the form keeps the match it has.
        name = f"column_{position}"
        if name in self.data:
            return self.cleaned_data.get(name, "")
        return self.plan.columns.get(position, "")

    def clean(self):
        cleaned = super().clean()
        chosen = [
            key for key in (self._column_choice(p) for p in range(len(self.column_fields))) if key
        ]
        for key in {key for key in chosen if chosen.count(key) > 1}:
            header = next(c.header for c in COLUMNS if c.key == key)
            raise ValidationError(f"Only one column can be matched to {header}.")
        return cleaned

    def options(self) -> dict:
        """The choices as saved on the import job (JSON)."""
        data = self.cleaned_data
        return {
            "columns": {
                str(position): self._column_choice(position)
                for position in range(len(self.column_fields))
            },
            "status_map": {
                value: data[f"status_{index}"]
                for index, value in enumerate(self.status_values)
                if data.get(f"status_{index}")
            },
            "decision_map": {
                value: data[f"decision_{index}"]
                for index, value in enumerate(self.decision_values)
                if data.get(f"decision_{index}")
            },
            "committee": data.get("committee", "").strip(),
            "report": data.get("report", "").strip(),
            "report_date": data["report_date"].isoformat() if data.get("report_date") else "",
        }

    @property
    def value_fields(self):
        return [self[name] for name in self.fields if name.startswith(("status_", "decision_"))]

    @property
    def column_bound_fields(self):
        return [self[name] for name in self.column_fields]

    @property
    def given_fields(self):
        return [self["committee"], self["report"], self["report_date"]]
