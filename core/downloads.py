"""Downloads of list pages in other formats, registered by the apps that make them, so
that a list page offers them without depending on those apps (see DownloadMixin)."""

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseBase

Download = Callable[[HttpRequest, QuerySet, str], HttpResponseBase]
_registry: dict[tuple[str, str], Download] = {}


def register(kind: str, format: str, make: Download) -> None:
    """`make(request, queryset, name)` answers `?format=<format>` on lists of `kind`."""
    _registry[(kind, format)] = make


def find(kind: str, format: str) -> Download | None:
    return _registry.get((kind, format))


def formats(kind: str) -> list[str]:
    return [format for registered, format in _registry if registered == kind]
