"""A director answers a whole report on one page: drafts saved in one step (all or none),
then checked and submitted together; only their directorate's recommendations, and a
stale draft refused like any other stale save."""

import pytest
from django.urls import reverse

from responses import services
from responses.models import Response, ResponseState
from responses.selectors import responses_owed_on_report
from tests.factories import (
    RecommendationFactory,
    RecommendationPartFactory,
    ReportFactory,
    ResponseFactory,
    submitted_response,
)
from tests.viewkit import field_error, page, queries_for, signed_in

pytestmark = pytest.mark.django_db


def respond_url(report) -> str:
    return reverse("responses:report_respond", args=[report.pk])


def check_url(report) -> str:
    return reverse("responses:report_respond_check", args=[report.pk])


def answers(*recommendations, **fields) -> dict:
    """The page's POST: each recommendation's form, by its prefix."""
    data = {}
    for recommendation in recommendations:
        prefix = f"r{recommendation.pk}-"
        data |= {
            f"{prefix}decision": fields.get("decision", "accepted"),
            f"{prefix}text": fields.get("text", f"We accept {recommendation.title}."),
            f"{prefix}version": fields.get("version", ""),
        }
    return data


@pytest.fixture
def first(published_report):
    return published_report.recommendations.get(number=1)


@pytest.fixture
def second(published_report):
    return published_report.recommendations.get(number=2)


# --- The selector ----------------------------------------------------------------------


def test_only_the_directorates_unanswered_recommendations_of_the_report_are_owed(
    director_a, published_report, first, second
):
    submitted_response(second)
    RecommendationFactory(directorate=director_a.directorate)  # another report's

    owed = responses_owed_on_report(director_a, published_report.pk)

    assert [item.recommendation for item in owed] == [first]


def test_owed_responses_carry_the_directorates_draft(director_a, published_report, first):
    draft = ResponseFactory(recommendation=first, drafted_by=director_a)

    owed = responses_owed_on_report(director_a, published_report.pk)

    assert owed[0].draft == draft


def test_owed_responses_read_a_long_report_in_four_queries(
    director_a, published_report, django_assert_num_queries
):
    for number in range(4, 14):
        recommendation = RecommendationFactory(
            report=published_report, number=number, directorate=director_a.directorate
        )
        RecommendationPartFactory(recommendation=recommendation)
        ResponseFactory(recommendation=recommendation, drafted_by=director_a)

    with django_assert_num_queries(4):
        owed = responses_owed_on_report(director_a, published_report.pk)
        for item in owed:
            list(item.recommendation.parts.all())
            if item.draft:
                list(item.draft.accepted_parts.all())


# --- The services ----------------------------------------------------------------------


def test_saving_several_drafts_is_all_or_none(director_a, first, second):
    drafts = [
        {"recommendation": first, "decision": "accepted", "text": "Yes."},
        {"recommendation": second, "decision": "partial", "text": "In part."},  # no detail
    ]

    with pytest.raises(services.ResponsesRefused) as refused:
        services.responses_save_drafts(user=director_a, drafts=drafts)

    assert set(refused.value.by_recommendation) == {second.pk}
    assert not Response.objects.exists()


def test_several_drafts_are_submitted_together(director_a, first, second):
    saved = services.responses_save_drafts(
        user=director_a,
        drafts=[
            {"recommendation": first, "decision": "accepted", "text": "Yes."},
            {"recommendation": second, "decision": "not_accepted", "text": "No."},
        ],
    )

    services.responses_submit(
        responses=saved,
        expected_versions={draft.pk: draft.version for draft in saved},
        user=director_a,
    )

    assert set(Response.objects.values_list("state", flat=True)) == {ResponseState.SUBMITTED}


def test_a_stale_draft_refuses_the_whole_submission(director_a, first, second):
    one = ResponseFactory(recommendation=first, drafted_by=director_a)
    two = ResponseFactory(recommendation=second, drafted_by=director_a)
    expected = {one.pk: one.version, two.pk: two.version}
    services.response_save_draft(
        recommendation=second, user=director_a, response=two, decision="accepted", text="Changed."
    )

    with pytest.raises(services.EditConflict):
        services.responses_submit(responses=[one, two], expected_versions=expected, user=director_a)

    assert not Response.objects.submitted().exists()


def test_a_submission_without_versions_is_refused(director_a, first):
    draft = ResponseFactory(recommendation=first, drafted_by=director_a)

    with pytest.raises(services.EditConflict):
        services.responses_submit(responses=[draft], expected_versions={}, user=director_a)


# --- The pages -------------------------------------------------------------------------


def test_the_page_shows_each_owed_recommendations_words_and_form(
    director_a, published_report, first, second
):
    html = page(signed_in(director_a).get(respond_url(published_report)))

    assert first.text in html and second.text in html
    assert f'name="r{first.pk}-text"' in html and f'name="r{second.pk}-decision"' in html
    recommendation_3 = published_report.recommendations.get(number=3)
    assert recommendation_3.text not in html  # another directorate's


def test_the_worklist_links_each_report_to_its_one_page_response(director_a, published_report):
    html = page(signed_in(director_a).get(reverse("responses:worklist")))

    assert respond_url(published_report) in html


def test_another_directorate_gets_404(director_b, directorate_a):
    report = ReportFactory()
    RecommendationFactory(report=report, directorate=directorate_a)

    client = signed_in(director_b)

    assert client.get(respond_url(report)).status_code == 404
    assert client.get(check_url(report)).status_code == 404


def test_officers_cannot_respond(officer, published_report):
    assert signed_in(officer).get(respond_url(published_report)).status_code == 403


def test_save_drafts_saves_every_answered_recommendation_and_no_blank_one(
    director_a, published_report, first, second
):
    reply = signed_in(director_a).post(
        respond_url(published_report), {**answers(first), "save": "1"}
    )

    assert reply.status_code == 302
    draft = Response.objects.get()
    assert (draft.recommendation, draft.state) == (first, ResponseState.DRAFT)


def test_a_refused_answer_saves_none_and_keeps_every_answer_typed(
    director_a, published_report, first, second
):
    data = {**answers(first), **answers(second, decision="partial"), "save": "1"}

    reply = signed_in(director_a).post(respond_url(published_report), data)

    assert reply.status_code == 200
    assert field_error(reply, "Say which part of the recommendation is accepted")
    assert f"{second.title}: Say which part" in page(reply)  # the summary says whose
    assert f"We accept {first.title}." in page(reply)
    assert not Response.objects.exists()


def test_a_stale_draft_shows_the_conflict_and_keeps_the_input(director_a, published_report, first):
    draft = ResponseFactory(recommendation=first, drafted_by=director_a)
    opened_at = draft.version
    services.response_save_draft(
        recommendation=first, user=director_a, response=draft, decision="accepted", text="Theirs."
    )

    reply = signed_in(director_a).post(
        respond_url(published_report),
        {**answers(first, text="Mine, typed at length.", version=opened_at), "save": "1"},
    )

    assert reply.status_code == 200
    assert "changed this while you were editing it" in page(reply)
    assert "Mine, typed at length." in page(reply)
    draft.refresh_from_db()
    assert draft.text == "Theirs."


def test_a_form_posted_without_its_version_is_refused(director_a, published_report, first):
    draft = ResponseFactory(recommendation=first, drafted_by=director_a)
    data = answers(first, text="Mine.")
    del data[f"r{first.pk}-version"]

    reply = signed_in(director_a).post(respond_url(published_report), {**data, "save": "1"})

    assert "sent without saying which version" in page(reply)
    draft.refresh_from_db()
    assert draft.text != "Mine."


def test_continue_checks_then_submits_every_draft_at_once(
    director_a, published_report, first, second
):
    client = signed_in(director_a)
    reply = client.post(respond_url(published_report), {**answers(first, second), "check": "1"})
    assert reply["Location"] == check_url(published_report)

    check = client.get(check_url(published_report))
    assert f"We accept {first.title}." in page(check) and "Submit all 2 responses" in page(check)
    versions = {f"version_{draft.pk}": draft.version for draft in Response.objects.all()}
    reply = client.post(check_url(published_report), versions)

    assert reply.status_code == 302
    assert Response.objects.submitted().count() == 2


def test_a_draft_changed_after_the_check_page_refuses_the_submission(
    director_a, published_report, first
):
    draft = ResponseFactory(recommendation=first, drafted_by=director_a)
    seen = {f"version_{draft.pk}": draft.version}
    services.response_save_draft(
        recommendation=first, user=director_a, response=draft, decision="accepted", text="Newer."
    )

    reply = signed_in(director_a).post(check_url(published_report), seen)

    assert reply.status_code == 200
    assert "changed this while you were editing it" in page(reply)
    assert "Newer." in page(reply)
    assert not Response.objects.submitted().exists()


def test_continue_refuses_an_incomplete_answer(director_a, published_report, first):
    reply = signed_in(director_a).post(
        respond_url(published_report), {**answers(first, text=""), "check": "1"}
    )

    assert reply.status_code == 200
    assert field_error(reply, "Enter the response before submitting")
    assert not Response.objects.exists()


def test_back_after_submitting_lands_on_the_report(director_a, published_report, first, second):
    submitted_response(first)
    submitted_response(second)

    reply = signed_in(director_a).get(check_url(published_report))

    assert reply.status_code == 302 and reply["Location"] == published_report.get_absolute_url()


def add_drafted(report, director, count: int, start: int) -> None:
    for number in range(start, start + count):
        recommendation = RecommendationFactory(
            report=report, number=number, directorate=director.directorate
        )
        ResponseFactory(recommendation=recommendation, drafted_by=director)


@pytest.mark.parametrize("name", ["responses:report_respond", "responses:report_respond_check"])
def test_the_pages_issue_as_many_queries_for_a_long_report_as_for_a_short_one(
    director_a, published_report, name
):
    client = signed_in(director_a)
    url = reverse(name, args=[published_report.pk])
    add_drafted(published_report, director_a, 2, start=4)
    short = queries_for(client, url)
    add_drafted(published_report, director_a, 20, start=6)

    assert queries_for(client, url) == short <= 15


def test_the_check_page_before_any_draft_leads_back_to_the_form(director_a, published_report):
    reply = signed_in(director_a).get(check_url(published_report))

    assert reply.status_code == 302 and reply["Location"] == respond_url(published_report)
