"""Reading trackers: title rows, merged cells, blank rows, BOM, CRLF, bad files."""

import io
import zipfile
from datetime import date

import pytest

from exchange.reading import MAX_ROWS, UnreadableFile, read_table

from .conftest import HEADERS, csv_bytes, xlsx_bytes


def test_a_csv_with_a_byte_order_mark_and_crlf_reads_its_headers():
    table = read_table(csv_bytes([HEADERS, ["x"] * 10], bom=True), "t.csv")
    assert table.headers == HEADERS
    assert table.rows == [(2, ["x"] * 10)]


def test_the_header_may_sit_below_title_rows_and_blank_rows_are_left_out():
    rows = [["Recommendation tracker 2010"], [], HEADERS, ["a"] * 10, [""] * 10, ["b"] * 10]
    table = read_table(csv_bytes(rows), "t.csv")
    assert table.header_row == 3
    assert [number for number, _ in table.rows] == [4, 6]


def test_an_xlsx_merged_cell_gives_its_value_to_every_row_it_covers():
    rows = [
        ["Title"],
        HEADERS,
        ["C", "Review", date(2010, 1, 29), "1", "Text"],
        ["C", None, None, "2", "More"],
    ]
    table = read_table(xlsx_bytes(rows, merge=["B3:B4", "C3:C4"]), "t.xlsx")
    assert table.rows[1][1][1] == "Review"
    assert table.rows[1][1][2] == date(2010, 1, 29)


def test_a_semicolon_separated_csv_is_read():
    content = b"Committee;Recommendation;Ref\nBoard;Text;1\n"
    assert read_table(content, "t.csv").rows == [(2, ["Board", "Text", "1"])]


def test_a_windows_1252_csv_is_read():
    content = "Committee,Recommendation\nBoard,Costs £5\n".encode("cp1252")
    assert read_table(content, "t.csv").rows[0][1][1] == "Costs £5"


@pytest.mark.parametrize(
    "content,name,message",
    [
        (b"", "t.csv", "empty"),
        (b"PK\x03\x04 not really a zip", "t.xlsx", "not a readable XLSX"),
        (b"just text", "t.xlsx", "not a readable XLSX"),
        (b"\xd0\xcf\x11\xe0 old excel", "t.xls", "Save the workbook as .xlsx"),
    ],
)
def test_an_unreadable_file_says_why(content, name, message):
    with pytest.raises(UnreadableFile, match=message):
        read_table(content, name)


def test_a_file_over_10_mb_is_refused():
    with pytest.raises(UnreadableFile, match="10 MB"):
        read_table(b"a" * (10 * 1024 * 1024 + 1), "t.csv")


def test_a_csv_over_20000_rows_is_refused():
    content = csv_bytes([HEADERS] + [["x"] * 10] * (MAX_ROWS + 1))
    with pytest.raises(UnreadableFile, match="20,000 rows"):
        read_table(content, "t.csv")


def test_an_xlsx_that_unpacks_far_beyond_its_size_is_refused():
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w") as member,
    ):
        chunk = b"0" * (1024 * 1024)
        for _ in range(310):
            member.write(chunk)
    with pytest.raises(UnreadableFile, match="too large"):
        read_table(buffer.getvalue(), "bomb.xlsx")


def test_a_missing_sheet_is_named_with_the_sheets_there_are():
    with pytest.raises(UnreadableFile, match="no sheet “Other”; its sheets are Tracker"):
        read_table(xlsx_bytes([HEADERS]), "t.xlsx", "Other")
