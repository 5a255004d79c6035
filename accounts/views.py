from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
    OIDCLogoutView,
)
from rules.contrib.views import PermissionRequiredMixin

from core.views import ServiceFormMixin
from council.selectors import council_settings

from .forms import InvitationCsvForm, InvitationForm
from .oidc import oidc_enabled, provider_label
from .services import users_invite


class CouncilAccountRequired:
    """The council-account pages exist only where a provider is configured."""

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        if not oidc_enabled():
            raise Http404("Signing in with a council account is not set up.")
        return super().dispatch(request, *args, **kwargs)


class CouncilSignInView(CouncilAccountRequired, OIDCAuthenticationRequestView):
    """Sends the browser to the council's identity provider."""


class CouncilCallbackView(CouncilAccountRequired, OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back with a code (or a refusal)."""


class CouncilSignInFailedView(CouncilAccountRequired, TemplateView):
    template_name = "accounts/council_sign_in_failed.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "oidc_provider_label": provider_label()}


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "council_account": oidc_enabled(),
            "oidc_provider_label": provider_label(),
        }


class SignOutView(OIDCLogoutView):
    """Signs out here and, after a council-account sign-in, at the provider too."""


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, with an email that names the council. Accounts that sign in with
    the council account have no password here and get no email (Django leaves out
    unusable passwords)."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"

    def form_valid(self, form):
        self.extra_email_context = {"council_name": council_settings().council_name}
        return super().form_valid(form)


class InvitationFormView(PermissionRequiredMixin, ServiceFormMixin, FormView):
    permission_required = "accounts.add_user"
    template_name = "accounts/invite.html"
    page_title = ""
    button = "Send the invitation"

    def get_success_url(self) -> str:
        return self.request.path

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "page_title": self.page_title,
            "button": self.button,
            "back_url": reverse("admin:accounts_user_changelist"),
            "council_account": oidc_enabled(),
            "oidc_provider_label": provider_label(),
        }


class InviteView(InvitationFormView):
    """One person: name, email, role and directorate on one page."""

    form_class = InvitationForm
    page_title = "Invite someone"

    def perform(self, form):
        (user,) = users_invite(invitations=[form.invitation()], invited_by=self.request.user)
        messages.success(self.request, f"Invitation sent to {user.email}.")
        return user


class InviteFromCsvView(InvitationFormView):
    """Many people from a CSV; one bad row invites nobody and says which row and column."""

    form_class = InvitationCsvForm
    page_title = "Invite people from a CSV file"
    button = "Send the invitations"

    def perform(self, form):
        users = users_invite(invitations=form.cleaned_data["file"], invited_by=self.request.user)
        messages.success(self.request, f"{len(users)} invitations sent.")
        return users
