"""A director's worklist: by report, new work first, the recommendation's words, and
lateness in the service's one form."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from deadlines.selectors import WORKLIST_LIMIT, worklist_for
from recommendations.models import Recommendation
from tests.factories import InquiryFactory, RecommendationFactory, ReportFactory
from tests.viewkit import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_reports(committee, directorate_a):
    today = timezone.localdate()
    late = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        title="An old report",
        published_on=today - timedelta(days=400),
        received_on=today - timedelta(days=390),
    )
    fresh = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        title="A new report",
        published_on=today - timedelta(days=3),
        received_on=today - timedelta(days=2),
    )
    old_one = RecommendationFactory(report=late, number=1, directorate=directorate_a)
    Recommendation.objects.filter(pk=old_one.pk).update(
        created_at=timezone.now() - timedelta(days=390)
    )
    new_one = RecommendationFactory(
        report=fresh, number=1, directorate=directorate_a, text="That the WORDS are shown."
    )
    return late, fresh, old_one, new_one


def test_work_is_grouped_by_report_with_new_work_first(director_a, two_reports):
    late, fresh, old_one, new_one = two_reports
    worklist = worklist_for(director_a, timezone.localdate())
    assert [group.report for group in worklist.groups] == [fresh, late]
    assert worklist.groups[0].items[0].is_new
    assert not worklist.groups[1].items[0].is_new
    assert worklist.total == 2


def test_the_worklist_shows_the_words_and_days_late(director_a, two_reports):
    html = signed_in(director_a).get(reverse("responses:worklist")).content.decode()
    assert "That the WORDS are shown." in html
    assert "days late" in html
    assert "year" not in html  # not "1 year, 1 month late": one form of lateness


def test_a_long_worklist_links_to_every_recommendation_still_owed_a_response(
    director_a, committee, directorate_a
):
    report = ReportFactory(inquiry=InquiryFactory(committee=committee))
    for number in range(1, WORKLIST_LIMIT + 2):
        RecommendationFactory(report=report, number=number, directorate=directorate_a)
    client = signed_in(director_a)

    html = client.get(reverse("responses:worklist")).content.decode()
    link = f"?directorate={directorate_a.pk}&amp;decision=none"

    assert f"The first {WORKLIST_LIMIT} of {WORKLIST_LIMIT + 1} items are shown" in html
    assert link in html
    listed = client.get(reverse("recommendations:recommendation_list") + link.replace("&amp;", "&"))
    assert listed.context["page"].count == WORKLIST_LIMIT + 1
