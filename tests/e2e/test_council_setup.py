"""Issue 15's journey in a real browser: an administrator sets up a new council from an
empty database (council settings, a directorate, a committee and a year of its meetings,
an invitation), and the invited director signs in through the council's OpenID Connect
provider (a real one, served on 127.0.0.1 by tests/oidc_provider.py) and sees the
worklist."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from accounts.models import Role, User
from council.models import CouncilSettings
from recommendations.models import Committee, Directorate, Meeting
from tests.e2e.conftest import fill_date, screenshot
from tests.factories import InquiryFactory, RecommendationFactory, ReportFactory
from tests.oidc_provider import Provider

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADMIN_PASSWORD = "set-up-the-council-2026"
COUNCIL = "Borsetshire County Council"
DIRECTORATE = "Children and Families"
BOARD = "Children and Families Scrutiny Board"


@pytest.fixture
def provider(settings, live_server):
    running = Provider().start()
    for name, value in running.settings().items():
        setattr(settings, name, value)
    settings.SITE_URL = live_server.url
    running.add_person(
        username="n.richardson",
        password="council-account-password",
        email="nigel.richardson@borsetshire.example",
        given_name="Nigel",
        family_name="Richardson",
    )
    yield running
    running.stop()


@pytest.fixture
def administrator(settings, live_server):
    """The one account a new installation starts with (manage.py createsuperuser)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return User.objects.create_superuser("admin", "admin@borsetshire.example", ADMIN_PASSWORD)


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def admin_save(page: Page) -> None:
    page.get_by_role("button", name="Save", exact=True).click()


def test_an_administrator_sets_up_a_council_and_an_invited_director_signs_in(
    administrator, provider, page, audit
):
    assert not Committee.objects.exists() and not Directorate.objects.exists()

    # The administrator signs in with the password made at installation.
    page.goto("/")
    expect(page.get_by_role("link", name="Your council")).to_be_visible()
    audit.check()
    page.get_by_role("link", name="Sign in").click()
    audit.check()
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("button", name="Sign out").wait_for()
    audit.check()

    # Council settings, in the admin.
    page.get_by_role("link", name="Reference data").click()
    audit.check()
    page.goto("/admin/council/councilsettings/")  # the one page of settings
    audit.check()
    page.get_by_label("Council name").fill(COUNCIL)
    page.get_by_label("Bank holiday region").select_option(label="England and Wales")
    page.get_by_label("Response period (months)").fill("2")
    page.get_by_label("Who gives people access").fill(
        "the scrutiny team (scrutiny@borsetshire.example)"
    )
    admin_save(page)
    audit.check()
    assert CouncilSettings.objects.get().council_name == COUNCIL

    # A directorate, in the admin.
    page.goto("/admin/recommendations/directorate/add/")
    audit.check()
    page.get_by_label("Name").fill(DIRECTORATE)
    page.get_by_label("Director title").fill("Director of Children's Services")
    admin_save(page)
    audit.check()

    # A committee and a year of its meetings, on the service's own pages.
    page.goto("/")
    expect(page.get_by_role("link", name=COUNCIL)).to_be_visible()
    audit.check()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Committees").click()
    audit.check()
    page.get_by_role("link", name="Add a committee").click()
    audit.check()
    page.get_by_label("Name").fill(BOARD)
    page.get_by_label("Kind").select_option(label="Scrutiny board")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(heading(page)).to_have_text(BOARD)
    audit.check()
    page.get_by_role("link", name="Add a year's meetings").click()
    expect(heading(page)).to_have_text(f"Add a year's meetings of {BOARD}")
    audit.check()
    first = timezone.localdate() + timedelta(days=(3 - timezone.localdate().weekday()) % 7 + 7)
    fill_date(page, "First meeting", first.isoformat())
    page.get_by_label("Then every … weeks").fill("6")
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Place").fill("County Hall, Borchester")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("meetings added")
    audit.check()
    meetings = Meeting.objects.filter(committee__name=BOARD)
    assert meetings.count() == 9
    assert {meeting.date.weekday() for meeting in meetings} == {3}

    # Inviting the director, from the admin's list of users.
    page.goto("/admin/accounts/user/")
    audit.check()
    page.get_by_role("link", name="Invite someone").click()
    audit.check()
    page.get_by_label("First name").fill("Nigel")
    page.get_by_label("Last name").fill("Richardson")
    page.get_by_label("Email address").fill("nigel.richardson@borsetshire.example")
    page.get_by_label("Role").select_option(label="Director or delegated officer")
    page.get_by_role("button", name="Send the invitation").click()
    # A director without a directorate: the form says so, and keeps what was typed.
    expect(page.get_by_role("alert")).to_contain_text(
        "Choose the directorate of a director or delegated officer"
    )
    expect(page.get_by_label("Email address")).to_have_value("nigel.richardson@borsetshire.example")
    audit.check()
    page.get_by_label("Directorate").select_option(label=DIRECTORATE)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Invitation sent to nigel.richardson@borsetshire.example"
    )
    audit.check()
    (invitation,) = mail.outbox
    assert COUNCIL in invitation.subject
    sign_in_link = re.search(r"http://\S+/sign-in/council-account/", invitation.body).group(0)
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name="Sign in").wait_for()
    audit.check()

    # Meanwhile, the officers enter a report with a recommendation for the directorate.
    report = ReportFactory(
        inquiry=InquiryFactory(committee=Committee.objects.get(name=BOARD)),
        title="Looked after children: final report",
        published_on=date.today() - timedelta(days=7),
        received_on=date.today() - timedelta(days=3),
    )
    RecommendationFactory(
        report=report,
        number=1,
        directorate=Directorate.objects.get(name=DIRECTORATE),
        text="That the director reports on placement stability.",
    )

    # The director follows the email's link and signs in with the council account.
    page.goto(sign_in_link)
    expect(heading(page)).to_have_text("Sign in to your council account")
    audit.check()  # the provider's page
    page.get_by_label("Username").fill("n.richardson")
    page.get_by_label("Password").fill("council-account-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()
    expect(heading(page)).to_have_text("Hello, Nigel Richardson")
    audit.check()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Your worklist").click()
    expect(heading(page)).to_have_text("Your worklist")
    expect(page.get_by_role("table")).to_contain_text(
        "That the director reports on placement stability."
    )
    audit.check()
    screenshot(page, "journey-7-council-setup-director-worklist")

    director = User.objects.get(email="nigel.richardson@borsetshire.example")
    assert (director.role, director.directorate.name) == (Role.DIRECTORATE, DIRECTORATE)
    assert User.objects.count() == 2  # linked by email, not a second account


def test_a_password_user_sets_up_two_factor_when_the_council_requires_it(
    administrator, page, audit
):
    CouncilSettings.objects.create(council_name=COUNCIL, require_two_factor=True)
    page.goto("/sign-in/")
    audit.check()
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(heading(page)).to_have_text("Set up an authenticator app")
    audit.check()
    device = TOTPDevice.objects.get(user=administrator, confirmed=False)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.get_by_label("Code").fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Continue").click()
    expect(heading(page)).to_have_text("Save your recovery codes")
    expect(page.locator(".app-recovery-codes li")).to_have_count(10)
    audit.check()
    screenshot(page, "two-factor-recovery-codes")
    page.get_by_role("link", name="I have saved them: continue").click()
    page.get_by_role("button", name="Sign out").wait_for()
    audit.check()
