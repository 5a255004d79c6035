"""Bounded lists: the first few rows of a list and how many there are in all."""

import pytest
from django.db.models import Case, F, IntegerField, Q, Value, When

from core.lists import (
    count_capped,
    first_ids_capped,
    first_ids_counted_by,
    shortlist_capped,
    shortlists_of,
)
from recommendations.models import Recommendation
from tests.factories import RecommendationFactory, ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven():
    report = ReportFactory()
    return [RecommendationFactory(report=report, number=number) for number in range(1, 8)]


def test_a_shortlist_says_how_many_more_there_are(seven, django_assert_num_queries):
    with django_assert_num_queries(2):
        shortlist = shortlist_capped(
            Recommendation.objects.order_by("number"), 5, rows=Recommendation.objects.all()
        )

        assert [row.number for row in shortlist] == [1, 2, 3, 4, 5]
    assert (shortlist.total, shortlist.more, shortlist.total_label) == (7, 2, "7")


def test_a_shortlist_counts_to_its_cap_and_says_so(seven):
    shortlist = shortlist_capped(
        Recommendation.objects.order_by("-number"), 2, rows=Recommendation.objects.all(), cap=5
    )

    assert [row.number for row in shortlist] == [7, 6]
    assert (shortlist.total, shortlist.capped, shortlist.total_label) == (5, True, "over 5")


def test_a_shortlist_of_nothing_reads_no_rows(django_assert_num_queries):
    with django_assert_num_queries(1):
        shortlist = shortlist_capped(
            Recommendation.objects.order_by("pk"), 3, rows=Recommendation.objects.all()
        )

    assert (list(shortlist), shortlist.total, bool(shortlist)) == ([], 0, False)


def test_a_count_stops_at_its_cap_and_says_so(seven):
    assert count_capped(Recommendation.objects.all(), cap=5) == (5, True)
    assert count_capped(Recommendation.objects.all(), cap=7) == (7, False)


def test_first_ids_capped_gives_the_first_ids_in_order_and_the_count_in_one_query(
    seven, django_assert_num_queries
):
    newest_first = Recommendation.objects.order_by("-number")

    with django_assert_num_queries(1):
        ids, total, capped = first_ids_capped(newest_first, 2)

    assert (ids, total, capped) == ([seven[6].pk, seven[5].pk], 7, False)


def test_first_ids_capped_stops_counting_at_its_cap_and_says_so(seven):
    in_order = Recommendation.objects.order_by("number")

    assert first_ids_capped(in_order, 2, cap=5) == ([seven[0].pk, seven[1].pk], 5, True)
    assert first_ids_capped(in_order, 2, cap=7)[1:] == (7, False)


def test_shortlists_give_each_list_its_first_rows_in_order_and_its_count(seven):
    odd = Recommendation.objects.filter(number__in=[1, 3, 5, 7]).order_by("-number")
    low = Recommendation.objects.filter(number__lte=3).order_by("number")

    odd_list, low_list = shortlists_of([odd, low], 2, rows=Recommendation.objects.all())

    assert ([row.number for row in odd_list], odd_list.total) == ([7, 5], 4)
    assert ([row.number for row in low_list], low_list.total) == ([1, 2], 3)


def test_shortlists_cost_a_query_a_list_and_one_for_all_their_rows(
    seven, django_assert_num_queries
):
    lists = [Recommendation.objects.order_by("number")] * 3
    rows = Recommendation.objects.select_related("report")

    with django_assert_num_queries(3 + 1):
        shortlists = shortlists_of(lists, 5, rows=rows)
        # The rows come with what `rows` loads: no query per row for its report.
        titles = [row.report.title for shortlist in shortlists for row in shortlist]

    assert len(titles) == 15


def test_a_shortlist_of_no_rows_is_empty_and_reads_no_rows(seven, django_assert_num_queries):
    with django_assert_num_queries(1):
        [empty] = shortlists_of(
            [Recommendation.objects.filter(number=99).order_by("pk")],
            5,
            rows=Recommendation.objects.all(),
        )

    assert (list(empty), empty.total, bool(empty)) == ([], 0, False)


def test_first_ids_counted_by_ranks_and_counts_each_part_in_one_query(
    seven, django_assert_num_queries
):
    # Two parts: numbers 1 to 3 (part 0) and 4 to 7 (part 1); part 2 has no rows.
    part = Case(When(number__lte=3, then=Value(0)), default=Value(1), output_field=IntegerField())
    by_number = {row.number: row.pk for row in seven}

    with django_assert_num_queries(1):
        parts = first_ids_counted_by(
            Recommendation.objects.all(),
            2,
            part=part,
            order=("-number",),
            odd=Q(number__in=[1, 3, 5, 7]),
        )

    assert parts == {
        0: ([by_number[3], by_number[2]], {"total": 3, "odd": 2}),
        1: ([by_number[7], by_number[6]], {"total": 4, "odd": 2}),
    }


def test_first_ids_counted_by_of_a_list_that_matches_nothing_is_empty_without_a_query(
    seven, django_assert_num_queries
):
    with django_assert_num_queries(0):
        parts = first_ids_counted_by(
            Recommendation.objects.filter(pk__in=[]), 2, part=Value(0), order=("number",)
        )

    assert parts == {}


def test_first_ids_counted_by_refuses_parts_that_are_not_numbers():
    with pytest.raises(TypeError, match="not an integer expression"):
        first_ids_counted_by(
            Recommendation.objects.all(), 2, part=F("report__title"), order=("number",)
        )
