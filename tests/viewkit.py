"""Helpers for the view tests: a signed-in client per role, and pages full of rows.

The role names match the fixtures in tests/conftest.py: "officer", "member",
"director_a" (the recommendation's directorate), "director_b" (another directorate) and
"anonymous" (the public, not signed in).
"""

import re
from datetime import date, timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from recommendations import services
from recommendations.models import Meeting
from responses.models import ResponseDecision
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


def recommendation_edit(recommendation, **changes) -> dict:
    """The recommendation's edit form as its officer posts it: its number and directorate
    as they are, and the version it was opened at, with `changes`."""
    return {
        "number": str(recommendation.number),
        "addressed_to": "directorate",
        "directorate": recommendation.directorate_id,
        "version": recommendation.version,
        **changes,
    }


def can(user, perm: str, obj=None) -> bool:
    """Through the authentication backends, as views check it (AnonymousUser included)."""
    return user.has_perm(perm, obj)


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
            submitted_response(recommendation, decision=ResponseDecision.NOT_ACCEPTED)
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
                    services.TrackingDecision(
                        recommendation=recommendation,
                        status=tracking_status(4),
                        comment=f"Progress noted on {index}.",
                    )
                ],
            )
    return report


# --- Pages and their errors ---------------------------------------------------------

COUNCIL = ["member", "director_a", "director_b", "officer"]
NOT_OFFICERS = ["member", "director_a", "director_b"]
PROBLEM = "There is a problem"


def page(response) -> str:
    return response.content.decode()


def field_error(response, message: str) -> bool:
    """The message is shown beside a field (a GOV.UK error message), not only in the summary."""
    return bool(
        re.search(
            r'class="govuk-error-message"[^>]*>(?:(?!</p>).)*' + re.escape(message),
            page(response),
            re.S,
        )
    )


def assert_rejected(response, message: str):
    assert response.status_code == 200
    html = page(response)
    assert PROBLEM in html
    assert "govuk-error-summary" in html
    assert field_error(response, message), message


def officer_pages(committee, meeting, recommendation):
    """Every page that keeps the record, with the arguments it needs."""
    report = recommendation.report
    inquiry = report.inquiry
    return {
        "committee_create": reverse("recommendations:committee_create"),
        "committee_update": reverse("recommendations:committee_update", args=[committee.pk]),
        "meeting_create": reverse("recommendations:meeting_create", args=[committee.pk]),
        "meeting_update": reverse("recommendations:meeting_update", args=[meeting.pk]),
        "assessments_record": reverse("recommendations:assessments_record", args=[meeting.pk]),
        "inquiry_create": reverse("recommendations:inquiry_create"),
        "inquiry_update": reverse("recommendations:inquiry_update", args=[inquiry.pk]),
        "working_group_create": reverse("recommendations:working_group_create", args=[inquiry.pk]),
        "evidence_create": reverse("recommendations:evidence_create", args=[inquiry.pk]),
        "report_create": reverse("recommendations:report_create", args=[inquiry.pk]),
        "report_update": reverse("recommendations:report_update", args=[report.pk]),
        "recommendation_create": reverse("recommendations:recommendation_create", args=[report.pk]),
        "recommendation_update": reverse(
            "recommendations:recommendation_update", args=[recommendation.pk]
        ),
        "report_back_schedule": reverse(
            "recommendations:report_back_schedule", args=[recommendation.pk]
        ),
    }


OFFICER_PAGES = [
    "committee_create",
    "committee_update",
    "meeting_create",
    "meeting_update",
    "assessments_record",
    "inquiry_create",
    "inquiry_update",
    "working_group_create",
    "evidence_create",
    "report_create",
    "report_update",
    "recommendation_create",
    "recommendation_update",
    "report_back_schedule",
]


def as_checked(draft) -> dict:
    """A check-your-answers page's Submit as the browser posts it: the version of the
    draft that was read (as it is now in the database)."""
    draft.refresh_from_db()
    return {f"version_{draft.pk}": draft.version}
