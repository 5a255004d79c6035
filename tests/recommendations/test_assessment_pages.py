"""Any meeting's tracking decisions can be recorded, however many are due (issue 12,
finding 11): the form comes a page at a time, each page well under Django's field cap."""

import re
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

from recommendations.models import Recommendation, TrackingAssessment
from recommendations.views import DUE_PER_PAGE, AssessmentsRecordView
from tests.factories import InquiryFactory, MeetingFactory, ReportFactory, tracking_status
from tests.viewkit import signed_in

DUE = 1700  # more than the ~1,600 rows one form could carry before
PAGES = -(-DUE // DUE_PER_PAGE)


@pytest.fixture
def crowded_meeting(committee, directorate_a):
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    report = ReportFactory(inquiry=InquiryFactory(committee=committee))
    Recommendation.objects.bulk_create(
        Recommendation(
            report=report,
            number=n,
            reference=str(n),
            text=f"Recommendation text {n}.",
            directorate=directorate_a,
            report_back_meeting=meeting,
            # Stored on save(), which bulk_create skips: due at this meeting.
            next_report_back_on=meeting.date,
            next_report_back_deadline=meeting.date,
        )
        for n in range(1, DUE + 1)
    )
    return meeting


def field_count(html: str) -> int:
    return len(re.findall(r'<(?:input|select|textarea)[^>]* name="', html))


def whole_form(html: str, **changes) -> dict:
    """Every field of the page's form, as a browser sends it, with `changes` made."""
    data = {name: "" for name in re.findall(r'<(?:select|textarea)[^>]* name="([^"]+)"', html)}
    for name, value in re.findall(r'<input[^>]* name="([^"]+)"[^>]* value="([^"]*)"', html):
        data[name] = value
    data.pop("csrfmiddlewaretoken", None)
    return {**data, **{name.replace("__", "-"): value for name, value in changes.items()}}


def test_each_page_of_the_form_stays_under_the_field_cap(officer, crowded_meeting):
    url = reverse("recommendations:assessments_record", args=[crowded_meeting.pk])
    html = signed_in(officer).get(url).content.decode()
    assert field_count(html) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    assert f"{DUE:,} recommendations are due at this meeting" in html
    assert f"page 1 of {PAGES}" in html


def test_the_last_page_of_a_crowded_meeting_is_recorded(officer, crowded_meeting):
    client = signed_in(officer)
    last = Recommendation.objects.get(number=DUE)
    url = (
        reverse("recommendations:assessments_record", args=[crowded_meeting.pk]) + f"?page={PAGES}"
    )
    form = client.get(url).content.decode()
    assert f'name="rec-{last.pk}-status"' in form
    response = client.post(
        url, whole_form(form, **{f"rec__{last.pk}__status": tracking_status(4).pk})
    )
    assert response.status_code == 302
    assert response["Location"] == crowded_meeting.get_absolute_url()
    assert TrackingAssessment.objects.get().recommendation == last


def test_saving_a_page_goes_on_to_the_next(officer, crowded_meeting):
    client = signed_in(officer)
    first = Recommendation.objects.get(number=1)
    url = reverse("recommendations:assessments_record", args=[crowded_meeting.pk])
    data = {f"rec-{first.pk}-status": tracking_status(4).pk, f"rec-{first.pk}-version": 0}
    response = client.post(url + "?page=1", data)
    assert response["Location"] == url + "?page=2"
    assert TrackingAssessment.objects.filter(recommendation=first).exists()


def test_a_refused_page_comes_back_with_what_the_officer_typed(officer, crowded_meeting):
    client = signed_in(officer)
    rec = Recommendation.objects.get(number=2 * AssessmentsRecordView.per_page + 5)
    url = reverse("recommendations:assessments_record", args=[crowded_meeting.pk]) + "?page=3"
    # A comment without a decision is refused; the comment stays in the form.
    response = client.post(url, {f"rec-{rec.pk}-comment": "KEEP-THIS-COMMENT"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "KEEP-THIS-COMMENT" in html
    assert "Choose the board" in html
    assert not TrackingAssessment.objects.exists()


def test_a_page_of_the_form_is_that_page_of_the_meeting(officer, crowded_meeting):
    """The tracking form and the meeting's page come in the same pages: page 3 of one is
    page 3 of the other."""
    client = signed_in(officer)
    form = client.get(
        reverse("recommendations:assessments_record", args=[crowded_meeting.pk]) + "?page=3"
    ).content.decode()
    meeting_page = client.get(crowded_meeting.get_absolute_url() + "?page=3")
    on_form = [int(pk) for pk in re.findall(r'name="rec-(\d+)-status"', form)]
    assert on_form == [rec.pk for rec, _ in meeting_page.context["due"]]
    assert len(on_form) == DUE_PER_PAGE


def test_a_page_of_the_meeting_leads_to_that_page_of_the_form(officer, crowded_meeting):
    client = signed_in(officer)
    form_url = reverse("recommendations:assessments_record", args=[crowded_meeting.pk])

    first = client.get(crowded_meeting.get_absolute_url()).content.decode()
    third = client.get(crowded_meeting.get_absolute_url() + "?page=3").content.decode()

    assert f'href="{form_url}"' in first
    assert f'href="{form_url}?page=3"' in third
