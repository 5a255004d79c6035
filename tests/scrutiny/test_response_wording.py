"""Where a response stands is said in one wording, the same for the public and members,
on the recommendation's page, the lists and the papers."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.urls import reverse

from papers import documents
from tests.factories import MeetingFactory, agreed_response, submitted_response
from tests.viewkit import page, signed_in

pytestmark = pytest.mark.django_db

RECEIVED = "Response received; awaiting the board's agreement"
NONE_SUBMITTED = "No response has been submitted yet"


@pytest.fixture
def submitted(recommendation):
    return submitted_response(recommendation, text="SUBMITTED-TEXT")


def pages_for(client, recommendation):
    return [
        page(client.get(recommendation.get_absolute_url())),
        page(client.get(recommendation.report.get_absolute_url())),
        page(client.get(reverse("recommendations:recommendation_list"))),
    ]


def test_the_public_and_members_read_that_a_response_was_received(client, member, submitted):
    recommendation = submitted.recommendation
    for shown in pages_for(client, recommendation) + pages_for(signed_in(member), recommendation):
        assert RECEIVED in shown.replace("&#x27;", "'")
        assert NONE_SUBMITTED not in shown
    # The public still does not read the text before the board agrees it.
    assert "SUBMITTED-TEXT" not in page(client.get(recommendation.get_absolute_url()))


def test_the_papers_say_it_in_the_same_words(submitted):
    recommendation = submitted.recommendation
    meeting = MeetingFactory(committee=recommendation.report.committee, date=date(2012, 7, 19))
    recommendation.report_back_meeting = meeting
    recommendation.save()
    public = AnonymousUser()

    tracking = documents.tracking_paper(meeting, public)
    response = documents.response_paper(recommendation.report, public)

    for paper in (tracking, response):
        html = render_to_string(paper.body_template, paper.context).replace("&#x27;", "'")
        assert RECEIVED in html
        assert NONE_SUBMITTED not in html


def test_an_agreed_response_says_so_with_its_decision(client, recommendation):
    agreed_response(recommendation)
    shown = page(client.get(recommendation.get_absolute_url()))
    assert "Accepted" in shown and "Agreed by the board" in shown
