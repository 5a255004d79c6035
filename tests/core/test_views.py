"""A job's page and download: for whoever asked (and staff) alone; and the permission base
that has a page read its object once."""

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Model
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.html import escape
from rules.contrib.views import PermissionRequiredMixin

from core.jobs import JobFailed, JobResult, job_create, job_run
from core.models import Job
from core.views import ObjectPermissionMixin
from tests.factories import InquiryFactory, MemberFactory, OfficerFactory, submitted_response
from tests.inspections.factories import ActionFactory
from tests.viewkit import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(officer) -> Job:
    return job_create(
        owner=officer, kind="test", title="Recommendations export", params={}, back_url="/"
    )


def _done(job, progress):
    return JobResult(content=b"a,b\r\n", filename="export.csv", content_type="text/csv")


def _page(user, job):
    return signed_in(user).get(reverse("core:job_detail", args=[job.pk]))


def test_a_waiting_job_refreshes_itself(officer, job):
    page = _page(officer, job)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<meta http-equiv="refresh"' in html and "Waiting to start" in html


def test_a_running_job_shows_how_far_it_has_got(officer, job):
    Job.objects.filter(pk=job.pk).update(state="running", percent=40, stage="Writing rows")
    html = _page(officer, job).content.decode()
    assert "40% done: writing rows" in html


def test_a_finished_job_offers_its_download(officer, job):
    job_run(job.pk, _done)
    page = _page(officer, job)
    html = page.content.decode()
    assert "is ready" in html and 'http-equiv="refresh"' not in html
    download = signed_in(officer).get(reverse("core:job_download", args=[job.pk]))
    assert download.status_code == 200
    assert download.content == b"a,b\r\n"
    assert download["Content-Type"] == "text/csv"
    assert 'filename="export.csv"' in download["Content-Disposition"]


def test_a_failed_job_says_why(officer, job):
    def refused(job, progress):
        raise JobFailed("The meeting has been deleted.")

    job_run(job.pk, refused)
    html = _page(officer, job).content.decode()
    assert "could not be made" in html and "The meeting has been deleted." in html


def test_there_is_nothing_to_download_before_it_is_done(officer, job):
    download = signed_in(officer).get(reverse("core:job_download", args=[job.pk]))
    assert download.status_code == 404


@pytest.mark.parametrize("name", ["core:job_detail", "core:job_download"])
def test_another_user_finds_nothing(client, job, name):
    job_run(job.pk, _done)
    url = reverse(name, args=[job.pk])
    assert signed_in(OfficerFactory()).get(url).status_code == 404
    assert signed_in(MemberFactory()).get(url).status_code == 404
    assert client.get(url).status_code in (302, 404)  # the public: sign in, or nothing


def test_staff_may_see_anyones_job(job):
    job_run(job.pk, _done)
    staff = OfficerFactory(is_staff=True)
    assert signed_in(staff).get(reverse("core:job_download", args=[job.pk])).status_code == 200


def test_an_expired_job_is_gone(officer, job):
    Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _page(officer, job).status_code == 404


# --- A page reads its object once ------------------------------------------------------
# The permission check (rules asks the view's get_object()) and the page itself (Django's
# detail and edit views ask again) share one read: core.views.ObjectPermissionMixin.


def _reads_of(obj: Model, queries: CaptureQueriesContext) -> int:
    """How many of the captured queries read the object's row from its table by its id."""
    table = obj._meta.db_table
    by_id = re.compile(rf'"{table}"\."id" = {obj.pk}\b')
    return sum(
        1
        for query in queries.captured_queries
        if query["sql"].startswith("SELECT")
        and f'FROM "{table}"' in query["sql"]
        and by_id.search(query["sql"])
    )


def _reads_on(client: Client, obj: Model, url: str, data: dict | None = None) -> int:
    """How many times one GET of the page (or POST of `data` to it) reads the object."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url) if data is None else client.post(url, data)
    assert response.status_code in (200, 302), (url, response.status_code)
    return _reads_of(obj, queries)


def test_an_edit_page_reads_its_object_once(officer, committee):
    inquiry = InquiryFactory(committee=committee, title="School transport")
    client, url = signed_in(officer), reverse("recommendations:inquiry_update", args=[inquiry.pk])
    edit = {
        "committee": committee.pk,
        "title": "School transport, renamed",
        "kind": inquiry.kind,
        "status": inquiry.status,
        "started_on": inquiry.started_on.isoformat(),
    }

    assert _reads_on(client, inquiry, url) == 1
    assert _reads_on(client, inquiry, url, edit) == 1
    inquiry.refresh_from_db()
    assert inquiry.title == "School transport, renamed"  # the post was saved


def test_an_edit_page_that_needs_its_object_first_still_reads_it_once(officer):
    """The action's page asks for the action before the permission check (for its plan)."""
    action = ActionFactory()

    url = reverse("inspections:action_update", args=[action.pk])

    assert _reads_on(signed_in(officer), action, url) == 1


@pytest.mark.parametrize("role", ["officer", "member"])
def test_the_work_programme_reads_its_committee_once(request, role, committee):
    url = reverse("deadlines:work_programme", args=[committee.pk])

    assert _reads_on(signed_in(request.getfixturevalue(role)), committee, url) == 1


def test_the_report_back_moves_page_reads_its_recommendation_once(officer, recommendation):
    url = reverse("deadlines:report_back_moves", args=[recommendation.pk])

    assert _reads_on(signed_in(officer), recommendation, url) == 1


@pytest.mark.parametrize("name", ["recommendation_update", "report_back_schedule"])
def test_a_recommendations_edit_pages_read_its_report_and_board_with_it(
    officer, recommendation, name
):
    url = reverse(f"recommendations:{name}", args=[recommendation.pk])
    with CaptureQueriesContext(connection) as queries:
        assert signed_in(officer).get(url).status_code == 200

    assert _reads_of(recommendation, queries) == 1
    assert _reads_of(recommendation.report, queries) == 0
    assert _reads_of(recommendation.report.committee, queries) == 0


def test_the_response_return_page_reads_the_directorate_with_the_response(officer, recommendation):
    response = submitted_response(recommendation, text="First version of the response.")
    url = reverse("responses:response_return", args=[response.pk])
    with CaptureQueriesContext(connection) as queries:
        page = signed_in(officer).get(url)

    assert escape(recommendation.directorate.name) in page.content.decode()
    assert _reads_of(recommendation.directorate, queries) == 0


def _views(patterns) -> Iterator[type]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns)
        elif view_class := getattr(pattern.callback, "view_class", None):
            yield view_class


def test_every_view_that_checks_a_rule_reads_its_object_once():
    """One permission base for every view, so that a new one reads its object once too."""
    bypassing = [
        view.__qualname__
        for view in _views(get_resolver().url_patterns)
        if issubclass(view, PermissionRequiredMixin) and not issubclass(view, ObjectPermissionMixin)
    ]
    assert bypassing == []
