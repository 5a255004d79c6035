from datetime import date

import pytest

from recommendations.models import Recommendation
from scrutiny.filters import RecommendationFilter
from tests.factories import RecommendationFactory, ReportFactory


@pytest.mark.parametrize("sort", ["due", "-due"])
def test_recommendations_with_nothing_due_sort_last_either_way(db, sort):
    report = ReportFactory()
    nothing_due = RecommendationFactory(report=report, number=1)
    july = RecommendationFactory(report=report, number=2, report_back_month=date(2012, 7, 1))
    january = RecommendationFactory(report=report, number=3, report_back_month=date(2013, 1, 1))
    ordered = list(RecommendationFilter({"sort": sort}, queryset=Recommendation.objects.all()).qs)
    expected = [july, january] if sort == "due" else [january, july]
    assert ordered == [*expected, nothing_due]
