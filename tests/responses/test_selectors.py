"""What list pages read of each recommendation's response (responses.selectors)."""

import pytest

from recommendations.models import Recommendation
from responses.selectors import recommendations_with_response, reports_awaiting_agreement
from tests.factories import (
    MemberFactory,
    RecommendationFactory,
    ReportFactory,
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


def _report_waiting(responses: int):
    """A report with `responses` responses submitted and waiting, submitted now."""
    report = ReportFactory()
    for number in range(1, responses + 1):
        submitted_response(RecommendationFactory(report=report, number=number))
    return report


def test_the_reports_waiting_are_named_longest_waiting_first_and_every_response_counted(
    django_assert_num_queries,
):
    oldest, middle, newest = _report_waiting(2), _report_waiting(1), _report_waiting(3)

    # The walk that names the reports and counts the responses, the reports, their responses.
    with django_assert_num_queries(3):
        waiting = reports_awaiting_agreement(Recommendation.objects.active(), limit=2)

    assert [group.report for group in waiting] == [oldest, middle]
    assert [len(group.responses) for group in waiting] == [2, 1]
    assert (waiting.total, waiting.capped) == (6, False)
    assert newest not in [group.report for group in waiting]


def test_past_the_cap_the_count_says_so_and_the_walk_goes_on_for_the_reports_to_name():
    """More responses than the cap wait in fewer reports than the page names: the count
    stops at the cap, and the reports further on are still found."""
    crowded, later, last = _report_waiting(5), _report_waiting(1), _report_waiting(1)

    waiting = reports_awaiting_agreement(Recommendation.objects.active(), limit=3, cap=4)

    assert [group.report for group in waiting] == [crowded, later, last]
    assert (waiting.total, waiting.capped, waiting.total_label) == (4, True, "over 4")
