"""CSV that a spreadsheet opens as data: cells are protected against formulas."""

import csv
from typing import Any

# A spreadsheet runs a cell starting with these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def protect(value: Any) -> Any:
    """The cell as text a spreadsheet shows and never runs: an apostrophe in front of
    anything that would start a formula (Excel hides the apostrophe)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unprotect(value: str) -> str:
    """The cell as it was before `protect`: what a spreadsheet shows for it."""
    if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


class _SafeWriter:
    def __init__(self, file, **kwargs):
        self._writer = csv.writer(file, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([protect(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def safe_csv_writer(file, **kwargs) -> _SafeWriter:
    """A csv.writer whose rows are protected against spreadsheet formulas."""
    return _SafeWriter(file, **kwargs)
