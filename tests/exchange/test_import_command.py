"""import_recommendations: dry run, problems and exit codes, commit, idempotence."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from exchange.models import ImportJob
from recommendations.models import Committee, Recommendation, TrackingAssessment
from responses.models import Response

from .conftest import HEADERS, csv_bytes

SAMPLE = (
    Path(__file__).resolve().parents[2] / "docs" / "samples" / "environment-scrutiny-tracker.xlsx"
)
BOARD = "Scrutiny Board (Environment and Neighbourhoods)"


def run(*args):
    """(exit code, stdout, stderr) of the command."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_recommendations", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def tracker(tmp_path, row):
    def write(rows, name="tracker.csv"):
        path = tmp_path / name
        path.write_bytes(csv_bytes(rows))
        return str(path)

    return write


def test_the_sample_spreadsheet_imports_cleanly_as_a_dry_run_writing_nothing(db):
    code, out, err = run(str(SAMPLE), "--committee", BOARD)
    assert code == 0, err
    assert "'Rec No' -> Reference" in out
    assert "Ignored columns: 'Notes'" in out
    assert f"Would create committee: {BOARD}" in out
    assert "Would create 5 recommendations" in out
    assert not Recommendation.objects.exists()
    assert not Committee.objects.filter(name=BOARD).exists()


def test_the_sample_spreadsheet_commits_and_a_second_import_creates_nothing(db):
    code, out, _ = run(str(SAMPLE), "--committee", BOARD, "--commit")
    assert code == 0
    assert "Created 5 recommendations, 5 agreed responses, 4 tracking decisions" in out
    counts = (
        Recommendation.objects.count(),
        Response.objects.count(),
        TrackingAssessment.objects.count(),
    )
    code, out, _ = run(str(SAMPLE), "--committee", BOARD, "--commit")
    assert code == 0
    assert "Nothing new to import: all 5 recommendations in the file are already recorded." in out
    assert counts == (
        Recommendation.objects.count(),
        Response.objects.count(),
        TrackingAssessment.objects.count(),
    )


def test_the_history_records_the_import(db):
    run(str(SAMPLE), "--committee", BOARD, "--commit")
    job = ImportJob.objects.get()
    assert job.filename == SAMPLE.name
    reasons = set(Recommendation.history.values_list("history_change_reason", flat=True))
    assert reasons == {f"Imported from {SAMPLE.name} (import {job.pk})"}


def test_imported_text_is_stored_exactly(db):
    run(str(SAMPLE), "--committee", BOARD, "--commit")
    texts = set(Recommendation.objects.values_list("text", flat=True))
    assert (
        "That the Executive Board:\n• agrees a single enforcement policy for fly-tipping; and\n"
        "• publishes it on the council’s website."
    ) in texts
    assert any("Parc Gŵyl" in text for text in texts)


def test_a_problem_exits_1_names_row_and_column_and_writes_nothing(db, tracker, row):
    path = tracker([HEADERS, row(), row(**{"Rec No": "2", "Status": "ongoing"})])
    code, _, err = run(path, "--commit")
    assert code == 1
    assert "row 3, column Status: “ongoing” is not on the tracking scale; use --map-status" in err
    assert not Recommendation.objects.exists()


def test_map_status_and_map_decision_resolve_unknown_values(db, tracker, row):
    path = tracker([HEADERS, row(Status="ongoing", **{"Executive response": "Noted"})])
    code, _, err = run(path, "--map-status", "ongoing=4", "--map-decision", "Noted=not accepted")
    assert code == 0, err


@pytest.mark.parametrize(
    "args,message",
    [
        (["--report-date", "29/01/2010"], "--report-date takes a date"),
        (["--map-status", "ongoing"], '--map-status takes "VALUE=TARGET"'),
        (["--map-decision", "x=maybe"], "the decision is accepted"),
    ],
)
def test_bad_options_are_explained(db, tracker, row, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_recommendations", tracker([HEADERS, row()]), *args)


def test_a_missing_file_is_explained(db):
    with pytest.raises(CommandError, match="No file at"):
        call_command("import_recommendations", "/nonexistent/tracker.xlsx")
