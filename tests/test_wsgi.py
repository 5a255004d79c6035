"""The production server's application: loaded, and settled out of the garbage
collector's way (scrutiny/wsgi.py). Imported inside each test, and the freeze undone,
so that the rest of the suite runs with its collector as it was."""

import gc

import pytest


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
