"""Fixtures the responses tests share."""

from datetime import date

import pytest

from tests.factories import RecommendationPartFactory, agreed_response


@pytest.fixture
def scheduled(recommendation):
    """Recommendation 1 accepted, reporting back in July 2012."""
    recommendation.report_back_month = date(2012, 7, 1)
    recommendation.save()
    agreed_response(recommendation)
    return recommendation


@pytest.fixture
def two_parts(recommendation):
    """Recommendation 1 in two parts, as in seed 000."""
    return (
        RecommendationPartFactory(recommendation=recommendation, label="a"),
        RecommendationPartFactory(recommendation=recommendation, label="b"),
    )
