"""The work programme page, moving a report-back, the home page's late lists and the
calendar feed (which must parse as iCalendar)."""

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from deadlines.models import CalendarToken, ReportBackMove
from recommendations.models import Meeting
from recommendations.services import report_back_schedule
from tests.factories import (
    CommitteeMembershipFactory,
    InquiryFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
)
from tests.viewkit import client_for, is_login_redirect, signed_in

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localdate()


@pytest.fixture
def upcoming(committee):
    """Two coming meetings of the committee."""
    return (
        MeetingFactory(committee=committee, date=_today() + timedelta(days=20)),
        MeetingFactory(committee=committee, date=_today() + timedelta(days=60)),
    )


@pytest.fixture
def current_report(committee, directorate_a):
    """A report received a month ago: its responses are due in a month."""
    report = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        title="Inquiry into school transport",
        published_on=_today() - timedelta(days=40),
        received_on=_today() - timedelta(days=31),
    )
    RecommendationFactory(report=report, number=1, directorate=directorate_a, text="FIRST")
    return report


# --- Work programme --------------------------------------------------------------


@pytest.mark.parametrize("role", ["officer", "member", "director_a"])
def test_the_council_reads_the_work_programme(request, role, committee, upcoming, current_report):
    first, second = upcoming
    recommendation = current_report.recommendations.get()
    recommendation.report_back_meeting = second
    recommendation.save()
    response = client_for(request, role).get(
        reverse("deadlines:work_programme", args=[committee.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Work programme" in html
    assert html.index(f"{first.date:%B}") < html.index("Report-backs due at this meeting")
    assert "Inquiry into school transport" in html
    assert ("Move<span" in html) == (role == "officer")


def test_the_public_is_asked_to_sign_in_for_the_work_programme(client, committee):
    response = client.get(reverse("deadlines:work_programme", args=[committee.pk]))
    assert is_login_redirect(response)


def test_the_work_programme_can_start_from_another_date(member, committee, published_report):
    MeetingFactory(committee=committee, date=date(2012, 7, 19))
    client = signed_in(member)
    url = reverse("deadlines:work_programme", args=[committee.pk])
    assert "No meetings of" in client.get(url).content.decode()
    html = client.get(url + "?start=2012-06-01").content.decode()
    assert "Thursday 19 July 2012" in html
    assert "days late" in html  # the three responses were due 10 April 2012
    assert client.get(url + "?start=nonsense").status_code == 200


def test_the_work_programme_start_is_typed_in_day_month_and_year_boxes(
    member, committee, published_report
):
    MeetingFactory(committee=committee, date=date(2012, 7, 19))
    url = reverse("deadlines:work_programme", args=[committee.pk])
    client = signed_in(member)

    assert 'name="start_day"' in client.get(url).content.decode()
    html = client.get(url, {"start_day": "1", "start_month": "6", "start_year": "2012"})

    assert "Thursday 19 July 2012" in html.content.decode()


def test_a_partly_typed_work_programme_start_is_an_error_shown_in_place(
    member, committee, published_report
):
    url = reverse("deadlines:work_programme", args=[committee.pk])

    reply = signed_in(member).get(url, {"start_day": "1", "start_month": "", "start_year": "2012"})

    html = reply.content.decode()
    assert reply.status_code == 200
    assert "govuk-error-summary" in html
    assert "Show meetings from must include a month" in html
    assert 'name="start_day" type="text" value="1"' in html  # what was typed stays
    assert "<title>Error:" in html


# --- Moving a report-back -------------------------------------------------------------


def test_an_officer_moves_a_report_back_with_a_reason(officer, committee, upcoming, recommendation):
    first, second = upcoming
    recommendation.report_back_meeting = first
    recommendation.save()
    client = signed_in(officer)
    url = reverse("deadlines:report_back_move", args=[recommendation.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Move the report-back" in page.content.decode()

    missing = client.post(url, {"to_meeting": second.pk, "reason": ""})
    assert missing.status_code == 200
    assert "Enter the reason for moving the report-back." in missing.content.decode()
    assert "govuk-error-summary" in missing.content.decode()

    done = client.post(
        url,
        {
            "to_meeting": second.pk,
            "reason": "Awaiting the Ofsted visit",
            "version": recommendation.version,
        },
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("deadlines:work_programme", args=[committee.pk])
    recommendation.refresh_from_db()
    assert recommendation.report_back_meeting == second
    assert ReportBackMove.objects.get().reason == "Awaiting the Ofsted visit"
    history = client.get(reverse("deadlines:report_back_moves", args=[recommendation.pk]))
    assert "Awaiting the Ofsted visit" in history.content.decode()


def test_a_stale_move_is_refused_with_the_reason_kept(officer, upcoming, recommendation):
    first, second = upcoming
    opened_at = recommendation.version
    # Someone else schedules it meanwhile.
    report_back_schedule(
        recommendation=recommendation, user=officer, meeting=first, month=None, every_months=None
    )

    reply = signed_in(officer).post(
        reverse("deadlines:report_back_move", args=[recommendation.pk]),
        {"to_meeting": second.pk, "reason": "Awaiting the Ofsted visit", "version": opened_at},
    )

    assert reply.status_code == 200
    assert "changed this while you were editing it" in reply.content.decode()
    assert "Awaiting the Ofsted visit" in reply.content.decode()
    assert not ReportBackMove.objects.exists()


def test_a_move_posted_without_its_version_is_refused(officer, upcoming, recommendation):
    reply = signed_in(officer).post(
        reverse("deadlines:report_back_move", args=[recommendation.pk]),
        {"to_meeting": upcoming[1].pk, "reason": "Awaiting the Ofsted visit"},
    )

    assert "sent without saying which version" in reply.content.decode()
    assert not ReportBackMove.objects.exists()


@pytest.mark.parametrize("role", ["member", "director_a"])
def test_only_officers_may_move_a_report_back(request, role, upcoming, recommendation):
    client = client_for(request, role)
    url = reverse("deadlines:report_back_move", args=[recommendation.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"to_meeting": upcoming[1].pk, "reason": "x"}).status_code == 403
    assert not ReportBackMove.objects.exists()


def test_a_cancelled_or_past_meeting_cannot_be_chosen(officer, committee, recommendation):
    cancelled = MeetingFactory(
        committee=committee, date=_today() + timedelta(days=5), status=Meeting.Status.CANCELLED
    )
    past = MeetingFactory(committee=committee, date=_today() - timedelta(days=5))
    client = signed_in(officer)
    url = reverse("deadlines:report_back_move", args=[recommendation.pk])
    for meeting in (cancelled, past):
        response = client.post(url, {"to_meeting": meeting.pk, "reason": "x"})
        assert response.status_code == 200
    assert not ReportBackMove.objects.exists()


# --- Home page --------------------------------------------------------------------


@pytest.mark.parametrize("role", ["officer", "member"])
def test_the_home_page_shows_days_late(request, role, committee, published_report, member):
    CommitteeMembershipFactory(committee=committee, user=member)
    html = client_for(request, role).get(reverse("home")).content.decode()
    days = (_today() - date(2012, 4, 10)).days
    assert "Overdue responses" in html
    assert f">{days:,} days late</strong>" in html  # one form of lateness everywhere
    assert "10 April 2012" in html


def test_the_home_page_flags_statements_at_risk(officer, committee, current_report):
    meeting = MeetingFactory(committee=committee, date=_today() + timedelta(days=3))
    recommendation = current_report.recommendations.get()
    recommendation.report_back_meeting = meeting
    recommendation.save()
    html = signed_in(officer).get(reverse("home")).content.decode()
    assert "Position statements at risk" in html
    at_risk = html.split('aria-label="Position statements at risk"')[1]
    assert "Inquiry into school transport" in at_risk


# --- Calendar -------------------------------------------------------------------------


def _feed(client, user):
    client.get(reverse("deadlines:calendar"))
    token = CalendarToken.objects.get(user=user)
    return reverse("deadlines:calendar_feed", args=[token.secret])


def test_the_feed_parses_as_icalendar_with_meetings_and_deadlines(
    client, officer, committee, upcoming, current_report
):
    first, second = upcoming
    first.start_time = time(10, 0)
    first.save()
    recommendation = current_report.recommendations.get()
    recommendation.report_back_meeting = second
    recommendation.save()
    url = _feed(signed_in(officer), officer)

    response = client.get(url)  # no sign-in: the secret is the key

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    all_events = calendar.walk("VEVENT")
    events = {str(event["SUMMARY"]): event for event in all_events}
    meeting_events = [e for e in all_events if str(e["SUMMARY"]) == committee.name]
    assert len(meeting_events) == 2
    timed = next(e for e in meeting_events if e.decoded("DTSTART") != second.date)
    assert timed.decoded("DTSTART").tzinfo is not None
    assert str(timed.decoded("DTSTART").tzinfo) == "Europe/London"
    due = current_report.response_due_on
    response_event = next(e for s, e in events.items() if s.startswith("Response due"))
    assert response_event.decoded("DTSTART") == due
    assert any(s.startswith("Position statement due") for s in events)
    assert calendar.walk("VTIMEZONE")
    assert len({str(event["UID"]) for event in all_events}) == len(all_events)


def test_the_feed_keeps_long_accented_titles_and_punctuation_whole(
    client, officer, committee, upcoming, current_report
):
    """Folded at 75 octets (never inside a character) and escaped, the feed gives back
    exactly what was typed."""
    title = "Révision des écoles; Children’s Services, « transport » — " * 4
    current_report.title = title.strip()
    current_report.save()
    first, _ = upcoming
    first.place = "Committee Room 1, Civic Hall; Leeds"
    first.start_time = time(18, 30)
    first.save()
    url = _feed(signed_in(officer), officer)

    content = client.get(url).content

    assert all(len(line) <= 75 for line in content.split(b"\r\n"))
    events = Calendar.from_ical(content).walk("VEVENT")
    response_event = next(e for e in events if str(e["SUMMARY"]).startswith("Response due"))
    assert str(response_event["SUMMARY"]).endswith(f", {title.strip()}")
    assert title.strip() in str(response_event["DESCRIPTION"])
    # The calendar's own name and description read back as written, commas and all.
    assert "(of the deadlines, the nearest" in str(Calendar.from_ical(content)["X-WR-CALDESC"])
    meeting_event = next(
        e for e in events if str(e["SUMMARY"]) == committee.name and "LOCATION" in e
    )
    assert str(meeting_event["LOCATION"]) == "Committee Room 1, Civic Hall; Leeds"


def test_a_directorate_user_sees_only_their_directorates_deadlines(
    client, director_b, committee, current_report
):
    url = _feed(signed_in(director_b), director_b)
    calendar = Calendar.from_ical(client.get(url).content)
    assert not [e for e in calendar.walk("VEVENT") if "Response due" in str(e["SUMMARY"])]


def test_resetting_the_address_breaks_the_old_one(client, member):
    member_client = signed_in(member)
    old_url = _feed(member_client, member)
    assert client.get(old_url).status_code == 200
    response = member_client.post(reverse("deadlines:calendar"))
    assert response.status_code == 302
    assert client.get(old_url).status_code == 404
    new_url = _feed(member_client, member)
    assert new_url != old_url
    assert client.get(new_url).status_code == 200


def test_an_unknown_or_deactivated_address_is_404(client, member):
    url = _feed(signed_in(member), member)
    assert client.get(url.replace(".ics", "x.ics")).status_code == 404
    member.is_active = False
    member.save()
    assert client.get(url).status_code == 404


def test_the_calendar_page_needs_sign_in(client):
    assert is_login_redirect(client.get(reverse("deadlines:calendar")))


# --- Issue 14: the feed holds a bounded window ---------------------------------------


def _old_report(committee, directorate, recommendations: int):
    """A report whose responses were due five months ago and never came."""
    report = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        title="Inquiry into library hours",
        published_on=_today() - timedelta(days=220),
        received_on=_today() - timedelta(days=210),
    )
    for number in range(1, recommendations + 1):
        RecommendationFactory(report=report, number=number, directorate=directorate)
    return report


def _feed_events(client, url) -> tuple[list, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return Calendar.from_ical(response.content).walk("VEVENT"), len(queries)


def test_the_feed_holds_the_last_3_months_and_the_next_12(
    client, officer, committee, directorate_a, current_report
):
    MeetingFactory(committee=committee, date=_today() - timedelta(days=120))
    MeetingFactory(committee=committee, date=_today() + timedelta(days=400))
    inside = MeetingFactory(committee=committee, date=_today() + timedelta(days=300))
    _old_report(committee, directorate_a, 1)
    url = _feed(signed_in(officer), officer)

    events, _ = _feed_events(client, url)

    meeting_days = [e.decoded("DTSTART") for e in events if str(e["SUMMARY"]) == committee.name]
    assert meeting_days == [inside.date]
    summaries = [str(e["SUMMARY"]) for e in events]
    assert not [s for s in summaries if "library hours" in s]
    assert [s for s in summaries if "school transport" in s]
    calendar = Calendar.from_ical(client.get(url).content)
    assert "the last 3 months and the next 12 months" in str(calendar["X-WR-CALDESC"])


def test_history_outside_the_window_adds_neither_events_nor_queries(
    client, officer, committee, directorate_a, current_report
):
    url = _feed(signed_in(officer), officer)
    _old_report(committee, directorate_a, 1)
    events_before, queries_before = _feed_events(client, url)
    _old_report(committee, directorate_a, 20)
    events_after, queries_after = _feed_events(client, url)
    assert len(events_after) == len(events_before)
    assert queries_after == queries_before


def test_the_calendar_page_says_what_the_feed_holds(officer):
    html = signed_in(officer).get(reverse("deadlines:calendar")).content.decode()
    assert "the last 3 months and the next 12 months" in html
