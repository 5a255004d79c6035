"""Two guards every request passes: a cap on the size of what is sent, file parts
included, and "private, no-store" on everything a signed-in user is shown."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control


def allow_upload(max_bytes: int) -> Callable:
    """Let a view that takes a file (an import, say) receive bodies up to `max_bytes`:
    `path("import/", allow_upload(20 * 1024 * 1024)(ImportView.as_view()), ...)`, or
    `upload_limit = ...` on a class-based view. Every other view keeps REQUEST_MAX_BYTES."""

    def decorate(view):
        view.upload_limit = max_bytes
        return view

    return decorate


def upload_limit_for(request: HttpRequest) -> int:
    """The most this request's view accepts: the URL name's entry in
    UPLOAD_LIMITS_BY_URL_NAME, the view's own `upload_limit`, or REQUEST_MAX_BYTES."""
    default = settings.REQUEST_MAX_BYTES
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return default
    by_name = getattr(settings, "UPLOAD_LIMITS_BY_URL_NAME", {})
    if match.view_name in by_name:
        return by_name[match.view_name]
    view_class = getattr(match.func, "view_class", None)
    limit = getattr(match.func, "upload_limit", None) or getattr(view_class, "upload_limit", None)
    return limit or default


class _CappedStream:
    """The request body, refusing to be read past `limit` bytes (a belt to the
    Content-Length braces: nothing is read, parsed or written to disk beyond the cap)."""

    def __init__(self, stream, limit: int):
        self._stream, self._limit, self._read = stream, limit, 0

    def _count(self, data: bytes) -> bytes:
        self._read += len(data)
        if self._read > self._limit:
            raise RequestDataTooBig("The request body is larger than this page accepts.")
        return data

    def read(self, *args, **kwargs) -> bytes:
        return self._count(self._stream.read(*args, **kwargs))

    def readline(self, *args, **kwargs) -> bytes:
        return self._count(self._stream.readline(*args, **kwargs))

    def __iter__(self):
        return iter(self.readline, b"")

    def seekable(self) -> bool:
        return False  # counted bytes cannot be un-read

    def __getattr__(self, name):
        return getattr(self._stream, name)


class RequestSizeLimitMiddleware:
    """Refuse a body over the view's limit before anything reads it (413, with a page
    that says so), whatever it holds: form fields or files."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = upload_limit_for(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return render(
                request,
                "413.html",
                {"limit_mb": max(1, round(limit / (1024 * 1024)))},
                status=413,
            )
        stream = getattr(request, "_stream", None)
        if stream is not None:
            request._stream = _CappedStream(stream, limit)
        return self.get_response(request)


class PrivateResponsesMiddleware:
    """Nothing shown to a signed-in user is kept by a browser's or a proxy's cache: drafts,
    exempt papers, history exports and every other page for the council. One rule, in one
    place, rather than a header on each private view (which a new view could forget)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
