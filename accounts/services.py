"""Writes for people: inviting them (one at a time or from a CSV)."""

import logging
from dataclasses import dataclass
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from council.selectors import council_settings

from .models import User
from .sign_in import oidc_enabled, provider_label

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Invitation:
    first_name: str
    last_name: str
    email: str
    role: str
    directorate: object  # recommendations.Directorate or None


def username_for_email(email: str) -> str:
    """The email address is the username; a clash (an old account with that username but
    another email) gets a suffix rather than taking the account over."""
    base = email.strip().lower()[:140]
    username = base
    while User.objects.filter(username__iexact=username).exists():
        username = f"{base}-{get_random_string(6).lower()}"
    return username


def _site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def invitation_email(user: User, *, invited_by: User) -> tuple[str, str]:
    """The subject and body: a link to choose a password, and (where the council's
    sign-in is set up) the way to sign in with the council account instead."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    council_name = council_settings().council_name
    context = {
        "user": user,
        "invited_by": invited_by,
        "council_name": council_name,
        "site_url": _site_url(),
        "set_password_url": _site_url()
        + reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token}),
        "council_sign_in_url": _site_url() + reverse("accounts:council_sign_in")
        if oidc_enabled()
        else "",
        "provider_label": provider_label(),
    }
    subject = f"You have been invited to {council_name}'s scrutiny tracker"
    return subject, render_to_string("accounts/email/invitation.txt", context)


def users_invite(*, invitations: list[Invitation], invited_by: User) -> list[User]:
    """Create the accounts (all or none), then email each person. An email that cannot
    be sent is logged and does not stop the others: the account is there, and the
    person can use "I have forgotten my password" to get a link."""
    users = []
    with transaction.atomic():
        for invitation in invitations:
            user = User(
                username=username_for_email(invitation.email),
                email=invitation.email.strip(),
                first_name=invitation.first_name,
                last_name=invitation.last_name,
                role=invitation.role,
                directorate=invitation.directorate,
            )
            user.set_unusable_password()
            user.full_clean(exclude=["password"])
            user._change_reason = f"Invited by {invited_by}"
            user.save()
            users.append(user)
    for user in users:
        subject, body = invitation_email(user, invited_by=invited_by)
        try:
            send_mail(subject, body, None, [user.email])
        except (OSError, SMTPException):
            logger.exception("The invitation to %s could not be sent", user.email)
    return users
