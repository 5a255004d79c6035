"""Forgotten passwords (local accounts): Django's reset views with GOV.UK pages. The
link in the email works once and for PASSWORD_RESET_TIMEOUT (three days)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .views import PasswordResetView

urlpatterns = [
    path(
        "sign-in/forgotten-password/",
        PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "sign-in/forgotten-password/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "sign-in/new-password/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "sign-in/new-password/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
