"""Recommendations lists as CSV and XLSX, in the importer's own columns, streamed so that
a list of any length costs bounded memory. An export holds only what its user may see:
it is made from the list's own queryset (recommendations_visible_to) and the response
the user may read."""

import io
import tempfile
from collections.abc import Iterator
from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import FileResponse, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from core.csv import safe_csv_writer
from core.jobs import JobResult, Progress
from core.models import Job
from recommendations.models import Recommendation, TrackingAssessment
from recommendations.selectors import recommendations_visible_to
from responses.models import ResponseDecision
from responses.selectors import readable_response

from .columns import COLUMNS, EXPORT_HEADERS

CHUNK = 2000
_DECISION_LABELS = dict(ResponseDecision.choices)


def export_queryset(recommendations: QuerySet[Recommendation], user) -> QuerySet:
    """What the export reads, one query a chunk of rows."""
    latest_assessment = TrackingAssessment.objects.filter(recommendation=OuterRef("pk")).order_by(
        "-meeting__date", "-pk"
    )
    response = readable_response(user)
    return recommendations.select_related(
        "report__committee",
        "report__inquiry",
        "report__inspection",
        "directorate",
        "current_status",
    ).annotate(
        export_decision=Subquery(response.values("decision")[:1]),
        export_response_text=Subquery(response.values("text")[:1]),
        export_update=Subquery(latest_assessment.values("comment")[:1]),
    )


def addressee_name(recommendation: Recommendation) -> str:
    """The addressee as the importer reads it back: a directorate's name, Executive
    Board, Council or the other body's name."""
    if recommendation.addressed_to == Recommendation.Addressee.DIRECTORATE:
        return recommendation.directorate.name if recommendation.directorate_id else ""
    if recommendation.addressed_to == Recommendation.Addressee.EXECUTIVE_BOARD:
        return "Executive Board"
    if recommendation.addressed_to == Recommendation.Addressee.COUNCIL:
        return "Council"
    return recommendation.other_body


def row_values(recommendation) -> list[str | date | None]:
    report = recommendation.report
    values = {
        "committee": report.committee.name,
        "inquiry": report.source.title if report.source else "",
        "report": report.title,
        "report_date": report.published_on,
        "reference": recommendation.reference,
        "text": recommendation.text,
        "addressee": addressee_name(recommendation),
        "lead_officer": recommendation.lead_officer,
        "decision": _DECISION_LABELS.get(recommendation.export_decision or "", ""),
        "response_text": recommendation.export_response_text or "",
        "status": recommendation.current_status.name if recommendation.current_status else "",
        "status_date": recommendation.last_assessed_on,
        "update": recommendation.export_update or "",
    }
    return [values[column.key] for column in COLUMNS]


def _rows(recommendations: QuerySet[Recommendation], user) -> Iterator[list]:
    for recommendation in export_queryset(recommendations, user).iterator(chunk_size=CHUNK):
        yield row_values(recommendation)


def _rows_of(ids: list[int], user, progress: Progress) -> Iterator[list]:
    """The rows of these recommendations in this order (the list's, when it was asked
    for), a chunk a query, leaving out any the user may no longer see."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found = export_queryset(recommendations_visible_to(user).filter(pk__in=chunk), user)
        by_pk = {recommendation.pk: recommendation for recommendation in found}
        for pk in chunk:
            if pk in by_pk:
                yield row_values(by_pk[pk])
        progress(5 + 90 * (start + len(chunk)) // len(ids), f"{start + len(chunk):,} rows written")


def export_filename(name: str, extension: str) -> str:
    return f"{name}-{timezone.localdate():%Y-%m-%d}.{extension}"


class _Line:
    """A file-like that hands back what the csv writer writes, for streaming."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value) -> str:
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else str(value)


def csv_lines(recommendations: QuerySet[Recommendation], user) -> Iterator[str]:
    return _csv_lines(_rows(recommendations, user))


def _csv_lines(rows: Iterator[list]) -> Iterator[str]:
    writer = safe_csv_writer(_Line())
    yield "\ufeff"  # so that Excel reads the file as UTF-8 (£, curly quotes, Welsh letters)
    yield writer.writerow(EXPORT_HEADERS)
    for row in rows:
        yield writer.writerow([_csv_cell(value) for value in row])


def export_csv(request: HttpRequest, recommendations: QuerySet, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(recommendations, request.user), content_type=CONTENT_TYPES["csv"]
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(name, "csv")}"'
    return response


def write_xlsx(recommendations: QuerySet[Recommendation], user, file) -> None:
    _write_xlsx(_rows(recommendations, user), file)


def _write_xlsx(rows: Iterator[list], file) -> None:
    """Write the workbook row by row (openpyxl's write-only mode keeps memory bounded)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Recommendations")

    def cell(value):
        # Plain values are written fastest; a cell object only where it must be one.
        if isinstance(value, date):
            written = WriteOnlyCell(sheet, value)
            written.number_format = "DD/MM/YYYY"
            return written
        if isinstance(value, str) and value.startswith("="):
            written = WriteOnlyCell(sheet, value)
            written.data_type = "s"  # text, never a formula
            return written
        return "" if value is None else value

    sheet.append(EXPORT_HEADERS)
    for row in rows:
        sheet.append([cell(value) for value in row])
    workbook.save(file)


def export_xlsx(request: HttpRequest, recommendations: QuerySet, name: str) -> FileResponse:
    # Written to a temporary file on disk, then streamed from it.
    file = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    write_xlsx(recommendations, request.user, file)
    file.seek(0)
    return FileResponse(
        file,
        as_attachment=True,
        filename=export_filename(name, "xlsx"),
        content_type=CONTENT_TYPES["xlsx"],
    )


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def make_export(job: Job, progress: Progress) -> JobResult:
    """The worker's side of a large export: the same file the request would have made."""
    params = job.params
    rows = _rows_of(params["ids"], job.owner, progress)
    if params["format"] == "csv":
        content = "".join(_csv_lines(rows)).encode("utf-8")
    else:
        file = io.BytesIO()
        _write_xlsx(rows, file)
        content = file.getvalue()
    return JobResult(
        content=content, filename=params["filename"], content_type=CONTENT_TYPES[params["format"]]
    )
