"""Every write to the scrutiny record is attributable, and no officer's edit is lost."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from core.history import EditConflict
from core.services import record_save
from recommendations.models import Inquiry, Meeting, Recommendation, Report, TrackingAssessment
from recommendations.services import (
    PartText,
    TrackingDecision,
    assessments_record,
    recommendation_save,
    report_back_schedule,
)
from tests.factories import (
    InquiryFactory,
    MeetingFactory,
    OfficerFactory,
    RecommendationFactory,
    ReportFactory,
    tracking_status,
)


def latest_user(instance):
    return instance.history.order_by("-history_date", "-history_id").first().history_user


@pytest.mark.parametrize(
    "build",
    [
        lambda committee: Inquiry(committee=committee, title="Inquiry into respite care"),
        lambda committee: Meeting(committee=committee, date=date(2013, 1, 17)),
        lambda committee: Report(
            inquiry=InquiryFactory(committee=committee), title="Respite care", kind="final"
        ),
    ],
    ids=["inquiry", "meeting", "report"],
)
def test_record_save_leaves_a_history_entry_with_the_user(committee, officer, build):
    instance = record_save(instance=build(committee), user=officer)
    assert latest_user(instance) == officer


def test_recommendation_save_is_attributed(officer, published_report, directorate_a):
    recommendation = recommendation_save(
        recommendation=Recommendation(
            report=published_report, number=9, text="That the board …", directorate=directorate_a
        ),
        user=officer,
        parts=[PartText("a", "First."), PartText("b", "Second.")],
    )
    assert latest_user(recommendation) == officer


def test_report_back_schedule_is_attributed(officer, recommendation):
    report_back_schedule(
        recommendation=recommendation,
        user=officer,
        meeting=None,
        month=date(2012, 7, 1),
        every_months=None,
    )
    assert latest_user(recommendation) == officer


def test_assessments_record_attributes_the_decision_and_the_new_status(committee, officer):
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    recommendation = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=committee)),
        report_back_month=date(2012, 7, 1),
    )
    [assessment] = assessments_record(
        meeting=meeting,
        user=officer,
        decisions=[TrackingDecision(recommendation, tracking_status(2), "Done.")],
    )
    assert latest_user(assessment) == officer
    assert latest_user(Recommendation.objects.get(pk=recommendation.pk)) == officer


def test_a_stale_recommendation_edit_is_refused(officer, recommendation):
    opened_at = recommendation.version
    first = Recommendation.objects.get(pk=recommendation.pk)
    first.text = "First officer's wording."
    recommendation_save(recommendation=first, user=officer, expected_version=opened_at)
    second = Recommendation.objects.get(pk=recommendation.pk)
    second.text = "Second officer's wording."
    with pytest.raises(EditConflict, match="First officer"):
        recommendation_save(
            recommendation=second, user=OfficerFactory(), expected_version=opened_at
        )
    assert Recommendation.objects.get(pk=recommendation.pk).text == "First officer's wording."


def test_two_officers_recording_the_same_meeting_do_not_overwrite_each_other(client, committee):
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    recommendation = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=committee)),
        report_back_month=date(2012, 7, 1),
    )
    url = reverse("recommendations:assessments_record", args=[meeting.pk])
    prefix = f"rec-{recommendation.pk}"
    first, second = client, client.__class__()
    first.force_login(OfficerFactory(first_name="Ann", last_name="First"))
    second.force_login(OfficerFactory(first_name="Bob", last_name="Second"))
    for session in (first, second):
        assert f'name="{prefix}-version" value="0"' in session.get(url).text

    achieved, acceptable = tracking_status(2), tracking_status(4)
    saved = first.post(url, {f"{prefix}-status": achieved.pk, f"{prefix}-version": "0"})
    assert saved.status_code == 302
    refused = second.post(url, {f"{prefix}-status": acceptable.pk, f"{prefix}-version": "0"})

    assert refused.status_code == 200
    assert "Ann First recorded the board&#x27;s decision" in refused.text
    assert TrackingAssessment.objects.get().status == achieved
    # Bob's choice is still selected in his form, ready to save again deliberately.
    assert f'<option value="{acceptable.pk}" selected>' in refused.text
    assert f'name="{prefix}-version" value="1"' in refused.text


def test_an_untouched_row_does_not_overwrite_a_colleagues_decision(client, committee):
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    report = ReportFactory(inquiry=InquiryFactory(committee=committee))
    mine, theirs = (
        RecommendationFactory(report=report, report_back_month=date(2012, 7, 1)) for _ in range(2)
    )
    url = reverse("recommendations:assessments_record", args=[meeting.pk])
    client.force_login(OfficerFactory())
    assessments_record(
        meeting=meeting,
        user=OfficerFactory(),
        decisions=[TrackingDecision(theirs, tracking_status(3), "Obstacle.")],
    )
    # A form opened before that decision: my row changed, theirs left as it was shown.
    client.post(
        url,
        {
            f"rec-{mine.pk}-status": tracking_status(2).pk,
            f"rec-{mine.pk}-version": "0",
            f"rec-{theirs.pk}-status": "",
            f"rec-{theirs.pk}-version": "0",
        },
    )
    assert TrackingAssessment.objects.get(recommendation=theirs).status == tracking_status(3)
    assert TrackingAssessment.objects.get(recommendation=mine).status == tracking_status(2)


def test_officers_read_and_export_the_history_but_members_do_not(
    client, officer, member, recommendation
):
    edited = Recommendation.objects.get(pk=recommendation.pk)
    edited.text = '=HYPERLINK("http://evil")'
    recommendation_save(recommendation=edited, user=officer, expected_version=edited.version)

    client.force_login(member)
    assert "History of changes" not in client.get(recommendation.get_absolute_url()).text
    export = reverse("history_export", args=["recommendation", recommendation.pk])
    assert client.get(export).status_code == 403

    client.force_login(officer)
    assert "History of changes" in client.get(recommendation.get_absolute_url()).text
    rows = list(csv.reader(io.StringIO(client.get(export).content.decode())))
    assert rows[0] == ["When", "Who", "Change", "Field", "Before", "After"]
    text_change = next(row for row in rows if row[3] == "Recommendation text")
    assert text_change[1] == str(officer)
    assert text_change[5].startswith("'=")  # a spreadsheet will not run it
