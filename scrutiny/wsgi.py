"""The WSGI application the production server (gunicorn.conf.py) serves."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
application = get_wsgi_application()


def settle_long_lived_objects() -> None:
    """Load every view now (the URL conf imports them) and then take what is loaded out
    of the garbage collector's way (`gc.freeze`). Otherwise each full collection, every
    few dozen requests, walks the 160,000 objects of Django and the project, which never
    become garbage: 90 ms each time at 100,000 recommendations, the slowest 5 % of
    requests (docs/performance.md)."""
    get_resolver().url_patterns  # noqa: B018 (imported for its side effect)
    gc.freeze()


settle_long_lived_objects()
