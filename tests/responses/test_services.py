"""Drafting, submitting and agreeing responses; drafting and submitting position statements."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from responses.models import PositionStatement, Response, ResponseDecision, ResponseState
from responses.services import (
    position_statement_save_draft,
    position_statement_submit,
    response_agree,
    response_save_draft,
    response_submit,
)
from tests.factories import (
    PositionStatementFactory,
    RecommendationPartFactory,
    ResponseFactory,
    submitted_response,
    tracking_status,
)

pytestmark = pytest.mark.django_db


def _draft(recommendation, user, **fields):
    return response_save_draft(recommendation=recommendation, user=user, **fields)


def _partial(recommendation, user, **fields):
    return _draft(
        recommendation,
        user,
        decision=ResponseDecision.PARTIALLY_ACCEPTED,
        text="Partly accepted.",
        **fields,
    )


def _assert_rejected_for(field, save):
    """`save()` is refused with an error on `field`, and no response is left behind."""
    with pytest.raises(ValidationError) as error:
        save()
    assert field in error.value.message_dict
    assert not Response.objects.exists()


# Drafting


def test_response_save_draft_creates_a_draft(director_a, recommendation):
    response = _draft(
        recommendation,
        director_a,
        decision=ResponseDecision.ACCEPTED,
        text="Accepted.",
        target_date=date(2012, 7, 31),
    )
    response.refresh_from_db()
    assert response.state == ResponseState.DRAFT
    assert response.drafted_by == director_a
    assert response.recommendation == recommendation
    assert response.decision == ResponseDecision.ACCEPTED
    assert response.target_date == date(2012, 7, 31)
    assert response.submitted_at is None


def test_a_draft_can_be_saved_before_the_decision_is_made(director_a, recommendation):
    response = _draft(recommendation, director_a, text="Work in progress")
    response.refresh_from_db()
    assert response.is_draft
    assert response.decision == ""


def test_a_draft_can_be_updated(director_a, recommendation):
    response = _draft(recommendation, director_a, text="First thoughts")
    _draft(recommendation, director_a, response=response, text="Second thoughts")
    response.refresh_from_db()
    assert response.text == "Second thoughts"
    assert Response.objects.count() == 1


def test_a_second_response_to_the_same_recommendation_is_rejected(director_a, recommendation):
    _draft(recommendation, director_a, text="One")
    with pytest.raises(ValidationError):
        _draft(recommendation, director_a, text="Two")
    assert Response.objects.filter(recommendation=recommendation).count() == 1


def test_the_database_allows_only_one_current_response_per_recommendation(recommendation):
    ResponseFactory(recommendation=recommendation)
    with pytest.raises(IntegrityError), transaction.atomic():
        ResponseFactory(recommendation=recommendation)


def test_a_partial_acceptance_without_detail_is_rejected(director_a, recommendation):
    _assert_rejected_for(
        "partial_acceptance_detail",
        lambda: _partial(recommendation, director_a, partial_acceptance_detail="  "),
    )


def test_a_partial_acceptance_with_detail_is_saved(director_a, recommendation):
    response = _partial(
        recommendation,
        director_a,
        partial_acceptance_detail="The review is accepted; the new post is not.",
    )
    response.refresh_from_db()
    assert response.decision == ResponseDecision.PARTIALLY_ACCEPTED


def test_a_partial_acceptance_of_a_recommendation_in_parts_must_choose_a_part(
    director_a, recommendation, two_parts
):
    _assert_rejected_for(
        "accepted_parts",
        lambda: _partial(
            recommendation,
            director_a,
            partial_acceptance_detail="Part a is supported.",
            accepted_parts=[],
        ),
    )


def test_a_partial_acceptance_cannot_choose_every_part(director_a, recommendation, two_parts):
    _assert_rejected_for(
        "accepted_parts",
        lambda: _partial(
            recommendation,
            director_a,
            partial_acceptance_detail="Both parts are supported.",
            accepted_parts=two_parts,
        ),
    )


def test_a_partial_acceptance_of_one_part_is_saved_with_that_part(
    director_a, recommendation, two_parts
):
    part_a, _ = two_parts
    response = _partial(
        recommendation,
        director_a,
        partial_acceptance_detail="Part a is supported; part b is met differently.",
        accepted_parts=[part_a],
    )
    assert list(response.accepted_parts.all()) == [part_a]


def test_accepted_parts_are_rejected_for_a_full_acceptance(director_a, recommendation, two_parts):
    part_a, _ = two_parts
    _assert_rejected_for(
        "accepted_parts",
        lambda: _draft(
            recommendation,
            director_a,
            decision=ResponseDecision.ACCEPTED,
            text="Accepted.",
            accepted_parts=[part_a],
        ),
    )


def test_parts_of_another_recommendation_are_rejected(director_a, recommendation, published_report):
    other_part = RecommendationPartFactory(
        recommendation=published_report.recommendations.get(number=2)
    )
    RecommendationPartFactory(recommendation=recommendation, label="a")
    RecommendationPartFactory(recommendation=recommendation, label="b")
    _assert_rejected_for(
        "accepted_parts",
        lambda: _partial(
            recommendation,
            director_a,
            partial_acceptance_detail="Some of it.",
            accepted_parts=[other_part],
        ),
    )


# Submitting


def _assert_submitted_by(record, user):
    record.refresh_from_db()
    assert record.state == ResponseState.SUBMITTED
    assert record.submitted_by == user
    assert record.submitted_at is not None


def _assert_submit_rejected_for(field, submit, draft):
    """`submit(draft)` is refused for want of `field`, and the draft stays a draft."""
    with pytest.raises(ValidationError) as error:
        submit(draft)
    assert field in error.value.message_dict
    draft.refresh_from_db()
    assert draft.is_draft


def test_response_submit_records_who_and_when(director_a, recommendation):
    draft = _draft(recommendation, director_a, decision=ResponseDecision.ACCEPTED, text="Accepted.")
    _assert_submitted_by(response_submit(response=draft, user=director_a), director_a)


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        ({"text": "Accepted."}, "decision"),
        ({"decision": ResponseDecision.ACCEPTED, "text": "   "}, "text"),
    ],
    ids=["without-a-decision", "without-response-text"],
)
def test_submitting_an_incomplete_response_is_rejected(director_a, recommendation, fields, missing):
    _assert_submit_rejected_for(
        missing,
        lambda draft: response_submit(response=draft, user=director_a),
        _draft(recommendation, director_a, **fields),
    )


def test_a_submitted_response_cannot_be_edited(director_a, recommendation):
    response = submitted_response(recommendation)
    with pytest.raises(PermissionDenied):
        _draft(
            recommendation,
            director_a,
            response=response,
            decision=ResponseDecision.NOT_ACCEPTED,
            text="x",
        )
    response.refresh_from_db()
    assert response.decision == ResponseDecision.ACCEPTED


def test_a_submitted_response_cannot_be_submitted_again(director_a, recommendation):
    response = submitted_response(recommendation)
    with pytest.raises(PermissionDenied):
        response_submit(response=response, user=director_a)


# Agreeing


def test_response_agree_records_who_and_when(officer, recommendation):
    response = submitted_response(recommendation)
    response_agree(response=response, user=officer)
    response.refresh_from_db()
    assert response.state == ResponseState.AGREED
    assert response.agreed_by == officer
    assert response.agreed_at is not None


def test_a_draft_response_cannot_be_agreed(officer, director_a, recommendation):
    draft = _draft(recommendation, director_a, decision=ResponseDecision.ACCEPTED, text="Accepted.")
    with pytest.raises(ValidationError):
        response_agree(response=draft, user=officer)
    draft.refresh_from_db()
    assert draft.is_draft


def test_an_agreed_response_cannot_be_agreed_again(officer, recommendation):
    response = response_agree(response=submitted_response(recommendation), user=officer)
    first_agreed_at = response.agreed_at
    with pytest.raises(ValidationError):
        response_agree(response=response, user=officer)
    response.refresh_from_db()
    assert response.agreed_at == first_agreed_at


# Position statements


def _statement(recommendation, user, **fields):
    fields.setdefault("report_back_due_on", date(2012, 7, 1))
    fields.setdefault("text", "The placements panel now meets monthly.")
    return position_statement_save_draft(recommendation=recommendation, user=user, **fields)


def test_position_statement_save_draft_creates_a_draft(director_a, recommendation):
    statement = _statement(recommendation, director_a, proposed_status=tracking_status(4))
    statement.refresh_from_db()
    assert statement.is_draft
    assert statement.drafted_by == director_a
    assert statement.report_back_due_on == date(2012, 7, 1)
    assert statement.proposed_status == tracking_status(4)


def test_position_statement_submit_records_who_and_when(director_a, recommendation):
    statement = position_statement_submit(
        statement=_statement(recommendation, director_a), user=director_a
    )
    _assert_submitted_by(statement, director_a)


def test_a_blank_position_statement_cannot_be_submitted(director_a, recommendation):
    _assert_submit_rejected_for(
        "text",
        lambda draft: position_statement_submit(statement=draft, user=director_a),
        _statement(recommendation, director_a, text="   "),
    )


def test_a_submitted_position_statement_cannot_be_edited(director_a, recommendation):
    statement = position_statement_submit(
        statement=_statement(recommendation, director_a), user=director_a
    )
    with pytest.raises(PermissionDenied):
        _statement(recommendation, director_a, statement=statement, text="Rewritten")
    statement.refresh_from_db()
    assert statement.text == "The placements panel now meets monthly."


def test_a_second_statement_for_the_same_report_back_is_rejected(director_a, recommendation):
    _statement(recommendation, director_a, report_back_due_on=date(2012, 7, 1))
    with pytest.raises(ValidationError):
        _statement(recommendation, director_a, report_back_due_on=date(2012, 7, 1))
    assert PositionStatement.objects.filter(recommendation=recommendation).count() == 1


def test_statements_for_different_report_backs_are_kept(director_a, recommendation):
    _statement(recommendation, director_a, report_back_due_on=date(2012, 7, 1))
    _statement(recommendation, director_a, report_back_due_on=date(2013, 1, 1))
    assert PositionStatement.objects.filter(recommendation=recommendation).count() == 2


def test_the_database_allows_one_statement_per_report_back(recommendation):
    PositionStatementFactory(recommendation=recommendation, report_back_due_on=date(2012, 7, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        PositionStatementFactory(recommendation=recommendation, report_back_due_on=date(2012, 7, 1))


def test_an_edit_that_races_a_submission_does_not_revert_it_to_draft(director_a, recommendation):
    draft = _draft(recommendation, director_a, decision=ResponseDecision.ACCEPTED, text="Accepted.")
    stale = Response.objects.get(pk=draft.pk)  # loaded by an edit form before the submit
    response_submit(response=draft, user=director_a)
    with pytest.raises(PermissionDenied):
        _draft(
            recommendation, director_a, response=stale, decision=ResponseDecision.ACCEPTED, text="x"
        )
    draft.refresh_from_db()
    assert draft.state == ResponseState.SUBMITTED
