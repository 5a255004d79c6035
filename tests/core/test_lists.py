"""Bounded lists: the first few rows of a list and how many there are in all."""

import pytest
from django.db.models import Q

from core.lists import count_capped, first_rows_counted, shortlist_of
from recommendations.models import Recommendation
from tests.factories import RecommendationFactory, ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven():
    report = ReportFactory()
    return [RecommendationFactory(report=report, number=number) for number in range(1, 8)]


def test_first_rows_counted_gives_the_first_rows_in_order_and_counts_them_all(
    seven, django_assert_num_queries
):
    with django_assert_num_queries(1):
        rows, counts = first_rows_counted(
            Recommendation.objects.order_by("-number"), 3, odd=Q(number__in=[1, 3, 5, 7])
        )

    assert [row.number for row in rows] == [7, 6, 5]
    assert counts == {"total": 7, "odd": 4}


def test_first_rows_counted_of_nothing_is_no_rows_and_zero_counts(django_assert_num_queries):
    with django_assert_num_queries(1):
        rows, counts = first_rows_counted(Recommendation.objects.order_by("pk"), 3, odd=Q())

    assert rows == []
    assert counts == {"total": 0, "odd": 0}


def test_a_shortlist_says_how_many_more_there_are(seven):
    shortlist = shortlist_of(Recommendation.objects.order_by("number"), 5)

    assert [row.number for row in shortlist] == [1, 2, 3, 4, 5]
    assert (shortlist.total, shortlist.more, shortlist.total_label) == (7, 2, "7")


def test_a_count_stops_at_its_cap_and_says_so(seven):
    assert count_capped(Recommendation.objects.all(), cap=5) == (5, True)
    assert count_capped(Recommendation.objects.all(), cap=7) == (7, False)
