"""Who may read, change and agree responses and position statements."""

import pytest

from responses.services import position_statement_submit
from tests.factories import (
    OfficerFactory,
    PositionStatementFactory,
    RecommendationFactory,
    ReportFactory,
    ResponseFactory,
    agreed_response,
    submitted_response,
)
from tests.viewkit import can

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(recommendation):
    return ResponseFactory(recommendation=recommendation)


@pytest.fixture
def submitted(recommendation):
    return submitted_response(recommendation)


@pytest.fixture
def agreed(recommendation):
    return agreed_response(recommendation)


# Viewing a response


def test_a_draft_is_visible_to_its_directorate(director_a, draft):
    assert can(director_a, "responses.view_response", draft)


@pytest.mark.parametrize("reader", ["officer", "member", "director_b", "anonymous"])
def test_a_draft_is_hidden_from_everyone_outside_its_directorate(request, reader, draft):
    assert not can(request.getfixturevalue(reader), "responses.view_response", draft)


@pytest.mark.parametrize("reader", ["officer", "member", "director_a", "director_b"])
def test_a_submitted_response_is_read_inside_the_council(request, reader, submitted):
    assert can(request.getfixturevalue(reader), "responses.view_response", submitted)


def test_a_submitted_response_is_hidden_from_the_public(anonymous, submitted):
    assert not can(anonymous, "responses.view_response", submitted)


def test_an_agreed_response_to_a_published_report_is_public(anonymous, agreed):
    assert can(anonymous, "responses.view_response", agreed)


def test_an_agreed_response_to_an_exempt_report_is_not_public(anonymous):
    response = agreed_response(RecommendationFactory(report=ReportFactory(exempt=True)))
    assert not can(anonymous, "responses.view_response", response)


def test_an_agreed_response_to_an_unpublished_report_is_not_public(anonymous):
    response = agreed_response(RecommendationFactory(report=ReportFactory(unpublished=True)))
    assert not can(anonymous, "responses.view_response", response)


def test_an_agreed_response_to_an_exempt_report_is_read_inside_the_council(member):
    response = agreed_response(RecommendationFactory(report=ReportFactory(exempt=True)))
    assert can(member, "responses.view_response", response)


def test_an_inactive_officer_cannot_read_a_submitted_response(submitted):
    retired = OfficerFactory(is_active=False)
    assert not can(retired, "responses.view_response", submitted)


# Changing and agreeing


def test_its_directorate_can_change_a_draft(director_a, draft):
    assert can(director_a, "responses.change_response", draft)


@pytest.mark.parametrize("user", ["officer", "member", "director_b", "anonymous"])
def test_no_one_else_can_change_a_draft(request, user, draft):
    assert not can(request.getfixturevalue(user), "responses.change_response", draft)


def test_its_directorate_cannot_change_a_submitted_response(director_a, submitted):
    assert not can(director_a, "responses.change_response", submitted)


def test_its_directorate_can_add_a_response(director_a, recommendation):
    assert can(director_a, "responses.add_response", recommendation)


@pytest.mark.parametrize("user", ["officer", "member", "director_b", "anonymous"])
def test_no_one_else_can_add_a_response(request, user, recommendation):
    assert not can(request.getfixturevalue(user), "responses.add_response", recommendation)


def test_an_officer_can_agree_a_submitted_response(officer, submitted):
    assert can(officer, "responses.agree_response", submitted)


@pytest.mark.parametrize("user", ["member", "director_a", "director_b", "anonymous"])
def test_only_an_officer_can_agree_a_response(request, user, submitted):
    assert not can(request.getfixturevalue(user), "responses.agree_response", submitted)


def test_an_officer_cannot_agree_a_draft(officer, draft):
    assert not can(officer, "responses.agree_response", draft)


def test_an_officer_cannot_agree_an_agreed_response_again(officer, agreed):
    assert not can(officer, "responses.agree_response", agreed)


# Position statements


def test_a_draft_statement_is_visible_to_its_directorate(director_a, recommendation):
    statement = PositionStatementFactory(recommendation=recommendation)
    assert can(director_a, "responses.view_positionstatement", statement)


def test_its_directorate_can_change_a_draft_statement(director_a, recommendation):
    statement = PositionStatementFactory(recommendation=recommendation)
    assert can(director_a, "responses.change_positionstatement", statement)


@pytest.mark.parametrize("reader", ["officer", "member", "director_b", "anonymous"])
def test_a_draft_statement_is_hidden_outside_its_directorate(request, reader, recommendation):
    statement = PositionStatementFactory(recommendation=recommendation)
    assert not can(request.getfixturevalue(reader), "responses.view_positionstatement", statement)


@pytest.fixture
def submitted_statement(director_a, recommendation):
    return position_statement_submit(
        statement=PositionStatementFactory(recommendation=recommendation), user=director_a
    )


@pytest.mark.parametrize("reader", ["officer", "member", "director_a", "director_b"])
def test_a_submitted_statement_is_read_inside_the_council(request, reader, submitted_statement):
    reader = request.getfixturevalue(reader)
    assert can(reader, "responses.view_positionstatement", submitted_statement)


def test_its_directorate_cannot_change_a_submitted_statement(director_a, submitted_statement):
    assert not can(director_a, "responses.change_positionstatement", submitted_statement)


# The worklist


def test_directorate_users_have_a_worklist(director_a):
    assert can(director_a, "responses.view_worklist")


@pytest.mark.parametrize("user", ["officer", "member", "anonymous"])
def test_no_one_else_has_a_worklist(request, user):
    assert not can(request.getfixturevalue(user), "responses.view_worklist")
