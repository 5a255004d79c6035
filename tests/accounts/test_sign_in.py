from django.urls import reverse

from tests.factories import PASSWORD


def sign_in(client, password):
    return client.post(reverse("login"), {"username": "sam", "password": password})


def test_signing_in_with_the_right_password_goes_home(client, sam):
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_a_wrong_password_is_refused_with_a_message(client, sam):
    response = sign_in(client, "wrong")
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_account_with_a_clear_message(client, sam):
    for _ in range(5):
        sign_in(client, "wrong")
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.text
    assert "_auth_user_id" not in client.session


def test_a_success_clears_earlier_failures(client, sam):
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
