from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "get_full_name", "email", "role", "directorate", "is_active"]
    list_filter = ["role", "directorate", "is_active", "is_staff"]
    search_fields = ["username", "first_name", "last_name", "email"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (
            "Role in the scrutiny process",
            {"fields": ["role", "directorate", "job_title", "telephone"]},
        ),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        ("Role in the scrutiny process", {"fields": ["role", "directorate", "email"]}),
    ]
