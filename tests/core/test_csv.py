"""One CSV writer for the whole service: every cell protected against formulas (finding 9)."""

import csv
import io

import pytest

from core.csv import safe_csv_writer


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_cell_that_a_spreadsheet_would_run_is_written_as_text(cell):
    out = io.StringIO()
    safe_csv_writer(out).writerow(["plain", cell])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["plain", "'" + cell]


def test_ordinary_text_numbers_and_empty_cells_are_written_as_they_are():
    out = io.StringIO()
    safe_csv_writer(out).writerows([["Cllr Hyde", 12, -3, None, "a=b"]])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["Cllr Hyde", "12", "-3", "", "a=b"]
