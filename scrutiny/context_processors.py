"""Template context shared by every page."""

from django.conf import settings


def council(request):
    """The council's name (settings.COUNCIL_NAME) and the service name, for base.html."""
    return {
        "council_name": getattr(settings, "COUNCIL_NAME", "Leeds City Council"),
        "service_name": "Scrutiny tracker",
    }
