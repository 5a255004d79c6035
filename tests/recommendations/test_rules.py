"""Who may see and keep the scrutiny record."""

from datetime import date, timedelta

import pytest

from tests.factories import OfficerFactory, RecommendationFactory, ReportFactory
from tests.viewkit import can

pytestmark = pytest.mark.django_db

COUNCIL = ["officer", "member", "director_a", "director_b"]
NOT_OFFICERS = ["member", "director_a", "director_b", "anonymous"]
OFFICER_ONLY_PERMS = [
    f"recommendations.{action}_{model}"
    for model in ("committee", "meeting", "inquiry", "report", "recommendation", "workinggroup")
    for action in ("add", "change")
] + [
    "recommendations.add_evidence",
    "recommendations.record_assessments",
    "recommendations.schedule_report_back",
]


@pytest.fixture
def exempt_report(db):
    return ReportFactory(exempt=True)


@pytest.fixture
def unpublished_report(db):
    return ReportFactory(unpublished=True)


# Reports


def test_the_public_can_read_a_published_report(anonymous, published_report):
    assert can(anonymous, "recommendations.view_report", published_report)


def test_the_public_cannot_read_an_exempt_report(anonymous, exempt_report):
    assert not can(anonymous, "recommendations.view_report", exempt_report)


def test_the_public_cannot_read_an_unpublished_report(anonymous, unpublished_report):
    assert not can(anonymous, "recommendations.view_report", unpublished_report)


def test_the_public_cannot_read_a_report_due_to_be_published_tomorrow(anonymous):
    report = ReportFactory(published_on=date.today() + timedelta(days=1), received_on=None)
    assert not can(anonymous, "recommendations.view_report", report)


@pytest.mark.parametrize("reader", COUNCIL)
def test_the_council_can_read_an_exempt_report(request, reader, exempt_report):
    assert can(request.getfixturevalue(reader), "recommendations.view_report", exempt_report)


@pytest.mark.parametrize("reader", COUNCIL)
def test_the_council_can_read_an_unpublished_report(request, reader, unpublished_report):
    reader = request.getfixturevalue(reader)
    assert can(reader, "recommendations.view_report", unpublished_report)


# Recommendations


def test_the_public_can_read_a_recommendation_of_a_published_report(anonymous, recommendation):
    assert can(anonymous, "recommendations.view_recommendation", recommendation)


def test_the_public_cannot_read_a_recommendation_of_an_exempt_report(anonymous, exempt_report):
    recommendation = RecommendationFactory(report=exempt_report)
    assert not can(anonymous, "recommendations.view_recommendation", recommendation)


def test_the_public_cannot_read_a_recommendation_of_an_unpublished_report(
    anonymous, unpublished_report
):
    recommendation = RecommendationFactory(report=unpublished_report)
    assert not can(anonymous, "recommendations.view_recommendation", recommendation)


@pytest.mark.parametrize("reader", COUNCIL)
def test_the_council_can_read_a_recommendation_of_an_exempt_report(request, reader, exempt_report):
    recommendation = RecommendationFactory(report=exempt_report)
    reader = request.getfixturevalue(reader)
    assert can(reader, "recommendations.view_recommendation", recommendation)


# Committees, meetings and inquiries are agreed in public


@pytest.mark.parametrize(
    "perm",
    [
        "recommendations.view_committee",
        "recommendations.view_meeting",
        "recommendations.view_inquiry",
    ],
)
def test_the_public_can_read_committees_meetings_and_inquiries(anonymous, perm):
    assert can(anonymous, perm)


# Keeping the record


@pytest.mark.parametrize("perm", OFFICER_ONLY_PERMS)
def test_an_officer_keeps_the_record(officer, perm):
    assert can(officer, perm)


@pytest.mark.parametrize("user", NOT_OFFICERS)
@pytest.mark.parametrize("perm", OFFICER_ONLY_PERMS)
def test_no_one_else_keeps_the_record(request, user, perm):
    assert not can(request.getfixturevalue(user), perm)


def test_an_inactive_officer_cannot_change_the_record(db):
    retired = OfficerFactory(is_active=False)
    assert not can(retired, "recommendations.change_inquiry")
