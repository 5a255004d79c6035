"""A director's session ends while they write a long response: the page warns first and
lets them stay signed in; if it ends all the same, what they typed comes back after they
sign in again."""

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from responses.models import Response
from tests.e2e.conftest import DEMO_PASSWORD, screenshot, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LONG_RESPONSE = (
    "Accepted. The directorate will report on persistent absence each term, with the "
    "figures for each school, the actions taken with families and what changed as a result."
)


def test_journey_session_expiry_loses_nothing(demo, awaiting_response, page, audit, settings):
    ours, _ = awaiting_response
    sign_in(page, audit, "director")
    page.goto(f"/recommendations/{ours.pk}/response/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Draft the response")
    audit.check()
    page.get_by_role("radio", name="Accepted", exact=True).check()
    page.get_by_role("textbox", name="Response").fill(LONG_RESPONSE)

    # The session ends (the director went to a meeting) and they press "Save draft".
    Session.objects.all().delete()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page.get_by_role("main")).to_contain_text("What you typed has been kept")
    audit.check()
    assert not Response.objects.filter(recommendation=ours).exists()

    page.get_by_label("Username").fill("director")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Draft the response")
    expect(page.get_by_role("textbox", name="Response")).to_have_value(LONG_RESPONSE)
    expect(page.get_by_role("radio", name="Accepted", exact=True)).to_be_checked()
    expect(page.get_by_role("main")).to_contain_text("what you typed before your session ended")
    audit.check()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("main")).to_contain_text("Draft saved")
    audit.check()
    assert Response.objects.get(recommendation=ours).text == LONG_RESPONSE
    screenshot(page, "journey-6-session-expiry-recovery")


def test_journey_the_page_warns_before_the_session_ends(demo, page, audit, settings):
    # A short session, so the two-minute warning comes after a few seconds.
    settings.SESSION_COOKIE_AGE = 123
    sign_in(page, audit, "director")
    banner = page.locator("#app-session-banner")
    expect(banner).to_contain_text("You will be signed out in 2 minutes", timeout=10_000)
    audit.check()
    page.get_by_role("button", name="Stay signed in").click()
    expect(banner).to_be_hidden()
