"""Reading a tracker spreadsheet (CSV or XLSX) into a header and rows of cells.

Councils' trackers have title rows above the header, merged cells, blank rows, a
byte-order mark or Windows line ends: all are handled here, so the rest of the importer
sees one header and numbered rows exactly as a spreadsheet shows them.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import load_workbook

from .columns import column_for_header

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
# An XLSX is a zip: refuse one that would unpack to far more than its size allows
# (a "zip bomb"), before openpyxl unpacks it.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
HEADER_SEARCH_ROWS = 30

Cell = str | date


class UnreadableFile(Exception):
    """The file cannot be read as a tracker; the message says why, for the officer."""


@dataclass
class Table:
    headers: list[str]
    header_row: int  # the spreadsheet's row number of the header
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)  # (row number, cells)
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)


def read_table(content: bytes, filename: str, sheet: str | None = None) -> Table:
    if len(content) > MAX_FILE_BYTES:
        raise UnreadableFile("The file is larger than 10 MB: split it into smaller files.")
    if not content.strip():
        raise UnreadableFile("The file is empty.")
    is_xlsx = content[:4] == b"PK\x03\x04"
    if filename.lower().endswith((".xlsx", ".xlsm")) or is_xlsx:
        if not is_xlsx:
            raise UnreadableFile("The file is not a readable XLSX workbook.")
        return _read_xlsx(content, sheet)
    if filename.lower().endswith(".xls"):
        raise UnreadableFile("Save the workbook as .xlsx (Excel 2007 or later) or as CSV first.")
    return _table_from_rows(_read_csv(content), sheet="", sheets=[])


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("The file's text is not in a known encoding: save it as UTF-8 CSV.")


def _read_csv(content: bytes) -> list[list[Cell]]:
    text = _decode(content)
    if "\x00" in text:
        raise UnreadableFile("The file is not a CSV file: save it as CSV or XLSX.")
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as error:
        raise UnreadableFile(f"The CSV file cannot be read: {error}.") from None


def _read_xlsx(content: bytes, sheet: str | None) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise UnreadableFile("The workbook is too large once unpacked.")
        workbook = load_workbook(io.BytesIO(content), data_only=True)
    except UnreadableFile:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise UnreadableFile("The file is not a readable XLSX workbook.") from None
    names = workbook.sheetnames
    if sheet and sheet not in names:
        raise UnreadableFile(
            f"The workbook has no sheet “{sheet}”; its sheets are {', '.join(names)}."
        )
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    if worksheet.max_row > MAX_ROWS + HEADER_SEARCH_ROWS + 1:
        raise UnreadableFile(f"The sheet has more than {MAX_ROWS:,} rows: split it.")
    # A merged cell's value is in its top-left cell: give it to every cell it covers,
    # as the spreadsheet shows it.
    merged_values = {}
    for merged in worksheet.merged_cells.ranges:
        value = worksheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                merged_values[(row, column)] = value
    rows: list[list[Cell]] = []
    for row_number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
        cells = []
        for column_number, value in enumerate(row, start=1):
            if (row_number, column_number) in merged_values:
                value = merged_values[(row_number, column_number)]
            cells.append(_xlsx_cell(value))
        rows.append(cells)
    return _table_from_rows(rows, sheet=worksheet.title, sheets=names)


def _xlsx_cell(value) -> Cell:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _is_blank(cells: list[Cell]) -> bool:
    return all(isinstance(cell, str) and not cell.strip() for cell in cells)


def _table_from_rows(rows: list[list[Cell]], *, sheet: str, sheets: list[str]) -> Table:
    """The header is the first row (of the first rows) naming two or more known columns;
    title rows above it are left out, and blank rows below it."""
    header_index = None
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        known = {column_for_header(cell) for cell in cells if isinstance(cell, str)} - {None}
        if len(known) >= 2:
            header_index = index
            break
    if header_index is None:
        header_index = next((i for i, cells in enumerate(rows) if not _is_blank(cells)), None)
    if header_index is None:
        raise UnreadableFile("The file has no rows.")
    headers = [str(cell).strip() for cell in rows[header_index]]
    while headers and not headers[-1]:
        headers.pop()
    data = [
        (number, (cells + [""] * len(headers))[: max(len(headers), 1)])
        for number, cells in enumerate(rows[header_index + 1 :], start=header_index + 2)
        if not _is_blank(cells)
    ]
    if len(data) > MAX_ROWS:
        raise UnreadableFile(f"The file has more than {MAX_ROWS:,} rows: split it.")
    return Table(
        headers=headers, header_row=header_index + 1, rows=data, sheet=sheet, sheets=sheets
    )
