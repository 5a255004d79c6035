"""Form behaviour every form in the service shares."""

from django import forms


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
