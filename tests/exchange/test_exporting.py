"""Exports: CSV and XLSX of any recommendations list, the importer's columns, the round
trip, only what the user may see, formula protection, bounded queries."""

import csv
import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from exchange.columns import EXPORT_HEADERS
from recommendations import services
from recommendations.models import (
    Committee,
    Inquiry,
    Meeting,
    Recommendation,
    RecommendationPart,
    Report,
    TrackingAssessment,
)
from responses.models import Response
from tests.factories import (
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
    agreed_response,
    submitted_response,
    tracking_status,
)
from tests.viewkit import signed_in

LIST = "/recommendations/"


def download(client, query: str) -> bytes:
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def tracked(published_report, officer, directorate_a):
    """The published report's recommendations with what a tracker holds: references,
    an agreed response, a partial one, the board's decisions and odd text."""
    first, second, third = published_report.recommendations.order_by("number")
    first.reference, first.text = "R1", "That the council’s “plan” costs £5m;\n• Cymraeg: ŵ"
    first.save()
    second.addressed_to, second.other_body = "other", "West Yorkshire Police"
    second.save()
    agreed_response(first, text="We will.")
    agreed_response(
        second, decision="partial", text="In part.", partial_acceptance_detail="In part."
    )
    meeting = MeetingFactory(committee=published_report.committee, date=date(2012, 7, 19))
    services.assessments_record(
        meeting=meeting,
        decisions=[
            services.TrackingDecision(first, tracking_status(4), "Progress made."),
            services.TrackingDecision(third, tracking_status(2), ""),
        ],
        user=officer,
    )
    return published_report


def test_the_list_downloads_as_csv_in_the_importers_columns(client, tracked):
    rows = csv_rows(download(client, "format=csv"))
    assert rows[0] == EXPORT_HEADERS
    by_reference = {row[4]: dict(zip(EXPORT_HEADERS, row, strict=True)) for row in rows[1:]}
    assert by_reference["R1"]["Response"] == "Accepted"
    assert by_reference["R1"]["Status"].startswith("Not achieved (Progress made acceptable")
    assert by_reference["R1"]["Status date"] == "19/07/2012"
    assert by_reference["R1"]["Update"] == "Progress made."
    assert by_reference["2"]["Addressed to"] == "West Yorkshire Police"
    assert by_reference["R1"]["Report date"] == "01/02/2012"


def test_the_download_keeps_the_lists_filters(client, tracked, directorate_b):
    rows = csv_rows(download(client, f"directorate={directorate_b.pk}&format=csv"))
    assert [row[4] for row in rows[1:]] == ["3"]


def test_the_list_downloads_as_xlsx(client, tracked):
    workbook = load_workbook(io.BytesIO(download(client, "format=xlsx")))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert list(rows[0]) == EXPORT_HEADERS
    assert len(rows) == 4


def test_an_export_holds_only_what_its_user_may_see(client, tracked, officer):
    exempt = ReportFactory(inquiry=tracked.inquiry, is_exempt=True, exempt_rule="10.4(3)")
    RecommendationFactory(report=exempt, reference="SECRET")
    submitted_response(tracked.recommendations.get(number=3), text="Submitted, not agreed.")
    public = download(client, "format=csv").decode("utf-8-sig")
    assert "SECRET" not in public
    assert "Submitted, not agreed." not in public
    council = download(signed_in(officer), "format=csv").decode("utf-8-sig")
    assert "SECRET" in council and "Submitted, not agreed." in council


def test_cells_that_would_run_as_formulas_are_protected(client, tracked):
    recommendation = tracked.recommendations.get(number=3)
    recommendation.text = '=HYPERLINK("http://evil.example","click")'
    recommendation.save()
    rows = csv_rows(download(client, "format=csv"))
    assert "'=HYPERLINK(" in {row[5][:12] for row in rows}
    workbook = load_workbook(io.BytesIO(download(client, "format=xlsx")))
    cell = next(c for c in workbook.active["F"] if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_an_export_costs_the_same_queries_for_5_rows_as_for_30(client, published_report):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            download(client, "format=csv")
        return len(context)

    few = queries()
    for number in range(4, 31):
        RecommendationFactory(report=published_report, number=number)
    assert queries() == few


def _empty_the_record() -> None:
    for model in (
        Response,
        TrackingAssessment,
        RecommendationPart,
        Recommendation,
        Report,
        Inquiry,
        Meeting,
        Committee,
    ):
        model.objects.all().delete()


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_export_import_into_an_empty_installation_export_gives_the_same_file(
    client, tracked, tmp_path, format
):
    first = download(client, f"format={format}")
    path = tmp_path / f"tracker.{format}"
    path.write_bytes(first)
    _empty_the_record()
    call_command("import_recommendations", str(path), "--commit", stdout=io.StringIO())
    second = download(client, f"format={format}")
    if format == "csv":
        assert second == first
    else:

        def cells(content):
            return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))

        assert cells(second) == cells(first)
