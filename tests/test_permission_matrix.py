"""Every URL of the project, for every role, on objects that role may and may not see:
the exact status code. A view added without an entry here fails `test_every_url_is_in_the_matrix`."""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from core.models import Job
from exchange.models import ImportJob
from inspections import services as inspection_services
from tests.factories import (
    CommitteeFactory,
    DirectorateFactory,
    DirectorateUserFactory,
    InquiryFactory,
    MeetingFactory,
    MemberFactory,
    OfficerFactory,
    PositionStatementFactory,
    RecommendationFactory,
    ReportFactory,
    ResponseFactory,
    agreed_response,
    submitted_response,
)
from tests.inspections.factories import ActionFactory, InspectionFactory, PlanFactory, StrandFactory

ROLES = ["public", "member", "director", "other_director", "officer", "admin"]


def codes(public, member, director, other_director, officer, admin):
    return dict(zip(ROLES, [public, member, director, other_director, officer, admin], strict=True))


EVERYONE = codes(200, 200, 200, 200, 200, 200)
OFFICERS = codes(302, 403, 403, 403, 200, 200)
COUNCIL = codes(302, 200, 200, 200, 200, 200)  # signed-in council readers, not the public
# A private record (exempt, unpublished, submitted but not agreed) is a 404 to the public:
# its address reveals nothing, signed in or not.
PRIVATE_COUNCIL = codes(404, 200, 200, 200, 200, 200)
# A draft is private to its directorate for every account, the administrator's included.
OWN_DRAFT = codes(404, 404, 200, 404, 404, 404)
DIRECTORATE = codes(302, 403, 200, 403, 403, 403)
# A draft's existence is private; its own directorate may read it but not return it.
OWN_DRAFT_NO_RETURN = codes(404, 404, 403, 404, 404, 404)


@dataclass
class World:
    users: dict
    objects: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back at its end; each case runs in
    a savepoint inside it (as Django's setUpTestData does), so what one case writes, the
    next does not see, and 750 cases do not build 750 worlds."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def build_world():
    own, other = DirectorateFactory(), DirectorateFactory()
    users = {
        "public": None,
        "member": MemberFactory(),
        "director": DirectorateUserFactory(directorate=own),
        "other_director": DirectorateUserFactory(directorate=other),
        "officer": OfficerFactory(),
        "admin": OfficerFactory(is_superuser=True, is_staff=True),
    }
    committee = CommitteeFactory()
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 19))
    inquiry = InquiryFactory(committee=committee)
    report = ReportFactory(inquiry=inquiry)
    exempt = ReportFactory(inquiry=inquiry, exempt=True)
    unanswered = RecommendationFactory(report=report, directorate=own)
    drafted = RecommendationFactory(report=report, directorate=own)
    due = RecommendationFactory(report=report, directorate=own, report_back_month=date(2012, 7, 1))
    objects = {
        "committee": committee,
        "meeting": meeting,
        "inquiry": inquiry,
        "report": report,
        "exempt_report": exempt,
        "unanswered": unanswered,
        "exempt_recommendation": RecommendationFactory(report=exempt, directorate=own),
        "draft_response": ResponseFactory(recommendation=drafted),
        "submitted_response": submitted_response(
            RecommendationFactory(report=report, directorate=own)
        ),
        "agreed_response": agreed_response(RecommendationFactory(report=report, directorate=own)),
        "due": due,
        "draft_statement": PositionStatementFactory(
            recommendation=due, report_back_due_on=date(2012, 7, 1)
        ),
        "due_unwritten": RecommendationFactory(
            report=report, directorate=own, report_back_month=date(2012, 7, 1)
        ),
    }
    inspection = inspection_services.inspection_save(
        inspection=InspectionFactory.build(committee=committee, directorate=own),
        user=users["officer"],
    )
    plan = PlanFactory(committee=committee, inspection=inspection)
    objects |= {
        "inspection": inspection,
        "unpublished_inspection": InspectionFactory(
            directorate=own, on_site_from=None, on_site_to=None, published_on=None
        ),
        "plan": plan,
        "unpublished_plan": PlanFactory(published_on=None),
        "action": ActionFactory(strand=StrandFactory(plan=plan)),
        "import_job": ImportJob.objects.create(
            created_by=users["officer"],
            filename="tracker.csv",
            content=b"Committee,Recommendation\n",
        ),
        "officers_job": Job.objects.create(
            owner=users["officer"],
            kind="exports.recommendations",
            title="Recommendations (CSV)",
            state=Job.State.DONE,
            percent=100,
            filename="recommendations.csv",
            content_type="text/csv",
            result=b"Reference\n",
            expires_at=timezone.now() + timedelta(hours=1),
        ),
    }
    return World(users=users, objects=objects)


@dataclass(frozen=True)
class Case:
    url_name: str
    args: tuple  # names of objects in the world whose pks fill the URL; "=text" is literal
    expected: dict
    method: str = "get"
    label: str = ""


CASES = [
    Case("home", (), EVERYONE),
    Case("healthz", (), EVERYONE),
    Case("login", (), EVERYONE),
    Case("logout", (), codes(302, 302, 302, 302, 302, 302), method="post"),
    Case("accessibility", (), EVERYONE),
    # "Stay signed in": any signed-in user; the public get 401 (a script calls it).
    Case("session_keep_alive", (), codes(401, 200, 200, 200, 200, 200), method="post"),
    Case("history_export", ("=recommendation", "unanswered"), OFFICERS),
    Case(
        "history_export",
        ("=response", "draft_response"),
        codes(404, 404, 403, 404, 404, 404),
        label="draft",
    ),
    Case(
        "history_export",
        ("=response", "submitted_response"),
        codes(404, 403, 403, 403, 200, 200),
        label="submitted",
    ),
    Case("recommendations:recommendation_list", (), EVERYONE),
    Case("recommendations:recommendation_detail", ("unanswered",), EVERYONE),
    Case(
        "recommendations:recommendation_detail",
        ("exempt_recommendation",),
        PRIVATE_COUNCIL,
        label="exempt",
    ),
    Case("recommendations:recommendation_update", ("unanswered",), OFFICERS),
    Case("recommendations:report_back_schedule", ("unanswered",), OFFICERS),
    Case("recommendations:committee_list", (), EVERYONE),
    Case("recommendations:committee_create", (), OFFICERS),
    Case("recommendations:committee_detail", ("committee",), EVERYONE),
    Case("recommendations:committee_update", ("committee",), OFFICERS),
    Case("recommendations:meeting_create", ("committee",), OFFICERS),
    Case("recommendations:meeting_series_create", ("committee",), OFFICERS),
    Case("recommendations:meeting_detail", ("meeting",), EVERYONE),
    Case("recommendations:meeting_update", ("meeting",), OFFICERS),
    Case("recommendations:assessments_record", ("meeting",), OFFICERS),
    Case("recommendations:inquiry_list", (), EVERYONE),
    Case("recommendations:inquiry_create", (), OFFICERS),
    Case("recommendations:inquiry_detail", ("inquiry",), EVERYONE),
    Case("recommendations:inquiry_update", ("inquiry",), OFFICERS),
    Case("recommendations:working_group_create", ("inquiry",), OFFICERS),
    Case("recommendations:evidence_create", ("inquiry",), OFFICERS),
    Case("recommendations:report_create", ("inquiry",), OFFICERS),
    Case("recommendations:report_detail", ("report",), EVERYONE),
    Case("recommendations:report_detail", ("exempt_report",), PRIVATE_COUNCIL, label="exempt"),
    Case("recommendations:report_update", ("report",), OFFICERS),
    Case("recommendations:recommendation_create", ("report",), OFFICERS),
    Case("responses:worklist", (), codes(302, 403, 200, 200, 403, 200)),
    Case("responses:response_create", ("unanswered",), DIRECTORATE),
    Case("responses:response_detail", ("draft_response",), OWN_DRAFT, label="draft"),
    Case("responses:response_detail", ("submitted_response",), PRIVATE_COUNCIL, label="submitted"),
    Case("responses:response_detail", ("agreed_response",), EVERYONE, label="agreed"),
    Case("responses:response_update", ("draft_response",), OWN_DRAFT, label="draft"),
    Case(
        "responses:response_update",
        ("submitted_response",),
        codes(404, 302, 302, 302, 302, 302),  # to its page: it can no longer be changed
        label="submitted",
    ),
    Case("responses:response_check", ("draft_response",), OWN_DRAFT, label="draft"),
    Case(
        "responses:response_check",
        ("submitted_response",),
        codes(404, 302, 302, 302, 302, 302),  # to its page: already with the board
        label="submitted",
    ),
    Case(
        "responses:response_return",
        ("submitted_response",),
        codes(404, 403, 403, 403, 200, 200),
        label="submitted",
    ),
    Case("responses:response_return", ("draft_response",), OWN_DRAFT_NO_RETURN, label="draft"),
    Case(
        "responses:response_agree",
        ("submitted_response",),
        codes(404, 403, 403, 403, 302, 302),
        method="post",
    ),
    Case("responses:statement_create", ("due_unwritten",), DIRECTORATE),
    Case("responses:statement_detail", ("draft_statement",), OWN_DRAFT),
    Case("responses:statement_update", ("draft_statement",), OWN_DRAFT),
    Case("responses:statement_check", ("draft_statement",), OWN_DRAFT),
    # A whole report's responses: only a directorate that owes some (others: 404).
    Case("responses:report_respond", ("report",), codes(302, 403, 200, 404, 403, 404)),
    Case("responses:report_respond_check", ("report",), codes(302, 403, 200, 404, 403, 404)),
    Case("papers:response_preview", ("report",), EVERYONE),
    Case("papers:response_preview", ("exempt_report",), PRIVATE_COUNCIL, label="exempt"),
    Case("papers:response_pdf", ("report",), EVERYONE),
    Case("papers:response_pdf", ("exempt_report",), PRIVATE_COUNCIL, label="exempt"),
    Case("papers:response_edit", ("report",), OFFICERS),
    Case("papers:tracking_preview", ("meeting",), EVERYONE),
    Case("papers:tracking_pdf", ("meeting",), EVERYONE),
    Case("papers:briefing_preview", ("meeting",), EVERYONE),
    Case("papers:briefing_pdf", ("meeting",), EVERYONE),
]

CASES += [
    Case("inspections:inspection_list", (), EVERYONE),
    Case("inspections:inspection_create", (), OFFICERS),
    Case("inspections:inspection_detail", ("inspection",), EVERYONE),
    Case(
        "inspections:inspection_detail",
        ("unpublished_inspection",),
        PRIVATE_COUNCIL,
        label="unpublished",
    ),
    Case("inspections:inspection_update", ("inspection",), OFFICERS),
    Case("inspections:judgement_create", ("inspection",), OFFICERS),
    Case("inspections:area_create", ("inspection",), OFFICERS),
    Case("inspections:plan_create", (), OFFICERS),
    Case("inspections:plan_detail", ("plan",), EVERYONE),
    Case("inspections:plan_detail", ("unpublished_plan",), PRIVATE_COUNCIL, label="unpublished"),
    Case("papers:plan_preview", ("plan",), EVERYONE),
    Case("papers:plan_pdf", ("plan",), EVERYONE),
    Case("papers:plan_preview", ("unpublished_plan",), PRIVATE_COUNCIL, label="unpublished"),
    Case("papers:plan_pdf", ("unpublished_plan",), PRIVATE_COUNCIL, label="unpublished"),
    Case("inspections:plan_update", ("plan",), OFFICERS),
    Case("inspections:strand_create", ("plan",), OFFICERS),
    Case("inspections:action_create", ("plan",), OFFICERS),
    Case("inspections:action_update", ("action",), OFFICERS),
]

CASES += [
    Case("deadlines:work_programme", ("committee",), COUNCIL),
    Case("deadlines:report_back_move", ("unanswered",), OFFICERS),
    Case("deadlines:report_back_moves", ("unanswered",), COUNCIL),
    Case("deadlines:calendar", (), COUNCIL),
]

NOBODY = codes(404, 404, 404, 404, 404, 404)
ADMINS = codes(302, 403, 403, 403, 403, 200)  # who may add users (the administrator)

CASES += [
    # Without a provider configured (as here) the council-account pages do not exist;
    # tests/accounts/test_oidc.py signs in through a real provider.
    Case("accounts:council_sign_in", (), NOBODY),
    Case("accounts:council_callback", (), NOBODY),
    Case("accounts:council_sign_in_failed", (), NOBODY),
    Case("password_reset", (), EVERYONE),
    Case("password_reset_done", (), EVERYONE),
    Case("password_reset_confirm", ("=MQ", "=not-a-token"), EVERYONE),
    Case("password_reset_complete", (), EVERYONE),
    Case("council:logo", (), NOBODY, label="no logo yet"),
    Case("accounts:invite", (), ADMINS),
    # Only after a right password (tests/accounts/test_two_factor.py); else back to sign in.
    Case("accounts:two_factor", (), codes(302, 302, 302, 302, 302, 302)),
    Case("accounts:recovery_codes", (), codes(302, 302, 302, 302, 302, 302)),
    Case("accounts:invite_csv", (), ADMINS),
]

CASES += [
    Case("recommendations:withdrawn_list", (), OFFICERS),
    Case("recommendations:record_withdraw", ("=recommendations", "unanswered"), OFFICERS),
    Case("recommendations:record_withdraw", ("=reports", "report"), OFFICERS, label="report"),
    Case("recommendations:record_withdraw", ("=inquiries", "inquiry"), OFFICERS, label="inquiry"),
    Case(
        "recommendations:record_restore",
        ("=recommendations", "unanswered"),
        codes(302, 403, 403, 403, 302, 302),
        method="post",
    ),
    Case("recommendations:record_delete", ("=recommendations", "unanswered"), OFFICERS),
    Case("responses:responses_agree", ("report",), OFFICERS),
    Case("recommendations:report_complete", ("report",), OFFICERS),
    Case("responses:responses_agreed", ("report", "meeting"), OFFICERS),
    Case("recommendations:recommendations_bulk_add", ("report",), OFFICERS),
    Case("exchange:import_start", (), OFFICERS),
    Case("exchange:import_detail", ("import_job",), OFFICERS),
    Case("responses:responses_awaiting_agreement", (), OFFICERS),
    # A job is its owner's (and staff's): to anyone else its address holds nothing.
    Case("core:job_detail", ("officers_job",), codes(404, 404, 404, 404, 200, 200)),
    Case("core:job_download", ("officers_job",), codes(404, 404, 404, 404, 200, 200)),
    Case("exchange:sample", (), EVERYONE),
    # The open-data API is the public's view for everyone (private records are 404).
    Case("api:api-root", (), codes(404, 404, 404, 404, 404, 404)),
    Case("api:openapi-json", (), EVERYONE),
    Case("api:committees", (), EVERYONE),
    Case("api:committee", ("committee",), EVERYONE),
    Case("api:meetings", (), EVERYONE),
    Case("api:meeting", ("meeting",), EVERYONE),
    Case("api:inquiries", (), EVERYONE),
    Case("api:inquiry", ("inquiry",), EVERYONE),
    Case("api:reports", (), EVERYONE),
    Case("api:report", ("report",), EVERYONE),
    Case("api:report", ("exempt_report",), codes(404, 404, 404, 404, 404, 404), label="exempt"),
    Case("api:recommendations", (), EVERYONE),
    Case("api:recommendation", ("unanswered",), EVERYONE),
    Case(
        "api:recommendation",
        ("exempt_recommendation",),
        codes(404, 404, 404, 404, 404, 404),
        label="exempt",
    ),
]

# Not ours to test: Django's admin (staff only, by Django) and a static redirect.
UNLISTED_NAMESPACES = {"admin"}
# The calendar feed is addressed by a secret, not an object: tests/deadlines covers it.
UNNAMED_OK = {"favicon.ico", "deadlines:calendar_feed"}


def named_url_patterns(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            child = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace in UNLISTED_NAMESPACES:
                continue
            yield from named_url_patterns(pattern.url_patterns, child)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else str(pattern.pattern)


def test_every_url_is_in_the_matrix():
    listed = {case.url_name for case in CASES}
    missing = [
        name for name in named_url_patterns() if name not in listed and name not in UNNAMED_OK
    ]
    assert not missing, f"Add these views to the permission matrix: {missing}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.url_name}{'-' + c.label if c.label else ''}" for c in CASES]
)
def test_status_code(db, client, world, case, role):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = reverse(
        case.url_name,
        args=[name[1:] if name.startswith("=") else world.objects[name].pk for name in case.args],
    )
    response = getattr(client, case.method)(url)
    assert response.status_code == case.expected[role], (
        f"{role} {case.method.upper()} {url}: {response.status_code}, "
        f"expected {case.expected[role]}"
    )
    if response.status_code == 302 and role == "public" and case.expected[role] == 302:
        assert (
            response["Location"].startswith(reverse("login"))
            or case.method == "post"
            or case.url_name in {"logout"}
        )


def test_the_matrix_size():
    """So the closing note can state it: URL cases × roles."""
    assert len(CASES) * len(ROLES) >= 200
