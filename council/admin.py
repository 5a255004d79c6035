from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from .models import CouncilSettings

LOGO_MAX_BYTES = 512 * 1024
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


class CouncilSettingsForm(forms.ModelForm):
    logo_upload = forms.ImageField(
        label="Logo",
        required=False,
        help_text="A PNG or JPEG of at most 512 KB, shown in the header and on board papers. "
        "Leave empty to keep the current logo.",
    )
    remove_logo = forms.BooleanField(label="Remove the current logo", required=False)

    class Meta:
        model = CouncilSettings
        fields = [
            "council_name",
            "bank_holiday_region",
            "response_deadline_months",
            "reminder_days_ahead",
            "statement_due_days_before_meeting",
            "report_back_lookahead_days",
            "access_contact",
            "require_two_factor",
        ]

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        if not upload:
            return upload
        if upload.size > LOGO_MAX_BYTES:
            raise forms.ValidationError("The logo must be 512 KB or smaller.")
        image_format = getattr(upload.image, "format", None)
        if image_format not in LOGO_TYPES:
            raise forms.ValidationError("The logo must be a PNG or a JPEG.")
        return upload

    def save(self, commit: bool = True) -> CouncilSettings:
        council = super().save(commit=False)
        upload = self.cleaned_data.get("logo_upload")
        if upload:
            upload.seek(0)
            council.logo = upload.read()
            council.logo_content_type = LOGO_TYPES[upload.image.format]
        elif self.cleaned_data.get("remove_logo"):
            council.logo = b""
            council.logo_content_type = ""
        if commit:
            council.save()
        return council


@admin.register(CouncilSettings)
class CouncilSettingsAdmin(SimpleHistoryAdmin):
    """One page of settings: the list goes straight to it."""

    form = CouncilSettingsForm
    fieldsets = [
        ("The council", {"fields": ["council_name", "logo_upload", "remove_logo"]}),
        (
            "Deadlines and reminders",
            {
                "fields": [
                    "bank_holiday_region",
                    "response_deadline_months",
                    "reminder_days_ahead",
                    "statement_due_days_before_meeting",
                    "report_back_lookahead_days",
                ]
            },
        ),
        ("Access", {"fields": ["access_contact", "require_two_factor"]}),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not CouncilSettings.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        if CouncilSettings.objects.exists():
            return HttpResponseRedirect(
                reverse("admin:council_councilsettings_change", args=[CouncilSettings.SINGLETON_PK])
            )
        return HttpResponseRedirect(reverse("admin:council_councilsettings_add"))
