"""Helpers for the view tests: a signed-in client per role, and pages full of rows.

The role names match the fixtures in tests/conftest.py: "officer", "member",
"director_a" (the recommendation's directorate), "director_b" (another directorate) and
"anonymous" (the public, not signed in).
"""

from datetime import date, timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from recommendations import services
from recommendations.models import Meeting
from responses.models import Decision
from tests.factories import (
    MeetingFactory,
    OfficerFactory,
    PositionStatementFactory,
    RecommendationFactory,
    RecommendationPartFactory,
    ReportFactory,
    ResponseFactory,
    agreed_response,
    submitted_response,
    tracking_status,
)

ROLES = ["anonymous", "member", "director_a", "director_b", "officer"]
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
LOGIN_URL = "/sign-in/"


def client_for(request, role: str) -> Client:
    """A test client signed in as the role's fixture user (the public: not signed in)."""
    client = Client()
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role), backend=MODEL_BACKEND)
    return client


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(LOGIN_URL)


def queries_for(client: Client, url: str) -> int:
    """How many queries one GET issues (after a warm-up request, so that per-process
    caches such as content types do not count)."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)


def add_rows(*, committee, directorate, count: int, start: int = 1):
    """`count` recommendations of a published report of `committee`, addressed to
    `directorate`, in every shape a page shows: with parts, with responses in each state,
    assessed at a past meeting, due at an upcoming meeting, late, with position statements.
    Returns the report."""
    today = timezone.localdate()
    past, _ = Meeting.objects.get_or_create(
        committee=committee, date=date(2012, 7, 10), defaults={"status": Meeting.Status.HELD}
    )
    upcoming = Meeting.objects.filter(committee=committee, date__gt=today).first()
    if upcoming is None:
        upcoming = MeetingFactory(committee=committee, date=today + timedelta(days=14))
    report = ReportFactory(
        inquiry__committee=committee,
        published_on=date(2012, 2, 1),
        received_on=date(2012, 2, 10),
    )
    recorder = OfficerFactory()
    for index in range(start, start + count):
        shape = index % 5
        recommendation = RecommendationFactory(
            report=report,
            number=index,
            directorate=directorate,
            report_back_meeting=upcoming if shape in (0, 1) else None,
            report_back_month=date(2012, 7, 1) if shape in (2, 3, 4) else None,
            report_back_every_months=6 if shape == 3 else None,
            lead_officer=f"Head of Service {index}",
        )
        RecommendationPartFactory(recommendation=recommendation, label="a")
        RecommendationPartFactory(recommendation=recommendation, label="b")
        if shape == 0:
            agreed_response(recommendation)
        elif shape == 1:
            submitted_response(recommendation, decision=Decision.NOT_ACCEPTED)
        elif shape == 2:
            ResponseFactory(recommendation=recommendation)
        elif shape == 3:
            agreed_response(recommendation)
            PositionStatementFactory(recommendation=recommendation)
        # shape 4: no response at all (late)
        if shape in (2, 3):
            services.assessments_record(
                meeting=past,
                user=recorder,
                decisions=[
                    services.AssessmentDecision(
                        recommendation=recommendation,
                        status=tracking_status(4),
                        comment=f"Progress noted on {index}.",
                    )
                ],
            )
    return report
