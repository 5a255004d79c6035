from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
    OIDCLogoutView,
)

from core.forms import GovukErrorMessagesMixin
from core.views import ObjectPermissionMixin, ServiceFormMixin
from council.selectors import council_settings

from . import two_factor
from .forms import InvitationCsvForm, InvitationForm
from .services import users_invite
from .sign_in import oidc_enabled, provider_label


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

    def form_valid(self, form):
        user = form.get_user()
        if two_factor.two_factor_needed(user):
            two_factor.start_pending(self.request, user, next_url=self.get_success_url())
            return redirect("accounts:two_factor")
        return super().form_valid(form)

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


class InvitationFormView(ObjectPermissionMixin, ServiceFormMixin, FormView):
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


class TwoFactorCodeForm(GovukErrorMessagesMixin, forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your "
        "recovery codes",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


class TwoFactorView(FormView):
    """The second step of a password sign-in: a code from the authenticator app (or a
    recovery code), or setting the app up where the council requires it."""

    template_name = "accounts/two_factor.html"
    form_class = TwoFactorCodeForm

    def dispatch(self, request, *args, **kwargs):
        self.user = two_factor.pending_user(request)
        if self.user is None:
            messages.info(request, "Sign in again: the time to give a code ran out.")
            return redirect("login")
        self.setting_up = not two_factor.has_authenticator(self.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["setting_up"] = self.setting_up
        if self.setting_up:
            device = two_factor.setup_device(self.user)
            context["qr_code"] = segno.make(device.config_url, error="m").svg_inline(
                scale=5,
                dark="#0b0c0c",
                light="#ffffff",
                omitsize=False,
                title="QR code for your authenticator app",
            )
            context["secret"] = " ".join(
                b32encode(device.bin_key).decode()[i : i + 4] for i in range(0, 32, 4)
            )
        return context

    def form_valid(self, form):
        user = authenticate(
            self.request,
            username=self.user.get_username(),
            two_factor_code=form.cleaned_data["code"],
        )
        if user is None:
            # Counted by django-axes as a failed sign-in (the middleware shows the lockout).
            form.add_error("code", "The code is wrong or has expired: enter the code shown now")
            return self.form_invalid(form)
        next_url = self.request.session.pop(two_factor.PENDING_KEY)["next"]
        codes = getattr(user, "two_factor_new_recovery_codes", None)
        login(self.request, user)  # django-otp keeps the device in the session
        if codes:
            self.request.session[two_factor.RECOVERY_CODES_KEY] = codes
            self.request.session["two_factor_next"] = next_url
            return redirect("accounts:recovery_codes")
        return HttpResponseRedirect(next_url)


class RecoveryCodesView(LoginRequiredMixin, TemplateView):
    """The new recovery codes, shown once, straight after setting up the app."""

    template_name = "accounts/recovery_codes.html"

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(two_factor.RECOVERY_CODES_KEY, None)
        if not codes:
            return redirect("home")
        next_url = request.session.pop("two_factor_next", reverse("home"))
        return self.render_to_response({"codes": codes, "next_url": next_url})
