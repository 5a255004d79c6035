"""What goes into the papers, without rendering them."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from papers import documents
from papers.rendering import render_html
from tests.factories import tracking_status
from tests.papers.conftest import add_due


@pytest.mark.django_db
class TestBriefing:
    def test_it_counts_the_statements_the_tracking_report_marks_received(
        self, tracking_meeting, officer
    ):
        # 2 has a submitted statement for the meeting; 3 only a draft, which is not counted.
        briefing = documents.briefing_paper(tracking_meeting, officer, date(2012, 7, 12))
        tracking = documents.tracking_items(tracking_meeting, officer)

        assert briefing.context["statements_in"] == 1
        assert [i.recommendation.pk for i in tracking if i.statement_for_meeting] == [
            tracking_meeting.report_backs.get(number=2).pk
        ]

    def test_it_names_the_first_ten_due_in_the_tracking_reports_order_and_counts_the_rest(
        self, tracking_meeting, officer
    ):
        add_due(tracking_meeting, range(6, 20))

        due = documents.briefing_paper(tracking_meeting, officer, date(2012, 7, 12)).context["due"]
        every = documents.tracking_items(tracking_meeting, officer)

        assert [item.recommendation.pk for item in due] == [
            item.recommendation.pk for item in every[:10]
        ]
        assert (due.total, due.more) == (len(every), len(every) - 10)
        assert "And 7 more: see the recommendation tracking report." in render_html(
            documents.briefing_paper(tracking_meeting, officer, date(2012, 7, 12))
        )


@pytest.mark.django_db
class TestTrackingItems:
    def test_status_before_proposed_and_decision(self, tracking_meeting, officer):
        items = {
            i.recommendation.number: i for i in documents.tracking_items(tracking_meeting, officer)
        }

        assert list(items) == [1, 2, 3]
        assert items[1].status_before == tracking_status(4)  # assessed at the earlier meeting
        assert items[2].status_before is None
        assert items[2].proposed_status == tracking_status(2)
        assert items[2].statement_for_meeting
        assert items[3].statement is None  # a draft is never printed
        assert all(item.decision is None for item in items.values())

    def test_the_decision_recorded_at_the_meeting_is_printed(self, tracking_meeting, officer):
        from recommendations.services import TrackingDecision, assessments_record

        rec = tracking_meeting.report_backs.get(number=2)
        assessments_record(
            meeting=tracking_meeting,
            decisions=[
                TrackingDecision(recommendation=rec, status=tracking_status(2), comment="Well done")
            ],
            user=officer,
        )
        items = {
            i.recommendation.number: i for i in documents.tracking_items(tracking_meeting, officer)
        }

        assert items[2].decision.status == tracking_status(2)
        assert items[2].status_before is None  # the decision at this meeting is not "before"

    def test_queries_do_not_grow_with_the_recommendations(self, tracking_meeting, officer):
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                render_html(documents.tracking_paper(tracking_meeting, officer))
                render_html(documents.briefing_paper(tracking_meeting, officer, date(2012, 7, 12)))
            return len(queries)

        # Past the briefing's lists' limit, so both counts page the same.
        add_due(tracking_meeting, range(6, 16))
        before = count()
        add_due(tracking_meeting, range(16, 46))
        assert count() == before


@pytest.mark.django_db
def test_response_paper_defaults(paper_report):
    defaults = documents.response_paper_defaults(paper_report)

    assert defaults["report_of"] == "Director of Children's Services"  # 4 of its 5 recommendations
    assert defaults["report_to"] == paper_report.inquiry.committee.name
    assert defaults["subject"].startswith("Response to Scrutiny inquiry report – ")
    assert documents.response_paper_for_editing(paper_report).pk is None


@pytest.mark.django_db
def test_an_inspections_findings_are_grouped_under_the_inspection(
    tracking_meeting, finding, officer
):
    """Reports come from inquiries or inspections: a tracking report groups by either."""
    finding.report_back_meeting = tracking_meeting
    finding.save()
    paper = documents.tracking_paper(tracking_meeting, officer)
    titles = [group.source.title for group in paper.context["groups"]]

    assert finding.report.inspection.title in titles
    assert "External placements" in titles
    defaults = documents.response_paper_defaults(finding.report)
    assert defaults["subject"].startswith("Response to inspection report – ")
    assert "Response to inspection report" in render_html(
        documents.response_paper(finding.report, officer)
    )


def test_a_tracking_reports_file_name_says_what_it_is(db):
    from datetime import date

    from django.contrib.auth.models import AnonymousUser

    from papers import documents
    from tests.factories import CommitteeFactory, MeetingFactory

    meeting = MeetingFactory(
        committee=CommitteeFactory(name="Scrutiny Board (Children and Families)"),
        date=date(2012, 7, 19),
    )
    public = AnonymousUser()
    assert (
        documents.tracking_paper(meeting, public).filename
        == "tracking-report-children-and-families-2012-07-19.pdf"
    )
    assert (
        documents.briefing_paper(meeting, public, date(2012, 7, 1)).filename
        == "members-briefing-children-and-families-2012-07-19.pdf"
    )


def test_a_file_name_is_plain_ascii_whatever_the_title():
    from datetime import date

    from papers.documents import paper_filename

    name = paper_filename("response-report", "Inquiry: “Ofsted” – résumé <b>!", date(2012, 3, 1))
    assert name == "response-report-inquiry-ofsted-resume-b-2012-03-01.pdf"
