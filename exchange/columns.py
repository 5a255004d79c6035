"""The columns of a recommendations tracker: the one list the importer matches and the
exporter writes, so that an export imports back as it was."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as the export writes it
    synonyms: tuple[str, ...]  # headers seen in councils' trackers (normalised on use)
    hint: str = ""


COLUMNS: tuple[Column, ...] = (
    Column(
        "committee",
        "Committee",
        ("Committee", "Panel", "Scrutiny Committee", "Scrutiny Board", "Board", "Scrutiny Panel"),
    ),
    Column(
        "inquiry",
        "Inquiry",
        ("Inquiry", "Review", "Topic", "Inquiry title", "Review title", "Scrutiny review"),
    ),
    Column("report", "Report", ("Report", "Report title", "Source report", "Document")),
    Column(
        "report_date",
        "Report date",
        ("Report date", "Date of report", "Date", "Date published", "Published", "Meeting date"),
    ),
    Column(
        "reference",
        "Reference",
        (
            "Reference",
            "Rec No",
            "Rec Number",
            "No",
            "Number",
            "Ref",
            "Rec Ref",
            "Recommendation No",
            "Recommendation number",
            "Rec",
        ),
    ),
    Column(
        "text",
        "Recommendation",
        ("Recommendation", "Recommendation text", "Recommendations", "Text", "Description"),
    ),
    Column(
        "addressee",
        "Addressed to",
        (
            "Addressed to",
            "Lead",
            "Responsible",
            "Owner",
            "Directorate",
            "Lead directorate",
            "Service",
            "Department",
            "Responsible directorate",
            "Lead service",
        ),
    ),
    Column(
        "lead_officer",
        "Lead officer",
        ("Lead officer", "Responsible officer", "Officer", "Contact officer", "Lead member"),
    ),
    Column(
        "decision",
        "Response",
        (
            "Response",
            "Executive response",
            "Cabinet decision",
            "Cabinet response",
            "Decision",
            "Accepted",
            "Accepted?",
            "Executive decision",
            "Agreed",
            "Response decision",
        ),
    ),
    Column(
        "response_text",
        "Response detail",
        (
            "Response detail",
            "Comments",
            "Response details",
            "Executive response detail",
            "Response comments",
            "Cabinet response detail",
            "Action",
            "Proposed action",
        ),
    ),
    Column(
        "status",
        "Status",
        (
            "Status",
            "RAG",
            "RAG status",
            "Tracking status",
            "Current status",
            "Progress status",
            "Assessment",
        ),
    ),
    Column(
        "status_date",
        "Status date",
        (
            "Status date",
            "Date assessed",
            "Assessed on",
            "Last assessed",
            "Date of assessment",
            "Last updated",
            "Update date",
        ),
    ),
    Column(
        "update",
        "Update",
        (
            "Update",
            "Progress update",
            "Progress",
            "Latest update",
            "Position statement",
            "Progress comments",
            "Board comments",
        ),
    ),
)
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
EXPORT_HEADERS = [column.header for column in COLUMNS]


def normalise_header(header: str) -> str:
    """Headers compare without regard to case, spacing or punctuation."""
    return re.sub(r"[^a-z0-9]", "", str(header).lower().replace("&", "and"))


_BY_SYNONYM = {
    normalise_header(synonym): column.key for column in COLUMNS for synonym in column.synonyms
}


def column_for_header(header: str) -> str | None:
    """The key of the column a header means, or None when it is not one we use."""
    return _BY_SYNONYM.get(normalise_header(header))
