"""One meeting with each kind of item: every page, paper and count gives the same figures
for it, because each asks the one deadline engine."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from deadlines.selectors import work_programme
from papers import documents
from recommendations.dates import first_of_month
from recommendations.models import Recommendation
from responses.models import PositionStatement, ResponseState
from tests.factories import (
    CommitteeMembershipFactory,
    DirectorateUserFactory,
    InquiryFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
)
from tests.viewkit import signed_in

pytestmark = pytest.mark.django_db


def _statement_in(recommendation):
    author = DirectorateUserFactory(directorate=recommendation.directorate)
    PositionStatement.objects.create(
        recommendation=recommendation,
        report_back_due_on=recommendation.next_report_back_on,
        text="Progress.",
        drafted_by=author,
        state=ResponseState.SUBMITTED,
        submitted_by=author,
        submitted_at=timezone.now(),
    )


@pytest.fixture
def meeting_with_everything(committee, officer, member):
    """The next meeting takes four report-backs (one named, one for its month with the
    statement in, one late without a statement, one late with it); one response is
    overdue; one report-back is for a later meeting."""
    today = timezone.localdate()
    CommitteeMembershipFactory(committee=committee, user=member)
    meeting = MeetingFactory(committee=committee, date=today + timedelta(days=20))
    later = MeetingFactory(committee=committee, date=today + timedelta(days=80))
    recent = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        title="Recent report",
        published_on=today - timedelta(days=10),
        received_on=today - timedelta(days=5),
    )
    old = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        title="Old report",
        published_on=today - timedelta(days=400),
        received_on=today - timedelta(days=390),
    )
    long_ago = first_of_month(today - timedelta(days=200))
    named = RecommendationFactory(report=recent, number=1, report_back_meeting=meeting)
    in_month = RecommendationFactory(
        report=recent, number=2, report_back_month=first_of_month(meeting.date)
    )
    late = RecommendationFactory(report=recent, number=3, report_back_month=long_ago)
    late_but_in = RecommendationFactory(report=recent, number=4, report_back_month=long_ago)
    RecommendationFactory(report=recent, number=5, report_back_meeting=later)
    response_overdue = RecommendationFactory(report=old, number=1)
    _statement_in(in_month)
    _statement_in(late_but_in)
    return {
        "meeting": meeting,
        "due": {named, in_month, late, late_but_in},
        "overdue_report_backs": {late},
        "overdue_responses": {response_overdue},
        "overdue": {late, response_overdue},
    }


def _pks(items):
    return {item.pk for item in items}


def test_every_page_and_paper_agrees_on_the_meeting(
    client, officer, member, meeting_with_everything
):
    world = meeting_with_everything
    meeting = world["meeting"]
    due = _pks(world["due"])
    officer_client = signed_in(officer)
    today = timezone.localdate()

    figures = {}
    programme = work_programme(meeting.committee, Recommendation.objects.all(), today)
    entry = next(e for e in programme if e.meeting == meeting)
    figures["work programme"] = {d.recommendation.pk for d in entry.report_backs}

    page = officer_client.get(meeting.get_absolute_url())
    figures["meeting page"] = {rec.pk for rec, _ in page.context["due"]}

    form = officer_client.get(reverse("recommendations:assessments_record", args=[meeting.pk]))
    figures["tracking form"] = {f.recommendation.pk for f in form.context["forms"]}

    tracking = documents.tracking_paper(meeting, officer)
    figures["tracking report"] = {
        item.recommendation.pk for group in tracking.context["groups"] for item in group.items
    }
    briefing = documents.briefing_paper(meeting, officer, today)
    figures["briefing"] = {item.recommendation.pk for item in briefing.context["due"]}

    for role, client_ in (("officer", officer_client), ("member", signed_in(member))):
        home = client_.get(reverse("home"))
        upcoming = dict(home.context["upcoming"])
        figures[f"{role}'s home"] = _pks(upcoming[meeting])

    assert figures == {name: due for name in figures}, figures
    assert tracking.context["count"] == len(due)
    assert briefing.context["due"].total == len(due)

    # Overdue: the same rows and counts on the home pages, the briefing and the list.
    overdue_report_backs = _pks(world["overdue_report_backs"])
    overdue_responses = _pks(world["overdue_responses"])
    assert _pks(briefing.context["overdue_report_backs"].items) == overdue_report_backs
    assert _pks(briefing.context["overdue_responses"].items) == overdue_responses
    for client_ in (officer_client, signed_in(member)):
        attention = client_.get(reverse("home")).context["attention"]
        assert {d.recommendation.pk for d in attention.overdue_report_backs} == (
            overdue_report_backs
        )
        assert {d.recommendation.pk for d in attention.overdue_responses} == overdue_responses
    listed = officer_client.get(reverse("recommendations:recommendation_list") + "?overdue=on")
    assert _pks(listed.context["object_list"]) == _pks(world["overdue"])


def test_a_report_back_with_its_statement_in_is_not_called_overdue(
    client, officer, meeting_with_everything
):
    late_but_in = next(
        r
        for r in meeting_with_everything["due"]
        if r.pk not in _pks(meeting_with_everything["overdue_report_backs"])
        and r.report_back_month
        and r.next_report_back_on < timezone.localdate()
    )
    html = signed_in(officer).get(late_but_in.get_absolute_url()).content.decode()
    assert "days late" not in html
    assert "Submitted" in html
