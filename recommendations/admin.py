"""The admin is for reference data: directorates, committees and their members,
the tracking scale. The record itself is kept through the service's own pages."""

from django.contrib import admin

from .models import Committee, CommitteeMembership, Directorate, TrackingStatus


@admin.register(Directorate)
class DirectorateAdmin(admin.ModelAdmin):
    list_display = ["name", "director_title", "director"]
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = CommitteeMembership
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
    list_display = ["position", "name", "colour", "ends_monitoring", "is_active"]
    list_editable = ["colour", "ends_monitoring", "is_active"]
    ordering = ["position"]
