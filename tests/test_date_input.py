"""Every date in the service's forms is typed in GOV.UK's day, month and year boxes: a
partly typed date is an error, an impossible one is refused, none is guessed at."""

from datetime import date

import pytest
from django.urls import reverse

from recommendations.models import Inquiry, Meeting
from tests.viewkit import assert_rejected, page, signed_in

pytestmark = pytest.mark.django_db


def post_meeting(officer, committee, **boxes):
    return signed_in(officer).post(
        reverse("recommendations:meeting_create", args=[committee.pk]),
        {"place": "Civic Hall", "status": "scheduled", **boxes},
    )


def test_the_form_shows_day_month_and_year_boxes(officer, committee):
    shown = page(
        signed_in(officer).get(reverse("recommendations:meeting_create", args=[committee.pk]))
    )
    for part in ("day", "month", "year"):
        assert f'name="date_{part}"' in shown
    assert "govuk-date-input" in shown


def test_a_date_typed_in_the_boxes_is_saved(officer, committee):
    reply = post_meeting(officer, committee, date_day="28", date_month="2", date_year="2012")
    assert reply.status_code == 302
    assert Meeting.objects.get().date == date(2012, 2, 28)


@pytest.mark.parametrize(
    ("boxes", "message"),
    [
        ({"date_day": "28", "date_month": "", "date_year": "2012"}, "Date must include a month"),
        (
            {"date_day": "", "date_month": "", "date_year": "2012"},
            "Date must include a day and month",
        ),
        ({"date_day": "31", "date_month": "2", "date_year": "2012"}, "Date must be a real date"),
        ({"date_day": "1", "date_month": "2", "date_year": "12"}, "Year must include 4 numbers"),
        ({"date_day": "x", "date_month": "2", "date_year": "2012"}, "Date must be a real date"),
        ({"date": "28/02/2012"}, "Date must be a real date"),
    ],
)
def test_a_partial_or_impossible_date_is_an_error_and_nothing_is_saved(
    officer, committee, boxes, message
):
    reply = post_meeting(officer, committee, **boxes)
    assert_rejected(reply, message)
    assert not Meeting.objects.exists()


def test_a_partly_typed_optional_date_is_not_dropped(officer, committee):
    reply = signed_in(officer).post(
        reverse("recommendations:inquiry_create"),
        {
            "committee": committee.pk,
            "title": "Dated inquiry",
            "kind": "inquiry",
            "status": "scoping",
            "started_on_day": "",
            "started_on_month": "9",
            "started_on_year": "2011",
        },
    )
    assert_rejected(reply, "Started on must include a day")
    assert "2011" in page(reply)  # what was typed is kept in the boxes
    assert not Inquiry.objects.exists()
