"""Template context shared by every page."""

from django.conf import settings


def council(request):
    """The council's name (settings.COUNCIL_NAME) and the service name, for base.html."""
    return {
        "council_name": settings.COUNCIL_NAME,
        "service_name": "Scrutiny tracker",
    }
