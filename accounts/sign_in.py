"""Which ways of signing in this installation offers (read by the pages, the emails and
the OpenID Connect backend alike)."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.http import HttpRequest

COUNCIL_ACCOUNT_BACKEND = "accounts.oidc.CouncilAccountBackend"


def oidc_enabled() -> bool:
    """Signing in with the council account is offered once a provider is configured."""
    return bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_AUTHORIZATION_ENDPOINT)


def provider_label() -> str:
    """How the sign-in button names the council account, e.g. "your council account"."""
    return settings.OIDC_PROVIDER_LABEL


def signed_in_with_council_account(request: HttpRequest) -> bool:
    return request.session.get(BACKEND_SESSION_KEY) == COUNCIL_ACCOUNT_BACKEND
