"""The production server's application: loaded, and settled out of the garbage
collector's way (scrutiny/wsgi.py). Imported inside each test, and the freeze undone,
so that the rest of the suite runs with its collector as it was."""

import gc
from wsgiref.util import setup_testing_defaults

import pytest

from tests.core.test_datastack import new_pages_touched, swing_deep_and_back


@pytest.fixture
def wsgi():
    try:
        import scrutiny.wsgi

        yield scrutiny.wsgi
    finally:
        gc.unfreeze()


def test_the_application_freezes_what_it_has_loaded_so_full_collections_skip_it(wsgi):
    gc.unfreeze()
    wsgi.settle_long_lived_objects()
    # Django, the project and every view: what a full collection no longer walks.
    assert gc.get_freeze_count() > 50_000


def _deep_page(environ, start_response):
    # Templates and forms recurse: a page whose depth swings deep and back, many times.
    swing_deep_and_back()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"deep"]


def test_a_deep_page_is_served_without_mapping_memory_on_every_swing(wsgi):
    application = wsgi.OnDataStackRoom(_deep_page)
    statuses = []
    body = []
    touched = new_pages_touched(
        lambda: body.extend(application({}, lambda status, headers: statuses.append(status)))
    )
    assert (statuses, body) == (["200 OK"], [b"deep"])
    assert touched < 1_000  # 10,000 and more without the room (tests/core/test_datastack.py)


# A real request cycle, as the server runs it: the connection is closed at the start and
# end of the request, which a test transaction would not survive.
@pytest.mark.django_db(transaction=True)
def test_the_application_serves_requests(wsgi, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    environ = {"PATH_INFO": "/healthz", "REQUEST_METHOD": "GET"}
    setup_testing_defaults(environ)
    statuses = []
    body = b"".join(wsgi.application(environ, lambda status, headers: statuses.append(status)))
    assert statuses == ["200 OK"]
    assert body
