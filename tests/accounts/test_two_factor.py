"""Two-factor authentication for password accounts: TOTP with recovery codes."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import recovery_codes_create
from council.models import CouncilSettings
from tests.factories import PASSWORD


@pytest.fixture
def authenticator(sam):
    return TOTPDevice.objects.create(user=sam, name="Authenticator app", confirmed=True)


def code_now(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def sign_in(client):
    return client.post(reverse("login"), {"username": "sam", "password": PASSWORD})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_without_an_authenticator_the_password_is_enough(client, sam):
    assert sign_in(client)["Location"] == reverse("home")
    assert signed_in(client)


def test_with_an_authenticator_the_password_alone_does_not_sign_in(client, authenticator):
    response = sign_in(client)
    assert response["Location"] == reverse("accounts:two_factor")
    assert not signed_in(client)
    page = client.get(response["Location"])
    assert "Enter the code from your authenticator app" in page.text


def test_the_code_from_the_app_signs_in(client, authenticator):
    sign_in(client)
    response = client.post(reverse("accounts:two_factor"), {"code": code_now(authenticator)})
    assert response["Location"] == reverse("home")
    assert signed_in(client)


def test_a_wrong_code_is_refused_with_a_message(client, authenticator):
    sign_in(client)
    response = client.post(reverse("accounts:two_factor"), {"code": "000000"})
    assert response.status_code == 200
    assert "The code is wrong or has expired" in response.text
    assert not signed_in(client)


def test_wrong_codes_are_throttled_like_wrong_passwords(client, authenticator):
    sign_in(client)
    for _ in range(4):
        client.post(reverse("accounts:two_factor"), {"code": "000000"})
    locked = client.post(reverse("accounts:two_factor"), {"code": "000001"})
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.text
    # Even the right code is refused while locked out.
    again = client.post(reverse("accounts:two_factor"), {"code": code_now(authenticator)})
    assert again.status_code == 429
    assert not signed_in(client)


def test_a_recovery_code_works_once(client, authenticator, sam):
    codes = recovery_codes_create(sam)
    sign_in(client)
    client.post(reverse("accounts:two_factor"), {"code": codes[0]})
    assert signed_in(client)
    client.logout()
    sign_in(client)
    response = client.post(reverse("accounts:two_factor"), {"code": codes[0]})
    assert "The code is wrong or has expired" in response.text
    assert not signed_in(client)


def test_the_code_page_needs_a_right_password_first(client, sam):
    response = client.get(reverse("accounts:two_factor"))
    assert response["Location"] == reverse("login")
    client.post(reverse("accounts:two_factor"), {"code": "123456"})
    assert not signed_in(client)


def test_a_council_that_requires_it_has_password_users_set_up_an_app(client, sam):
    CouncilSettings.objects.create(require_two_factor=True)
    response = sign_in(client)
    assert response["Location"] == reverse("accounts:two_factor")
    page = client.get(response["Location"])
    assert "Set up an authenticator app" in page.text
    assert "<svg" in page.text  # the QR code
    assert not signed_in(client)
    device = TOTPDevice.objects.get(user=sam, confirmed=False)
    confirmed = client.post(reverse("accounts:two_factor"), {"code": code_now(device)})
    assert confirmed["Location"] == reverse("accounts:recovery_codes")
    assert signed_in(client)
    device.refresh_from_db()
    assert device.confirmed
    codes_page = client.get(confirmed["Location"])
    codes = re.findall(r"<li><code>(\w+)</code></li>", codes_page.text)
    assert len(codes) == 10
    # Shown once only.
    assert client.get(reverse("accounts:recovery_codes"))["Location"] == reverse("home")
    client.logout()
    sign_in(client)
    client.post(reverse("accounts:two_factor"), {"code": codes[3]})
    assert signed_in(client)


def test_the_admin_has_no_sign_in_page_of_its_own(client, db):
    response = client.get(reverse("admin:login"))
    assert response["Location"].startswith(reverse("login"))
