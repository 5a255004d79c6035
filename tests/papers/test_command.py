"""`manage.py render_paper` writes the same PDFs without the web server."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from papers.models import ResponsePaper
from scrutiny.demo.papers import EXTERNAL_PLACEMENTS_PAPER
from tests.papers.conftest import DRAFT_TEXT, SUBMITTED_STATEMENT, SUBMITTED_TEXT, pdf_pages


def render(*args) -> str:
    out = StringIO()
    call_command("render_paper", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
class TestRenderPaper:
    def test_response_paper(self, paper_narrative, tmp_path):
        output = tmp_path / "response.pdf"
        assert "Wrote" in render(
            "response", "--report", str(paper_narrative.report_id), "--output", str(output)
        )

        pages = pdf_pages(output.read_bytes())
        assert f"Page 1 of {len(pages)}" in pages[0]
        text = " ".join(pages)
        assert "AGREED-ONE" in text
        assert SUBMITTED_TEXT not in text and DRAFT_TEXT not in text  # the public's paper

    def test_tracking_report_as_a_user(self, tracking_meeting, officer, tmp_path):
        output = tmp_path / "tracking.pdf"
        render(
            "tracking",
            "--meeting",
            str(tracking_meeting.pk),
            "--output",
            str(output),
            "--user",
            "officer",
        )

        assert SUBMITTED_STATEMENT in " ".join(pdf_pages(output.read_bytes()))

    def test_briefing_on_a_date_and_html(self, tracking_meeting, tmp_path):
        pdf, html = tmp_path / "briefing.pdf", tmp_path / "briefing.html"
        render(
            "briefing",
            "--meeting",
            str(tracking_meeting.pk),
            "-o",
            str(pdf),
            "--date",
            "2012-07-12",
        )
        render("briefing", "--meeting", str(tracking_meeting.pk), "-o", str(html), "--html")

        assert "Position on 12 July 2012" in " ".join(pdf_pages(pdf.read_bytes()))
        assert html.read_text().startswith("<!DOCTYPE html>")
        assert "papers/print.css" in html.read_text()

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["response", "--report", "999999"], "There is no report with id 999999"),
            (["response"], "A response paper needs --report"),
            (["tracking", "--meeting", "999999"], "There is no meeting with id 999999"),
            (["briefing"], "A briefing paper needs --meeting"),
            (["tracking", "--meeting", "1", "--user", "nobody"], "There is no user 'nobody'"),
        ],
    )
    def test_bad_arguments_are_clear_errors(self, db, tmp_path, args, message):
        with pytest.raises(CommandError, match=message):
            render(*args, "--output", str(tmp_path / "x.pdf"))
        assert not (tmp_path / "x.pdf").exists()

    def test_an_exempt_report_needs_a_user_who_may_read_it(self, committee, tmp_path, officer):
        from tests.factories import ReportFactory

        report = ReportFactory(inquiry__committee=committee, exempt=True)
        with pytest.raises(CommandError, match="not public"):
            render("response", "--report", str(report.pk), "-o", str(tmp_path / "x.pdf"))
        render(
            "response",
            "--report",
            str(report.pk),
            "-o",
            str(tmp_path / "x.pdf"),
            "--user",
            "officer",
        )
        assert "NOT FOR PUBLICATION" in " ".join(pdf_pages((tmp_path / "x.pdf").read_bytes()))

    def test_a_timeout_is_a_clear_error(self, tracking_meeting, tmp_path):
        with pytest.raises(CommandError, match="took longer than"):
            render(
                "tracking",
                "--meeting",
                str(tracking_meeting.pk),
                "-o",
                str(tmp_path / "x.pdf"),
                "--timeout",
                "0.001",
            )


@pytest.mark.django_db
def test_load_demo_writes_seed_004s_narrative_once(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=StringIO())
    paper = ResponsePaper.objects.get()
    assert paper.report.title == "Inquiry into external placements"
    assert paper.paper_date == date(2012, 4, 26)
    assert paper.report_to == "Children and Families Scrutiny Board"
    assert paper.subject == "Response to Scrutiny inquiry report – external placements"
    assert not (paper.wards_affected or paper.equality_implications)
    assert not (paper.eligible_for_call_in or paper.contains_exempt_information)
    assert paper.background.count("\n\n") == 3  # 2.1 to 2.4
    assert paper.legal == "None"
    for name, value in EXTERNAL_PLACEMENTS_PAPER.items():
        assert getattr(paper, name) == value
    updated = paper.updated_at

    call_command("load_demo", stdout=StringIO())
    assert ResponsePaper.objects.get().updated_at == updated
