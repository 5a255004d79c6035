"""WCAG 2.2 AA in the browser: the keyboard alone, reflow at 320 CSS px, error states, and
the accessibility statement. (axe-core also checks every page the journeys visit: see
test_journeys.py and the `audit` fixture.)"""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from recommendations.models import Committee, Meeting, Report
from responses.models import Response, ResponseState
from tests.e2e.conftest import (
    AXE_SOURCE,
    AXE_TAGS,
    BOARD,
    DEMO_PASSWORD,
    Audit,
    sign_in,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_VERSION = re.search(r"axe v(\d+\.\d+\.\d+)", AXE_SOURCE).group(1)

FOCUS_VISIBLE = """el => {
  const shows = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
    || (s.boxShadow && s.boxShadow !== 'none');
  if (shows(getComputedStyle(el))) return true;
  // GOV.UK radios and checkboxes draw their focus ring on the label.
  for (const label of el.labels || []) {
    if (shows(getComputedStyle(label, '::before')) || shows(getComputedStyle(label, '::after'))) {
      return true;
    }
  }
  return false;
}"""


def tab_to(page: Page, target: Locator, limit: int = 80) -> None:
    """Press Tab until `target` has the focus, and check that the focus can be seen."""
    target.wait_for(state="attached")
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            assert target.evaluate(FOCUS_VISIBLE), f"No visible focus indicator on {target}"
            return
    pytest.fail(f"{limit} presses of Tab never reached {target}")


def test_director_drafts_and_submits_a_response_with_the_keyboard_alone(
    awaiting_response, page, audit
):
    ours, _ = awaiting_response
    page.goto("/sign-in/")
    audit.check()
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type("director")
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    audit.check()

    # The first Tab on a page reaches the skip link, which moves focus to the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    tab_to(
        page, page.get_by_role("navigation", name="Menu").get_by_role("link", name="Your worklist")
    )
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your worklist")
    audit.check()

    tab_to(page, page.get_by_role("link", name="Draft response to Recommendation 1"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Draft the response")
    audit.check()
    tab_to(page, page.get_by_role("radio", name="Accepted", exact=True))
    page.keyboard.press("Space")
    expect(page.get_by_role("radio", name="Accepted", exact=True)).to_be_checked()
    tab_to(page, page.get_by_role("textbox", name="Response"))
    page.keyboard.type("Accepted. Typed without a mouse.")
    tab_to(page, page.get_by_role("button", name="Save draft"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Draft saved")
    audit.check()
    assert Response.objects.get(recommendation=ours).state == ResponseState.DRAFT

    tab_to(page, page.get_by_role("link", name="Edit the draft"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the draft response")
    audit.check()
    tab_to(page, page.get_by_role("textbox", name="Proposed action"))
    page.keyboard.type("A report to the board in July.")
    tab_to(page, page.get_by_role("button", name="Continue"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your response before submitting it"
    )
    audit.check()
    tab_to(page, page.get_by_role("button", name="Submit response"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Response submitted")
    audit.check()

    response = Response.objects.get(recommendation=ours)
    assert response.state == ResponseState.SUBMITTED
    assert response.text == "Accepted. Typed without a mouse."
    assert response.proposed_action == "A report to the board in July."


# The outermost elements that stick out past the right edge of a 320px viewport.
WIDEST = """() => [...document.querySelectorAll('main *')]
  .filter(el => el.getBoundingClientRect().right > 321)
  .filter(el => !el.parentElement.closest('main *') ||
                el.parentElement.getBoundingClientRect().right <= 321)
  .filter(el => !el.closest('.app-table-wrapper') || getComputedStyle(el).position === 'absolute')
  .slice(0, 5)
  .map(el => `<${el.tagName.toLowerCase()} class="${el.className}"> ` +
             `${Math.round(el.getBoundingClientRect().right)}px`)"""


def reflow_problems(page: Page, audit: Audit, paths: list[str]) -> list[str]:
    """Pages wider than a 320 CSS px viewport (WCAG 1.4.10), and axe's findings there."""
    page.set_viewport_size({"width": 320, "height": 800})
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response.ok, f"{path}: {response.status}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            culprits = page.evaluate(WIDEST)
            problems.append(
                f"{path} is {width}px wide at 320px, so it scrolls sideways: {culprits}"
            )
        if findings := audit.findings():
            problems.append(findings)
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


def public_pages() -> list[str]:
    report = Report.objects.get(title="Inquiry into external placements")
    committee = Committee.objects.get(name=BOARD)
    return [
        "/",
        "/sign-in/",
        "/accessibility/",
        "/recommendations/",
        "/inquiries/",
        "/committees/",
        report.inquiry.get_absolute_url(),
        report.get_absolute_url(),
        report.recommendations.get(number=2).get_absolute_url(),
        committee.get_absolute_url(),
        Meeting.objects.get(committee=committee, date="2012-07-19").get_absolute_url(),
    ]


def test_public_pages_reflow_at_320_css_pixels(demo, page, audit):
    problems = reflow_problems(page, audit, public_pages())
    assert not problems, "\n".join(problems)


def test_officer_pages_reflow_at_320_css_pixels(demo, page, audit):
    sign_in(page, audit, "officer")
    meeting = Meeting.objects.get(committee__name=BOARD, date="2012-07-19")
    report = Report.objects.get(title="Inquiry into external placements")
    paths = [
        "/",
        meeting.get_absolute_url(),
        f"/meetings/{meeting.pk}/tracking/",
        "/inquiries/new/",
        f"/reports/{report.pk}/recommendations/new/",
        report.get_absolute_url(),
    ]
    problems = reflow_problems(page, audit, paths)
    assert not problems, "\n".join(problems)


def test_director_and_member_pages_reflow_at_320_css_pixels(awaiting_response, page, audit):
    ours, _ = awaiting_response
    sign_in(page, audit, "director")
    problems = reflow_problems(
        page, audit, ["/", "/worklist/", f"/recommendations/{ours.pk}/response/new/"]
    )
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, audit, "member")
    problems += reflow_problems(page, audit, ["/", "/recommendations/"])
    assert not problems, "\n".join(problems)


def test_error_states_are_accessible(demo, page, audit):
    """A sign-in that fails, a form sent empty and a page not found: axe finds nothing,
    and the error summary takes the focus so a screen reader announces it."""
    page.goto("/sign-in/")
    audit.check()
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    audit.check()

    sign_in(page, audit, "officer")
    page.goto("/inquiries/new/")
    audit.check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(":focus")).to_contain_text("There is a problem")
    # Each message links to its field.
    page.get_by_role("alert").filter(has_text="There is a problem").get_by_role(
        "link"
    ).first.click()
    expect(page.get_by_label("Committee")).to_be_focused()
    audit.check()

    response = page.goto("/recommendations/999999/")
    assert response.status == 404
    audit.check()


def test_accessibility_statement_says_how_the_service_was_tested(page, audit, live_server):
    page.goto("/")
    audit.check()
    page.get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Accessibility statement")
    audit.check()
    main = page.get_by_role("main")
    expect(main).to_contain_text("WCAG")
    expect(main).to_contain_text(f"axe-core {AXE_VERSION}")
    for tag in AXE_TAGS:
        expect(main).to_contain_text(tag)
    expect(main).to_contain_text("keyboard")
    expect(main).to_contain_text("320")
