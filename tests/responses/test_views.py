"""Responses and position statements through the browser: drafts stay with their
directorate, submitted work is read inside the council, agreed responses are public."""

from datetime import date

import pytest
from django.urls import reverse

from recommendations.models import Inquiry, Meeting, Recommendation, Report, TrackingAssessment
from responses.models import PositionStatement, Response, ResponseDecision, ResponseState
from tests.factories import (
    InquiryFactory,
    MeetingFactory,
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
    as_checked,
    assert_rejected,
    client_for,
    is_login_redirect,
    page,
    signed_in,
)

pytestmark = pytest.mark.django_db

SECRET = "DRAFT-SECRET: we will not fund the panel"


def expect(response, status: int):
    """`status` 302 means "asked to sign in"; anything else is the exact status code."""
    if status == 302:
        assert is_login_redirect(response), (response.status_code, response.get("Location"))
    else:
        assert response.status_code == status, response.status_code
    if status != 200:
        assert SECRET.encode() not in response.content


@pytest.fixture
def draft(recommendation, director_a):
    return ResponseFactory(
        recommendation=recommendation,
        drafted_by=director_a,
        decision=ResponseDecision.NOT_ACCEPTED,
        text=SECRET,
    )


@pytest.fixture
def submitted(recommendation):
    return submitted_response(recommendation, text=SECRET)


@pytest.fixture
def agreed(recommendation):
    return agreed_response(recommendation, text="The recommendation is accepted in full.")


def response_data(**overrides):
    data = {
        "decision": "accepted",
        "partial_acceptance_detail": "",
        "text": "The recommendation is accepted.",
        "proposed_action": "A report in July 2012.",
        "responsible_officer": "Head of Service",
        "target_date": "2012-07-31",
        "version": 1,  # the version the form was opened at (a factory's draft is at 1)
    }
    return {**data, **overrides}


# --- Permissions: responses ----------------------------------------------------------


# Private records answer 404 to everyone who may not read them, signed in or not.
DRAFT_READ = {"anonymous": 404, "member": 404, "director_a": 200, "director_b": 404, "officer": 404}


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_response_is_read_and_edited_only_by_its_directorate(request, role, draft):
    client = client_for(request, role)
    response = client.get(draft.get_absolute_url())
    expect(response, DRAFT_READ[role])
    if role == "director_a":
        assert SECRET in page(response)
    expect(client.get(reverse("responses:response_update", args=[draft.pk])), DRAFT_READ[role])
    response = client.post(
        reverse("responses:response_update", args=[draft.pk]), response_data(text="Changed")
    )
    if role == "director_a":
        assert response.status_code == 302
    else:
        expect(response, DRAFT_READ[role])
        draft.refresh_from_db()
        assert draft.text == SECRET


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_never_shown_on_the_recommendation_or_the_list(request, role, draft):
    client = client_for(request, role)
    detail = page(client.get(draft.recommendation.get_absolute_url()))
    listing = page(client.get(reverse("recommendations:recommendation_list")))
    if role == "director_a":
        assert "DRAFT-SECRET" in detail
    else:
        assert "DRAFT-SECRET" not in detail
        assert draft.get_absolute_url() not in detail
    assert "DRAFT-SECRET" not in listing
    # The draft's decision is not shown in the list either, even to its directorate.
    assert "govuk-tag--red" not in listing


def test_a_member_reads_that_no_response_is_submitted_yet(request, draft):
    html = page(client_for(request, "member").get(draft.recommendation.get_absolute_url()))
    assert "No response yet" in html
    assert "Draft the response" not in html


SUBMITTED_READ = {
    "anonymous": 404,
    "member": 200,
    "director_a": 200,
    "director_b": 200,
    "officer": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_a_submitted_response_is_read_in_the_council_not_by_the_public(request, role, submitted):
    client = client_for(request, role)
    response = client.get(submitted.get_absolute_url())
    expect(response, SUBMITTED_READ[role])
    detail = page(client.get(submitted.recommendation.get_absolute_url()))
    assert (SECRET in detail) == (role != "anonymous")


@pytest.mark.parametrize("role", ROLES)
def test_a_submitted_response_cannot_be_edited(request, role, submitted):
    client = client_for(request, role)
    url = reverse("responses:response_update", args=[submitted.pk])
    if role == "anonymous":
        expect(client.get(url), 404)  # a submitted, unagreed response is private
    else:
        # Back to the form after submitting: the response's page, saying why, not a 403.
        reply = client.get(url, follow=True)
        assert reply.redirect_chain[-1][0] == submitted.get_absolute_url()
        assert "it can no longer be changed here" in page(reply)
    response = client.post(url, response_data(text="Rewritten after submission"))
    assert response.status_code == (404 if role == "anonymous" else 302)
    submitted.refresh_from_db()
    assert submitted.text == SECRET
    assert submitted.state == ResponseState.SUBMITTED


@pytest.mark.parametrize("role", ROLES)
def test_an_agreed_response_is_public(request, role, agreed):
    client = client_for(request, role)
    response = client.get(agreed.get_absolute_url())
    assert response.status_code == 200
    assert "The recommendation is accepted in full." in page(response)
    # ...and nobody can edit it: its edit address leads back to it.
    reply = client.get(reverse("responses:response_update", args=[agreed.pk]))
    assert reply.status_code == 302
    assert reply["Location"] == agreed.get_absolute_url()


def test_an_agreed_response_to_an_exempt_report_is_not_public(client, committee):
    recommendation = RecommendationFactory(
        report=ReportFactory(inquiry=InquiryFactory(committee=committee), exempt=True)
    )
    response = agreed_response(recommendation, text="EXEMPT-RESPONSE")
    reply = client.get(response.get_absolute_url())
    assert reply.status_code == 404
    assert b"EXEMPT-RESPONSE" not in reply.content


AGREE = {"anonymous": 404, "member": 403, "director_a": 403, "director_b": 403, "officer": 302}


@pytest.mark.parametrize("role", ROLES)
def test_only_an_officer_agrees_a_submitted_response(request, role, submitted):
    client = client_for(request, role)
    response = client.post(reverse("responses:response_agree", args=[submitted.pk]))
    submitted.refresh_from_db()
    if role == "officer":
        assert response.status_code == 302
        assert response["Location"] == submitted.get_absolute_url()
        assert submitted.state == ResponseState.AGREED
        assert submitted.agreed_by == request.getfixturevalue("officer")
    else:
        expect(response, AGREE[role])
        assert submitted.state == ResponseState.SUBMITTED


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_cannot_be_agreed_and_stays_private(request, role, draft):
    client = client_for(request, role)
    response = client.post(reverse("responses:response_agree", args=[draft.pk]))
    # Its directorate may read it, so is told why; anyone else must not learn it exists.
    expect(response, {**DRAFT_READ, "director_a": 403}[role])
    draft.refresh_from_db()
    assert draft.state == ResponseState.DRAFT


def test_agreeing_twice_is_refused(request, agreed):
    client = client_for(request, "officer")
    response = client.post(reverse("responses:response_agree", args=[agreed.pk]))
    assert response.status_code == 403


def test_agreeing_is_post_only(request, submitted):
    client = client_for(request, "officer")
    assert client.get(reverse("responses:response_agree", args=[submitted.pk])).status_code == 405


CREATE = {"anonymous": 302, "member": 403, "director_a": 200, "director_b": 403, "officer": 403}


@pytest.mark.parametrize("role", ROLES)
def test_only_the_directorate_drafts_a_response(request, role, recommendation):
    client = client_for(request, role)
    url = reverse("responses:response_create", args=[recommendation.pk])
    expect(client.get(url), CREATE[role])
    response = client.post(url, response_data())
    if role == "director_a":
        assert response.status_code == 302
        assert Response.objects.filter(recommendation=recommendation).count() == 1
    else:
        expect(response, CREATE[role])
        assert not Response.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_another_directorate_is_not_led_to_an_existing_draft(request, role, draft):
    client = client_for(request, role)
    url = reverse("responses:response_create", args=[draft.recommendation.pk])
    response = client.get(url)
    if role == "director_a":
        # One response per recommendation: carry on with the draft there is.
        assert response.status_code == 302
        assert response["Location"] == draft.get_absolute_url()
    else:
        expect(response, CREATE[role])
        assert draft.get_absolute_url() not in response.get("Location", "")
    response = client.post(url, response_data(text="A second response"))
    assert Response.objects.count() == 1
    assert not Response.objects.filter(text="A second response").exists()


def test_a_response_to_a_missing_recommendation_is_404(request, db):
    client = client_for(request, "director_a")
    assert client.get(reverse("responses:response_create", args=[999999])).status_code == 404
    assert client.get(reverse("responses:response_detail", args=[999999])).status_code == 404
    assert client.get(reverse("responses:response_update", args=[999999])).status_code == 404


# --- Permissions: position statements ------------------------------------------------


@pytest.fixture
def draft_statement(scheduled, director_a):
    return PositionStatementFactory(
        recommendation=scheduled,
        drafted_by=director_a,
        report_back_due_on=date(2012, 7, 1),
        text=SECRET,
    )


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_statement_is_read_and_edited_only_by_its_directorate(
    request, role, draft_statement
):
    client = client_for(request, role)
    detail = page(client.get(draft_statement.recommendation.get_absolute_url()))
    assert ("DRAFT-SECRET" in detail) == (role == "director_a")
    expect(client.get(draft_statement.get_absolute_url()), DRAFT_READ[role])
    url = reverse("responses:statement_update", args=[draft_statement.pk])
    expect(client.get(url), DRAFT_READ[role])
    response = client.post(
        url, {"text": "Overwritten", "proposed_status": "", "version": draft_statement.version}
    )
    if role == "director_a":
        assert response.status_code == 302
    else:
        expect(response, DRAFT_READ[role])
        draft_statement.refresh_from_db()
        assert draft_statement.text == SECRET


@pytest.mark.parametrize("role", ROLES)
def test_a_submitted_statement_is_read_in_the_council_and_not_edited(
    request, role, draft_statement, director_a
):
    from responses import services

    services.position_statement_submit(statement=draft_statement, user=director_a)
    client = client_for(request, role)
    expect(client.get(draft_statement.get_absolute_url()), SUBMITTED_READ[role])
    url = reverse("responses:statement_update", args=[draft_statement.pk])
    if role == "anonymous":
        expect(client.get(url), 404)
        expect(client.post(url, {"text": "Rewritten"}), 404)
    else:
        assert client.get(url)["Location"] == draft_statement.get_absolute_url()
        assert client.post(url, {"text": "Rewritten"}).status_code == 302
    draft_statement.refresh_from_db()
    assert draft_statement.text == SECRET


@pytest.mark.parametrize("role", ROLES)
def test_only_the_directorate_writes_a_statement(request, role, scheduled):
    client = client_for(request, role)
    url = reverse("responses:statement_create", args=[scheduled.pk])
    expect(client.get(url), CREATE[role])
    response = client.post(url, {"text": "Progress.", "proposed_status": ""})
    if role == "director_a":
        assert response.status_code == 302
        assert PositionStatement.objects.count() == 1
    else:
        expect(response, CREATE[role])
        assert not PositionStatement.objects.exists()


def test_a_statement_needs_a_report_back(request, recommendation):
    client = client_for(request, "director_a")
    url = reverse("responses:statement_create", args=[recommendation.pk])
    response = client.get(url, follow=True)
    assert "No report-back is due on this recommendation." in page(response)
    client.post(url, {"text": "Progress."})
    assert not PositionStatement.objects.exists()


def test_writing_a_statement_twice_leads_to_the_first(request, draft_statement):
    client = client_for(request, "director_a")
    url = reverse("responses:statement_create", args=[draft_statement.recommendation.pk])
    response = client.get(url)
    assert response["Location"] == draft_statement.get_absolute_url()
    response = client.post(url, {"text": "A second statement"})
    assert response.status_code == 200
    assert "started the position statement for this report-back while you were" in page(response)
    assert "A second statement" in page(response)  # what was typed is kept
    assert PositionStatement.objects.count() == 1


# --- The worklist ----------------------------------------------------------------------


WORKLIST = {"anonymous": 302, "member": 403, "director_a": 200, "director_b": 200, "officer": 403}


@pytest.mark.parametrize("role", ROLES)
def test_the_worklist_is_for_directorates(request, role, published_report):
    client = client_for(request, role)
    response = client.get(reverse("responses:worklist"))
    expect(response, WORKLIST[role])


def test_a_worklist_shows_only_its_own_directorate(request, published_report):
    mine = page(client_for(request, "director_a").get(reverse("responses:worklist")))
    theirs = page(client_for(request, "director_b").get(reverse("responses:worklist")))
    ours = [r.get_absolute_url() for r in published_report.recommendations.filter(number__lt=3)]
    other = published_report.recommendations.get(number=3).get_absolute_url()
    for url in ours:
        assert f'href="{url}"' in mine
        assert f'href="{url}"' not in theirs
    assert f'href="{other}"' in theirs
    assert f'href="{other}"' not in mine


def test_the_worklist_puts_the_nearest_deadline_first(request, committee, directorate_a):
    later = RecommendationFactory(
        report=ReportFactory(
            inquiry=InquiryFactory(committee=committee),
            published_on=date(2012, 5, 1),
            received_on=date(2012, 5, 2),
        ),
        directorate=directorate_a,
        text="LATER deadline",
    )
    sooner = RecommendationFactory(
        report=ReportFactory(
            inquiry=InquiryFactory(committee=committee),
            published_on=date(2012, 1, 1),
            received_on=date(2012, 1, 2),
        ),
        directorate=directorate_a,
        text="SOONER deadline",
    )
    html = page(client_for(request, "director_a").get(reverse("responses:worklist")))
    assert html.index(sooner.get_absolute_url()) < html.index(later.get_absolute_url())


# --- Journeys ------------------------------------------------------------------------


def test_a_recommendation_from_inquiry_to_agreed_response_and_tracking(
    request, committee, directorate_a, director_a, officer
):
    """The whole life through the views: the officer records it, the director answers,
    the officer agrees and tracks it, and the public reads the outcome."""
    officer_client = signed_in(officer)
    director = signed_in(director_a)
    public = client_for(request, "anonymous")

    officer_client.post(
        reverse("recommendations:inquiry_create"),
        {
            "committee": committee.pk,
            "title": "Safeguarding inquiry",
            "kind": "inquiry",
            "status": "evidence",
            "started_on": "2009-03-01",
        },
    )
    inquiry = Inquiry.objects.get(title="Safeguarding inquiry")
    officer_client.post(
        reverse("recommendations:report_create", args=[inquiry.pk]),
        {
            "kind": "interim",
            "title": "Safeguarding: interim report",
            "published_on": "2009-12-01",
            "received_on": "2009-12-10",
        },
    )
    report = Report.objects.get(title="Safeguarding: interim report")
    officer_client.post(
        reverse("recommendations:recommendation_create", args=[report.pk]),
        {
            "number": "1",
            "text": "That the director reviews safeguarding in two ways.",
            "parts_text": "Review the thresholds.\n\nPublish the findings.",
            "addressed_to": "directorate",
            "directorate": directorate_a.pk,
        },
    )
    recommendation = Recommendation.objects.get(report=report, number=1)
    part_a, part_b = recommendation.parts.order_by("label")
    assert (part_a.label, part_b.label) == ("a", "b")
    officer_client.post(
        reverse("recommendations:report_back_schedule", args=[recommendation.pk]),
        {"report_back_month": "July 2012", "version": recommendation.version},
    )
    recommendation.refresh_from_db()
    assert recommendation.report_back_month == date(2012, 7, 1)

    # The director finds it on the worklist and drafts a partial acceptance of part a.
    worklist = page(director.get(reverse("responses:worklist")))
    create_url = reverse("responses:response_create", args=[recommendation.pk])
    assert create_url in worklist
    form = page(director.get(create_url))
    assert "Part a: Review the thresholds." in form
    response = director.post(
        create_url,
        response_data(
            decision="partial",
            accepted_parts=[part_a.pk],
            partial_acceptance_detail="Part a is accepted; part b takes another approach.",
            text="DRAFT-WORDING one",
        ),
    )
    draft = Response.objects.get(recommendation=recommendation)
    assert response["Location"] == draft.get_absolute_url()
    assert draft.state == ResponseState.DRAFT
    assert list(draft.accepted_parts.all()) == [part_a]
    # Only the directorate can see it.
    assert b"DRAFT-WORDING" not in officer_client.get(recommendation.get_absolute_url()).content
    assert officer_client.get(draft.get_absolute_url()).status_code == 404

    # Edit, then submit.
    update_url = reverse("responses:response_update", args=[draft.pk])
    assert "DRAFT-WORDING one" in page(director.get(update_url))
    director.post(
        update_url,
        response_data(
            decision="partial",
            accepted_parts=[part_a.pk],
            partial_acceptance_detail="Part a is accepted; part b takes another approach.",
            text="The thresholds will be reviewed; publication is pragmatic.",
        ),
    )
    draft.refresh_from_db()
    assert draft.text == "The thresholds will be reviewed; publication is pragmatic."
    response = director.post(
        update_url,
        response_data(
            version=draft.version,
            decision="partial",
            accepted_parts=[part_a.pk],
            partial_acceptance_detail="Part a is accepted; part b takes another approach.",
            text="The thresholds will be reviewed; publication is pragmatic.",
            check="1",
        ),
        follow=True,
    )
    # Check your answers, then submit.
    check_url = reverse("responses:response_check", args=[draft.pk])
    assert response.redirect_chain[-1][0] == check_url
    assert "Check your response before submitting it" in page(response)
    assert Response.objects.get(pk=draft.pk).state == ResponseState.DRAFT
    response = director.post(check_url, as_checked(draft), follow=True)
    assert "Response submitted to the scrutiny board." in page(response)
    draft.refresh_from_db()
    assert draft.state == ResponseState.SUBMITTED
    assert draft.submitted_by == director_a
    # Submitted: the edit is refused, the council reads it, the public does not yet.
    assert director.get(update_url)["Location"] == draft.get_absolute_url()
    assert director.post(update_url, response_data(text="Too late")).status_code == 302
    assert "publication is pragmatic" in page(officer_client.get(draft.get_absolute_url()))
    assert public.get(draft.get_absolute_url()).status_code == 404
    assert b"pragmatic" not in public.get(recommendation.get_absolute_url()).content

    # The officer records that the board agreed it: now it is public.
    detail = page(officer_client.get(draft.get_absolute_url()))
    agree_url = reverse("responses:response_agree", args=[draft.pk])
    assert agree_url in detail
    officer_client.post(agree_url)
    draft.refresh_from_db()
    assert draft.state == ResponseState.AGREED
    public_page = page(public.get(draft.get_absolute_url()))
    assert "publication is pragmatic" in public_page
    assert "Partially accepted" in public_page
    assert "Part a" in public_page
    assert "Partially accepted" in page(public.get(recommendation.get_absolute_url()))

    # The director writes the position statement for July 2012 and submits it.
    statement_url = reverse("responses:statement_create", args=[recommendation.pk])
    assert statement_url in page(director.get(recommendation.get_absolute_url()))
    assert "July 2012" in page(director.get(statement_url))
    director.post(statement_url, {"text": "The thresholds were reviewed in May.", "save": "1"})
    statement = PositionStatement.objects.get(recommendation=recommendation)
    assert statement.report_back_due_on == date(2012, 7, 1)
    assert statement.state == ResponseState.DRAFT
    director.post(
        reverse("responses:statement_update", args=[statement.pk]),
        {
            "text": "The thresholds were reviewed in May.",
            "proposed_status": tracking_status(2).pk,
            "submit": "1",
            "version": statement.version,
        },
    )
    statement.refresh_from_db()
    assert statement.state == ResponseState.SUBMITTED
    assert statement.proposed_status == tracking_status(2)

    # The board meets and decides: achieved.
    meeting = MeetingFactory(committee=committee, date=date(2012, 7, 12))
    record = reverse("recommendations:assessments_record", args=[meeting.pk])
    form = page(officer_client.get(record))
    assert recommendation.title in form
    officer_client.post(
        record,
        {
            f"rec-{recommendation.pk}-status": tracking_status(2).pk,
            f"rec-{recommendation.pk}-comment": "Achieved.",
            f"rec-{recommendation.pk}-version": 0,
        },
    )
    assert TrackingAssessment.objects.get().status == tracking_status(2)
    for client in (officer_client, director, public):
        html = page(client.get(recommendation.get_absolute_url()))
        assert tracking_status(2).name in html
        assert "Monitoring has ended" in html
    # Nothing more is owed: it leaves the worklist.
    assert recommendation.get_absolute_url() not in page(
        director.get(reverse("responses:worklist"))
    )
    assert Meeting.objects.filter(committee=committee).count() == 1


def test_save_draft_then_submit_from_the_new_response_page(request, recommendation):
    client = client_for(request, "director_a")
    url = reverse("responses:response_create", args=[recommendation.pk])
    response = client.post(url, {**response_data(), "submit": "1"}, follow=True)
    assert "Response submitted to the scrutiny board." in page(response)
    assert Response.objects.get().state == ResponseState.SUBMITTED


# --- Bad input -----------------------------------------------------------------------


def post_response(request, recommendation, **overrides):
    client = client_for(request, "director_a")
    return client.post(
        reverse("responses:response_create", args=[recommendation.pk]),
        response_data(**overrides),
    )


def test_a_partial_acceptance_without_detail_is_rejected(request, recommendation):
    response = post_response(request, recommendation, decision="partial")
    assert_rejected(response, "Say which part of the recommendation is accepted and which is not.")
    assert not Response.objects.exists()


def test_a_partial_acceptance_without_a_part_is_rejected(request, recommendation, two_parts):
    response = post_response(
        request, recommendation, decision="partial", partial_acceptance_detail="Some of it."
    )
    assert_rejected(response, "Choose the parts of the recommendation that are accepted.")
    assert not Response.objects.exists()


def test_a_partial_acceptance_of_every_part_is_rejected(request, recommendation, two_parts):
    response = post_response(
        request,
        recommendation,
        decision="partial",
        partial_acceptance_detail="All of it, really.",
        accepted_parts=[part.pk for part in two_parts],
    )
    assert_rejected(
        response, "All parts are chosen: that is an acceptance, not a partial acceptance."
    )
    assert not Response.objects.exists()


def test_parts_for_a_full_acceptance_are_rejected(request, recommendation, two_parts):
    response = post_response(request, recommendation, accepted_parts=[two_parts[0].pk])
    assert_rejected(response, "Choose accepted parts only for a partial acceptance.")
    assert not Response.objects.exists()


def test_a_part_of_another_recommendation_is_rejected(request, recommendation, two_parts):
    elsewhere = RecommendationPartFactory()
    response = post_response(
        request,
        recommendation,
        decision="partial",
        partial_acceptance_detail="Some of it.",
        accepted_parts=[elsewhere.pk],
    )
    assert_rejected(response, "Select a valid choice.")
    assert not Response.objects.exists()


def test_an_unknown_decision_is_rejected(request, recommendation):
    response = post_response(request, recommendation, decision="maybe")
    assert_rejected(response, "Select a valid choice.")
    assert not Response.objects.exists()


def test_a_bad_target_date_is_rejected(request, recommendation):
    response = post_response(request, recommendation, target_date="31/31/2012")
    assert_rejected(response, "Target date must be a real date")
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"decision": ""}, "Choose whether the recommendation is accepted before submitting."),
        ({"text": " "}, "Enter the response before submitting."),
    ],
)
def test_submitting_an_incomplete_new_response_saves_nothing(
    request, recommendation, overrides, message
):
    client = client_for(request, "director_a")
    url = reverse("responses:response_create", args=[recommendation.pk])
    response = client.post(url, {**response_data(**overrides), "submit": "1"})
    assert_rejected(response, message)
    # Nothing half-made is left behind: the corrected form can still be sent.
    assert not Response.objects.exists()
    response = client.post(url, {**response_data(), "submit": "1"})
    assert response.status_code == 302
    assert Response.objects.get().state == ResponseState.SUBMITTED


def test_submitting_an_incomplete_draft_keeps_the_saved_draft(request, draft):
    client = client_for(request, "director_a")
    response = client.post(
        reverse("responses:response_update", args=[draft.pk]),
        {**response_data(decision="", text="Half a thought"), "submit": "1"},
    )
    assert_rejected(response, "Choose whether the recommendation is accepted before submitting.")
    draft.refresh_from_db()
    assert draft.state == ResponseState.DRAFT
    assert draft.text == SECRET


def test_a_draft_can_be_saved_without_a_decision(request, recommendation):
    response = post_response(request, recommendation, decision="", text="")
    assert response.status_code == 302
    assert Response.objects.get().decision == ""


def test_a_blank_statement_is_rejected(request, scheduled):
    client = client_for(request, "director_a")
    response = client.post(
        reverse("responses:statement_create", args=[scheduled.pk]), {"text": "", "submit": "1"}
    )
    assert_rejected(response, "Enter position statement")
    assert not PositionStatement.objects.exists()


def test_a_statement_with_an_unknown_status_is_rejected(request, scheduled):
    client = client_for(request, "director_a")
    response = client.post(
        reverse("responses:statement_create", args=[scheduled.pk]),
        {"text": "Progress.", "proposed_status": "999999"},
    )
    assert_rejected(response, "Select a valid choice.")
    assert not PositionStatement.objects.exists()


# --- Query counts ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["director_a", "member", "officer"])
def test_a_response_page_does_not_grow_with_the_parts(
    request, role, recommendation, django_assert_num_queries
):
    from tests.viewkit import queries_for

    for label in "ab":
        RecommendationPartFactory(recommendation=recommendation, label=label)
    response = submitted_response(recommendation)
    client = client_for(request, role)
    baseline = queries_for(client, response.get_absolute_url())
    for label in "cdefgh":
        RecommendationPartFactory(recommendation=recommendation, label=label)
    client.get(response.get_absolute_url())
    with django_assert_num_queries(baseline):
        client.get(response.get_absolute_url())
