"""Fixtures for the papers: a report with responses in every state, a meeting to track at."""

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from papers.models import ResponsePaper
from recommendations.models import Meeting
from recommendations.services import TrackingDecision, assessments_record
from responses import services as response_services
from tests.factories import (
    DirectorateUserFactory,
    MeetingFactory,
    OfficerFactory,
    RecommendationFactory,
    ResponseFactory,
    agreed_response,
    submitted_response,
    tracking_status,
)
from tests.inspections.conftest import finding, inspection  # noqa: F401 - fixtures used here

DRAFT_TEXT = "DRAFT-ONLY wording the directorate has not yet submitted."
SUBMITTED_TEXT = "SUBMITTED-ONLY wording not yet agreed by the board."
DRAFT_STATEMENT = "DRAFT-STATEMENT progress not yet submitted."
SUBMITTED_STATEMENT = "SUBMITTED-STATEMENT the placements panel now meets monthly."


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text, whitespace collapsed (lines wrap where the layout says)."""
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def pdf_text(pdf: bytes) -> str:
    return " ".join(pdf_pages(pdf))


@pytest.fixture
def paper_report(published_report, directorate_a):
    """The published report's recommendations 1–3 plus 4 and 5: 1 and 2 agreed, 3 submitted
    (not agreed), 4 a draft, 5 with no response."""
    recs = {rec.number: rec for rec in published_report.recommendations.all()}
    for number in (4, 5):
        recs[number] = RecommendationFactory(
            report=published_report, number=number, directorate=directorate_a
        )
    for number, rec in recs.items():
        rec.text = f"That the director reports on matter number {number} (REC{number}TEXT)."
        rec.save()
    agreed_response(recs[1], text="AGREED-ONE response: the recommendation is accepted.")
    agreed_response(
        recs[2],
        text="AGREED-TWO first paragraph.\n\nAGREED-TWO second paragraph.",
    )
    submitted_response(recs[3], text=SUBMITTED_TEXT)
    ResponseFactory(recommendation=recs[4], text=DRAFT_TEXT)
    return published_report


@pytest.fixture
def paper_narrative(paper_report, officer):
    return ResponsePaper.objects.create(
        report=paper_report,
        author_name="Steve Walker",
        author_telephone="0113 378598",
        report_of="Director of Children's Services",
        report_to="Children and Families Scrutiny Board",
        paper_date=date(2012, 4, 26),
        subject="Response to Scrutiny inquiry report – external placements",
        wards_affected=True,
        ward_names="Armley; Beeston and Holbeck",
        contains_exempt_information=True,
        exempt_rule_number="10.4(3)",
        exempt_appendix_number="2",
        summary_of_main_issues="SUMMARY-ONE sets out the response.",
        purpose="PURPOSE-ONE sets out the response.\n\nPURPOSE-TWO follows it.",
        background="BACKGROUND-ONE.\n\nThe purpose of the inquiry was:\n- BULLET-A; and\n- BULLET-B.",
        main_issues_introduction="INTRO-ONE considers each recommendation.",
        legal="None",
        conclusions="CONCLUSION-ONE.",
        recommendations="Members are requested to approve the proposed responses.",
        background_documents="BACKGROUND-DOC-ONE",
        updated_by=officer,
    )


@pytest.fixture
def tracking_meeting(paper_report, directorate_a) -> Meeting:
    """A meeting of the report's board at which recommendations 1, 2 and 3 are due;
    2 has a submitted statement for it, 3 a draft one; 1 was assessed at an earlier meeting."""
    committee = paper_report.inquiry.committee
    earlier = MeetingFactory(committee=committee, date=date(2012, 4, 26))
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    recs = {rec.number: rec for rec in paper_report.recommendations.all()}
    for number in (1, 2, 3):
        recs[number].report_back_meeting = meeting
        recs[number].save()
    author = DirectorateUserFactory(directorate=directorate_a)
    statement = response_services.position_statement_save_draft(
        recommendation=recs[2],
        user=author,
        report_back_due_on=meeting.date,
        meeting=meeting,
        text=SUBMITTED_STATEMENT,
        proposed_status=tracking_status(2),
    )
    response_services.position_statement_submit(statement=statement, user=author)
    response_services.position_statement_save_draft(
        recommendation=recs[3],
        user=author,
        report_back_due_on=meeting.date,
        meeting=meeting,
        text=DRAFT_STATEMENT,
    )
    assessments_record(
        meeting=earlier,
        decisions=[TrackingDecision(recommendation=recs[1], status=tracking_status(4))],
        user=OfficerFactory(),
    )
    return meeting


def add_due(meeting: Meeting, numbers, **fields) -> None:
    """More recommendations of the meeting's report, numbered `numbers`, due at it."""
    report = meeting.report_backs.first().report
    for number in numbers:
        RecommendationFactory(
            report=report,
            number=number,
            directorate=report.recommendations.first().directorate,
            report_back_meeting=meeting,
            **fields,
        )
