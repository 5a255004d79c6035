"""Template context every page shares."""

from django.conf import settings


def session(request):
    """How long a signed-in session lasts without a request, for the expiry warning."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"session_expires_in": settings.SESSION_COOKIE_AGE}
