"""Two people writing the same response or statement at once: the second is told,
keeps their text, and can save it over the first knowingly; never a server error."""

from datetime import date

import pytest
from django.urls import reverse

from core.history import EditConflict
from responses import services
from responses.models import PositionStatement, Response
from tests.factories import DirectorateUserFactory, ResponseFactory
from tests.viewkit import page, signed_in

pytestmark = pytest.mark.django_db


def test_a_second_new_response_is_an_edit_conflict(recommendation, director_a):
    colleague = DirectorateUserFactory(directorate=recommendation.directorate)
    services.response_save_draft(recommendation=recommendation, user=director_a, text="Mine")

    with pytest.raises(EditConflict, match="started the response to this recommendation"):
        services.response_save_draft(recommendation=recommendation, user=colleague, text="Theirs")
    assert Response.objects.get().text == "Mine"


def test_the_director_who_loses_the_race_keeps_their_text_and_can_save_over(
    recommendation, director_a
):
    colleague = DirectorateUserFactory(directorate=recommendation.directorate)
    first = ResponseFactory(recommendation=recommendation, drafted_by=director_a, text="First")
    client = signed_in(colleague)
    create_url = reverse("responses:response_create", args=[recommendation.pk])
    data = {"decision": "accepted", "text": "My long careful answer", "version": ""}

    response = client.post(create_url, {**data, "save": "1"})

    shown = page(response)
    assert response.status_code == 200
    assert "started the response to this recommendation while you were writing" in shown
    assert "My long careful answer" in shown
    update_url = reverse("responses:response_update", args=[first.pk])
    assert f'action="{update_url}"' in shown
    assert f'name="version" value="{first.version}"' in shown
    # Saving again, deliberately, from the form as shown.
    client.post(update_url, {**data, "version": first.version, "save": "1"})
    first.refresh_from_db()
    assert first.text == "My long careful answer"


def test_a_second_statement_for_the_same_report_back_is_an_edit_conflict(
    recommendation, director_a
):
    colleague = DirectorateUserFactory(directorate=recommendation.directorate)
    due = date(2012, 7, 1)
    services.position_statement_save_draft(
        recommendation=recommendation, user=director_a, report_back_due_on=due, text="Mine"
    )
    with pytest.raises(EditConflict, match="started the position statement"):
        services.position_statement_save_draft(
            recommendation=recommendation, user=colleague, report_back_due_on=due, text="Theirs"
        )
    assert PositionStatement.objects.get().text == "Mine"


def test_a_response_form_without_its_version_is_refused(recommendation, director_a):
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a, text="Kept")
    response = signed_in(director_a).post(
        reverse("responses:response_update", args=[draft.pk]),
        {"decision": "accepted", "text": "Overwritten blindly", "save": "1"},
    )
    assert "without saying which version" in page(response)
    draft.refresh_from_db()
    assert draft.text == "Kept"
