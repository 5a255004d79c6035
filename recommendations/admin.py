"""The admin is for reference data: directorates, committees and their members,
the tracking scale. The record itself is kept through the service's own pages."""

from django import forms
from django.contrib import admin

from .models import Committee, CommitteeMembership, Directorate, TrackingStatus


@admin.register(Directorate)
class DirectorateAdmin(admin.ModelAdmin):
    list_display = ["name", "director_title", "director"]
    search_fields = ["name"]


class MembershipForm(forms.ModelForm):
    """Members are chosen from the users; the printed name defaults from the user."""

    class Meta:
        model = CommitteeMembership
        fields = ["user", "name", "kind", "is_chair"]
        help_texts = {
            "name": "As printed, e.g. Cllr Hyde or Mr Britten. Leave empty to print a "
            "councillor as 'Cllr' and their last name, anyone else by their full name."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False

    def clean(self):
        cleaned = super().clean()
        user, name = cleaned.get("user"), (cleaned.get("name") or "").strip()
        if not name and user is not None:
            name = CommitteeMembership.printed_name_for(user, cleaned.get("kind"))
        if not name:
            self.add_error("name", "Choose the member from the users, or enter their name")
        cleaned["name"] = name
        self.instance.name = name
        return cleaned


class MembershipInline(admin.TabularInline):
    model = CommitteeMembership
    form = MembershipForm
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "scrutiny_officer"]
    list_filter = ["kind"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(TrackingStatus)
class TrackingStatusAdmin(admin.ModelAdmin):
    list_display = ["position", "name", "short_name", "colour", "ends_monitoring", "is_active"]
    list_editable = ["short_name", "colour", "ends_monitoring", "is_active"]
    ordering = ["position"]
