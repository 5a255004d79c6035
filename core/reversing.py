"""Links to a record's page, made once per route rather than once per row."""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

# An id no table reaches, stood in for the real one when a route's link is first made.
_STAND_IN = 9_876_543_210_123


@lru_cache(maxsize=128)
def _around_the_id(name: str, script_prefix: str, urlconf: str | None) -> tuple[str, str]:
    link = reverse(name, args=[_STAND_IN], urlconf=urlconf)
    before, stand_in, after = link.partition(str(_STAND_IN))
    if not stand_in or str(_STAND_IN) in after:
        raise ValueError(f"The route {name!r} does not take one id.")
    return before, after


def url_for_id(name: str, pk: int) -> str:
    """`reverse(name, args=[pk])` for a route whose one argument is a record's integer id.
    A page of a calendar feed or a list makes hundreds of links, and Django's reverse()
    works each one out from the URL patterns (17 µs each here); this does it once per
    route (and script prefix and URL conf, which a deployment or a request may change)."""
    before, after = _around_the_id(name, get_script_prefix(), get_urlconf())
    return f"{before}{int(pk)}{after}"
