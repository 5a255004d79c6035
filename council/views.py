import hashlib

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import condition

from .selectors import council_settings


def _logo_etag(request: HttpRequest) -> str | None:
    council = council_settings()
    if not council.has_logo:
        return None
    return hashlib.sha256(bytes(council.logo)).hexdigest()[:32]


@condition(etag_func=_logo_etag)
def logo(request: HttpRequest) -> HttpResponse:
    """The council's logo, for the page header (public: it is on every page)."""
    council = council_settings()
    if not council.has_logo:
        raise Http404("The council has no logo.")
    response = HttpResponse(bytes(council.logo), content_type=council.logo_content_type)
    response["Cache-Control"] = "public, max-age=300"
    return response
