"""No typed work is lost when a session ends.

A signed-in user's browser carries a signed cookie naming them (not a session: it says
only who last signed in here). A form they post after their session has ended is kept
(KeptInput) under that name and the view asks them to sign in as usual; when that same
user signs in and the form opens again, it opens with what they typed (ServiceFormMixin
reads `request.kept_input`), and the copy is deleted. Anyone else who signs in on the
browser gets nothing, and signing out deletes the cookie. Pages also warn before the
session ends and offer to stay signed in (static/app/session.js, `session_keep_alive`).

A second signed cookie lists the paths whose input was kept, so only a GET of one of
them looks for kept input: an ordinary signed-in page makes no query for it. Restoring
takes the path off the list; the cookie goes when the list is empty.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_out
from django.core import signing
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone

from .models import KeptInput

LAST_USER_COOKIE = "scrutiny_last_user"
LAST_USER_SALT = "core.continuity.last-user"
KEPT_PATHS_COOKIE = "scrutiny_kept_input"
KEPT_PATHS_SALT = "core.continuity.kept-paths"
# Kept input older than this is not put back (and is deleted).
KEEP_FOR = timedelta(days=1)
# Never kept: the sign-in form itself and the fields Django manages.
NOT_KEPT_FIELDS = {"csrfmiddlewaretoken", "password"}


def _last_user_id(request: HttpRequest) -> int | None:
    try:
        return int(
            request.get_signed_cookie(
                LAST_USER_COOKIE, salt=LAST_USER_SALT, max_age=KEEP_FOR.total_seconds()
            )
        )
    except (KeyError, signing.BadSignature, ValueError):
        return None


def _kept_paths(request: HttpRequest) -> list[str]:
    try:
        paths = signing.loads(
            request.COOKIES[KEPT_PATHS_COOKIE],
            salt=KEPT_PATHS_SALT,
            max_age=KEEP_FOR.total_seconds(),
        )
    except (KeyError, signing.BadSignature):
        return []
    return [path for path in paths if isinstance(path, str)] if isinstance(paths, list) else []


def _set_kept_paths(response, paths: list[str]) -> None:
    if not paths:
        response.delete_cookie(KEPT_PATHS_COOKIE, samesite="Lax")
        return
    response.set_cookie(
        KEPT_PATHS_COOKIE,
        signing.dumps(paths, salt=KEPT_PATHS_SALT),
        max_age=int(KEEP_FOR.total_seconds()),
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _keep(request: HttpRequest, user_id: int) -> bool:
    data = {name: values for name, values in request.POST.lists() if name not in NOT_KEPT_FIELDS}
    if not data:
        return False
    KeptInput.objects.update_or_create(user_id=user_id, path=request.path, defaults={"data": data})
    messages.info(
        request,
        "Your session ended before you saved. What you typed has been kept: sign in again "
        "and it will be back in the form for you to check and save.",
    )
    return True


def _restore(request: HttpRequest) -> QueryDict | None:
    kept = KeptInput.objects.filter(user=request.user, path=request.path).first()
    if kept is None:
        return None
    kept.delete()
    if kept.kept_at < timezone.now() - KEEP_FOR:
        return None
    data = QueryDict(mutable=True)
    for name, values in kept.data.items():
        data.setlist(name, values)
    messages.warning(
        request,
        "This is what you typed before your session ended. Nothing has been saved yet: "
        "check it and save.",
    )
    return data


def _signed_out(sender, request, **kwargs) -> None:
    if request is not None:
        request.signed_out = True


user_logged_out.connect(_signed_out)


class KeepTypedInputMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware (see settings.MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.kept_input = None
        kept_paths = _kept_paths(request)
        paths_changed = False
        if request.user.is_authenticated:
            if request.method == "GET" and request.path in kept_paths:
                request.kept_input = _restore(request)
                # Someone else signed in on this browser keeps the author's on the list.
                if request.kept_input is not None:
                    kept_paths.remove(request.path)
                    paths_changed = True
        elif request.method == "POST" and request.path != reverse("login"):
            user_id = _last_user_id(request)
            if user_id is not None and _keep(request, user_id):
                kept_paths = [path for path in kept_paths if path != request.path]
                kept_paths.append(request.path)
                paths_changed = True
        response = self.get_response(request)
        if getattr(request, "signed_out", False):
            response.delete_cookie(LAST_USER_COOKIE, samesite="Lax")
            response.delete_cookie(KEPT_PATHS_COOKIE, samesite="Lax")
            return response
        if paths_changed:
            _set_kept_paths(response, kept_paths)
        if request.user.is_authenticated:
            response.set_signed_cookie(
                LAST_USER_COOKIE,
                str(request.user.pk),
                salt=LAST_USER_SALT,
                max_age=int(KEEP_FOR.total_seconds()),
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
