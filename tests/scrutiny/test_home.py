"""The home page, by role."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    CommitteeFactory,
    CommitteeMembershipFactory,
    MeetingFactory,
)
from tests.viewkit import (
    client_for,
    page,
)

pytestmark = pytest.mark.django_db


# --- The home page, by role --------------------------------------------------------------


@pytest.fixture
def upcoming(committee, published_report, member):
    """A meeting of `member`'s board next week, with recommendation 1 due at it, and a
    meeting of a board the member is not on."""
    CommitteeMembershipFactory(committee=committee, user=member)
    meeting = MeetingFactory(committee=committee, date=timezone.localdate() + timedelta(days=7))
    recommendation = published_report.recommendations.get(number=1)
    recommendation.report_back_meeting = meeting
    recommendation.save()
    elsewhere = MeetingFactory(
        committee=CommitteeFactory(name="Scrutiny Board (Health)"),
        date=timezone.localdate() + timedelta(days=8),
    )
    return meeting, elsewhere


def test_a_members_home_shows_their_boards_meetings_and_what_is_late(request, upcoming):
    meeting, elsewhere = upcoming
    html = page(client_for(request, "member").get(reverse("home")))
    assert meeting.get_absolute_url() in html
    assert elsewhere.get_absolute_url() not in html
    assert "Recommendation 1, Inquiry into external placements: final report" in html
    assert "Start an inquiry" not in html


def test_an_officers_home_shows_every_board_and_the_record_keeping(request, upcoming):
    meeting, elsewhere = upcoming
    html = page(client_for(request, "officer").get(reverse("home")))
    assert meeting.get_absolute_url() in html
    assert elsewhere.get_absolute_url() in html
    assert "Start an inquiry" in html


def test_a_directors_home_shows_their_deadlines_only(request, upcoming, published_report):
    html = page(client_for(request, "director_a").get(reverse("home")))
    assert "next deadlines" in html
    ours = published_report.recommendations.get(number=1)
    theirs = published_report.recommendations.get(number=3)
    assert reverse("responses:response_create", args=[ours.pk]) in html
    assert reverse("responses:response_create", args=[theirs.pk]) not in html


def test_the_public_home_lists_published_reports_only(client, published_report, exempt_report):
    html = page(client.get(reverse("home")))
    assert published_report.title in html
    assert exempt_report.title not in html
