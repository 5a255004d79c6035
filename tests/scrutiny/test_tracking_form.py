"""The meeting's tracking form shows what the directorate said beside each
recommendation: its latest submitted position statement and the status it proposes."""

from datetime import date

import pytest
from django.urls import reverse

from responses import services
from tests.factories import MeetingFactory, PositionStatementFactory, tracking_status
from tests.viewkit import page, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_meeting(recommendation):
    meeting = MeetingFactory(committee=recommendation.report.committee, date=date(2012, 7, 19))
    recommendation.report_back_meeting = meeting
    recommendation.save()
    return meeting


def test_the_form_shows_the_submitted_statement_and_its_proposed_status(
    officer, director_a, recommendation, due_meeting
):
    statement = PositionStatementFactory(
        recommendation=recommendation,
        report_back_due_on=due_meeting.date,
        meeting=due_meeting,
        text="STATEMENT: the panel now meets monthly.",
        proposed_status=tracking_status(2),
    )
    services.position_statement_submit(statement=statement, user=director_a)

    shown = page(
        signed_in(officer).get(reverse("recommendations:assessments_record", args=[due_meeting.pk]))
    )

    assert "STATEMENT: the panel now meets monthly." in shown
    assert "Status it proposes:" in shown
    assert tracking_status(2).name in shown.split("Status it proposes:")[1][:400]


def test_a_draft_statement_is_not_shown_to_the_officer(officer, recommendation, due_meeting):
    PositionStatementFactory(
        recommendation=recommendation,
        report_back_due_on=due_meeting.date,
        text="DRAFT-STATEMENT",
    )
    shown = page(
        signed_in(officer).get(reverse("recommendations:assessments_record", args=[due_meeting.pk]))
    )
    assert "DRAFT-STATEMENT" not in shown
    assert "No position statement has been submitted for this meeting." in shown
