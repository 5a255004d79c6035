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
