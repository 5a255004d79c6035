"""An optional read replica (settings: DATABASE_REPLICA_URL), for when one database
server is outgrown by reads.

The public pages (a GET by someone not signed in) and the API's reads run their queries
on the replica; everything else, every write, and every read of a signed-in page (which
must see what its user has just saved) runs on the primary ("default"). A replica lags
its primary by a moment, which is why only these reads move.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest

REPLICA = "replica"
API_PREFIX = "/api/"
READ_METHODS = {"GET", "HEAD"}

_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads inside this block go to the replica (when there is one)."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def reads_from_replica(request: HttpRequest) -> bool:
    """A public page or an API read."""
    if request.method not in READ_METHODS:
        return False
    return request.path.startswith(API_PREFIX) or not request.user.is_authenticated


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        if _reading_from_replica.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None  # the primary

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # one database, two servers

    def allow_migrate(self, db, app_label, **hints) -> bool:
        return db == "default"  # the replica copies the primary's schema


class ReplicaReadsMiddleware:
    """Last in settings.MIDDLEWARE (only when a replica is set): the session and user are
    read from the primary before it decides."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if not reads_from_replica(request):
            return self.get_response(request)
        with replica_reads():
            return self.get_response(request)
