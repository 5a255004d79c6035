"""Write docs/samples/environment-scrutiny-tracker.xlsx: a recommendations tracker in
the style councils keep in Excel (title rows, merged review cells, Excel and text dates,
RAG-style status column), for the demo and the importer's tests.

    .venv/bin/python docs/samples/make_sample_tracker.py
"""

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

OUTPUT = Path(__file__).with_name("environment-scrutiny-tracker.xlsx")
BOARD = "Scrutiny Board (Environment and Neighbourhoods)"
HEADERS = [
    "Rec No",
    "Review",
    "Date of report",
    "Recommendation",
    "Lead",
    "Lead officer",
    "Executive response",
    "Comments",
    "RAG status",
    "Date assessed",
    "Progress update",
    "Notes",
]
REVIEWS = [
    (
        "Inquiry into fly-tipping and the “bring site” network",
        date(2010, 11, 18),
        [
            (
                "1",
                "That the Director of Environment and Neighbourhoods reviews the charge of "
                "£36 for collecting bulky waste, and reports to this Board on its effect on "
                "fly-tipping in the inner-city wards.",
                "Environment and Neighbourhoods",
                "Chief Officer, Environmental Services",
                "Accepted",
                "The charge will be reviewed as part of the 2011/12 budget.",
                "4",
                date(2011, 6, 16),
                "Review under way; first figures expected in the autumn.",
            ),
            (
                "2",
                "That the Executive Board:\n• agrees a single enforcement policy for "
                "fly-tipping; and\n• publishes it on the council’s website.",
                "Executive Board",
                "",
                "Partially accepted",
                "A single policy is agreed; publication will follow the consultation.",
                "Achieved",
                date(2011, 6, 16),
                "Policy agreed 9 March 2011 and published.",
            ),
            (
                "3",
                "That West Yorkshire Police and the council share fly-tipping intelligence "
                "through the Safer Leeds partnership.",
                "West Yorkshire Police",
                "",
                "Accepted",
                "",
                "",
                None,
                "",
            ),
        ],
    ),
    (
        "Review of grounds maintenance in parks and green spaces",
        "24 February 2011",
        [
            (
                "R1",
                "That the Director ensures that every community park meets the Leeds "
                "Quality Park standard by 2020 (including Parc Gŵyl, twinned with "
                "Caerdydd).",
                "Environment and Neighbourhoods",
                "Head of Parks and Countryside",
                "Accepted",
                "Accepted; a ten-year programme is in preparation.",
                "Not achieved (Progress made acceptable. Continue monitoring)",
                "15/09/2011",
                "Programme agreed; 12 of 63 parks meet the standard.",
            ),
            (
                "",
                "That Full Council considers a motion on the future funding of "
                "grounds maintenance.",
                "Council",
                "",
                "Not accepted",
                "Funding is a matter for the budget process.",
                "1",
                "15/09/2011",
                "The Board agreed to stop monitoring.",
            ),
        ],
    ),
]


def main() -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tracker 2010-11"
    sheet["A1"] = f"{BOARD} – recommendation tracking"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A2"] = "Municipal year 2010/11. Status key: 1–6 as on the Board’s tracking flowchart."
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADERS))
    header_row = 4
    for column, header in enumerate(HEADERS, start=1):
        cell = sheet.cell(header_row, column, header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1D70B8")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    row = header_row + 1
    for title, report_date, recommendations in REVIEWS:
        first = row
        for reference, *recommendation in recommendations:
            # In HEADERS' order: the review and its date go after the reference, and
            # "Notes" is left empty.
            values = [reference, title, report_date, *recommendation, ""]
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row, column, value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(value, date):
                    cell.number_format = "DD/MM/YYYY"
            row += 1
        # The review and its date are merged down its rows, as trackers print them.
        sheet.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
        sheet.merge_cells(start_row=first, start_column=3, end_row=row - 1, end_column=3)
        row += 1  # a blank row between reviews
    widths = (8, 30, 14, 60, 24, 24, 18, 40, 22, 14, 40, 10)
    for column, width in zip("ABCDEFGHIJKL", widths, strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    workbook.properties.creator = "Scrutiny Support Unit"
    workbook.save(OUTPUT)
    print(f"Wrote {OUTPUT}")


if __name__ == "__main__":
    main()
