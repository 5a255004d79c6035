"""The WSGI application the production server (gunicorn.conf.py) serves."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

from core.datastack import with_data_stack_room


class OnDataStackRoom:
    """A WSGI application whose requests each run on a data stack with room: templates
    and forms recurse, and a page whose depth swung across the end of a 16 KB chunk of
    Python's frame stack mapped and unmapped it hundreds of times (core/datastack.py)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        return with_data_stack_room(self.application, environ, start_response)


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
application = OnDataStackRoom(get_wsgi_application())


def settle_long_lived_objects() -> None:
    """Load every view now (the URL conf imports them) and then take what is loaded out
    of the garbage collector's way (`gc.freeze`). Otherwise each full collection, every
    few dozen requests, walks the 160,000 objects of Django and the project, which never
    become garbage: 90 ms each time at 100,000 recommendations, the slowest 5 % of
    requests (docs/performance.md)."""
    get_resolver().url_patterns  # noqa: B018 (imported for its side effect)
    gc.freeze()


settle_long_lived_objects()
