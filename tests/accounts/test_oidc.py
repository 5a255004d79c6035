"""Signing in with the council account, against a real OpenID Connect provider served
on 127.0.0.1 by the test (tests/oidc_provider.py): real HTTP, signed ID tokens, JWKS."""

from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from django.urls import reverse

from accounts.models import GroupRoleMapping, Role, User
from council.models import CouncilSettings
from tests.factories import DirectorateFactory, OfficerFactory
from tests.oidc_provider import Provider


@pytest.fixture
def provider():
    running = Provider().start()
    yield running
    running.stop()


@pytest.fixture
def oidc(provider, settings, db):
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    return provider


@pytest.fixture
def children(db):
    return DirectorateFactory(name="Children's Services")


@pytest.fixture
def alex(oidc):
    return oidc.add_person(
        username="alex",
        password="provider-password",
        email="Alex.Director@council.example",
        given_name="Alex",
        family_name="Director",
        groups=["sg-childrens-directors"],
    )


class Browser:
    """The browser's side of the flow: the service through Django's test client, the
    provider over HTTP with its own cookies."""

    def __init__(self, client, provider: Provider):
        self.client = client
        self.provider = provider
        self.at_provider = requests.Session()

    def sign_in(self, username: str, password: str):
        start = self.client.get(reverse("accounts:council_sign_in"))
        assert start.status_code == 302
        authorize = start["Location"]
        assert authorize.startswith(f"{self.provider.issuer}/authorize?")
        page = self.at_provider.get(authorize, allow_redirects=False)
        if page.status_code == 302:  # already signed in at the provider
            return self.client.get(page.headers["Location"])
        assert "Sign in to your council account" in page.text
        query = dict(parse_qsl(urlsplit(authorize).query))
        answer = self.at_provider.post(
            f"{self.provider.issuer}/authorize",
            data={**query, "username": username, "password": password},
            allow_redirects=False,
        )
        assert answer.status_code == 302, answer.text
        return self.client.get(answer.headers["Location"])

    def follow_to_provider(self, response):
        """A redirect to the provider (and its answer back to the service) followed."""
        assert response["Location"].startswith(self.provider.issuer)
        answer = self.at_provider.get(response["Location"], allow_redirects=False)
        return answer


@pytest.fixture
def browser(client, oidc):
    return Browser(client, oidc)


def signed_in_user(client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_the_sign_in_page_offers_the_council_account(client, oidc):
    response = client.get(reverse("login"))
    assert "Sign in with your council account" in response.text
    assert reverse("accounts:council_sign_in") in response.text


def test_without_a_provider_there_is_no_council_account_sign_in(client, db):
    assert "council account" not in client.get(reverse("login")).text
    assert client.get(reverse("accounts:council_sign_in")).status_code == 404
    assert client.get(reverse("accounts:council_callback")).status_code == 404


def test_a_first_sign_in_creates_the_account_with_the_mapped_role(browser, alex, children):
    GroupRoleMapping.objects.create(
        group="sg-childrens-directors", role=Role.DIRECTORATE, directorate=children
    )
    response = browser.sign_in("alex", "provider-password")
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    user = signed_in_user(browser.client)
    assert user.email == "Alex.Director@council.example"
    assert (user.first_name, user.last_name) == ("Alex", "Director")
    assert (user.role, user.directorate) == (Role.DIRECTORATE, children)
    assert not user.has_usable_password()
    worklist = browser.client.get(reverse("responses:worklist"))
    assert worklist.status_code == 200


def test_a_first_sign_in_links_the_account_an_administrator_made_by_email(browser, alex):
    made = OfficerFactory(username="a.director", email="alex.director@council.example")
    browser.sign_in("alex", "provider-password")
    user = signed_in_user(browser.client)
    assert user == made
    assert User.objects.count() == 1
    # No mapped group: the role the administrator gave is kept.
    assert user.role == Role.OFFICER


def test_a_mapped_group_changes_the_role_at_the_next_sign_in(browser, alex, children):
    OfficerFactory(username="a.director", email="alex.director@council.example")
    GroupRoleMapping.objects.create(
        group="sg-childrens-directors", role=Role.DIRECTORATE, directorate=children
    )
    browser.sign_in("alex", "provider-password")
    assert signed_in_user(browser.client).role == Role.DIRECTORATE


def test_someone_without_a_role_sees_the_public_pages_and_whom_to_ask(browser, alex):
    CouncilSettings.objects.create(access_contact="the scrutiny team (scrutiny@example.gov.uk)")
    browser.sign_in("alex", "provider-password")
    home = browser.client.get(reverse("home"))
    assert "you do not have a role in the scrutiny process yet" in home.text
    assert "the scrutiny team (scrutiny@example.gov.uk)" in home.text
    assert browser.client.get(reverse("responses:worklist")).status_code == 403


def test_an_account_switched_off_here_is_refused(browser, alex):
    OfficerFactory(username="alex", email="alex.director@council.example", is_active=False)
    response = browser.sign_in("alex", "provider-password")
    assert response["Location"] == reverse("accounts:council_sign_in_failed")
    assert signed_in_user(browser.client) is None
    page = browser.client.get(response["Location"])
    assert "You could not be signed in" in page.text


def test_an_account_switched_off_at_the_provider_cannot_sign_in(browser, alex):
    alex.enabled = False
    response = browser.sign_in("alex", "provider-password")
    assert response["Location"] == reverse("accounts:council_sign_in_failed")
    assert signed_in_user(browser.client) is None
    assert not User.objects.exists()


def test_someone_switched_off_at_the_provider_is_signed_out_at_the_next_check(
    browser, alex, settings
):
    browser.sign_in("alex", "provider-password")
    assert signed_in_user(browser.client) is not None
    alex.enabled = False
    session = browser.client.session
    session["oidc_id_token_expiration"] = 0  # the recheck is due
    session.save()
    recheck = browser.client.get(reverse("home"))
    answer = browser.follow_to_provider(recheck)
    assert "error=login_required" in answer.headers["Location"]
    back = browser.client.get(answer.headers["Location"])
    assert back["Location"] == reverse("accounts:council_sign_in_failed")
    assert signed_in_user(browser.client) is None


def test_a_person_still_enabled_passes_the_recheck_silently(browser, alex):
    browser.sign_in("alex", "provider-password")
    session = browser.client.session
    session["oidc_id_token_expiration"] = 0
    session.save()
    recheck = browser.client.get(reverse("home"))
    answer = browser.follow_to_provider(recheck)
    back = browser.client.get(answer.headers["Location"])
    assert back["Location"] == reverse("home")
    assert signed_in_user(browser.client) is not None


def test_signing_out_ends_the_session_here_and_at_the_provider(browser, alex):
    browser.sign_in("alex", "provider-password")
    response = browser.client.post(reverse("logout"))
    assert signed_in_user(browser.client) is None
    location = response["Location"]
    assert location.startswith(f"{browser.provider.issuer}/logout?")
    assert "id_token_hint=" in location
    answer = browser.at_provider.get(location, allow_redirects=False)
    assert answer.headers["Location"] == "http://testserver/"
    assert not browser.provider.sessions
    # Signing in again asks for the password at the provider.
    start = browser.client.get(reverse("accounts:council_sign_in"))
    page = browser.at_provider.get(start["Location"], allow_redirects=False)
    assert page.status_code == 200


def test_a_password_account_signs_out_without_visiting_the_provider(client, oidc):
    user = OfficerFactory()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("home")


def test_a_forged_code_is_refused_and_counted_by_the_sign_in_throttle(browser, alex):
    def forged_callback():
        start = browser.client.get(reverse("accounts:council_sign_in"))
        state = dict(parse_qsl(urlsplit(start["Location"]).query))["state"]
        return browser.client.get(
            reverse("accounts:council_callback"), {"code": "forged", "state": state}
        )

    for _ in range(4):
        response = forged_callback()
        assert response["Location"] == reverse("accounts:council_sign_in_failed")
    forged_callback()  # the fifth failure
    locked = forged_callback()
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.text
    assert signed_in_user(browser.client) is None
