"""Two-factor authentication for local (password) accounts: a TOTP authenticator app,
with ten single-use recovery codes (django-otp's TOTP and static devices).

Why django-otp rather than allauth.mfa: the service keeps Django's own sign-in views and
django-axes, and adds OpenID Connect through mozilla-django-oidc; django-otp adds the
two device models and nothing else, where allauth would replace the whole account flow.

After a right password, someone with an authenticator (or whom the council settings
require to have one) is not signed in yet: the session remembers who they are for
PENDING_SECONDS while they give a code. The code is checked by `TwoFactorBackend`
through Django's `authenticate`, so django-axes counts wrong codes exactly as it counts
wrong passwords. Council-account sign-ins are left to the council's own rules.
"""

import time

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from council.selectors import council_settings

from .models import User

PENDING_KEY = "two_factor_pending"
PENDING_SECONDS = 300
RECOVERY_CODES_KEY = "two_factor_recovery_codes"
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_needed(user: User) -> bool:
    """Asked after the password: people with an authenticator, and every local account
    once the council requires it."""
    return has_authenticator(user) or council_settings().require_two_factor


def start_pending(request: HttpRequest, user: User, *, next_url: str) -> None:
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "at": time.time(),
    }


def pending(request: HttpRequest) -> dict | None:
    data = request.session.get(PENDING_KEY)
    if not data or time.time() - data["at"] > PENDING_SECONDS:
        return None
    return data


def pending_user(request: HttpRequest) -> User | None:
    data = pending(request)
    if data is None:
        return None
    return User.objects.filter(pk=data["user"], is_active=True).first()


def setup_device(user: User) -> TOTPDevice:
    """The authenticator being set up (unconfirmed until a code from it is given)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def recovery_codes_create(user: User) -> list[str]:
    """Ten new recovery codes (replacing any earlier ones); each works once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _normalised(code: str) -> str:
    return "".join(code.split()).lower()


class TwoFactorBackend(ModelBackend):
    """Signs in the person whose password was right (the pending sign-in) once their
    code is: from the authenticator, a recovery code, or the authenticator being set up."""

    def authenticate(self, request, username=None, two_factor_code=None, **kwargs):
        if request is None or two_factor_code is None:
            return None
        user = pending_user(request)
        if user is None or user.get_username() != username:
            return None
        code = _normalised(two_factor_code)
        if not code:
            return None
        devices = [
            *TOTPDevice.objects.filter(user=user, confirmed=True),
            *StaticDevice.objects.filter(user=user, confirmed=True),
        ]
        for device in devices:
            if device.verify_is_allowed()[0] and device.verify_token(code):
                user.otp_device = device
                return user
        if not devices:
            device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
            if device is not None and device.verify_token(code):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                user.otp_device = device
                user.two_factor_new_recovery_codes = recovery_codes_create(user)
                return user
        return None
