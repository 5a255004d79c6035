"""Fixtures the responses tests share."""

from datetime import date

import pytest

from tests.factories import agreed_response


@pytest.fixture
def scheduled(recommendation):
    """Recommendation 1 accepted, reporting back in July 2012."""
    recommendation.report_back_month = date(2012, 7, 1)
    recommendation.save()
    agreed_response(recommendation)
    return recommendation
