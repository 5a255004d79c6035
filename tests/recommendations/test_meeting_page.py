"""A meeting's page lists what is due for tracking at it a page at a time: a board can
have a backlog of a thousand due at one meeting."""

from datetime import timedelta

import pytest
from django.utils import timezone

from recommendations.selectors import recommendations_due_for_meeting
from tests.factories import (
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
    recommendation_due_at,
)
from tests.viewkit import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_meeting(committee):
    meeting = MeetingFactory(committee=committee, date=timezone.localdate() + timedelta(days=20))
    report = ReportFactory(inquiry__committee=committee)
    for number in range(1, 56):
        RecommendationFactory(report=report, number=number, report_back_meeting=meeting)
    return meeting


def test_the_first_page_shows_fifty_and_says_how_many_are_due(officer, busy_meeting):
    answer = signed_in(officer).get(busy_meeting.get_absolute_url())

    due = list(recommendations_due_for_meeting(busy_meeting))
    assert [rec.pk for rec, _ in answer.context["due"]] == [rec.pk for rec in due[:50]]
    assert "55 are due; 1 to 50 are shown" in answer.text
    assert 'aria-label="Page 2"' in answer.text


def test_the_second_page_shows_the_rest(officer, busy_meeting):
    answer = signed_in(officer).get(busy_meeting.get_absolute_url() + "?page=2")

    due = list(recommendations_due_for_meeting(busy_meeting))
    assert [rec.pk for rec, _ in answer.context["due"]] == [rec.pk for rec in due[50:]]


def test_a_page_past_the_end_is_the_last_page(officer, busy_meeting):
    answer = signed_in(officer).get(busy_meeting.get_absolute_url() + "?page=99")

    assert len(answer.context["due"]) == 5


def test_a_short_list_has_no_pagination(officer, committee):
    meeting = MeetingFactory(committee=committee, date=timezone.localdate() + timedelta(days=20))
    for _ in range(3):
        recommendation_due_at(meeting)

    answer = signed_in(officer).get(meeting.get_absolute_url())

    assert len(answer.context["due"]) == 3
    assert "govuk-pagination" not in answer.text
