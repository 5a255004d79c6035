"""Sign-in with the council account over OpenID Connect (mozilla-django-oidc).

The council's identity provider (Microsoft Entra ID, Google, Okta, Keycloak…) is set
by environment variables (see README); without OIDC_RP_CLIENT_ID the service offers
local passwords only. The first sign-in of a staff member creates their account, or
links the account an administrator made, by email address; the provider's group claims
give the role and directorate (accounts.GroupRoleMapping, kept in the admin).
"""

import logging
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import cached_property
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.middleware import SessionRefresh

from .models import GroupRoleMapping, User
from .services import username_for_email
from .sign_in import oidc_enabled, signed_in_with_council_account

logger = logging.getLogger(__name__)


def mapping_for_groups(groups: list[str]) -> GroupRoleMapping | None:
    """The mapping that gives a role to someone in these provider groups, if any."""
    if not groups:
        return None
    return (
        GroupRoleMapping.objects.filter(group__in=groups)
        .select_related("directorate")
        .order_by("position", "group")
        .first()
    )


class CouncilAccountBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        if request is None or not oidc_enabled():
            return None
        try:
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, ValueError) as error:
            # The provider refused the code, or could not be reached: a failed sign-in
            # (counted by django-axes), never an error page.
            logger.warning("Council account sign-in failed: %s", error)
            return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if kwargs.get("nonce") is None:
            return payload  # the userinfo response, not an ID token
        # mozilla-django-oidc checks the signature, expiry and nonce; an ID token must also
        # be for this service from this issuer (OpenID Connect Core 3.1.3.7).
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is for another client.")
        issuer = settings.OIDC_OP_ISSUER
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("The ID token is from another issuer.")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        # Some providers (Entra ID) put the groups in the ID token only: use both.
        return {**payload, **super().get_userinfo(access_token, id_token, payload)}

    def verify_claims(self, claims) -> bool:
        return bool(claims.get("email")) and claims.get("email_verified") is not False

    def filter_users_by_claims(self, claims):
        return User.objects.filter(email__iexact=claims["email"].strip())

    def create_user(self, claims) -> User:
        user = User(username=username_for_email(claims["email"]), email=claims["email"].strip())
        user.set_unusable_password()
        return self.update_user(user, claims)

    def update_user(self, user: User, claims) -> User:
        user.first_name = (claims.get("given_name") or user.first_name)[:150]
        user.last_name = (claims.get("family_name") or user.last_name)[:150]
        groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
        mapping = mapping_for_groups([str(group) for group in groups])
        if mapping is not None:
            user.role = mapping.role
            user.directorate = mapping.directorate
        user._change_reason = "Signed in with the council account"
        user.save()
        return user

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        # An administrator who switched the account off here has the last word.
        if user is not None and not self.user_can_authenticate(user):
            return None
        return user


class CouncilAccountSessionRefresh(SessionRefresh):
    """Asks the provider again, silently, every OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS: a
    person switched off at the provider is signed out here within that time."""

    @cached_property
    def exempt_urls(self) -> set[str]:
        names = ["accounts:council_sign_in", "accounts:council_callback", "logout"]
        return {reverse(name) for name in names}

    def process_request(self, request):
        if not oidc_enabled() or not signed_in_with_council_account(request):
            return None
        return super().process_request(request)


def provider_logout_url(request: HttpRequest) -> str:
    """Signing out of the tracker also ends the session at the provider, where it says how
    (RP-initiated logout); otherwise back to the home page."""
    home = request.build_absolute_uri(reverse(settings.LOGOUT_REDIRECT_URL))
    end_session = settings.OIDC_OP_LOGOUT_ENDPOINT
    id_token = request.session.get("oidc_id_token")
    if not (end_session and id_token and signed_in_with_council_account(request)):
        return reverse(settings.LOGOUT_REDIRECT_URL)
    query = urlencode({"id_token_hint": id_token, "post_logout_redirect_uri": home})
    return f"{end_session}?{query}"
