from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from .forms import UserAddForm, UserEditForm
from .models import GroupRoleMapping, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserAddForm
    form = UserEditForm
    # "Invite someone" and "Invite from a CSV file" beside "Add user".
    change_list_template = "admin/accounts/user/change_list.html"
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


@admin.register(GroupRoleMapping)
class GroupRoleMappingAdmin(admin.ModelAdmin):
    """Which council-account groups give which role here (accounts/oidc.py)."""

    list_display = ["group", "role", "directorate", "position"]
    list_editable = ["position"]
    list_filter = ["role", "directorate"]
    search_fields = ["group"]


def _sign_in_through_the_service(request, extra_context=None):
    """The admin has no sign-in page of its own: everyone signs in through the service's,
    with its throttling, two-factor step and council account."""
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))


admin.site.login = _sign_in_through_the_service
