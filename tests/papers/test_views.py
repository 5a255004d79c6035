"""The papers' pages: previews, PDFs, the narrative form, permissions and the error page."""

import pytest
from django.urls import reverse
from django.utils.text import slugify

from papers.models import ResponsePaper
from papers.pdf import PaperRenderError
from tests.factories import ReportFactory
from tests.papers.conftest import DRAFT_TEXT, SUBMITTED_TEXT, pdf_text


@pytest.mark.django_db
class TestPreviewsAndPdfs:
    def test_response_paper_preview_and_pdf(self, client, paper_narrative):
        report = paper_narrative.report
        page = client.get(reverse("papers:response_preview", args=[report.pk]))
        assert page.status_code == 200
        html = page.content.decode()
        assert "AGREED-ONE" in html
        assert SUBMITTED_TEXT not in html and DRAFT_TEXT not in html
        assert reverse("papers:response_pdf", args=[report.pk]) in html

        pdf = client.get(reverse("papers:response_pdf", args=[report.pk]))
        assert pdf.status_code == 200
        assert pdf["Content-Type"] == "application/pdf"
        expected = f"response-report-{slugify(report.title)}-{report.published_on}.pdf"
        assert f'filename="{expected}"' in pdf["Content-Disposition"]
        text = pdf_text(pdf.content)
        assert "AGREED-ONE" in text
        assert SUBMITTED_TEXT not in text

    def test_meeting_papers_preview_and_pdf(self, client, tracking_meeting):
        for preview, download in (
            ("papers:tracking_preview", "papers:tracking_pdf"),
            ("papers:briefing_preview", "papers:briefing_pdf"),
        ):
            assert client.get(reverse(preview, args=[tracking_meeting.pk])).status_code == 200
            pdf = client.get(reverse(download, args=[tracking_meeting.pk]))
            assert pdf.status_code == 200
            assert pdf.content.startswith(b"%PDF-")

    @pytest.mark.parametrize(
        "name",
        [
            "papers:response_preview",
            "papers:response_pdf",
            "papers:tracking_preview",
            "papers:tracking_pdf",
            "papers:briefing_preview",
            "papers:briefing_pdf",
        ],
    )
    def test_unknown_ids_are_not_found(self, client, officer, name):
        client.force_login(officer)
        assert client.get(reverse(name, args=[999999])).status_code == 404

    def test_an_exempt_report_paper_is_not_public(self, client, member, committee):
        report = ReportFactory(inquiry__committee=committee, exempt=True)
        url = reverse("papers:response_pdf", args=[report.pk])

        assert client.get(url).status_code == 404  # private: as if nothing were there
        client.force_login(member)
        page = client.get(reverse("papers:response_preview", args=[report.pk]))
        assert page.status_code == 200
        assert "Not for publication" in page.content.decode()

    def test_links_from_the_meeting_report_and_inquiry_pages(self, client, tracking_meeting):
        report = tracking_meeting.report_backs.first().report
        meeting_page = client.get(tracking_meeting.get_absolute_url()).content.decode()
        assert reverse("papers:tracking_pdf", args=[tracking_meeting.pk]) in meeting_page
        assert reverse("papers:briefing_pdf", args=[tracking_meeting.pk]) in meeting_page
        report_page = client.get(report.get_absolute_url()).content.decode()
        assert reverse("papers:response_pdf", args=[report.pk]) in report_page
        inquiry_page = client.get(report.inquiry.get_absolute_url()).content.decode()
        assert reverse("papers:response_preview", args=[report.pk]) in inquiry_page


@pytest.mark.django_db
class TestErrorPage:
    def test_a_paper_that_takes_too_long_gets_a_clear_error_page(
        self, client, tracking_meeting, settings
    ):
        settings.PAPERS_RENDER_TIMEOUT_SECONDS = 0.001
        response = client.get(reverse("papers:tracking_pdf", args=[tracking_meeting.pk]))

        assert response.status_code == 503
        html = response.content.decode()
        assert "Sorry, the PDF of this paper could not be made" in html
        assert "took too long" in html
        assert reverse("papers:tracking_preview", args=[tracking_meeting.pk]) in html

    def test_a_renderer_failure_gets_the_error_page(self, client, tracking_meeting, monkeypatch):
        def broken(*args, **kwargs):
            raise PaperRenderError("RuntimeError: cairo gave up")

        monkeypatch.setattr("papers.rendering.html_to_pdf", broken)
        response = client.get(reverse("papers:briefing_pdf", args=[tracking_meeting.pk]))

        assert response.status_code == 503
        assert "Something went wrong" in response.content.decode()


@pytest.mark.django_db
class TestNarrativeForm:
    def test_an_officer_writes_the_narrative(self, client, officer, paper_report):
        client.force_login(officer)
        url = reverse("papers:response_edit", args=[paper_report.pk])
        form = client.get(url)
        assert form.status_code == 200
        assert "Response to Scrutiny inquiry report" in form.content.decode()  # the default

        response = client.post(
            url,
            {
                "report_of": "Director of Children's Services",
                "report_to": "Children and Families Scrutiny Board",
                "paper_date": "2012-04-26",
                "subject": "Response to Scrutiny inquiry report – external placements",
                "purpose": "This report sets out the response.",
            },
        )

        assert response.status_code == 302
        paper = ResponsePaper.objects.get(report=paper_report)
        assert paper.purpose == "This report sets out the response."
        assert paper.updated_by == officer

    def test_wards_must_be_named_when_affected(self, client, officer, paper_report):
        client.force_login(officer)
        response = client.post(
            reverse("papers:response_edit", args=[paper_report.pk]),
            {"wards_affected": "on", "contains_exempt_information": "on"},
        )

        assert response.status_code == 200
        html = response.content.decode()
        assert "There is a problem" in html
        assert "Enter the names of the wards affected" in html
        assert "Enter the Access to Information Procedure Rule number" in html
        assert not ResponsePaper.objects.exists()

    def test_only_officers_write_it(self, client, member, director_a, paper_report):
        url = reverse("papers:response_edit", args=[paper_report.pk])
        assert client.get(url).status_code == 302
        for user in (member, director_a):
            client.force_login(user)
            assert client.get(url).status_code == 403
            assert client.post(url, {"purpose": "x"}).status_code == 403
        assert not ResponsePaper.objects.exists()


@pytest.mark.django_db
class TestALongPaper:
    """The tracking meeting's three recommendations, with previews of two."""

    @pytest.fixture(autouse=True)
    def short_previews(self, settings):
        settings.PAPERS_PREVIEW_MAX_RECOMMENDATIONS = 2

    def test_its_preview_shows_the_beginning_and_says_so(self, client, officer, tracking_meeting):
        client.force_login(officer)

        page = client.get(reverse("papers:tracking_preview", args=[tracking_meeting.pk]))

        assert [item.recommendation.number for g in page.context["groups"] for item in g.items] == [
            1,
            2,
        ]
        assert "This paper sets out 3 recommendations. The preview shows the first 2" in page.text
        assert "3 recommendations are due for tracking at this meeting" in page.text

    def test_its_pdf_has_every_recommendation(self, client, officer, tracking_meeting):
        client.force_login(officer)

        pdf = client.get(reverse("papers:tracking_pdf", args=[tracking_meeting.pk]))

        assert "3 recommendations are due for tracking" in pdf_text(pdf.content)

    def test_its_beginning_is_never_printed_as_the_paper(self, tracking_meeting, officer):
        from papers import documents
        from papers.rendering import render_html

        beginning = documents.tracking_paper(tracking_meeting, officer, limit=2)

        assert (beginning.complete, beginning.size) == (False, 3)
        with pytest.raises(ValueError, match="not printed"):
            render_html(beginning)

    def test_a_short_paper_is_previewed_whole(self, client, officer, tracking_meeting, settings):
        settings.PAPERS_PREVIEW_MAX_RECOMMENDATIONS = 3
        client.force_login(officer)

        page = client.get(reverse("papers:tracking_preview", args=[tracking_meeting.pk]))

        assert "The preview shows the first" not in page.text
        assert [item.recommendation.number for g in page.context["groups"] for item in g.items] == [
            1,
            2,
            3,
        ]
