"""An officer returns a submitted response to its directorate to correct; the director
checks their answers before submitting; Back after submitting lands on the response."""

import pytest
from django.urls import reverse

from responses import services
from responses.models import Response, ResponseState
from tests.factories import ResponseFactory, submitted_response
from tests.viewkit import as_checked, assert_rejected, page, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(recommendation):
    return submitted_response(recommendation, text="First version of the response.")


def return_it(officer, response, reason="Paragraph 2 names the wrong service."):
    return signed_in(officer).post(
        reverse("responses:response_return", args=[response.pk]), {"reason": reason}
    )


def test_an_officer_returns_a_submitted_response_to_its_directorate(officer, director_a, submitted):
    reply = return_it(officer, submitted)

    assert reply.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == ResponseState.DRAFT
    assert submitted.returned_by == officer
    # The director sees why, on the response and on its form, and can edit it again.
    director = signed_in(director_a)
    assert "Paragraph 2 names the wrong service." in page(
        director.get(submitted.get_absolute_url())
    )
    form = page(director.get(reverse("responses:response_update", args=[submitted.pk])))
    assert "Returned to you to correct" in form and "First version of the response." in form


def test_the_history_keeps_the_submitted_version_and_the_correction(officer, director_a, submitted):
    return_it(officer, submitted)
    submitted.refresh_from_db()
    director = signed_in(director_a)
    director.post(
        reverse("responses:response_update", args=[submitted.pk]),
        {
            "decision": "accepted",
            "text": "Corrected version.",
            "version": submitted.version,
            "check": "1",
        },
    )
    director.post(reverse("responses:response_check", args=[submitted.pk]), as_checked(submitted))

    submitted.refresh_from_db()
    assert submitted.state == ResponseState.SUBMITTED
    versions = list(submitted.history.order_by("history_date").values_list("state", "text"))
    assert ("submitted", "First version of the response.") in versions
    assert versions[-1] == ("submitted", "Corrected version.")


def test_returning_needs_a_reason(officer, submitted):
    reply = return_it(officer, submitted, reason="")
    assert_rejected(reply, "Enter why the response is being returned")
    assert Response.objects.get(pk=submitted.pk).state == ResponseState.SUBMITTED


def test_an_agreed_response_cannot_be_returned(officer, submitted):

    services.response_agree(response=submitted, user=officer)
    assert return_it(officer, submitted).status_code == 403


def test_continue_shows_the_answers_to_check_and_submits_nothing(recommendation, director_a):
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)
    director = signed_in(director_a)
    reply = director.post(
        reverse("responses:response_update", args=[draft.pk]),
        {"decision": "accepted", "text": "We accept it.", "version": draft.version, "check": "1"},
        follow=True,
    )
    shown = page(reply)
    assert "Check your response before submitting it" in shown
    assert "We accept it." in shown and "Change" in shown
    assert Response.objects.get(pk=draft.pk).state == ResponseState.DRAFT


def test_an_incomplete_response_does_not_reach_the_check_page(recommendation, director_a):
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)
    reply = signed_in(director_a).post(
        reverse("responses:response_update", args=[draft.pk]),
        {"decision": "", "text": "Half", "version": draft.version, "check": "1"},
    )
    assert_rejected(reply, "Choose whether the recommendation is accepted before submitting.")


def test_back_after_submitting_lands_on_the_response_not_a_refusal(recommendation, director_a):
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)
    director = signed_in(director_a)
    check_url = reverse("responses:response_check", args=[draft.pk])
    director.post(check_url, as_checked(draft))

    for url in (check_url, reverse("responses:response_update", args=[draft.pk])):
        reply = director.get(url, follow=True)
        assert reply.redirect_chain[-1][0] == draft.get_absolute_url()
        assert "This response was submitted on" in page(reply)


def test_a_draft_changed_while_it_was_checked_is_shown_again_not_submitted(
    recommendation, director_a
):
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a, text="Mine.")
    director = signed_in(director_a)
    check_url = reverse("responses:response_check", args=[draft.pk])
    read = as_checked(draft)  # the check page, as it was read
    draft.text, draft.version = "Theirs.", draft.version + 1  # meanwhile, by a colleague
    draft.save()

    reply = director.post(check_url, read)

    draft.refresh_from_db()
    assert reply.status_code == 200
    assert draft.state == ResponseState.DRAFT
    html = page(reply)
    assert "was changed while you were checking it, so it has not been submitted" in html
    assert "Theirs." in html
    # Having read it as it is now, the director can submit it.
    director.post(check_url, as_checked(draft))
    draft.refresh_from_db()
    assert (draft.state, draft.text) == (ResponseState.SUBMITTED, "Theirs.")


def test_a_submit_that_does_not_say_which_version_was_read_is_refused(recommendation, director_a):
    draft = ResponseFactory(recommendation=recommendation, drafted_by=director_a)

    reply = signed_in(director_a).post(reverse("responses:response_check", args=[draft.pk]))

    draft.refresh_from_db()
    assert reply.status_code == 200
    assert draft.state == ResponseState.DRAFT
    assert "has not been submitted" in page(reply)
