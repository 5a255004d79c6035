"""A director checks a position statement before submitting it, as for a response."""

from datetime import date

import pytest
from django.urls import reverse

from responses.models import PositionStatement, ResponseState
from responses.services import position_statement_submit
from tests.factories import PositionStatementFactory
from tests.viewkit import as_checked, field_error, page, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(scheduled, director_a):
    return PositionStatementFactory(
        recommendation=scheduled,
        drafted_by=director_a,
        report_back_due_on=date(2012, 7, 1),
        text="The panel now meets monthly.",
    )


def check_url(statement) -> str:
    return reverse("responses:statement_check", args=[statement.pk])


def test_continue_saves_the_draft_and_shows_it_to_check(director_a, draft):
    reply = signed_in(director_a).post(
        reverse("responses:statement_update", args=[draft.pk]),
        {"text": "Checked wording.", "version": draft.version, "check": "1"},
    )

    assert reply["Location"] == check_url(draft)
    draft.refresh_from_db()
    assert (draft.text, draft.state) == ("Checked wording.", ResponseState.DRAFT)


def test_the_check_page_shows_the_statement_with_a_way_to_change_it(director_a, draft):
    html = page(signed_in(director_a).get(check_url(draft)))

    assert "Check your position statement before submitting it" in html
    assert "The panel now meets monthly." in html
    assert reverse("responses:statement_update", args=[draft.pk]) + "#id_text" in html


def test_submitting_from_the_check_page_sends_it_to_the_board(director_a, draft):
    reply = signed_in(director_a).post(check_url(draft), as_checked(draft))

    assert reply["Location"] == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.state == ResponseState.SUBMITTED


def test_continue_with_an_empty_statement_is_refused_in_place(director_a, scheduled):
    reply = signed_in(director_a).post(
        reverse("responses:statement_create", args=[scheduled.pk]), {"text": "", "check": "1"}
    )

    assert reply.status_code == 200
    assert field_error(reply, "Enter position statement")
    assert not PositionStatement.objects.exists()


def test_back_to_the_check_page_after_submitting_lands_on_the_statement(director_a, draft):
    position_statement_submit(statement=draft, user=director_a)

    reply = signed_in(director_a).get(check_url(draft))

    assert reply["Location"] == draft.get_absolute_url()


def test_another_directorate_cannot_see_the_check_page(director_b, draft):
    assert signed_in(director_b).get(check_url(draft)).status_code == 404


def test_a_statement_changed_while_it_was_checked_is_shown_again_not_submitted(director_a, draft):
    read = as_checked(draft)
    draft.text = "Changed in another tab."
    draft.version += 1
    draft.save()

    reply = signed_in(director_a).post(check_url(draft), read)

    draft.refresh_from_db()
    assert draft.state == ResponseState.DRAFT
    assert "was changed while you were checking it" in page(reply)
    assert "Changed in another tab." in page(reply)
