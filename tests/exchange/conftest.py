import csv
import io

import pytest
from openpyxl import Workbook

from exchange.reading import read_table

HEADERS = [
    "Committee",
    "Inquiry",
    "Date of report",
    "Rec No",
    "Recommendation",
    "Lead",
    "Executive response",
    "Comments",
    "Status",
    "Progress update",
]


def csv_bytes(rows: list[list[str]], *, bom: bool = False, newline: str = "\r\n") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(rows: list[list], *, merge: list[str] = ()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tracker"
    for row in rows:
        sheet.append(row)
    for cells in merge:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_of(content: bytes, name: str = "tracker.csv"):
    return read_table(content, name)


@pytest.fixture
def row():
    """One good row of a tracker, for the committee of the shared fixtures."""

    def make(**changes) -> list[str]:
        values = {
            "Committee": "Scrutiny Board (Children and Families)",
            "Inquiry": "Inquiry into school transport",
            "Date of report": "29/01/2010",
            "Rec No": "1",
            "Recommendation": "That the Director reviews school transport.",
            "Lead": "Children's Services",
            "Executive response": "Accepted",
            "Comments": "A review will start in April.",
            "Status": "Achieved",
            "Progress update": "Review complete.",
        }
        values.update(changes)
        return [values[header] for header in HEADERS]

    return make
