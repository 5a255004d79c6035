"""The three papers, rendered to real PDFs by WeasyPrint and read back with pypdf."""

import re
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from papers import documents
from papers.rendering import render_pdf
from recommendations.models import RecommendationPart
from responses.models import Response
from tests.factories import RecommendationFactory, agreed_response
from tests.papers.conftest import (
    DRAFT_STATEMENT,
    DRAFT_TEXT,
    SUBMITTED_STATEMENT,
    SUBMITTED_TEXT,
    pdf_pages,
    pdf_text,
)


def assert_in_order(text: str, needles: list[str]) -> None:
    positions = [text.index(needle) for needle in needles]
    assert positions == sorted(positions), needles


def assert_page_numbers(pages: list[str]) -> None:
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.django_db
class TestResponsePaper:
    def test_prints_the_header_block(self, paper_narrative, officer):
        text = pdf_text(render_pdf(documents.response_paper(paper_narrative.report, officer)))

        assert "Report author: Steve Walker" in text
        assert "Tel: 0113 378598" in text
        assert "Report of: Director of Children's Services" in text
        assert "Report to: Children and Families Scrutiny Board" in text
        assert "Date: 26 April 2012" in text
        assert "Subject: Response to Scrutiny inquiry report – external placements" in text
        assert "Ward(s): Armley; Beeston and Holbeck" in text
        assert "Access to Information Procedure Rule number: 10.4(3). Appendix number: 2." in text

    def test_sections_and_every_recommendation_in_order_with_numbered_paragraphs(
        self, paper_narrative, officer
    ):
        pages = pdf_pages(render_pdf(documents.response_paper(paper_narrative.report, officer)))
        text = " ".join(pages)

        assert_in_order(
            text,
            [
                "Summary of main issues",
                "1. SUMMARY-ONE",
                "1 Purpose of this report",
                "1.1 PURPOSE-ONE",
                "1.2 PURPOSE-TWO",
                "2 Background information",
                "2.2 The purpose of the inquiry was:",
                "BULLET-A",
                "3 Main issues",
                "3.1 INTRO-ONE",
                "3.2 Recommendation 1 – That the director reports on matter number 1 (REC1TEXT).",
                "3.2.1 AGREED-ONE",
                "3.3 Recommendation 2",
                "3.3.1 AGREED-TWO first paragraph.",
                "3.3.2 AGREED-TWO second paragraph.",
                "3.4 Recommendation 3",
                SUBMITTED_TEXT,
                "3.5 Recommendation 4 – That the director reports on matter number 4",
                "3.6 Recommendation 5",
                "4 Corporate considerations",
                "4.1 Consultation and engagement",
                "4.5 Legal implications, access to information and call-in",
                "4.5.1 None",
                "4.6 Risk management",
                "5 Conclusions",
                "5.1 CONCLUSION-ONE",
                "6 Recommendations",
                "6.1 Members are requested",
                "7 Background documents",
                "7.1 BACKGROUND-DOC-ONE",
            ],
        )
        assert_page_numbers(pages)

    def test_the_public_paper_has_no_drafts_and_nothing_unagreed(self, paper_narrative, anonymous):
        text = pdf_text(render_pdf(documents.response_paper(paper_narrative.report, anonymous)))

        assert "AGREED-ONE" in text
        assert DRAFT_TEXT not in text
        assert SUBMITTED_TEXT not in text
        assert "DRAFT-ONLY" not in text and "SUBMITTED-ONLY" not in text
        assert "3.5 Recommendation 4" in text  # the recommendation itself is public

    def test_the_directorate_never_prints_its_own_draft(self, paper_narrative, director_a):
        paper = documents.response_paper(paper_narrative.report, director_a)
        text = pdf_text(render_pdf(paper))

        assert SUBMITTED_TEXT in text
        assert "DRAFT-ONLY" not in text

    def test_a_report_without_narrative_prints_its_defaults(self, paper_report, officer):
        text = pdf_text(render_pdf(documents.response_paper(paper_report, officer)))

        assert f"Subject: Response to Scrutiny inquiry report – {paper_report.title}" in text
        assert "Report to: Scrutiny Board (Children and Families)" in text
        assert "Not yet written." in text

    def test_is_a_tagged_pdf_ua_with_title_and_language(self, paper_narrative, officer):
        pdf = render_pdf(documents.response_paper(paper_narrative.report, officer))
        reader = PdfReader(BytesIO(pdf))
        catalog = reader.trailer["/Root"]

        assert reader.metadata.title == "Response to Scrutiny inquiry report – external placements"
        assert catalog["/Lang"] == "en-GB"
        assert catalog["/MarkInfo"]["/Marked"]
        assert "/StructTreeRoot" in catalog
        assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
        assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()
        fonts = {
            font.get_object()["/BaseFont"]
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert fonts and all("Paper-Sans" in name for name in fonts)  # ours, from disk
        assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4


@pytest.mark.django_db
class TestTrackingReport:
    def test_every_due_recommendation_in_order_with_response_statement_and_statuses(
        self, tracking_meeting, officer
    ):
        pages = pdf_pages(render_pdf(documents.tracking_paper(tracking_meeting, officer)))
        text = " ".join(pages)

        assert "Recommendation tracking" in text
        assert "Key: the tracking scale" in text
        assert "Not achieved (Progress made acceptable. Continue monitoring)" in text
        assert_in_order(
            text,
            [
                "External placements",  # the inquiry, as a group heading
                "Recommendation 1",
                "REC1TEXT",
                "AGREED-ONE",
                "Recommendation 2",
                "REC2TEXT",
                SUBMITTED_STATEMENT,
                "Recommendation 3",
                "REC3TEXT",
            ],
        )
        assert "REC4TEXT" not in text  # not due at this meeting
        assert DRAFT_STATEMENT not in text
        assert_page_numbers(pages)

    def test_the_public_report_has_no_drafts_or_unagreed_responses(
        self, tracking_meeting, anonymous
    ):
        text = pdf_text(render_pdf(documents.tracking_paper(tracking_meeting, anonymous)))

        assert "REC3TEXT" in text
        assert SUBMITTED_TEXT not in text
        assert DRAFT_STATEMENT not in text
        assert SUBMITTED_STATEMENT not in text  # position statements are internal until agreed

    def test_the_header_row_repeats_on_every_page(self, tracking_meeting, officer, directorate_a):
        report = tracking_meeting.report_backs.first().report
        for number in range(6, 16):
            RecommendationFactory(
                report=report,
                number=number,
                directorate=directorate_a,
                report_back_meeting=tracking_meeting,
                text=" ".join([f"Recommendation text {number} that runs on."] * 25),
            )
        pages = pdf_pages(render_pdf(documents.tracking_paper(tracking_meeting, officer)))

        assert len(pages) >= 3
        assert all("Response and latest position statement" in page for page in pages)
        assert_in_order(" ".join(pages), [f"Recommendation {n} " for n in (1, 2, 3, *range(6, 16))])


@pytest.mark.django_db
class TestBriefing:
    def test_counts_overdue_and_due_on_one_or_two_pages(self, tracking_meeting, member):
        paper = documents.briefing_paper(tracking_meeting, member, date(2012, 7, 12))
        pages = pdf_pages(render_pdf(paper))
        text = " ".join(pages)

        assert len(pages) <= 2
        assert "Members' briefing: meeting of 19 July 2012" in text
        assert re.search(r"3 ?due for tracking at this meeting", text)
        assert re.search(r"1 ?position statement received for it", text)
        assert re.search(r"2 ?responses overdue", text)  # recommendations 4 and 5
        assert "Responses overdue" in text
        assert "Where the board's recommendations stand" in text
        assert_page_numbers(pages)


@pytest.mark.django_db
class TestLongRecommendations:
    """A recommendation too long for the rest of a page starts on that page all the same:
    no page holds only a group heading, or only the key."""

    def test_no_page_holds_only_a_heading_or_only_the_key(self, tracking_meeting, officer):
        first = tracking_meeting.committee.reports.get(title__isnull=False).recommendations.get(
            number=1
        )
        first.text = "\n\n".join(f"LONGPARA{n} " + "evidence " * 60 for n in range(14))
        first.save()
        pages = pdf_pages(render_pdf(documents.tracking_paper(tracking_meeting, officer)))
        assert "Key: the tracking scale" in pages[0]
        # The first recommendation starts on the page that holds the key and its heading.
        assert "LONGPARA0" in pages[0]
        for number, page in enumerate(pages, start=1):
            if "External placements" in page:
                assert "Recommendation" in page.split("External placements", 1)[1], number


@pytest.mark.django_db
class TestParts:
    """The papers print every part of a recommendation, and a partial acceptance says
    which parts it accepts."""

    def test_parts_and_the_parts_accepted_are_printed(self, tracking_meeting, officer):
        recommendation = tracking_meeting.committee.reports.get().recommendations.get(number=3)
        part_a = RecommendationPart.objects.create(
            recommendation=recommendation, label="a", text="PARTATEXT review the thresholds"
        )
        RecommendationPart.objects.create(
            recommendation=recommendation, label="b", text="PARTBTEXT publish the results"
        )
        Response.objects.filter(recommendation=recommendation).delete()
        agreed_response(
            recommendation,
            decision="partial",
            partial_acceptance_detail="Part b is for the executive.",
            accepted_parts=[part_a],
        )
        for paper in (
            documents.tracking_paper(tracking_meeting, officer),
            documents.response_paper(recommendation.report, officer),
        ):
            text = pdf_text(render_pdf(paper))
            assert "(a) PARTATEXT" in text
            assert "(b) PARTBTEXT" in text
            assert "Partially accepted (part a accepted)" in text
