from django.http import HttpRequest

from .selectors import council_settings


def council(request: HttpRequest) -> dict:
    """The council's name and logo and the service name, for base.html."""
    settings = council_settings()
    return {
        "council": settings,
        "council_name": settings.council_name,
        "service_name": "Scrutiny tracker",
    }
