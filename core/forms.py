"""Form behaviour every form in the service shares."""

import re
from datetime import date

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker, for a date field that is not typed in GOV.UK's boxes."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DatesInOrderMixin:
    """A form whose dates must come in order: `dates_in_order` lists each pair as
    (earlier, later, message). Where both dates are given and `later` comes before
    `earlier`, the message goes on `later` (the one to correct)."""

    dates_in_order: tuple[tuple[str, str, str], ...] = ()

    def clean(self):
        cleaned = super().clean()
        # Read before any error is added: an error takes its date out of cleaned_data,
        # and the next pair may still need it (both wrong, both said).
        given = dict(self.cleaned_data)
        for earlier, later, message in self.dates_in_order:
            first, then = given.get(earlier), given.get(later)
            if first and then and then < first:
                self.add_error(later, message)
        return cleaned


class GovukErrorMessagesMixin:
    """Say what to do, as GOV.UK asks ("Choose the directorate"), not "This field is required"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            label = str(field.label or "").rstrip("?").lower()
            verb = (
                "Choose"
                if isinstance(field, forms.ChoiceField | forms.ModelChoiceField)
                else "Enter"
            )
            if field.error_messages["required"] == forms.Field.default_error_messages["required"]:
                field.error_messages["required"] = f"{verb} {label}"
            if isinstance(field, forms.ModelChoiceField):
                field.clean = _refusing_overflow(field)
        # Every date is typed in GOV.UK's day, month and year boxes (one field, one place).
        for name, field in list(self.fields.items()):
            if type(field) is forms.DateField:
                self.fields[name] = GovukDateField.like(field)


class VersionedFormMixin:
    """Carries the version of the record the form was opened at (see core.history)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
        if getattr(self.instance, "pk", None):
            self.initial["version"] = self.instance.version


def _refusing_overflow(field):
    """An id too large for the database (SQLite raises OverflowError) is just a bad choice."""
    clean = field.clean

    def refusing_overflow(value):
        try:
            return clean(value)
        except OverflowError:
            raise forms.ValidationError(
                field.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": str(value)[:50]},
            ) from None

    return refusing_overflow


class GovukDateInput(forms.MultiWidget):
    """GOV.UK's date input: day, month and year boxes (`<name>_day`, `_month`, `_year`)."""

    template_name = "govuk/forms/date_input.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        numeric = {"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}
        super().__init__(
            {
                "day": forms.TextInput(attrs={**numeric, "maxlength": "2"}),
                "month": forms.TextInput(attrs={**numeric, "maxlength": "2"}),
                "year": forms.TextInput(attrs={**numeric, "maxlength": "4"}),
            },
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and (iso := _iso_date(value)):
            return [iso.day, iso.month, iso.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        parts = super().value_from_datadict(data, files, name)
        if not any(parts) and data.get(name):
            # A whole date posted by a program, not the boxes: only ISO 8601 (2012-02-28)
            # is read, so "28/02/2012" is never guessed at.
            return data.get(name)
        return parts

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


def _iso_date(value: str) -> date | None:
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


class GovukDateField(forms.Field):
    """A date typed in day, month and year boxes, with GOV.UK's error messages: a partly
    typed date is an error ("must include a month"), never silently dropped, and an
    impossible one is "must be a real date", never another date."""

    widget = GovukDateInput

    @classmethod
    def like(cls, field: forms.DateField) -> "GovukDateField":
        made = cls(
            required=field.required,
            label=field.label,
            initial=field.initial,
            help_text=field.help_text or "For example, 27 3 2012",
            validators=[v for v in field.validators],
        )
        made.error_messages["required"] = field.error_messages["required"]
        return made

    def _name(self) -> str:
        return str(self.label or "The date").rstrip("?")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            parsed = _iso_date(value)
            if parsed is None:
                raise forms.ValidationError(f"{self._name()} must be a real date", code="invalid")
            return parsed
        day, month, year = (str(part or "").strip() for part in value)
        if not (day or month or year):
            return None
        missing = [
            label for label, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise forms.ValidationError(
                f"{self._name()} must include a {' and '.join(missing)}", code="incomplete"
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise forms.ValidationError(f"{self._name()} must be a real date", code="invalid")
        if len(year) != 4:
            raise forms.ValidationError("Year must include 4 numbers", code="invalid_year")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(
                f"{self._name()} must be a real date", code="invalid"
            ) from None


class GovukQueryForm(GovukErrorMessagesMixin, forms.Form):
    """A form read from the page address (a list's filter, a page's "show from" date):
    bound only when the address names one of its own fields, so a page opened with other
    parameters (or none) shows it empty and unrefused. Its dates are GOV.UK's day, month
    and year boxes like every form's, so a partly typed date is an error shown in place,
    never dropped; `value(name)` is the field's value, or None while it is refused."""

    def __init__(self, query=None, **kwargs):
        if query is not None and not self._named_in(query):
            query = None
        super().__init__(query, **kwargs)

    @classmethod
    def _named_in(cls, query) -> bool:
        for name, field in cls.base_fields.items():
            names = [name]
            if isinstance(field, forms.DateField | GovukDateField):
                names += [f"{name}_{box}" for box in ("day", "month", "year")]
            if any(query.get(each, "") != "" for each in names):
                return True
        return False

    def value(self, name: str):
        if not self.is_bound or not self.is_valid():
            return None
        return self.cleaned_data.get(name)
