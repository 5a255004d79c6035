"""Shared fixtures: one user per role, two directorates, and a published report."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from council.selectors import forget_council_settings
from recommendations import tally
from tests.factories import (
    CommitteeFactory,
    DirectorateFactory,
    DirectorateUserFactory,
    InquiryFactory,
    MeetingFactory,
    MemberFactory,
    OfficerFactory,
    RecommendationFactory,
    ReportFactory,
)


@pytest.fixture(autouse=True)
def _fresh_council_settings():
    """Council settings are cached per request; each test starts from its own database."""
    forget_council_settings()
    yield
    forget_council_settings()


@pytest.fixture
def directorate_a(db):
    return DirectorateFactory(
        name="Children's Services", director_title="Director of Children's Services"
    )


@pytest.fixture
def directorate_b(db):
    return DirectorateFactory(name="Adult Social Care", director_title="Director of Adult Care")


@pytest.fixture
def directorates(directorate_a, directorate_b):
    return directorate_a, directorate_b


@pytest.fixture
def officer(db):
    return OfficerFactory(username="officer")


@pytest.fixture
def director_a(directorate_a):
    return DirectorateUserFactory(username="director_a", directorate=directorate_a)


@pytest.fixture
def director_b(directorate_b):
    return DirectorateUserFactory(username="director_b", directorate=directorate_b)


@pytest.fixture
def member(db):
    return MemberFactory(username="member")


@pytest.fixture
def administrator(db):
    """The site's administrator: an officer with the Django admin's superuser rights."""
    return OfficerFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def committee(db):
    return CommitteeFactory(name="Scrutiny Board (Children and Families)")


@pytest.fixture
def published_report(committee, directorate_a, directorate_b):
    """A final report, published and received, with recommendations 1 and 2 addressed to
    directorate A and recommendation 3 to directorate B."""
    report = ReportFactory(
        inquiry=InquiryFactory(committee=committee, title="External placements"),
        title="Inquiry into external placements: final report",
        published_on=date(2012, 2, 1),
        received_on=date(2012, 2, 10),
    )
    RecommendationFactory(report=report, number=1, directorate=directorate_a)
    RecommendationFactory(report=report, number=2, directorate=directorate_a)
    RecommendationFactory(report=report, number=3, directorate=directorate_b)
    return report


@pytest.fixture
def recommendation(published_report):
    """Recommendation 1 of the published report, addressed to directorate A."""
    return published_report.recommendations.get(number=1)


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Tasks (emails) run as soon as they are queued, in the test's own process and
    database transaction: the real task code, without a worker. Tests of the worker
    itself (tests/deadlines/test_outbox.py) switch back to the database queue."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _status_tally_counted_from_the_rows(request):
    """A test that commits (transaction=True) starts with the tally of statuses counted
    again from the rows. The flush after the one before emptied the tables one by one in
    no set order, on SQLite with the triggers firing, and a flush that restores serialized
    data (serialized_rollback) does not send the post_migrate signal that would count it
    again (recommendations/tally.py): a recommendation deleted after the tally was
    emptied left an entry behind."""
    marker = request.node.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        tally.rebuild()


# --- The record's pages: a meeting and reports the public may not see -----------------


@pytest.fixture
def meeting(committee):
    return MeetingFactory(committee=committee, date=date(2012, 7, 12))


@pytest.fixture
def exempt_report(committee):
    report = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        title="Confidential placements report",
        exempt=True,
    )
    RecommendationFactory(report=report, number=1, text="EXEMPT-TEXT about a named child.")
    return report


@pytest.fixture
def unpublished_report(committee):
    report = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        title="Draft report not yet published",
        unpublished=True,
    )
    RecommendationFactory(report=report, number=1, text="UNPUBLISHED-TEXT of a recommendation.")
    return report
