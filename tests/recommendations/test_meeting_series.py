"""A year's meetings of a committee in one step (issue 15)."""

from datetime import date, time

import pytest
from django.urls import reverse

from recommendations.models import CommitteeMembership, Meeting
from tests.factories import CommitteeFactory, MeetingFactory, MemberFactory


@pytest.fixture
def committee(db):
    return CommitteeFactory(name="Children and Families Scrutiny Board")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def add_series(client, committee, **data):
    url = reverse("recommendations:meeting_series_create", args=[committee.pk])
    return client.post(url, {"start_time": "", "place": "", **data})


def test_every_sixth_thursday_for_a_year(officer_client, committee):
    response = add_series(
        officer_client,
        committee,
        first_date="2026-01-08",
        every_weeks="6",
        start_time="10:00",
        place="Civic Hall",
    )
    assert response.status_code == 302
    dates = list(committee.meetings.values_list("date", flat=True))
    assert dates[0] == date(2026, 1, 8)
    assert dates[1] == date(2026, 2, 19)
    assert len(dates) == 9  # to 31 December 2026
    assert all(day.weekday() == 3 for day in dates)
    assert set(committee.meetings.values_list("start_time", "place")) == {(time(10), "Civic Hall")}


def test_a_list_of_dates_as_people_write_them(officer_client, committee):
    response = add_series(
        officer_client, committee, dates="19 July 2026\n\n17/09/2026\nThursday 12 November 2026\n"
    )
    assert response.status_code == 302
    assert list(committee.meetings.values_list("date", flat=True)) == [
        date(2026, 7, 19),
        date(2026, 9, 17),
        date(2026, 11, 12),
    ]


def test_a_wrong_line_is_named_and_nothing_is_added(officer_client, committee):
    response = add_series(officer_client, committee, dates="19 July 2026\n31/02/2026\n")
    assert response.status_code == 200
    assert "line 2 (&#x27;31/02/2026&#x27;) is not a date" in response.text
    assert not Meeting.objects.exists()


def test_a_date_the_board_already_meets_on_refuses_the_run(officer_client, committee):
    MeetingFactory(committee=committee, date=date(2026, 9, 17))
    response = add_series(officer_client, committee, dates="19 July 2026\n17 September 2026")
    assert "already has a meeting on 17 September 2026" in response.text
    assert committee.meetings.count() == 1


def test_the_meetings_are_ordinary_meetings_edited_one_by_one(officer_client, committee):
    add_series(officer_client, committee, first_date="2026-01-08", every_weeks="6")
    meeting = committee.meetings.first()
    response = officer_client.post(
        reverse("recommendations:meeting_update", args=[meeting.pk]),
        {"date": "2026-01-15", "start_time": "", "place": "", "status": "scheduled"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.date == date(2026, 1, 15)


def test_a_member_chosen_from_the_users_is_printed_as_cllr_and_last_name(admin_client, committee):
    member = MemberFactory(first_name="Judith", last_name="Hyde")
    response = admin_client.post(
        reverse("admin:recommendations_committee_change", args=[committee.pk]),
        {
            "name": committee.name,
            "kind": committee.kind,
            "remit": "",
            "scrutiny_officer": "",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-user": member.pk,
            "memberships-0-name": "",
            "memberships-0-kind": "councillor",
            "memberships-0-committee": committee.pk,
        },
    )
    assert response.status_code == 302, response.text[:3000]
    membership = CommitteeMembership.objects.get(committee=committee)
    assert (membership.user, membership.name) == (member, "Cllr Hyde")
