"""The scrutiny record through the browser: who may see and keep what, the officer's
journey, bad input, the recommendation list's filters and the queries each page issues."""

import re
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations import services
from recommendations.models import (
    Inquiry,
    Meeting,
    Recommendation,
    Report,
    TrackingAssessment,
)
from responses.models import Decision
from tests.factories import (
    CommitteeFactory,
    CommitteeMembershipFactory,
    DirectorateFactory,
    InquiryFactory,
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
from tests.viewkit import (
    ROLES,
    add_rows,
    client_for,
    is_login_redirect,
    queries_for,
    signed_in,
)

pytestmark = pytest.mark.django_db

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


# --- Fixtures ------------------------------------------------------------------------


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


# --- Permissions: public pages -----------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_public_record(request, role, committee, meeting, recommendation):
    client = client_for(request, role)
    report = recommendation.report
    for url in [
        reverse("home"),
        reverse("recommendations:recommendation_list"),
        reverse("recommendations:committee_list"),
        committee.get_absolute_url(),
        meeting.get_absolute_url(),
        reverse("recommendations:inquiry_list"),
        report.inquiry.get_absolute_url(),
        report.get_absolute_url(),
        recommendation.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 200, (role, url, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_a_missing_object_is_404_for_everyone(request, role, db):
    client = client_for(request, role)
    for name in [
        "recommendation_detail",
        "committee_detail",
        "meeting_detail",
        "inquiry_detail",
        "report_detail",
    ]:
        assert client.get(reverse(f"recommendations:{name}", args=[999999])).status_code == 404


# --- Permissions: exempt and unpublished reports ------------------------------------


@pytest.mark.parametrize("which", ["exempt_report", "unpublished_report"])
def test_the_public_gets_not_found_for_a_private_report(request, client, which):
    report = request.getfixturevalue(which)
    for url in [report.get_absolute_url(), report.recommendations.get().get_absolute_url()]:
        response = client.get(url)
        # Exactly as for an address that holds nothing, with the offer to sign in.
        assert response.status_code == 404, url
        assert "Sign in" in response.content.decode()
        assert b"TEXT" not in response.content


def test_the_public_gets_not_found_for_a_report_published_tomorrow(client, committee):
    report = ReportFactory(
        inquiry=InquiryFactory(committee=committee),
        published_on=timezone.localdate() + timedelta(days=1),
        received_on=None,
    )
    assert client.get(report.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", COUNCIL)
@pytest.mark.parametrize("which", ["exempt_report", "unpublished_report"])
def test_the_council_reads_private_reports(request, role, which):
    report = request.getfixturevalue(which)
    client = client_for(request, role)
    response = client.get(report.get_absolute_url())
    assert response.status_code == 200
    assert report.title in page(response)
    recommendation = report.recommendations.get()
    response = client.get(recommendation.get_absolute_url())
    assert response.status_code == 200
    assert recommendation.text in page(response)


def test_the_public_never_sees_private_reports_in_lists(
    client, committee, meeting, exempt_report, unpublished_report, published_report
):
    for recommendation in Recommendation.objects.filter(
        report__in=[exempt_report, unpublished_report]
    ):
        recommendation.report_back_meeting = meeting
        recommendation.save()
    pages = [
        reverse("home"),
        reverse("recommendations:recommendation_list"),
        reverse("recommendations:recommendation_list") + "?q=TEXT",
        committee.get_absolute_url(),
        meeting.get_absolute_url(),
        exempt_report.inquiry.get_absolute_url(),
        unpublished_report.inquiry.get_absolute_url(),
    ]
    for url in pages:
        html = page(client.get(url))
        for secret in [
            "EXEMPT-TEXT",
            "UNPUBLISHED-TEXT",
            exempt_report.title,
            unpublished_report.title,
        ]:
            assert secret not in html, (url, secret)
    listing = page(client.get(reverse("recommendations:recommendation_list")))
    assert "3 recommendations" in listing  # only the published report's


def test_the_council_sees_private_reports_in_lists(request, exempt_report, unpublished_report):
    client = client_for(request, "member")
    html = page(client.get(reverse("recommendations:recommendation_list") + "?q=TEXT"))
    assert "EXEMPT-TEXT" in html
    assert "UNPUBLISHED-TEXT" in html


# --- Permissions: keeping the record ------------------------------------------------


@pytest.mark.parametrize("name", OFFICER_PAGES)
def test_the_public_is_asked_to_sign_in_to_keep_the_record(
    client, name, committee, meeting, recommendation
):
    url = officer_pages(committee, meeting, recommendation)[name]
    response = client.get(url)
    assert is_login_redirect(response)
    # ...and brought back to the page after signing in.
    assert response["Location"] == f"/sign-in/?next={quote(url)}"
    assert is_login_redirect(client.post(url, {}))


@pytest.mark.parametrize("role", NOT_OFFICERS)
@pytest.mark.parametrize("name", OFFICER_PAGES)
def test_only_an_officer_keeps_the_record(request, role, name, committee, meeting, recommendation):
    url = officer_pages(committee, meeting, recommendation)[name]
    client = client_for(request, role)
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403


@pytest.mark.parametrize("name", OFFICER_PAGES)
def test_an_officer_keeps_the_record(request, name, committee, meeting, recommendation):
    url = officer_pages(committee, meeting, recommendation)[name]
    assert client_for(request, "officer").get(url).status_code == 200


@pytest.mark.parametrize("role", NOT_OFFICERS)
def test_a_refused_post_saves_nothing(request, role, committee, meeting, recommendation):
    client = client_for(request, role)
    response = client.post(
        reverse("recommendations:inquiry_create"),
        {"committee": committee.pk, "title": "Sneaky", "kind": "inquiry", "status": "scoping"},
    )
    assert response.status_code == 403
    assert not Inquiry.objects.filter(title="Sneaky").exists()
    response = client.post(
        reverse("recommendations:assessments_record", args=[meeting.pk]),
        {f"rec-{recommendation.pk}-status": tracking_status(2).pk},
    )
    assert response.status_code == 403
    assert not TrackingAssessment.objects.exists()
    response = client.post(
        reverse("recommendations:report_back_schedule", args=[recommendation.pk]),
        {"report_back_month": "July 2012"},
    )
    assert response.status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.report_back_month is None


def test_an_officer_page_for_a_missing_parent_is_404(request, db):
    client = client_for(request, "officer")
    assert client.get(reverse("recommendations:report_create", args=[999999])).status_code == 404
    assert (
        client.get(reverse("recommendations:recommendation_create", args=[999999])).status_code
        == 404
    )
    assert client.get(reverse("recommendations:meeting_create", args=[999999])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_edit_links_show_only_to_an_officer(request, role, committee, meeting, recommendation):
    client = client_for(request, role)
    html = page(client.get(recommendation.get_absolute_url()))
    edit = reverse("recommendations:recommendation_update", args=[recommendation.pk])
    assert (edit in html) == (role == "officer")
    html = page(client.get(meeting.get_absolute_url()))
    record = reverse("recommendations:assessments_record", args=[meeting.pk])
    assert (record in html) == (role == "officer")


# --- The officer's journey ----------------------------------------------------------


def test_an_officer_records_an_inquiry_from_start_to_tracking(
    request, committee, directorate_a, settings
):
    officer = request.getfixturevalue("officer")
    client = signed_in(officer)

    response = client.post(
        reverse("recommendations:inquiry_create"),
        {
            "committee": committee.pk,
            "title": "Inquiry into external placements",
            "kind": "inquiry",
            "terms_of_reference": "To consider the cost of external placements.",
            "status": "evidence",
            "started_on": "2011-09-01",
            "concluded_on": "",
        },
    )
    inquiry = Inquiry.objects.get(title="Inquiry into external placements")
    assert response.status_code == 302
    assert response["Location"] == inquiry.get_absolute_url()
    assert inquiry.committee == committee

    response = client.post(
        reverse("recommendations:report_create", args=[inquiry.pk]),
        {
            "kind": "final",
            "title": "External placements: final report",
            "summary": "",
            "published_on": "2012-02-01",
            "received_on": "2012-02-10",
        },
    )
    report = Report.objects.get(title="External placements: final report")
    assert response["Location"] == report.get_absolute_url()
    assert report.inquiry == inquiry
    assert report.response_due_on == date(2012, 4, 10)

    response = client.post(
        reverse("recommendations:recommendation_create", args=[report.pk]),
        {
            "number": "1",
            "text": "That the director reports on placements.",
            "parts_text": "Review every placement.\r\n\r\nReport the cost to the board.\r\n",
            "addressed_to": "directorate",
            "other_body": "",
            "directorate": directorate_a.pk,
            "lead_officer": "Head of Commissioning",
            "desired_outcome": "",
            "report_back_meeting": "",
            "report_back_month": "",
            "report_back_every_months": "",
            "add_another": "1",
        },
    )
    recommendation = Recommendation.objects.get(report=report, number=1)
    # "Save and add another" comes back to an empty form with the next number.
    assert response["Location"] == reverse(
        "recommendations:recommendation_create", args=[report.pk]
    )
    assert [(p.label, p.text) for p in recommendation.parts.all()] == [
        ("a", "Review every placement."),
        ("b", "Report the cost to the board."),
    ]
    form = client.get(response["Location"])
    assert 'value="2"' in page(form)

    schedule = reverse("recommendations:report_back_schedule", args=[recommendation.pk])
    response = client.post(
        schedule,
        {
            "report_back_meeting": "",
            "report_back_month": "July 2012",
            "report_back_every_months": "6",
        },
    )
    assert response["Location"] == recommendation.get_absolute_url()
    recommendation.refresh_from_db()
    assert recommendation.report_back_month == date(2012, 7, 1)
    assert recommendation.report_back_every_months == 6
    assert recommendation.next_report_back_on == date(2012, 7, 1)
    # The form shows the month back as people write it.
    assert 'value="July 2012"' in page(client.get(schedule))

    response = client.post(
        reverse("recommendations:meeting_create", args=[committee.pk]),
        {"date": "2012-07-12", "start_time": "10:00", "place": "Civic Hall", "status": "held"},
    )
    meeting = Meeting.objects.get(committee=committee, date=date(2012, 7, 12))
    assert response["Location"] == meeting.get_absolute_url()
    assert "Recommendation 1" in page(client.get(meeting.get_absolute_url()))

    record = reverse("recommendations:assessments_record", args=[meeting.pk])
    form = client.get(record)
    assert f'name="rec-{recommendation.pk}-status"' in page(form)
    response = client.post(
        record,
        {
            f"rec-{recommendation.pk}-status": tracking_status(4).pk,
            f"rec-{recommendation.pk}-comment": "Good progress on the review.",
        },
    )
    assert response["Location"] == meeting.get_absolute_url()
    assessment = TrackingAssessment.objects.get(recommendation=recommendation, meeting=meeting)
    assert assessment.status == tracking_status(4)
    assert assessment.recorded_by == officer
    recommendation.refresh_from_db()
    assert recommendation.current_status == tracking_status(4)
    # Six-monthly: the next report-back moves on to January 2013.
    assert recommendation.next_report_back_on == date(2013, 1, 1)

    detail = page(client.get(recommendation.get_absolute_url()))
    assert tracking_status(4).name in detail
    assert "Good progress on the review." in detail
    assert "January 2013" in detail
    # The decision is public too.
    public = page(client_for(request, "anonymous").get(recommendation.get_absolute_url()))
    assert tracking_status(4).name in public
    # The form comes back with the decision recorded, to correct it.
    form = page(client.get(record))
    assert f'value="{tracking_status(4).pk}" selected' in form
    assert "Good progress on the review." in form


def test_an_officer_corrects_a_decision_at_the_same_meeting(request, committee, meeting):
    recommendation = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=committee)),
        report_back_meeting=meeting,
    )
    client = client_for(request, "officer")
    record = reverse("recommendations:assessments_record", args=[meeting.pk])
    client.post(record, {f"rec-{recommendation.pk}-status": tracking_status(4).pk})
    client.post(record, {f"rec-{recommendation.pk}-status": tracking_status(2).pk})
    assessment = TrackingAssessment.objects.get()
    assert assessment.status == tracking_status(2)
    recommendation.refresh_from_db()
    assert recommendation.current_status == tracking_status(2)


def test_leaving_every_row_undecided_records_nothing(request, committee, meeting):
    recommendation = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=committee)),
        report_back_meeting=meeting,
    )
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:assessments_record", args=[meeting.pk]),
        {f"rec-{recommendation.pk}-status": "", f"rec-{recommendation.pk}-comment": ""},
    )
    assert response.status_code == 302
    assert not TrackingAssessment.objects.exists()


def test_an_officer_edits_a_recommendation_and_its_parts(request, recommendation):
    RecommendationPartFactory(recommendation=recommendation, label="a", text="First.")
    RecommendationPartFactory(recommendation=recommendation, label="b", text="Second.")
    client = client_for(request, "officer")
    url = reverse("recommendations:recommendation_update", args=[recommendation.pk])
    form = page(client.get(url))
    assert "First.\n\nSecond." in form
    response = client.post(
        url,
        {
            "number": str(recommendation.number),
            "text": "Amended text.",
            "parts_text": "Only one part now.",
            "addressed_to": "other",
            "other_body": "Corporate Carers group",
            "directorate": recommendation.directorate_id,
        },
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.text == "Amended text."
    assert recommendation.other_body == "Corporate Carers group"
    # One paragraph is not "parts".
    assert not recommendation.parts.exists()


# --- Bad input ----------------------------------------------------------------------


def test_an_inquiry_cannot_conclude_before_it_starts(request, committee):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:inquiry_create"),
        {
            "committee": committee.pk,
            "title": "Backwards inquiry",
            "kind": "inquiry",
            "status": "scoping",
            "started_on": "2012-03-01",
            "concluded_on": "2012-02-01",
        },
    )
    assert_rejected(response, "The inquiry cannot conclude before it starts.")
    assert not Inquiry.objects.filter(title="Backwards inquiry").exists()


def test_an_inquiry_needs_a_title_and_a_committee(request, db):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:inquiry_create"),
        {"committee": "", "title": "", "kind": "inquiry", "status": "scoping"},
    )
    assert_rejected(response, "Enter title")
    assert field_error(response, "Choose committee")
    assert not Inquiry.objects.exists()


def test_an_inquiry_date_must_be_a_date(request, committee):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:inquiry_create"),
        {
            "committee": committee.pk,
            "title": "Dated inquiry",
            "kind": "inquiry",
            "status": "scoping",
            "started_on": "31/02/2012",
        },
    )
    assert_rejected(response, "Enter a valid date.")
    assert not Inquiry.objects.exists()


def test_a_report_cannot_be_received_before_it_is_published(request, published_report):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:report_create", args=[published_report.inquiry.pk]),
        {
            "kind": "final",
            "title": "Backwards report",
            "published_on": "2012-03-01",
            "received_on": "2012-02-01",
        },
    )
    assert_rejected(response, "The report cannot be received before it is published.")
    assert not Report.objects.filter(title="Backwards report").exists()


def test_an_exempt_report_must_name_its_rule(request, published_report):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:report_update", args=[published_report.pk]),
        {
            "kind": "final",
            "title": published_report.title,
            "published_on": "2012-02-01",
            "received_on": "2012-02-10",
            "is_exempt": "on",
            "exempt_rule": " ",
        },
    )
    assert_rejected(response, "Enter the Access to Information Procedure Rule it is exempt under.")
    published_report.refresh_from_db()
    assert not published_report.is_exempt


def recommendation_data(report, **overrides):
    directorate = report.recommendations.first().directorate
    data = {
        "number": "9",
        "text": "That the director reports back.",
        "parts_text": "",
        "addressed_to": "directorate",
        "other_body": "",
        "directorate": directorate.pk,
        "lead_officer": "",
        "desired_outcome": "",
        "report_back_meeting": "",
        "report_back_month": "",
        "report_back_every_months": "",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"number": "1"}, "This report already has a recommendation 1."),
        ({"addressed_to": "other"}, "Enter the name of the body it is addressed to."),
        ({"report_back_month": "Julember 2012"}, "Enter a month and year, like July 2012"),
        ({"report_back_month": "13/2012"}, "Enter a month and year, like July 2012"),
        (
            {"report_back_every_months": "6"},
            "A repeat needs a first report-back: choose a meeting or enter a month.",
        ),
        ({"report_back_every_months": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"text": ""}, "Enter recommendation text"),
        ({"number": "0"}, "Ensure this value is greater than or equal to 1."),
    ],
)
def test_bad_recommendations_are_rejected(request, published_report, overrides, message):
    client = client_for(request, "officer")
    before = Recommendation.objects.count()
    response = client.post(
        reverse("recommendations:recommendation_create", args=[published_report.pk]),
        recommendation_data(published_report, **overrides),
    )
    assert_rejected(response, message)
    assert Recommendation.objects.count() == before


def test_a_recommendation_cannot_report_back_at_another_boards_meeting(request, published_report):
    elsewhere = MeetingFactory(committee=CommitteeFactory())
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:recommendation_create", args=[published_report.pk]),
        recommendation_data(published_report, report_back_meeting=elsewhere.pk),
    )
    assert_rejected(response, "Select a valid choice.")
    assert not Recommendation.objects.filter(number=9).exists()


def test_a_renumbered_recommendation_cannot_take_anothers_number(request, published_report):
    recommendation = published_report.recommendations.get(number=2)
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:recommendation_update", args=[recommendation.pk]),
        recommendation_data(published_report, number="1", text=recommendation.text),
    )
    assert_rejected(response, "This report already has a recommendation 1.")
    recommendation.refresh_from_db()
    assert recommendation.number == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"report_back_month": "Julember 2012"}, "Enter a month and year, like July 2012"),
        (
            {"report_back_every_months": "6"},
            "A repeat needs a first report-back: choose a meeting or enter a month.",
        ),
    ],
)
def test_a_bad_report_back_schedule_is_rejected(request, recommendation, data, message):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:report_back_schedule", args=[recommendation.pk]),
        {
            "report_back_meeting": "",
            "report_back_month": "",
            "report_back_every_months": "",
            **data,
        },
    )
    assert_rejected(response, message)
    recommendation.refresh_from_db()
    assert recommendation.report_back_month is None
    assert recommendation.report_back_every_months is None


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("July 2012", date(2012, 7, 1)),
        ("jul 2012", date(2012, 7, 1)),
        ("07/2012", date(2012, 7, 1)),
    ],
)
def test_a_month_is_read_as_people_write_it(request, recommendation, written, month):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:report_back_schedule", args=[recommendation.pk]),
        {"report_back_month": written},
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.report_back_month == month


def test_a_meeting_cannot_be_booked_twice_on_one_day(request, committee, meeting):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:meeting_create", args=[committee.pk]),
        {"date": meeting.date.isoformat(), "status": "scheduled"},
    )
    assert response.status_code == 200
    assert PROBLEM in page(response)
    assert "already exists" in page(response)
    assert Meeting.objects.filter(committee=committee).count() == 1


def test_a_comment_needs_a_decision(request, committee, meeting):
    recommendation = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=committee)),
        report_back_meeting=meeting,
    )
    other = RecommendationFactory(report=recommendation.report, report_back_meeting=meeting)
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:assessments_record", args=[meeting.pk]),
        {
            f"rec-{recommendation.pk}-status": "",
            f"rec-{recommendation.pk}-comment": "A comment with no decision.",
            f"rec-{other.pk}-status": tracking_status(2).pk,
        },
    )
    assert_rejected(response, "Choose the board&#x27;s decision to go with the comment.")
    # The summary links to the row's own field.
    assert f'href="#id_rec-{recommendation.pk}-status"' in page(response)
    # Nothing is recorded, not even the valid row.
    assert not TrackingAssessment.objects.exists()


def test_an_unknown_status_is_rejected(request, committee, meeting):
    recommendation = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=committee)),
        report_back_meeting=meeting,
    )
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:assessments_record", args=[meeting.pk]),
        {f"rec-{recommendation.pk}-status": "999999"},
    )
    assert_rejected(response, "Select a valid choice.")
    assert not TrackingAssessment.objects.exists()


# --- The recommendation list: filters, sorting, pagination ---------------------------


@pytest.fixture
def listed(committee, directorate_a, directorate_b, meeting):
    """Recommendations of two committees and inquiries, in every state the filters ask about."""
    placements = ReportFactory(
        inquiry=InquiryFactory(committee=committee, title="External placements"),
        title="Placements report",
        published_on=date(2012, 2, 1),
        received_on=date(2012, 2, 10),
    )
    other_board = CommitteeFactory(name="Scrutiny Board (Health)")
    health = ReportFactory(
        inquiry=InquiryFactory(committee=other_board, title="Hospital discharge"),
        title="Discharge report",
        published_on=date(2011, 5, 1),
        received_on=None,
    )
    accepted = RecommendationFactory(
        report=placements,
        number=1,
        directorate=directorate_a,
        text="ALPHA review the placements panel.",
        report_back_month=date(2012, 7, 1),
    )
    agreed_response(accepted)
    partial = RecommendationFactory(
        report=placements,
        number=2,
        directorate=directorate_a,
        text="BRAVO report the cost of placements.",
        report_back_month=date(2012, 9, 1),
    )
    submitted_response(
        partial, decision=Decision.PARTIALLY_ACCEPTED, partial_acceptance_detail="Only the cost."
    )
    drafted = RecommendationFactory(
        report=placements,
        number=3,
        directorate=directorate_b,
        text="CHARLIE consult the carers.",
        lead_officer="Head of Fostering",
    )
    ResponseFactory(recommendation=drafted, decision=Decision.NOT_ACCEPTED)
    silent = RecommendationFactory(
        report=health, number=1, directorate=directorate_b, text="DELTA discharge sooner."
    )
    services.assessments_record(
        meeting=meeting,
        user=OfficerFactory(),
        decisions=[services.AssessmentDecision(accepted, tracking_status(2))],
    )
    return {"accepted": accepted, "partial": partial, "drafted": drafted, "silent": silent}


def listed_texts(client, query: str = "") -> list[str]:
    response = client.get(reverse("recommendations:recommendation_list") + query)
    assert response.status_code == 200
    html = page(response)
    return sorted(w for w in ("ALPHA", "BRAVO", "CHARLIE", "DELTA") if w in html)


@pytest.fixture
def member_client(request, member):
    return client_for(request, "member")


def test_the_list_shows_every_recommendation_unfiltered(member_client, listed):
    assert listed_texts(member_client) == ["ALPHA", "BRAVO", "CHARLIE", "DELTA"]


def test_the_list_filters_by_committee_and_inquiry(member_client, listed, committee):
    assert listed_texts(member_client, f"?committee={committee.pk}") == [
        "ALPHA",
        "BRAVO",
        "CHARLIE",
    ]
    inquiry = listed["silent"].report.inquiry
    assert listed_texts(member_client, f"?inquiry={inquiry.pk}") == ["DELTA"]


def test_the_list_filters_by_directorate(member_client, listed, directorate_b):
    assert listed_texts(member_client, f"?directorate={directorate_b.pk}") == [
        "CHARLIE",
        "DELTA",
    ]


def test_the_list_filters_by_decision(member_client, listed):
    assert listed_texts(member_client, "?decision=accepted") == ["ALPHA"]
    assert listed_texts(member_client, "?decision=partial") == ["BRAVO"]
    # A draft's decision is the directorate's business: it counts as no response.
    assert listed_texts(member_client, "?decision=not_accepted") == []
    assert listed_texts(member_client, "?decision=none") == ["CHARLIE", "DELTA"]


def test_the_public_filters_by_agreed_decisions_only(client, listed):
    assert listed_texts(client, "?decision=partial") == []
    assert listed_texts(client, "?decision=none") == ["BRAVO", "CHARLIE", "DELTA"]


def test_the_list_filters_by_status(member_client, listed):
    assert listed_texts(member_client, f"?status={tracking_status(2).pk}") == ["ALPHA"]
    assert listed_texts(member_client, f"?status={tracking_status(4).pk}") == []


def test_the_list_filters_overdue(member_client, listed):
    # BRAVO's report-back (September 2012) is late; ALPHA was assessed; CHARLIE's response is
    # late; DELTA's report was never received, so nothing is due from it.
    assert listed_texts(member_client, "?overdue=on") == ["BRAVO", "CHARLIE"]


def test_the_list_filters_by_report_back_due_before(member_client, listed):
    assert listed_texts(member_client, "?due_before=2012-10-01") == ["BRAVO"]
    assert listed_texts(member_client, "?due_before=2012-09-01") == []


def test_the_list_searches_text_lead_officer_report_and_inquiry(member_client, listed):
    assert listed_texts(member_client, "?q=carers") == ["CHARLIE"]
    assert listed_texts(member_client, "?q=fostering") == ["CHARLIE"]
    assert listed_texts(member_client, "?q=discharge+report") == ["DELTA"]
    assert listed_texts(member_client, "?q=external+placements+cost") == ["BRAVO"]
    assert listed_texts(member_client, "?q=nothing-like-this") == []


def test_the_list_combines_filters(member_client, listed, committee, directorate_a):
    query = f"?committee={committee.pk}&directorate={directorate_a.pk}&decision=partial"
    assert listed_texts(member_client, query) == ["BRAVO"]


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("due", ["ECHO", "BRAVO"]),
        ("-due", ["BRAVO", "ECHO"]),
        ("published", ["DELTA", "ALPHA"]),
        ("-published", ["ALPHA", "DELTA"]),
    ],
)
def test_the_list_sorts(member_client, listed, sort, order):
    RecommendationFactory(
        report=listed["partial"].report,
        number=5,
        text="ECHO report back in August.",
        report_back_month=date(2012, 8, 1),
    )
    html = page(member_client.get(reverse("recommendations:recommendation_list") + f"?sort={sort}"))
    positions = [html.index(word) for word in order]
    assert positions == sorted(positions)


def test_the_list_sorts_by_status(member_client, listed):
    response = member_client.get(reverse("recommendations:recommendation_list") + "?sort=status")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "?committee=abc",
        "?inquiry=999999",
        "?directorate=-1",
        "?decision=maybe",
        "?status=abc",
        "?due_before=notadate",
        "?sort=nonsense",
        "?overdue=perhaps",
        "?q=" + "x" * 500,
    ],
)
def test_bad_filter_values_are_shown_not_500(member_client, listed, query):
    response = member_client.get(reverse("recommendations:recommendation_list") + query)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?committee=abc", "Select a valid choice."),
        ("?due_before=notadate", "Enter a valid date."),
        ("?decision=maybe", "Select a valid choice."),
    ],
)
def test_a_bad_filter_value_is_explained(member_client, listed, query, message):
    response = member_client.get(reverse("recommendations:recommendation_list") + query)
    assert response.status_code == 200
    assert PROBLEM in page(response)
    assert message in page(response)


def test_pagination_keeps_the_filters(member_client, committee, directorate_a):
    report = ReportFactory(inquiry=InquiryFactory(committee=committee))
    for number in range(1, 31):
        RecommendationFactory(report=report, number=number, directorate=directorate_a)
    RecommendationFactory(directorate=DirectorateFactory())  # filtered out
    query = f"?directorate={directorate_a.pk}&sort=due"
    response = member_client.get(reverse("recommendations:recommendation_list") + query)
    html = page(response)
    assert response.context["paginator"].count == 30
    assert len(response.context["object_list"]) == 25
    assert "page 1 of 2" in html
    assert f"?directorate={directorate_a.pk}&amp;sort=due&amp;page=2" in html
    second = member_client.get(reverse("recommendations:recommendation_list") + query + "&page=2")
    assert len(second.context["object_list"]) == 5
    # The link back to page 1 keeps the filters too, and no stale page number.
    assert f"?directorate={directorate_a.pk}&amp;sort=due&amp;page=1" in page(second)
    assert "page=2&amp;page" not in page(second)


def test_a_page_past_the_end_is_404_not_500(member_client, listed):
    url = reverse("recommendations:recommendation_list")
    assert member_client.get(url + "?page=99").status_code == 404
    assert member_client.get(url + "?page=abc").status_code == 404


# --- Query counts -------------------------------------------------------------------


@pytest.fixture
def rows(committee, directorate_a, member):
    """A committee with `member` on it, and a function adding recommendations to it."""
    CommitteeMembershipFactory(committee=committee, user=member)
    start = {"next": 1}

    def add(count):
        report = add_rows(
            committee=committee, directorate=directorate_a, count=count, start=start["next"]
        )
        start["next"] += count
        return report

    return add


def grows(client, url_for, rows, django_assert_num_queries):
    """Measure a page with 5 rows, add 25 more, and require the same number of queries."""
    report = rows(5)
    url = url_for(report)
    baseline = queries_for(client, url)
    rows(25)
    client.get(url)
    with django_assert_num_queries(baseline):
        response = client.get(url)
    assert response.status_code == 200
    return baseline


@pytest.mark.parametrize("role", ROLES)
def test_the_list_queries_do_not_grow_with_rows(
    request, role, rows, django_assert_num_queries, django_assert_max_num_queries
):
    client = client_for(request, role)
    url = reverse("recommendations:recommendation_list")
    rows(5)
    baseline = queries_for(client, url)
    rows(25)
    with django_assert_num_queries(baseline):
        response = client.get(url)
    assert len(response.context["object_list"]) == 25
    with django_assert_max_num_queries(baseline):
        client.get(url + "?page=2&sort=-due&q=matter")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["committee", "meeting", "inquiry", "report", "home"])
def test_detail_pages_queries_do_not_grow_with_rows(
    request, role, name, committee, rows, django_assert_num_queries
):
    client = client_for(request, role)

    def url_for(report):
        if name == "committee":
            return committee.get_absolute_url()
        if name == "meeting":
            upcoming = Meeting.objects.filter(committee=committee).order_by("-date").first()
            return upcoming.get_absolute_url()
        if name == "inquiry":
            return report.inquiry.get_absolute_url()
        if name == "report":
            return report.get_absolute_url()
        return reverse("home")

    if name in ("inquiry", "report"):
        # Rows on one report: the first report's page must not grow as it is added to.
        report = rows(5)
        url = url_for(report)
        baseline = queries_for(client, url)
        more_report = add_rows(
            committee=committee,
            directorate=report.recommendations.first().directorate,
            count=25,
            start=100,
        )
        Recommendation.objects.filter(report=more_report).update(report=report)
        client.get(url)
        with django_assert_num_queries(baseline):
            assert client.get(url).status_code == 200
    else:
        grows(client, url_for, rows, django_assert_num_queries)


def test_the_worklist_queries_do_not_grow_with_rows(request, rows, django_assert_num_queries):
    client = client_for(request, "director_a")
    grows(client, lambda report: reverse("responses:worklist"), rows, django_assert_num_queries)


def test_the_assessments_form_queries_do_not_grow_with_rows(
    request, committee, rows, django_assert_num_queries
):
    client = client_for(request, "officer")

    def url_for(report):
        upcoming = Meeting.objects.filter(committee=committee).order_by("-date").first()
        return reverse("recommendations:assessments_record", args=[upcoming.pk])

    grows(client, url_for, rows, django_assert_num_queries)


@pytest.mark.parametrize("role", ROLES)
def test_a_recommendation_page_does_not_grow_with_its_history(
    request, role, committee, directorate_a, django_assert_num_queries
):
    client = client_for(request, role)
    recommendation = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=committee)),
        directorate=directorate_a,
        report_back_month=date(2012, 7, 1),
        report_back_every_months=1,
    )
    agreed_response(recommendation)
    officer = request.getfixturevalue("officer")

    def assess(month):
        meeting = MeetingFactory(committee=committee, date=date(2012, month, 20))
        # The directorate's statement for the month (a draft, read by its directorate only)...
        PositionStatementFactory(
            recommendation=recommendation, report_back_due_on=date(2012, month, 1)
        )
        # ...and the board's decision.
        services.assessments_record(
            meeting=meeting,
            user=officer,
            decisions=[
                services.AssessmentDecision(recommendation, tracking_status(4), f"Month {month}")
            ],
        )

    assess(7)
    url = recommendation.get_absolute_url()
    baseline = queries_for(client, url)
    for month in range(8, 13):
        assess(month)
    client.get(url)
    with django_assert_num_queries(baseline):
        html = page(client.get(url))
    assert "Month 12" in html


# --- Lists keep their order -------------------------------------------------------------


def test_committees_are_listed_by_name(client, db):
    for name in ["Scrutiny Board (Health)", "Executive Board", "Scrutiny Board (Children)"]:
        CommitteeFactory(name=name)
    html = page(client.get(reverse("recommendations:committee_list")))
    positions = [
        html.index(name)
        for name in ["Executive Board", "Scrutiny Board (Children)", "Scrutiny Board (Health)"]
    ]
    assert positions == sorted(positions)


def test_inquiries_are_listed_newest_first_in_a_stable_order(client, committee):
    for year in (2009, 2012, 2010):
        InquiryFactory(committee=committee, title=f"Inquiry of {year}", started_on=date(year, 1, 1))
    response = client.get(reverse("recommendations:inquiry_list"))
    assert response.context["object_list"].ordered
    html = page(response)
    positions = [html.index(f"Inquiry of {year}") for year in (2012, 2010, 2009)]
    assert positions == sorted(positions)


def test_an_inquirys_reports_are_listed_newest_first(client, committee):
    inquiry = InquiryFactory(committee=committee)
    ReportFactory(inquiry=inquiry, title="OLDER report", published_on=date(2010, 2, 1))
    ReportFactory(
        inquiry=inquiry, title="NEWER report", published_on=date(2012, 4, 1), received_on=None
    )
    html = page(client.get(inquiry.get_absolute_url()))
    assert html.index("NEWER report") < html.index("OLDER report")


def test_status_counts_link_to_the_filtered_list(client, committee, meeting, published_report):
    recommendation = published_report.recommendations.get(number=1)
    services.assessments_record(
        meeting=meeting,
        user=OfficerFactory(),
        decisions=[services.AssessmentDecision(recommendation, tracking_status(2))],
    )
    html = page(client.get(committee.get_absolute_url()))
    link = f"?status={tracking_status(2).pk}&amp;committee={committee.pk}"
    assert link in html
    # "Not yet assessed" has no filter of its own: its count is not a link to everything.
    assert "?status=&amp;" not in html
    assert 'href="/recommendations/?status="' not in html
    listed = client.get(reverse("recommendations:recommendation_list") + link.replace("&amp;", "&"))
    assert list(listed.context["object_list"]) == [recommendation]


# --- The home page, by role --------------------------------------------------------------


@pytest.fixture
def upcoming(committee, published_report, member):
    """A meeting of `member`'s board next week, with recommendation 1 due at it, and a
    meeting of a board the member is not on."""
    CommitteeMembershipFactory(committee=committee, user=member)
    meeting = MeetingFactory(committee=committee, date=timezone.localdate() + timedelta(days=7))
    recommendation = published_report.recommendations.get(number=1)
    recommendation.report_back_meeting = meeting
    recommendation.save()
    elsewhere = MeetingFactory(
        committee=CommitteeFactory(name="Scrutiny Board (Health)"),
        date=timezone.localdate() + timedelta(days=8),
    )
    return meeting, elsewhere


def test_a_members_home_shows_their_boards_meetings_and_what_is_late(request, upcoming):
    meeting, elsewhere = upcoming
    html = page(client_for(request, "member").get(reverse("home")))
    assert meeting.get_absolute_url() in html
    assert elsewhere.get_absolute_url() not in html
    assert "Recommendation 1, Inquiry into external placements: final report" in html
    assert "Start an inquiry" not in html


def test_an_officers_home_shows_every_board_and_the_record_keeping(request, upcoming):
    meeting, elsewhere = upcoming
    html = page(client_for(request, "officer").get(reverse("home")))
    assert meeting.get_absolute_url() in html
    assert elsewhere.get_absolute_url() in html
    assert "Start an inquiry" in html


def test_a_directors_home_shows_their_deadlines_only(request, upcoming, published_report):
    html = page(client_for(request, "director_a").get(reverse("home")))
    assert "next deadlines" in html
    ours = published_report.recommendations.get(number=1)
    theirs = published_report.recommendations.get(number=3)
    assert reverse("responses:response_create", args=[ours.pk]) in html
    assert reverse("responses:response_create", args=[theirs.pk]) not in html


def test_the_public_home_lists_published_reports_only(client, published_report, exempt_report):
    html = page(client.get(reverse("home")))
    assert published_report.title in html
    assert exempt_report.title not in html


# --- The other record-keeping forms -------------------------------------------------------


def test_an_officer_adds_a_committee_and_a_duplicate_name_is_refused(request, committee):
    client = client_for(request, "officer")
    url = reverse("recommendations:committee_create")
    response = client.post(url, {"name": "Executive Board", "kind": "executive"})
    assert response.status_code == 302
    response = client.post(url, {"name": committee.name, "kind": "scrutiny"})
    assert_rejected(response, "already exists")
    response = client.post(url, {"name": "", "kind": "scrutiny"})
    assert_rejected(response, "Enter name")
    assert committee.__class__.objects.count() == 2


def test_a_meeting_time_must_be_a_time(request, committee):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:meeting_create", args=[committee.pk]),
        {"date": "2012-07-12", "start_time": "25:99", "status": "scheduled"},
    )
    assert_rejected(response, "Enter a valid time.")
    response = client.post(
        reverse("recommendations:meeting_create", args=[committee.pk]),
        {"date": "", "status": "scheduled"},
    )
    assert_rejected(response, "Enter date")
    assert not Meeting.objects.exists()


def test_an_officer_adds_working_groups_from_the_boards_members(request, committee):
    inquiry = InquiryFactory(committee=committee)
    chair = CommitteeMembershipFactory(committee=committee, name="Cllr Blackburn", is_chair=True)
    member = CommitteeMembershipFactory(committee=committee, name="Cllr Hyde")
    outsider = CommitteeMembershipFactory(name="Cllr Elsewhere")
    client = client_for(request, "officer")
    url = reverse("recommendations:working_group_create", args=[inquiry.pk])
    response = client.post(
        url,
        {"name": "Resources", "chair": chair.pk, "members": [chair.pk, member.pk]},
    )
    assert response["Location"] == inquiry.get_absolute_url()
    group = inquiry.working_groups.get()
    assert set(group.members.all()) == {chair, member}
    html = page(client.get(inquiry.get_absolute_url()))
    assert "Cllr Blackburn, Cllr Hyde" in html or "Cllr Hyde, Cllr Blackburn" in html

    response = client.post(url, {"name": "Resources"})
    assert_rejected_anywhere(response, "already exists")
    response = client.post(url, {"name": "Preventative Duty", "chair": outsider.pk})
    assert_rejected(response, "Select a valid choice.")
    assert inquiry.working_groups.count() == 1


def test_an_officer_adds_evidence_to_an_inquiry(request, committee):
    inquiry = InquiryFactory(committee=committee)
    other_group = InquiryFactory(committee=committee).working_groups.create(name="Elsewhere")
    client = client_for(request, "officer")
    url = reverse("recommendations:evidence_create", args=[inquiry.pk])
    response = client.post(
        url, {"kind": "document", "title": "Ofsted report", "considered_on": "2009-04-01"}
    )
    assert response.status_code == 302
    assert "Ofsted report" in page(client.get(inquiry.get_absolute_url()))
    response = client.post(url, {"kind": "document", "title": ""})
    assert_rejected(response, "Enter title")
    response = client.post(
        url, {"kind": "document", "title": "Misfiled", "working_group": other_group.pk}
    )
    assert_rejected(response, "Select a valid choice.")
    assert inquiry.evidence.count() == 1


def assert_rejected_anywhere(response, message: str):
    """For errors about the record as a whole, shown above the fields."""
    assert response.status_code == 200
    assert PROBLEM in page(response)
    assert message in page(response)
