"""Every write to a response or statement is attributable, and no edit is silently lost."""

import pytest
from django.urls import reverse

from core.history import EditConflict, history_of
from responses.models import Response
from responses.services import (
    position_statement_submit,
    response_agree,
    response_save_draft,
)
from tests.factories import DirectorateUserFactory, statement_draft, submit_own_draft


@pytest.fixture
def draft(recommendation, director_a):
    return response_save_draft(
        recommendation=recommendation, user=director_a, decision="", text="First draft."
    )


def test_saving_a_draft_records_who_did_it(draft, director_a):
    record = draft.history.latest()
    assert record.history_user == director_a
    assert record.text == "First draft."


def test_submitting_and_agreeing_are_each_attributed(draft, recommendation, director_a, officer):
    submitted = submit_own_draft(draft, director_a, "Accepted.")
    response_agree(response=submitted, user=officer)
    users = [
        r.history_user for r in Response.objects.get(pk=draft.pk).history.order_by("history_date")
    ]
    assert users == [director_a, director_a, director_a, officer]


def test_the_history_shows_each_changed_field_with_old_and_new_values(
    draft, recommendation, director_a
):
    response_save_draft(
        recommendation=recommendation, user=director_a, response=draft, text="Second draft."
    )
    latest = history_of(Response.objects.get(pk=draft.pk))[0]
    assert latest.who == director_a
    assert latest.kind == "Changed"
    assert [(c.field, c.old, c.new) for c in latest.changes] == [
        ("Response", "First draft.", "Second draft.")
    ]


def test_an_edit_from_a_stale_form_is_refused_and_the_other_edit_kept(
    draft, recommendation, director_a
):
    colleague = DirectorateUserFactory(directorate=director_a.directorate)
    opened_at = draft.version
    response_save_draft(
        recommendation=recommendation,
        user=colleague,
        response=draft,
        text="Colleague's wording.",
        expected_version=opened_at,
    )
    with pytest.raises(EditConflict) as conflict:
        response_save_draft(
            recommendation=recommendation,
            user=director_a,
            response=draft,
            text="My wording.",
            expected_version=opened_at,
        )
    assert "Colleague's wording." in conflict.value.messages[0]
    assert Response.objects.get(pk=draft.pk).text == "Colleague's wording."


def test_a_stale_position_statement_edit_is_refused(recommendation, director_a):
    statement = statement_draft(recommendation, director_a, text="Progress so far.")
    opened_at = statement.version
    statement_draft(
        recommendation,
        director_a,
        statement=statement,
        text="Progress, revised.",
        expected_version=opened_at,
    )
    with pytest.raises(EditConflict):
        statement_draft(
            recommendation,
            director_a,
            statement=statement,
            text="Progress, my version.",
            expected_version=opened_at,
        )
    submitted = position_statement_submit(statement=statement, user=director_a)
    assert submitted.text == "Progress, revised."
    assert submitted.history.latest().history_user == director_a


def test_two_people_editing_the_same_draft_in_the_browser(client, draft, director_a):
    """Two real sessions open the edit form; the second save is refused, the first kept,
    and the second person's text is still in their form beside the message."""
    colleague = DirectorateUserFactory(directorate=director_a.directorate)
    first, second = client, client.__class__()
    first.force_login(director_a)
    second.force_login(colleague)
    url = reverse("responses:response_update", args=[draft.pk])
    form_version = str(draft.version)
    assert f'value="{form_version}"' in first.get(url).text
    assert f'value="{form_version}"' in second.get(url).text

    saved = first.post(url, {"text": "Director's edit.", "version": form_version, "save": "1"})
    assert saved.status_code == 302
    refused = second.post(url, {"text": "Colleague's edit.", "version": form_version, "save": "1"})

    assert refused.status_code == 200
    assert "changed this while you were editing it" in refused.text
    assert "Director&#x27;s edit." in refused.text or "Director's edit." in refused.text
    assert "Colleague&#x27;s edit." in refused.text or "Colleague's edit." in refused.text
    assert Response.objects.get(pk=draft.pk).text == "Director's edit."
    assert f'value="{draft.version + 1}"' in refused.text  # the form now answers the latest

    # Saving again after seeing the other change is a deliberate choice, and works.
    again = second.post(
        url, {"text": "Colleague's edit.", "version": str(draft.version + 1), "save": "1"}
    )
    assert again.status_code == 302
    assert Response.objects.get(pk=draft.pk).text == "Colleague's edit."
