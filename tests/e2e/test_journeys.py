"""The five journeys of issue 6, in a real browser, as each kind of user makes them.

Each test clicks and types by the labels and names a person sees, checks every page it
lands on with axe-core (the `audit` fixture) and leaves a picture of its last page in
docs/screenshots/.
"""

import re
from datetime import timedelta
from io import BytesIO
from urllib.parse import urljoin

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from recommendations.models import Committee, Meeting, Recommendation, Report
from recommendations.selectors import recommendations_due_for_meeting
from responses.models import Response, ResponseState
from tests.e2e.conftest import BOARD, CHILDRENS, ENVIRONMENT, fill_date, screenshot, sign_in
from tests.factories import RecommendationFactory, ResponseFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def menu(page: Page, name: str):
    """A link in the service navigation."""
    return page.get_by_role("navigation", name="Menu").get_by_role("link", name=name, exact=True)


def success_banner(page: Page):
    return page.get_by_role("alert")


def test_journey_1_officer_enters_an_inquiry_report_and_recommendations(demo, page, audit):
    sign_in(page, audit, "officer")
    menu(page, "Inquiries").click()
    audit.check()
    page.get_by_role("link", name="Start an inquiry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start an inquiry")
    audit.check()
    page.get_by_label("Committee").select_option(label=BOARD)
    page.get_by_label("Title").fill("Inquiry into school attendance")
    page.get_by_label("Kind").select_option(label="Full inquiry")
    page.get_by_label("Terms of reference").fill(
        "To consider persistent absence from school and what the council does about it."
    )
    page.get_by_label("Status").select_option(label="Drafting")
    fill_date(page, "Started on", "2026-01-12")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inquiry into school attendance")
    expect(success_banner(page)).to_contain_text("Inquiry added.")
    audit.check()

    page.get_by_role("link", name="Add a report").click()
    audit.check()
    page.get_by_label("Kind").select_option(label="Final report")
    page.get_by_label("Title").fill("School attendance: final report")
    page.get_by_label("Summary").fill("Persistent absence has risen; three recommendations.")
    fill_date(page, "Published on", "2026-06-04")
    fill_date(page, "Received on", "2026-06-10")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("School attendance: final report")
    audit.check()

    recommendations = [
        (CHILDRENS, "That the director reports on persistent absence in primary schools.", ""),
        (ENVIRONMENT, "That the director reviews safe routes to school.", ""),
        (CHILDRENS, "That the director provides six monthly updates on attendance.", "6"),
    ]
    months = ["July 2026", "September 2026", "January 2027"]
    page.get_by_role("link", name="Add a recommendation").click()
    for number, ((directorate, text, every), month) in enumerate(
        zip(recommendations, months, strict=True), start=1
    ):
        expect(page.get_by_role("heading", level=1)).to_have_text("Add a recommendation")
        audit.check()
        expect(page.get_by_label("Number")).to_have_value(str(number))
        page.get_by_label("Recommendation text").fill(text)
        page.get_by_role("radio", name="A directorate").check()
        page.get_by_label("Directorate", exact=True).select_option(label=directorate)
        page.get_by_label("Report back in (month)").fill(month)
        if every:
            page.get_by_label("Repeat every (months)").fill(every)
        last = number == len(recommendations)
        page.get_by_role(
            "button", name="Save" if last else "Save and add another", exact=True
        ).click()
        expect(success_banner(page)).to_contain_text("Recommendation added.")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Recommendation 3")
    audit.check()
    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="School attendance: final report"
    ).click()
    audit.check()
    table = page.get_by_role("table", name="Recommendations")
    expect(table.get_by_role("row")).to_have_count(4)
    expect(table).to_contain_text("Director of Children's Services")
    expect(table).to_contain_text("Director of Environment and Neighbourhoods")
    expect(table).to_contain_text("July 2026")
    screenshot(page, "journey-1-officer-enters-recommendations")

    report = Report.objects.get(title="School attendance: final report")
    saved = list(report.recommendations.order_by("number").select_related("directorate"))
    assert [r.text for r in saved] == [text for _, text, _ in recommendations]
    assert [r.directorate.name for r in saved] == [CHILDRENS, ENVIRONMENT, CHILDRENS]
    assert [r.report_back_month.month for r in saved] == [7, 9, 1]
    assert saved[2].report_back_every_months == 6


def test_journey_2_director_drafts_then_submits_a_response(demo, awaiting_response, page, audit):
    ours, theirs = awaiting_response
    sign_in(page, audit, "director")
    menu(page, "Your worklist").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your worklist")
    audit.check()
    # The worklist is grouped by report: this report's work is in its own table.
    expect(page.get_by_role("heading", name="School attendance: final report")).to_be_visible()
    report_work = page.get_by_role("region", name="Work on School attendance: final report")
    row = report_work.get_by_role("row").filter(has_text="Recommendation 1")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(ours.text)
    worklist = page.get_by_role("main")
    # Only Children's Services' work: nothing addressed to another directorate.
    addressed_here = Recommendation.objects.filter(directorate__name=CHILDRENS)
    for link in worklist.get_by_role("link").all():
        href = link.get_attribute("href")
        if match := re.fullmatch(r"/recommendations/(\d+)/", href or ""):
            assert addressed_here.filter(pk=match.group(1)).exists(), href
    expect(page.get_by_role("main")).not_to_contain_text(theirs.text)

    row.get_by_role("link", name="Draft response").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Draft the response")
    audit.check()
    page.get_by_role("radio", name="Accepted", exact=True).check()
    page.get_by_role("textbox", name="Response").fill(
        "Accepted. A report on persistent absence will come to the board."
    )
    page.get_by_role("button", name="Save draft").click()
    expect(success_banner(page)).to_contain_text("Draft saved")
    expect(page.get_by_text("Only Children's Services can see this draft")).to_be_visible()
    audit.check()
    assert Response.objects.get(recommendation=ours).state == ResponseState.DRAFT

    # Later: back to the worklist, carry on with the draft and submit it.
    menu(page, "Your worklist").click()
    audit.check()
    report_work = page.get_by_role("region", name="Work on School attendance: final report")
    row = report_work.get_by_role("row").filter(has_text="Recommendation 1")
    row.get_by_role("link", name="Continue draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the draft response")
    audit.check()
    expect(page.get_by_role("radio", name="Accepted", exact=True)).to_be_checked()
    page.get_by_label("Proposed action").fill("Attendance report to the board in July.")
    page.get_by_label("Responsible officer").fill("Head of Learning Improvement")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your response before submitting it"
    )
    expect(page.get_by_role("main")).to_contain_text("Head of Learning Improvement")
    audit.check()
    page.get_by_role("button", name="Submit response").click()
    expect(success_banner(page)).to_contain_text("Response submitted")
    expect(page.get_by_role("main")).to_contain_text("Submitted")
    audit.check()
    screenshot(page, "journey-2-director-submits-response")

    response = Response.objects.get(recommendation=ours)
    assert response.state == ResponseState.SUBMITTED
    assert response.proposed_action == "Attendance report to the board in July."
    assert not Response.objects.filter(recommendation=theirs).exists()


def test_journey_3_officer_records_the_boards_tracking_decisions(demo, page, audit):
    meeting = Meeting.objects.get(committee__name=BOARD, date="2012-07-19")
    sign_in(page, audit, "officer")
    menu(page, "Committees").click()
    audit.check()
    page.get_by_role("link", name=BOARD, exact=True).click()
    audit.check()
    page.get_by_role("link", name="19 July 2012").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting, 19 July 2012")
    audit.check()
    page.get_by_role("link", name="Record the board's tracking decisions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record the board's tracking decisions"
    )
    audit.check()

    decisions = page.get_by_label(re.compile(r"^Board's decision on Recommendation \d+"))
    numbers = [
        int(re.search(r"Recommendation (\d+)", label).group(1))
        for label in decisions.evaluate_all("els => els.map(e => e.labels[0].innerText)")
    ]
    assert len(numbers) >= 3, numbers
    # The options are the tracking scale, numbered as on the Leeds flowchart; the meeting's
    # table tags each decision by the status's short name where it has one.
    chosen = {
        numbers[0]: (2, "Achieved", "Achieved"),
        numbers[1]: (
            4,
            "Not achieved (Progress made acceptable. Continue monitoring)",
            "Not achieved: progress acceptable",
        ),
        numbers[2]: (3, "Not achieved (Obstacle)", "Not achieved (Obstacle)"),
    }
    for number, (position, status, _tag) in chosen.items():
        page.get_by_label(f"Board's decision on Recommendation {number}").select_option(
            label=f"{position}. {status}"
        )
    page.get_by_label(f"Comment on Recommendation {numbers[2]}").fill(
        "The board asked for a further report on the obstacle in December."
    )
    page.get_by_role("button", name="Save decisions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting, 19 July 2012")
    expect(success_banner(page)).to_contain_text("tracking decisions recorded")
    table = page.get_by_role("table")
    for number, (_, _status, tag) in chosen.items():
        row = table.get_by_role("row").filter(
            has=page.get_by_role("link", name=f"Recommendation {number}", exact=True)
        )
        expect(row.get_by_role("cell").nth(2)).to_contain_text(tag)
    expect(table).to_contain_text("further report on the obstacle")
    audit.check()
    screenshot(page, "journey-3-officer-records-tracking-decisions")

    recorded = {
        a.recommendation.number: a.status.name
        for a in meeting.assessments.select_related("recommendation", "status")
    }
    for number, (_, status, _tag) in chosen.items():
        assert recorded[number] == status


def test_journey_4_member_sees_what_is_due_and_downloads_the_tracking_report(
    demo, page, audit, tmp_path
):
    today = timezone.localdate()
    committee = Committee.objects.get(name=BOARD)
    thursday_after_next = today + timedelta(days=14 + (3 - today.weekday()) % 7)
    meeting = Meeting.objects.create(
        committee=committee, date=thursday_after_next, place="Civic Hall, Leeds"
    )
    due = Recommendation.objects.get(report__title="Inquiry into external placements", number=4)
    due.report_back_meeting = meeting
    due.save()
    when = f"{meeting.date.day} {meeting.date:%B %Y}"

    sign_in(page, audit, "member")
    expect(page.get_by_role("heading", name="Upcoming meetings")).to_be_visible()
    meeting_heading = page.get_by_role("heading", name=f"{BOARD}, {when}")
    expect(meeting_heading).to_be_visible()
    # What is due there: the list under the meeting's heading. Recommendation 4 is named
    # for it; report-backs the board has not yet taken (the demo is historical) are carried
    # to it too, by the rule every page and paper uses.
    expected = recommendations_due_for_meeting(meeting).count()
    assert expected >= 1
    due_there = meeting_heading.locator("xpath=following-sibling::*[1]")
    expect(due_there.get_by_role("listitem")).to_have_count(min(expected, 10))
    expect(due_there).to_contain_text("Recommendation 4, Inquiry into external placements")
    meeting_link = meeting_heading.get_by_role("link")

    meeting_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Meeting, {when}")
    expect(page.get_by_role("table")).to_contain_text("Recommendation 4")
    audit.check()

    pdf_link = page.get_by_role(
        "link", name=re.compile(r"PDF of the (recommendation )?tracking report", re.I)
    )
    expect(pdf_link).to_be_visible()
    pdf_url = urljoin(page.url, pdf_link.get_attribute("href"))
    with page.expect_response(pdf_url, timeout=60_000) as response_info:
        pdf_link.click()
    response = response_info.value
    assert response.ok, response.status
    assert response.headers["content-type"] == "application/pdf"
    # Chromium shows the PDF in its viewer (the response body Playwright sees is the
    # viewer's page), so save the file as "Download" would: with the member's session.
    download = page.context.request.get(pdf_url)
    assert download.headers["content-type"] == "application/pdf"
    pdf = download.body()
    assert pdf.startswith(b"%PDF"), pdf[:20]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages)
    assert "Recommendation 4" in text
    (tmp_path / "tracking-report.pdf").write_bytes(pdf)
    audit.not_html(pdf_url)

    # Back to the meeting page the member downloaded it from.
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Meeting, {when}")
    audit.check()
    screenshot(page, "journey-4-member-downloads-tracking-report")


def test_journey_5_public_sees_published_work_but_no_draft(demo, awaiting_response, page, audit):
    ours, _ = awaiting_response
    secret = "DRAFT ONLY: we are minded to reject this but have not decided."
    draft = ResponseFactory(recommendation=ours, text=secret)
    agreed = Response.objects.get(
        recommendation__report__title="Inquiry into external placements",
        recommendation__number=1,
    )
    assert agreed.state == ResponseState.AGREED

    page.goto("/")
    audit.check()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()

    # The draft: its address answers "Page not found", exactly as an address that holds
    # nothing (a draft's very existence is private), with a sign-in form for those who
    # have an account; its words are nowhere to be read.
    page.goto(f"/responses/{draft.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text(secret)
    audit.check()
    page.goto("/")
    page.get_by_role("link", name="Browse all published recommendations").click()
    audit.check()
    page.get_by_label("Search").fill("persistent absence")
    page.get_by_role("button", name="Apply filters").click()
    audit.check()
    page.get_by_role("link", name=re.compile(r"^Recommendation 1 of School attendance")).click()
    expect(page.get_by_role("main")).to_contain_text(ours.text)
    expect(page.locator("body")).not_to_contain_text(secret)
    expect(page.locator("body")).not_to_contain_text("minded to reject")
    audit.check()

    # The published recommendation and its agreed response.
    page.goto("/")
    page.get_by_role("link", name="Inquiry into external placements").first.click()
    audit.check()
    page.get_by_role("table", name="Recommendations").get_by_role(
        "link", name=re.compile(r"^Recommendation 1 of")
    ).click()
    main = page.get_by_role("main")
    expect(main).to_contain_text(agreed.recommendation.text[:60])
    expect(main).to_contain_text(agreed.text.split("\n")[0][:60])
    audit.check()
    page.get_by_role("link", name="Read the full response").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Response to recommendation 1")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Agreed")
    expect(main).to_contain_text(" ".join(agreed.text.split()[:12]))
    audit.check()
    screenshot(page, "journey-5-public-reads-agreed-response")


def test_journey_6_officer_withdraws_a_recommendation_and_restores_it(
    demo, awaiting_response, page, audit
):
    ours, _ = awaiting_response
    sign_in(page, audit, "officer")
    page.goto(ours.get_absolute_url())
    audit.check()
    page.get_by_role("link", name=re.compile(r"^Withdraw")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Withdraw it from the record")
    audit.check()
    page.get_by_role("button", name="Withdraw").click()  # no reason yet
    expect(page.get_by_role("alert").first).to_contain_text("Enter why it is being withdrawn")
    audit.check()
    page.get_by_label("Why is it being withdrawn?").fill("Entered twice by mistake")
    page.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_role("region", name="Withdrawn")).to_contain_text("Entered twice by mistake")
    audit.check()

    # Gone from the report's list and from the list of all recommendations.
    page.goto(ours.report.get_absolute_url())
    audit.check()
    expect(page.get_by_role("main")).not_to_contain_text(ours.text)
    page.goto("/")
    audit.check()
    page.get_by_role("link", name="Withdrawn from the record").click()
    audit.check()
    page.get_by_role("link", name=re.compile(r"^Recommendation 1, School attendance")).click()
    audit.check()
    page.get_by_role("button", name="Restore it").click()
    expect(success_banner(page)).to_contain_text("restored to the record")
    audit.check()
    page.goto(ours.report.get_absolute_url())
    expect(page.get_by_role("table", name="Recommendations")).to_contain_text("Recommendation 1")
    audit.check()
    screenshot(page, "journey-6-officer-withdraws-and-restores")
    ours.refresh_from_db()
    assert not ours.is_withdrawn
    assert "Entered twice by mistake" in ours.history.values_list("withdrawn_reason", flat=True)


def test_journey_7_officer_returns_a_response_and_the_director_corrects_it(
    demo, awaiting_response, page, context, audit
):
    from tests.factories import submitted_response

    ours, _ = awaiting_response
    response = submitted_response(ours, text="Accepted, with the wrong service named.")
    sign_in(page, audit, "officer")
    page.goto(response.get_absolute_url())
    audit.check()
    page.get_by_role("link", name="Return it to the directorate").click()
    audit.check()
    page.get_by_label("What needs correcting?").fill("It names the wrong service.")
    page.get_by_role("button", name="Return the response").click()
    expect(success_banner(page)).to_contain_text("Response returned to the directorate")
    audit.check()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, audit, "director")
    page.goto(response.get_absolute_url())
    expect(page.get_by_role("main")).to_contain_text("It names the wrong service.")
    audit.check()
    page.get_by_role("link", name="Edit the draft").click()
    audit.check()
    page.get_by_role("textbox", name="Response").fill("Accepted. The attendance service leads.")
    page.get_by_role("button", name="Continue").click()
    audit.check()
    page.get_by_role("button", name="Submit response").click()
    expect(success_banner(page)).to_contain_text("Response submitted")
    audit.check()
    # Back to the form after submitting: the response, not a refusal.
    page.go_back()
    page.go_back()
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Response to recommendation 1")
    audit.check()
    screenshot(page, "journey-7-director-corrects-returned-response")
    response.refresh_from_db()
    assert response.state == ResponseState.SUBMITTED
    assert response.text == "Accepted. The attendance service leads."


def test_journey_8_officer_agrees_a_reports_responses_at_a_meeting(
    demo, awaiting_response, page, audit
):
    from tests.factories import submitted_response

    ours, _ = awaiting_response
    response = submitted_response(ours, text="Accepted in full.")
    meeting = Meeting.objects.filter(committee__name=BOARD).order_by("-date").first()
    sign_in(page, audit, "officer")
    waiting = page.get_by_role("heading", name=re.compile("waiting for the board's agreement"))
    expect(waiting).to_be_visible()
    page.get_by_role("link", name="School attendance: final report").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record the responses the board agreed"
    )
    audit.check()
    expect(page.get_by_role("checkbox", name=re.compile("Recommendation 1"))).to_be_checked()
    page.get_by_label("At which meeting?").select_option(
        label=f"{meeting.date.day} {meeting.date:%B %Y}"
    )
    page.get_by_role("button", name="Record as agreed").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("1 response agreed")
    audit.check()
    screenshot(page, "journey-8-officer-agrees-responses")
    response.refresh_from_db()
    assert response.state == ResponseState.AGREED
    assert response.agreed_at_meeting == meeting


def test_journey_9_director_responds_to_a_whole_report_on_one_page(
    demo, awaiting_response, page, audit
):
    ours, theirs = awaiting_response
    also_ours = RecommendationFactory(
        report=ours.report,
        number=3,
        directorate=ours.directorate,
        text="That the director publishes attendance figures each term.",
    )
    sign_in(page, audit, "director")
    menu(page, "Your worklist").click()
    audit.check()
    page.get_by_role(
        "link", name=re.compile("on one page.*School attendance: final report")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Respond to School attendance: final report"
    )
    expect(page.get_by_role("main")).to_contain_text(ours.text)
    expect(page.get_by_role("main")).to_contain_text(also_ours.text)
    expect(page.get_by_role("main")).not_to_contain_text(theirs.text)
    audit.check()

    first = page.get_by_role("region", name="Recommendation 1")
    first.get_by_role("radio", name="Accepted", exact=True).check()
    first.get_by_role("textbox", name="Response").fill("Accepted. A report will follow.")
    third = page.get_by_role("region", name="Recommendation 3")
    third.get_by_role("radio", name="Not accepted", exact=True).check()
    third.get_by_role("textbox", name="Response").fill("Not accepted: figures are monthly.")
    page.get_by_role("button", name="Save drafts").click()
    expect(success_banner(page)).to_contain_text("2 draft responses saved")
    audit.check()

    page.get_by_role("button", name="Continue to check your responses").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your responses before submitting them"
    )
    expect(page.get_by_role("main")).to_contain_text("Not accepted: figures are monthly.")
    audit.check()
    page.get_by_role("button", name="Submit all 2 responses").click()
    expect(success_banner(page)).to_contain_text("2 responses submitted")
    audit.check()
    screenshot(page, "journey-9-director-responds-to-a-whole-report")
    assert set(
        Response.objects.filter(recommendation__in=[ours, also_ours]).values_list(
            "state", flat=True
        )
    ) == {ResponseState.SUBMITTED}
    assert not Response.objects.filter(recommendation=theirs).exists()
