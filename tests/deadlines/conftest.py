"""Fixtures for the deadline and email tests."""

import pytest

from accounts.models import User
from tests.factories import OfficerFactory


@pytest.fixture
def adviser(committee) -> User:
    """The committee's scrutiny officer, to whom its emails go."""
    officer = OfficerFactory(username="adviser", email="adviser@example.gov.uk")
    committee.scrutiny_officer = officer
    committee.save()
    return officer
