"""Drafts stay with the directorate that wrote them (issue 12, findings 2, 3 and 13)."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from recommendations.services import recommendation_save
from responses.models import Response, ResponseState
from responses.selectors import response_of
from responses.services import position_statement_save_draft, response_save_draft
from tests.factories import submitted_response
from tests.viewkit import signed_in

SECRET = "DRAFT-SECRET-of-directorate-a"


@pytest.fixture
def draft(recommendation, director_a):
    return response_save_draft(recommendation=recommendation, user=director_a, text=SECRET)


def test_the_administrator_cannot_read_a_directorate_draft(administrator, draft):
    response = signed_in(administrator).get(draft.get_absolute_url())
    assert response.status_code == 404
    assert SECRET not in response.content.decode()


def test_the_administrator_cannot_rewrite_or_submit_a_directorate_draft(administrator, draft):
    url = reverse("responses:response_update", args=[draft.pk])
    client = signed_in(administrator)
    assert client.get(url).status_code == 404
    response = client.post(url, {"decision": "accepted", "text": "Admin's words", "submit": "1"})
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.text == SECRET
    assert draft.state == ResponseState.DRAFT


def test_the_administrator_cannot_start_a_response_for_a_directorate(administrator, recommendation):
    url = reverse("responses:response_create", args=[recommendation.pk])
    assert signed_in(administrator).get(url).status_code == 403


def test_the_administrator_still_reads_submitted_work_like_an_officer(
    administrator, draft, director_a
):
    from responses.services import response_submit

    response_save_draft(
        recommendation=draft.recommendation,
        user=director_a,
        response=draft,
        decision="accepted",
        text="Accepted.",
    )
    response_submit(response=draft, user=director_a)
    assert signed_in(administrator).get(draft.get_absolute_url()).status_code == 200


def move(recommendation, directorate, officer):
    recommendation.directorate = directorate
    return recommendation_save(
        recommendation=recommendation, user=officer, expected_version=recommendation.version
    )


def test_moving_a_recommendation_does_not_hand_its_draft_to_the_new_directorate(
    draft, recommendation, directorate_b, director_b, officer
):
    move(recommendation, directorate_b, officer)
    client = signed_in(director_b)
    assert client.get(draft.get_absolute_url()).status_code == 404
    # The new directorate starts its own response, with nothing of the old draft in it.
    form = client.get(reverse("responses:response_create", args=[recommendation.pk]))
    assert form.status_code == 200
    assert SECRET not in form.content.decode()
    assert SECRET not in client.get(recommendation.get_absolute_url()).content.decode()


def test_a_moved_draft_stays_readable_by_its_writers_but_is_no_longer_the_response(
    draft, recommendation, directorate_b, director_a, director_b, officer
):
    move(recommendation, directorate_b, officer)
    draft.refresh_from_db()
    assert draft.text == SECRET  # nothing typed is lost
    assert signed_in(director_a).get(draft.get_absolute_url()).status_code == 200
    assert response_of(recommendation) is None
    # The new directorate's own draft is the recommendation's response.
    own = response_save_draft(recommendation=recommendation, user=director_b, text="Ours.")
    assert response_of(recommendation) == own
    assert Response.objects.filter(recommendation=recommendation).count() == 2


def test_the_old_directorate_can_no_longer_change_a_moved_draft(
    draft, recommendation, directorate_b, director_a, officer
):
    move(recommendation, directorate_b, officer)
    url = reverse("responses:response_update", args=[draft.pk])
    # Refused: they are sent to the draft's page (issue 11: never a dead-end 403).
    refused = signed_in(director_a).post(url, {"text": "Late edit"})
    assert refused.status_code == 302
    assert refused["Location"] != url
    with pytest.raises(PermissionDenied):
        response_save_draft(
            recommendation=recommendation, user=director_a, response=draft, text="Late edit"
        )


def test_a_moved_draft_statement_is_not_handed_over_either(
    recommendation, directorate_b, director_a, director_b, officer
):
    statement = position_statement_save_draft(
        recommendation=recommendation,
        user=director_a,
        report_back_due_on=recommendation.report.published_on,
        text=SECRET,
    )
    move(recommendation, directorate_b, officer)
    assert signed_in(director_b).get(statement.get_absolute_url()).status_code == 404
    # The new directorate writes its own statement for the same report-back.
    own = position_statement_save_draft(
        recommendation=recommendation,
        user=director_b,
        report_back_due_on=statement.report_back_due_on,
        text="Our progress.",
    )
    assert own.pk != statement.pk
    statement.refresh_from_db()
    assert statement.text == SECRET


def test_the_public_cannot_tell_a_draft_from_a_missing_address(client, draft):
    """Finding 13: both are the same 404, with the offer to sign in."""
    missing_pk = draft.pk + 1000

    def page(pk: int) -> str:
        response = client.get(reverse("responses:response_detail", args=[pk]))
        assert response.status_code == 404
        html = response.content.decode().replace(f"/responses/{pk}/", "/responses/N/")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)

    assert page(draft.pk) == page(missing_pk)


def test_signing_in_from_a_private_records_not_found_page_comes_back_to_it(
    client, draft, director_a
):
    """Someone whose session ended signs in where they are and is back on the draft."""
    page = client.get(draft.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 404
    assert 'name="password"' in html
    assert f'name="next" value="{draft.get_absolute_url()}"' in html
    director_a.set_password("a-long-password-for-the-test")
    director_a.save()
    response = client.post(
        reverse("login"),
        {
            "username": director_a.username,
            "password": "a-long-password-for-the-test",
            "next": draft.get_absolute_url(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    assert SECRET in client.get(draft.get_absolute_url()).content.decode()


def _row_of(html: str, title: str) -> str:
    start = html.index(title)
    return html[start : html.index("</tr>", start)]


def test_the_public_and_the_council_are_told_the_same_of_a_submitted_response(
    client, published_report, member
):
    """Finding 13 with issue 11: that a response is in is told to everyone alike ("Response
    received; awaiting the board's agreement"), so no marker tells the public more or less
    than the council; its words stay private until the board agrees them. A draft is
    never told at all."""
    submitted, unanswered = published_report.recommendations.filter(number__in=[1, 2])
    submitted_response(submitted, text="WORDS-OF-THE-SUBMITTED-RESPONSE")
    listing = reverse("recommendations:recommendation_list")
    public = client.get(listing).content.decode()
    council = signed_in(member).get(listing).content.decode()
    for html in (public, council):
        assert "Due " not in _row_of(html, submitted.title)
        assert "Due " in _row_of(html, unanswered.title)
    assert (
        "WORDS-OF-THE-SUBMITTED-RESPONSE"
        not in client.get(submitted.get_absolute_url()).content.decode()
    )


def test_the_overdue_filter_gives_the_public_and_the_council_the_same_rows(
    client, published_report, member
):
    submitted, unanswered = published_report.recommendations.filter(number__in=[1, 2])
    submitted_response(submitted)
    query = {"overdue": "on"}
    listing = reverse("recommendations:recommendation_list")
    public = client.get(listing, query).content.decode()
    council = signed_in(member).get(listing, query).content.decode()
    for html in (public, council):
        assert submitted.title not in html
        assert unanswered.title in html
