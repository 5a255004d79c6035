"""The one way the service writes CSV: every cell protected against spreadsheet formulas.

A spreadsheet runs a cell starting with =, +, - or @ (or a tab or carriage return that
hides one) as a formula: "CSV injection". Every export uses `safe_csv_writer`, so no
cell, whatever column it is in or whoever typed it, can be run as a formula.
"""

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def protect_cell(value: Any) -> Any:
    """The cell as a spreadsheet shows it but never runs it: a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value  # a number is data; -5 is not a formula to protect against
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeCsvWriter:
    """csv.writer whose writerow()/writerows() protect every cell."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([protect_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_csv_writer(stream, **kwargs) -> SafeCsvWriter:
    """A CSV writer on `stream` (a file, or an HttpResponse) that protects every cell."""
    return SafeCsvWriter(stream, **kwargs)
