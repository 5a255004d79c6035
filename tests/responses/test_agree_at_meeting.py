"""Agreeing a report's responses at a meeting: the officer's home page lists those
waiting, one form agrees some or all, the meeting's date is the agreed date, and a
confirmation says what was recorded."""

from datetime import date

import pytest
from django.urls import reverse

from recommendations import services
from responses.models import Response, ResponseState
from tests.factories import (
    InquiryFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
    submitted_response,
)
from tests.viewkit import assert_rejected, page, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_submitted(published_report):
    first, second, _ = published_report.recommendations.order_by("number")
    return submitted_response(first), submitted_response(second)


@pytest.fixture
def board_meeting(committee):
    return MeetingFactory(committee=committee, date=date(2012, 5, 17))


def test_the_officers_home_page_lists_responses_waiting_for_agreement(
    officer, published_report, two_submitted
):
    home = page(signed_in(officer).get(reverse("home")))
    assert "Responses received, waiting for the board's agreement" in home
    assert reverse("responses:responses_agree", args=[published_report.pk]) in home
    assert "2 responses (Recommendation 1, Recommendation 2)" in home


def test_an_officer_agrees_some_of_a_reports_responses_at_a_meeting(
    officer, published_report, two_submitted, board_meeting
):
    first, second = two_submitted
    client = signed_in(officer)
    url = reverse("responses:responses_agree", args=[published_report.pk])
    form = page(client.get(url))
    assert "Recommendation 1: Accepted" in form

    reply = client.post(url, {"responses": [first.pk], "meeting": board_meeting.pk}, follow=True)

    shown = page(reply)
    assert "1 response agreed" in shown
    assert "17 May 2012" in shown
    assert "1 more response to this report is still waiting" in shown
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == ResponseState.AGREED
    assert first.agreed_at_meeting == board_meeting
    assert first.agreed_at.date() == date(2012, 5, 17)
    assert second.state == ResponseState.SUBMITTED


def test_agreeing_needs_a_choice_and_a_meeting(officer, published_report, two_submitted):
    url = reverse("responses:responses_agree", args=[published_report.pk])
    reply = signed_in(officer).post(url, {})
    assert_rejected(reply, "Choose the responses the board agreed")
    assert not Response.objects.filter(state=ResponseState.AGREED).exists()


def test_a_response_returned_meanwhile_refuses_the_lot(
    officer, published_report, two_submitted, board_meeting
):
    from responses import services

    first, second = two_submitted
    client = signed_in(officer)
    url = reverse("responses:responses_agree", args=[published_report.pk])
    client.get(url)
    services.response_return(response=second, user=officer, reason="Wrong figures")

    reply = client.post(url, {"responses": [first.pk, second.pk], "meeting": board_meeting.pk})

    assert reply.status_code == 200
    assert not Response.objects.filter(state=ResponseState.AGREED).exists()


def test_the_public_reads_an_agreed_response_with_its_meeting(
    client, officer, published_report, two_submitted, board_meeting
):
    first, _ = two_submitted
    signed_in(officer).post(
        reverse("responses:responses_agree", args=[published_report.pk]),
        {"responses": [first.pk], "meeting": board_meeting.pk},
    )
    shown = page(client.get(first.get_absolute_url()))
    assert "the meeting of 17 May 2012" in shown


def _reports_with_waiting_responses(count: int, committee) -> list:
    reports = []
    for _ in range(count):
        report = ReportFactory(inquiry=InquiryFactory(committee=committee))
        submitted_response(RecommendationFactory(report=report, number=1))
        reports.append(report)
    return reports


@pytest.mark.parametrize("reports", [3, 14])
def test_the_officers_home_names_at_most_ten_reports_whatever_is_waiting(
    officer, committee, reports, django_assert_max_num_queries
):
    waiting = _reports_with_waiting_responses(reports, committee)
    client = signed_in(officer)
    client.get(reverse("home"))  # the council settings' first read

    with django_assert_max_num_queries(40):
        home = page(client.get(reverse("home")))

    shown = sum(
        reverse("responses:responses_agree", args=[report.pk]) in home for report in waiting
    )
    assert shown == min(reports, 10)
    assert f"See every response waiting ({reports})" in home


def test_every_response_waiting_is_on_the_paged_list_longest_waiting_first(officer, committee):
    reports = _reports_with_waiting_responses(55, committee)
    client = signed_in(officer)
    url = reverse("responses:responses_awaiting_agreement")

    answer = client.get(url)
    first = page(answer)
    second = page(client.get(f"{url}?after={answer.context['page'].next_cursor}"))

    assert "55 responses received from directorates" in first
    agree = [reverse("responses:responses_agree", args=[report.pk]) for report in reports]
    assert agree[0] in first and agree[49] in first and agree[50] not in first
    assert agree[54] in second and agree[0] not in second


def test_only_officers_see_the_list_of_responses_waiting(director_a):
    reply = signed_in(director_a).get(reverse("responses:responses_awaiting_agreement"))
    assert reply.status_code == 403


def test_the_officers_home_counts_the_responses_waiting_as_their_list_does(officer, committee):
    """The home counts every board's waiting responses in the whole-table form of the
    active rule; responses of a withdrawn report or inquiry are left out by both."""
    _reports_with_waiting_responses(3, committee)
    withdrawn_report, of_withdrawn_inquiry = _reports_with_waiting_responses(2, committee)
    services.record_withdraw(item=withdrawn_report, user=officer, reason="Published in error")
    services.record_withdraw(
        item=of_withdrawn_inquiry.inquiry, user=officer, reason="Inquiry abandoned"
    )
    client = signed_in(officer)

    home = page(client.get(reverse("home")))
    listed = page(client.get(reverse("responses:responses_awaiting_agreement")))

    assert "See every response waiting (3)" in home
    assert "3 responses received from directorates" in listed
