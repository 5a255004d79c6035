from django.contrib import admin

from .models import ReportBackMove, SentNotification


@admin.register(SentNotification)
class SentNotificationAdmin(admin.ModelAdmin):
    """What was sent to whom: read-only, for answering "did the director get it?"."""

    list_display = ["created_at", "email", "stage", "item", "recommendation", "status", "attempts"]
    list_filter = ["status", "stage"]
    search_fields = ["email", "item", "error"]
    date_hierarchy = "created_at"
    list_select_related = ["recommendation__report"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReportBackMove)
class ReportBackMoveAdmin(admin.ModelAdmin):
    list_display = ["moved_at", "recommendation", "from_label", "to_meeting", "moved_by"]
    search_fields = ["reason"]
    list_select_related = ["recommendation__report", "to_meeting__committee", "moved_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
