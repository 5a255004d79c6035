"""What list pages read of each recommendation's response (responses.selectors)."""

import pytest

from recommendations.models import Recommendation
from responses.selectors import recommendations_with_response
from tests.factories import (
    MemberFactory,
    RecommendationFactory,
    agreed_response,
    submitted_response,
)

pytestmark = pytest.mark.django_db


def test_whether_a_response_is_in_and_agreed_is_true_or_false_never_unknown(published_report):
    none_yet, submitted, agreed = (
        RecommendationFactory(report=published_report, number=number) for number in (7, 8, 9)
    )
    submitted_response(submitted)
    agreed_response(agreed)
    rows = recommendations_with_response(
        Recommendation.objects.filter(pk__in=[none_yet.pk, submitted.pk, agreed.pk]),
        MemberFactory(),
    )

    standing = {row.pk: (row.has_submitted_response, row.has_agreed_response) for row in rows}

    assert standing == {
        none_yet.pk: (False, False),
        submitted.pk: (True, False),
        agreed.pk: (True, True),
    }
    assert set(rows.filter(has_agreed_response=False).values_list("pk", flat=True)) == {
        none_yet.pk,
        submitted.pk,
    }
