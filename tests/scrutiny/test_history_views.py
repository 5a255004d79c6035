"""The audit trail shows a user only the versions that user may read (issue 12, finding 1)."""

import csv
import io

import pytest
from django.urls import reverse

from responses.services import (
    position_statement_submit,
    response_save_draft,
)
from tests.factories import OfficerFactory, statement_draft, submit_own_draft
from tests.viewkit import signed_in

DRAFT_WORDING = "DRAFT-WORDING-never-outside-the-directorate"


@pytest.fixture
def draft(recommendation, director_a):
    return response_save_draft(
        recommendation=recommendation, user=director_a, decision="", text=DRAFT_WORDING
    )


@pytest.fixture
def submitted(draft, director_a):
    return submit_own_draft(draft, director_a, "The submitted wording.")


def export(client, kind: str, pk: int):
    return client.get(reverse("history_export", args=[kind, pk]))


def csv_text(response) -> str:
    return response.content.decode()


def test_an_officer_cannot_export_the_history_of_a_draft(officer, draft):
    response = export(signed_in(officer), "response", draft.pk)
    assert response.status_code == 404
    assert DRAFT_WORDING not in csv_text(response)


def test_the_administrator_cannot_export_the_history_of_a_draft(draft):
    admin = OfficerFactory(is_superuser=True, is_staff=True)
    response = export(signed_in(admin), "response", draft.pk)
    assert response.status_code == 404


def test_the_history_of_a_draft_statement_is_not_exported_either(
    officer, recommendation, director_a
):
    statement = statement_draft(recommendation, director_a, text=DRAFT_WORDING)
    response = export(signed_in(officer), "position-statement", statement.pk)
    assert response.status_code == 404


def test_the_export_of_a_submitted_response_leaves_out_its_draft_versions(officer, submitted):
    response = export(signed_in(officer), "response", submitted.pk)
    assert response.status_code == 200
    text = csv_text(response)
    assert "The submitted wording." in text
    assert DRAFT_WORDING not in text


def test_the_page_of_a_submitted_response_shows_no_draft_wording_in_its_history(officer, submitted):
    html = signed_in(officer).get(submitted.get_absolute_url()).content.decode()
    assert "History of changes" in html
    assert DRAFT_WORDING not in html


def test_a_submitted_statement_history_leaves_out_its_draft_versions(
    officer, recommendation, director_a
):
    statement = statement_draft(recommendation, director_a, text=DRAFT_WORDING)
    statement = statement_draft(
        recommendation, director_a, statement=statement, text="Submitted progress."
    )
    position_statement_submit(statement=statement, user=director_a)
    text = csv_text(export(signed_in(officer), "position-statement", statement.pk))
    assert "Submitted progress." in text
    assert DRAFT_WORDING not in text


def test_every_cell_of_the_history_export_is_protected_against_formulas(
    officer, recommendation, director_a
):
    """Finding 9: the "Who" column too (a user's name is typed by someone)."""
    director_a.first_name, director_a.last_name = '=HYPERLINK("http://x")', "@evil"
    director_a.save()
    draft = response_save_draft(recommendation=recommendation, user=director_a, text="+1")
    submit_own_draft(draft, director_a, "-2")
    rows = list(
        csv.reader(
            io.StringIO(
                csv_text(export(signed_in(officer), "response", recommendation.responses.get().pk))
            )
        )
    )
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), row


def test_an_empty_old_value_shows_as_a_dash_not_as_a_deleted_user(officer, submitted):
    """Finding 12: "submitted by" was empty before submission."""
    text = csv_text(export(signed_in(officer), "response", submitted.pk))
    assert "pk=None" not in text
    assert "Deleted" not in text
