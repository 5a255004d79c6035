"""Fixtures for the sign-in tests."""

import pytest

from accounts.models import User
from tests.factories import PASSWORD, OfficerFactory


@pytest.fixture
def sam(db) -> User:
    """An officer who signs in as "sam" with PASSWORD."""
    user = OfficerFactory(username="sam")
    user.set_password(PASSWORD)
    user.save()
    return user
