"""Export everything the service keeps, and restore it into an empty database."""

from django.apps import apps
from django.conf import settings

from recommendations.models import TrackingStatus

# Rebuilt by migrations, or transient: not part of the council's record.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
]


def record_models() -> list:
    """The models of the project's own apps: every app that is not Django's or a vendor's."""
    return [
        model
        for config in apps.get_app_configs()
        if config.path.startswith(str(settings.BASE_DIR))
        and not config.path.startswith(str(settings.BASE_DIR / ".venv"))
        for model in config.get_models()
    ]


def database_is_empty() -> bool:
    """True when no row of the record exists (the data migration's default tracking
    scale does not count: a restore replaces it)."""
    return all(
        not model.objects.exists()
        for model in record_models()
        if model is not TrackingStatus and not model._meta.proxy
    )
