"""The improvement plan monitoring report: findings by timescale, the actions answering
them, what is unanswered and what is overdue; a preview, a PDF and the command."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from council.selectors import forget_council_settings
from inspections import services
from inspections.models import ImprovementAction
from papers import documents
from papers.rendering import render_html, render_pdf
from tests.inspections.factories import ActionFactory, PlanFactory, StrandFactory
from tests.papers.conftest import pdf_pages, pdf_text

TODAY = date(2013, 6, 1)


def add_finding(inspection, officer, number, timescale):
    return services.area_save(
        inspection=inspection,
        user=officer,
        number=number,
        text=f"FINDING-{number} text of the area for improvement.",
        timescale=timescale,
        theme="Safeguarding",
    )


@pytest.fixture
def plan(inspection, officer, committee):
    """Findings 1–4: 1 within six months, 2 immediately, 3 within three months (all
    answered), 4 within six months (answered by nothing). One action is overdue."""
    findings = {
        number: add_finding(inspection, officer, number, timescale)
        for number, timescale in (
            (1, "six_months"),
            (2, "immediately"),
            (3, "three_months"),
            (4, "six_months"),
        )
    }
    plan = PlanFactory(
        title="PLAN-TITLE Children's services improvement plan",
        committee=committee,
        inspection=inspection,
    )
    strand = StrandFactory(plan=plan, number=1, title="Safeguarding practice")
    late = ActionFactory(
        strand=strand,
        title="LATE-ACTION audit every core assessment",
        owner="Head of Safeguarding",
        due_on=date(2013, 3, 31),
        state=ImprovementAction.State.IN_PROGRESS,
        rag=ImprovementAction.Rag.RED,
        percent_complete=40,
        progress="PROGRESS-NOTE half of the audits are done.",
    )
    late.answers.add(findings[2], findings[3])
    done = ActionFactory(
        strand=strand,
        title="DONE-ACTION train the social workers",
        due_on=date(2013, 1, 31),
        state=ImprovementAction.State.COMPLETE,
        rag=ImprovementAction.Rag.GREEN,
    )
    done.answers.add(findings[1])
    return plan


def order_of(text: str, *needles: str) -> list[int]:
    return [text.index(needle) for needle in needles]


@pytest.mark.django_db
class TestPlanPaper:
    def test_findings_by_timescale_with_their_actions(self, plan):
        paper = documents.plan_paper(plan, User(), TODAY)

        groups = paper.context["groups"]
        assert [g.timescale for g in groups] == ["immediately", "three_months", "six_months"]
        assert [[f.finding.number for f in g.findings] for g in groups] == [[2], [3], [1, 4]]
        assert [a.title[:11] for a in groups[0].findings[0].actions] == ["LATE-ACTION"]
        assert groups[2].findings[1].actions == []
        assert [r.number for r in paper.context["unanswered"]] == [4]
        assert [a.title[:11] for a in paper.context["overdue_actions"]] == ["LATE-ACTION"]

    def test_a_constant_number_of_queries(self, plan, inspection, officer):
        def queries() -> int:
            forget_council_settings()  # as at the start of each request
            with CaptureQueriesContext(connection) as captured:
                render_html(documents.plan_paper(plan, officer, TODAY))
            return len(captured)

        before = queries()
        strand = StrandFactory(plan=plan)
        for number in (5, 6, 7):
            action = ActionFactory(strand=strand, due_on=date(2013, 1, 1))
            action.answers.add(add_finding(inspection, officer, number, "three_months"))
        add_finding(inspection, officer, 8, "immediately")
        assert queries() == before

    def test_the_pdf_reads_back(self, plan):
        pages = pdf_pages(render_pdf(documents.plan_paper(plan, User(), TODAY), timeout=None))
        text = " ".join(pages)

        assert "PLAN-TITLE" in text
        assert f"Page 1 of {len(pages)}" in pages[0]
        immediately, three, six = order_of(
            text, "Immediately", "Within three months", "Within six months"
        )
        assert immediately < three < six
        findings = order_of(text, "FINDING-2", "FINDING-3", "FINDING-1", "FINDING-4")
        assert findings == sorted(findings)
        assert immediately < findings[0] < three < findings[1] < six < findings[2]
        assert "Not yet answered by any action" in text
        assert "LATE-ACTION" in text and "PROGRESS-NOTE" in text and "(overdue)" in text
        assert "Head of Safeguarding" in text


@pytest.mark.django_db
class TestPlanReportViews:
    def test_preview_and_pdf(self, client, plan):
        preview = client.get(reverse("papers:plan_preview", args=[plan.pk]))
        assert preview.status_code == 200
        assert b"PLAN-TITLE" in preview.content and b"FINDING-4" in preview.content

        response = client.get(reverse("papers:plan_pdf", args=[plan.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert "PLAN-TITLE" in pdf_text(response.content)

    def test_the_plan_page_links_to_it(self, client, plan):
        page = client.get(plan.get_absolute_url()).content.decode()
        assert reverse("papers:plan_preview", args=[plan.pk]) in page
        assert reverse("papers:plan_pdf", args=[plan.pk]) in page

    @pytest.mark.parametrize("name", ["papers:plan_preview", "papers:plan_pdf"])
    def test_an_unpublished_plan_is_for_the_council_only(self, client, officer, name):
        plan = PlanFactory(published_on=None)
        url = reverse(name, args=[plan.pk])
        assert client.get(url).status_code == 404  # private: as if nothing were there
        client.force_login(officer)
        assert client.get(url).status_code == 200


@pytest.mark.django_db
class TestRenderPlanPaper:
    def test_the_command_writes_a_pdf(self, plan, tmp_path):
        output = tmp_path / "plan.pdf"
        call_command(
            "render_paper",
            "plan",
            "--plan",
            str(plan.pk),
            "--output",
            str(output),
            "--date",
            "2013-06-01",
        )
        pages = pdf_pages(output.read_bytes())
        assert "PLAN-TITLE" in pages[0] and f"Page 1 of {len(pages)}" in pages[0]

    def test_a_bad_id_is_a_command_error(self, tmp_path):
        with pytest.raises(CommandError, match="no improvement plan"):
            call_command("render_paper", "plan", "--plan", "999999", "-o", str(tmp_path / "x"))

    def test_an_unpublished_plan_needs_a_user(self, tmp_path):
        plan = PlanFactory(published_on=None)
        with pytest.raises(CommandError, match="not public"):
            call_command("render_paper", "plan", "--plan", str(plan.pk), "-o", str(tmp_path / "x"))


# --- Issue 12: the marking, and an unpublished inspection stays unpublished --------------


def test_a_plan_paper_printing_an_exempt_recommendation_is_marked_not_for_publication(
    plan, officer, committee
):
    """Finding 5: the same rule as the other papers (papers.documents.not_for_publication)."""
    from tests.factories import InquiryFactory, RecommendationFactory, ReportFactory

    exempt = ReportFactory(inquiry=InquiryFactory(committee=committee), exempt=True)
    RecommendationFactory(report=exempt, text="EXEMPT-RECOMMENDATION about a named child")
    paper = documents.plan_paper(plan, officer, TODAY)
    html = render_html(paper)
    assert "EXEMPT-RECOMMENDATION" in html
    assert paper.not_for_publication
    assert "NOT FOR PUBLICATION" in html
    assert "Not for publication" in html


def test_a_plan_paper_with_nothing_exempt_is_not_marked(plan, officer):
    paper = documents.plan_paper(plan, officer, TODAY)
    assert not paper.not_for_publication
    assert "NOT FOR PUBLICATION" not in render_html(paper)


def test_a_published_plan_does_not_show_the_title_of_an_unpublished_inspection(
    client, committee, directorate_a
):
    """Finding 7: neither its page nor its paper."""
    from tests.inspections.factories import InspectionFactory

    hidden = InspectionFactory(
        committee=committee,
        directorate=directorate_a,
        title="UNPUBLISHED-INSPECTION of the fostering service",
        on_site_from=None,
        on_site_to=None,
        published_on=None,
    )
    plan = PlanFactory(committee=committee, inspection=hidden, published_on=date(2012, 1, 5))
    for url in [
        plan.get_absolute_url(),
        reverse("papers:plan_preview", args=[plan.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "UNPUBLISHED-INSPECTION" not in response.content.decode(), url
    assert "UNPUBLISHED-INSPECTION" not in pdf_text(
        client.get(reverse("papers:plan_pdf", args=[plan.pk])).content
    )
