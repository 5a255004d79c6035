"""The import plan: column matching, values, problems by row and column, numbering."""

from datetime import date

import pytest

from exchange.planning import Options, parse_date, plan_import
from exchange.reading import read_table
from recommendations.models import Recommendation

from .conftest import HEADERS, csv_bytes


def plan_for(rows, **options):
    return plan_import(read_table(csv_bytes(rows), "t.csv"), Options(**options))


@pytest.mark.parametrize(
    "header,column",
    [
        ("Rec No", "reference"),
        ("No.", "reference"),
        ("REF", "reference"),
        ("Recommendation", "text"),
        ("Scrutiny Committee", "committee"),
        ("Panel", "committee"),
        ("Topic", "inquiry"),
        ("Date of report", "report_date"),
        ("Owner", "addressee"),
        ("Cabinet decision", "decision"),
        ("Response detail", "response_text"),
        ("RAG status", "status"),
        ("Progress update", "update"),
    ],
)
def test_headers_are_matched_whatever_their_case_spacing_or_punctuation(header, column, db):
    plan = plan_for([[header, "Recommendation" if column != "text" else "Committee"], ["a", "b"]])
    assert plan.columns[0] == column


def test_columns_not_used_are_listed_as_ignored(db):
    plan = plan_for([[*HEADERS, "Notes"], ["x"] * 11])
    assert plan.ignored == ["Notes"]


@pytest.mark.parametrize(
    "written,day",
    [
        ("29/01/2010", date(2010, 1, 29)),
        ("29 January 2010", date(2010, 1, 29)),
        ("29th Jan 2010", date(2010, 1, 29)),
        ("2010-01-29", date(2010, 1, 29)),
        ("31/02/2010", None),
    ],
)
def test_uk_dates_are_read(written, day):
    assert parse_date(written) == day


def test_a_clean_file_plans_what_it_creates(committee, directorate_a, row):
    plan = plan_for([HEADERS, row(), row(**{"Rec No": "2", "Lead": "Corporate Carers"})])
    assert plan.is_clean, plan.problems
    assert plan.new_committees == []
    assert plan.new_inquiries == [(committee.name, "Inquiry into school transport")]
    first, second = plan.recommendations
    assert (first.directorate, first.addressed_to) == (directorate_a, "directorate")
    assert (second.addressed_to, second.other_body) == ("other", "Corporate Carers")


@pytest.mark.parametrize(
    "changes,column,message",
    [
        ({"Recommendation": ""}, "Recommendation", "no recommendation text"),
        (
            {"Status": "ongoing"},
            "Status",
            "“ongoing” is not on the tracking scale; use --map-status",
        ),
        ({"Executive response": "deferred"}, "Executive response", "“deferred” is not a decision"),
        ({"Date of report": "soon"}, "Date of report", "“soon” is not a date"),
        ({"Date of report": ""}, "Date of report", "no report date"),
        ({"Committee": ""}, "Committee", "no committee"),
        ({"Lead": ""}, "Lead", "no addressee"),
        ({"Rec No": "x" * 51}, "Rec No", "longer than 50"),
        (
            {"Status": "", "Progress update": "Going well"},
            "Progress update",
            "needs the board's status",
        ),
        ({"Executive response": ""}, "Executive response", "has no decision"),
    ],
)
def test_each_problem_is_given_by_row_and_column(db, row, changes, column, message):
    plan = plan_for([HEADERS, row(), row(**{"Rec No": "2", **changes})])
    assert len(plan.problems) == 1
    problem = plan.problems[0]
    assert (problem.row, problem.column) == (3, column)
    assert message in problem.message
    assert str(problem).startswith(f"row 3, column {column}: ")


def test_a_mapped_status_and_decision_are_recognised(db, row):
    plan = plan_for(
        [HEADERS, row(Status="Green", **{"Executive response": "Agreed in principle"})],
        status_map={"green": "2"},
        decision_map={"Agreed in principle": "partially accepted"},
    )
    assert plan.is_clean, plan.problems
    assert plan.recommendations[0].status.position == 2
    assert plan.recommendations[0].decision == "partial"


def test_a_status_may_be_given_by_its_position_on_the_scale(db, row):
    plan = plan_for([HEADERS, row(Status="4")])
    assert plan.recommendations[0].status.position == 4


def test_a_status_may_be_given_by_the_short_name_its_tags_show(db, row):
    plan = plan_for([HEADERS, row(Status="Not achieved: progress acceptable")])
    assert plan.is_clean, plan.problems
    assert plan.recommendations[0].status.position == 4


def test_the_report_date_can_be_given_once_for_the_file(db, row):
    plan = plan_for([HEADERS, row(**{"Date of report": ""})], report_date=date(2010, 3, 1))
    assert plan.recommendations[0].report_date == date(2010, 3, 1)


def test_what_the_file_lacks_is_a_problem_unless_given_once(db):
    plan = plan_for([["Recommendation", "Lead"], ["Text", "Council"]])
    assert {str(p) for p in plan.problems} == {
        "The file has no Committee column: give it once for the file.",
        "The file has no Report date column: give it once for the file.",
        "The file has no Inquiry or Report column: give the title once for it.",
    }
    plan = plan_for(
        [["Recommendation", "Lead"], ["Text", "Council"]],
        committee="Board",
        report="A review",
        report_date=date(2010, 1, 1),
    )
    assert plan.is_clean
    assert plan.recommendations[0].addressed_to == Recommendation.Addressee.COUNCIL


def test_rows_without_a_reference_get_the_next_number_and_the_plan_says_so(db, row):
    plan = plan_for([HEADERS, row(**{"Rec No": "3"}), row(**{"Rec No": "", "Recommendation": "B"})])
    assert [(r.reference, r.number) for r in plan.recommendations] == [("3", 1), ("2", 2)]
    assert "1 row(s) without a reference are given the next number in their report." in plan.notes


def test_a_reference_twice_in_one_report_is_a_problem(db, row):
    plan = plan_for([HEADERS, row(), row()])
    assert "has a recommendation 1 on row 2 too" in str(plan.problems[0])


def test_text_is_kept_exactly_as_in_the_file(db, row):
    text = "That the council’s “plan” costs £5m;\n• Cymraeg: ŵ ŷ\n• line two"
    plan = plan_for([HEADERS, row(Recommendation=text)])
    assert plan.recommendations[0].text == text
