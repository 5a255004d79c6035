"""Bringing trackers in and pasting recommendations, in a real browser (issue 13)."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from exchange.models import ImportJob
from recommendations.models import Recommendation, Report
from tests.e2e.conftest import screenshot, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SAMPLE = (
    Path(__file__).resolve().parents[2] / "docs" / "samples" / "environment-scrutiny-tracker.xlsx"
)
BOARD = "Scrutiny Board (Environment and Neighbourhoods)"


def test_an_officer_imports_the_sample_tracker(demo, page, audit):
    sign_in(page, audit, "officer")
    page.goto("/recommendations/")
    audit.check()
    page.get_by_role("link", name="import a tracker spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a tracker spreadsheet")
    audit.check()
    page.get_by_label("Tracker file").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SAMPLE.name)
    expect(page.get_by_role("table", name="Problems")).to_contain_text(
        "The file has no Committee column"
    )
    audit.check()
    expect(page.get_by_label("Column 12: Notes")).to_have_value("")
    page.get_by_label("Committee (optional)", exact=True).fill(BOARD)
    page.get_by_role("button", name="Check again").click()
    expect(
        page.get_by_text("5 recommendations, 5 agreed responses and 4 tracking decisions")
    ).to_be_visible()
    expect(page.get_by_text(f"A new committee: {BOARD}")).to_be_visible()
    audit.check()
    page.get_by_role("button", name="Import 5 recommendations").click()
    expect(page.get_by_role("heading", name="Imported")).to_be_visible()
    audit.check()
    screenshot(page, "exchange-officer-imports-a-tracker")
    assert Recommendation.objects.filter(report__committee__name=BOARD).count() == 5
    assert ImportJob.objects.get().state == ImportJob.State.DONE


def test_an_officer_pastes_a_reports_recommendations(demo, page, audit):
    report = Report.objects.filter(inquiry__isnull=False).order_by("pk").first()
    before = report.recommendations.count()
    sign_in(page, audit, "officer")
    page.goto(report.get_absolute_url())
    audit.check()
    page.get_by_role("link", name="Add several recommendations").click()
    audit.check()
    page.get_by_label("Recommendations").fill(
        "Recommendation 21 – That the Director reports on attendance.\n"
        "Recommendation 22 – That the Executive Board:\n"
        "\uf0b7 agrees the strategy; and\n"
        "\uf0b7 funds it.\n"
    )
    page.get_by_role("button", name="Split into recommendations").click()
    expect(page.get_by_text("split into 2 recommendations")).to_be_visible()
    audit.check()
    page.get_by_role("radio", name="The Executive Board (Cabinet)").check()
    page.get_by_role("button", name="Save all 2 recommendations").click()
    expect(page.get_by_role("alert")).to_contain_text("2 recommendations added.")
    audit.check()
    screenshot(page, "exchange-officer-pastes-recommendations")
    added = report.recommendations.order_by("number")[before:]
    assert [r.reference for r in added] == ["21", "22"]
    assert [(p.label, p.text) for p in added[1].parts.all()] == [
        ("a", "agrees the strategy; and"),
        ("b", "funds it."),
    ]
