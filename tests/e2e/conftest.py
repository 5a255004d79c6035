"""Browser tests: Playwright for Python driving Debian's Chromium against the live server.

Playwright's own browser download cannot work here, so the tests launch the system
Chromium (`apt-get install chromium`; `make test` installs it when it is missing).

Every page a journey visits is checked with axe-core (the copy that the
axe-playwright-python wheel ships, so nothing is fetched at run time) for the WCAG 2.0,
2.1 and 2.2 A and AA rules. The `audit` fixture notes each page the browser lands on and,
at the end of the test, fails if a page was visited that was not checked.
"""

import os
import shutil
from datetime import timedelta
from io import StringIO
from pathlib import Path

import axe_playwright_python
import pytest
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from playwright.sync_api import Page, sync_playwright

from recommendations.models import Committee, Directorate
from tests.factories import InquiryFactory, RecommendationFactory, ReportFactory

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DEMO_PASSWORD = "scrutiny-demo-2012"
BOARD = "Scrutiny Board (Children and Families)"
CHILDRENS = "Children's Services"
ENVIRONMENT = "Environment and Neighbourhoods"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def browser(monkeypatch):
    """Chromium, for one test.

    Playwright's sync API keeps an event loop running in this thread while it is started.
    Django then refuses ORM calls (SynchronousOnlyOperation) unless told it is safe, and
    its connections become local to that loop's context rather than to the thread. So
    Playwright runs only around each test: pytest-django sets up and flushes the
    database outside it (the serialized rollback that restores the tracking scale needs
    the thread's own connection), and no test after these ones is touched.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: `apt-get install chromium` "
            "(make test does it), or leave these tests out with -m 'not browser'."
        )
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()  # those the test opened inside Playwright's loop


@pytest.fixture
def fast_passwords(settings):
    """Demo users sign in for real; a cheap hasher keeps loading them quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(fast_passwords, live_server):
    """The demo council (`load_demo`), on the database the live server reads."""
    call_command("load_demo", stdout=StringIO())


@pytest.fixture
def awaiting_response(demo):
    """A report received ten days ago: recommendation 1 for Children's Services and
    recommendation 2 for Environment and Neighbourhoods, neither answered yet."""
    today = timezone.localdate()
    report = ReportFactory(
        inquiry=InquiryFactory(
            committee=Committee.objects.get(name=BOARD), title="Inquiry into school attendance"
        ),
        title="School attendance: final report",
        published_on=today - timedelta(days=14),
        received_on=today - timedelta(days=10),
    )
    ours = RecommendationFactory(
        report=report,
        number=1,
        directorate=Directorate.objects.get(name=CHILDRENS),
        text="That the director of children's services reports on persistent absence.",
    )
    theirs = RecommendationFactory(
        report=report,
        number=2,
        directorate=Directorate.objects.get(name=ENVIRONMENT),
        text="That the director of environment and neighbourhoods reviews school crossings.",
    )
    return ours, theirs


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        locale="en-GB",
        timezone_id="Europe/London",
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()


def format_violations(url: str, violations: list[dict]) -> str:
    """axe's results as a person would want to read them in a failing test."""
    lines = [f"{len(violations)} accessibility rule(s) failed on {url}:"]
    for violation in violations:
        criteria = ", ".join(tag for tag in violation["tags"] if tag.startswith("wcag"))
        lines.append(
            f"\n* {violation['id']} ({violation['impact']}): {violation['help']} [{criteria}]"
        )
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(map(str, node['target']))}")
            lines.append(f"    {node['html'][:200]}")
            for summary in node.get("failureSummary", "").splitlines():
                lines.append(f"      {summary}")
    return "\n".join(lines)


def axe_violations(page: Page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    return page.evaluate(
        "async (tags) => (await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})).violations",
        AXE_TAGS,
    )


class Audit:
    """Checks pages with axe-core and remembers which pages the browser visited."""

    def __init__(self, page: Page):
        self.page = page
        self.visited: list[str] = []
        self.checked: set[str] = set()
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame) -> None:
        if frame == self.page.main_frame and frame.url.startswith("http"):
            self.visited.append(frame.url)

    def findings(self) -> str:
        """axe-core's WCAG 2.2 A/AA violations on the page as it is now, as text ("" if
        there are none)."""
        self.page.wait_for_load_state("load")
        violations = axe_violations(self.page)
        self.checked.add(self.page.url)
        return format_violations(self.page.url, violations) if violations else ""

    def check(self) -> None:
        """No WCAG 2.2 A/AA violations on the page as it is now."""
        findings = self.findings()
        assert not findings, findings

    def not_html(self, url: str) -> None:
        """A visit to a document that is not a web page (a PDF): nothing for axe to check."""
        self.checked.add(url)

    def unchecked(self) -> list[str]:
        return sorted({url for url in self.visited if url not in self.checked})


@pytest.fixture
def audit(page):
    audit = Audit(page)
    yield audit
    missed = audit.unchecked()
    assert not missed, f"Pages visited but not checked with axe-core: {missed}"


def sign_in(page: Page, audit: Audit, username: str) -> None:
    """Sign in from the header's link, as a person would."""
    page.goto("/")
    audit.check()
    page.get_by_role("link", name="Sign in").click()
    audit.check()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()
    audit.check()


def sign_out(page: Page, audit: Audit) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name="Sign in").wait_for()
    audit.check()


def screenshot(page: Page, name: str) -> Path:
    """Keep a picture of a journey's last page under docs/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


def fill_date(page: Page, legend: str, on: str) -> None:
    """Type a date (YYYY-MM-DD) into GOV.UK's day, month and year boxes."""
    year, month, day = on.split("-")
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)
