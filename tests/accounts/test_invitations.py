import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Role, User
from tests.factories import OfficerFactory

NEW_PASSWORD = "a-long-enough-password-2026"


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def invite(client, **values):
    data = {"first_name": "Nigel", "last_name": "Richardson", "email": "nigel@council.example"}
    return client.post(reverse("accounts:invite"), {**data, **values})


def upload(client, text: str):
    file = SimpleUploadedFile("people.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("accounts:invite_csv"), {"file": file})


def test_an_invited_director_gets_an_email_and_chooses_a_password(
    admin_client, client, directorate_a
):
    response = invite(admin_client, role=Role.DIRECTORATE, directorate=directorate_a.pk)
    assert response.status_code == 302
    user = User.objects.get(email="nigel@council.example")
    assert (user.role, user.directorate, user.get_full_name()) == (
        Role.DIRECTORATE,
        directorate_a,
        "Nigel Richardson",
    )
    assert not user.has_usable_password()
    (email,) = mail.outbox
    assert email.to == ["nigel@council.example"]
    assert "Your username: nigel@council.example" in email.body
    link = re.search(r"http://\S+/sign-in/new-password/\S+", email.body).group(0)
    path = link.split("8000", 1)[1]
    admin_client.logout()
    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.text
    saved = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert saved["Location"] == reverse("password_reset_complete")
    signed_in = client.post(
        reverse("login"), {"username": "nigel@council.example", "password": NEW_PASSWORD}
    )
    assert signed_in["Location"] == reverse("home")


def test_a_director_without_a_directorate_is_a_form_error(admin_client):
    response = invite(admin_client, role=Role.DIRECTORATE)
    assert response.status_code == 200
    assert "Choose the directorate of a director or delegated officer" in response.text
    assert 'value="nigel@council.example"' in response.text
    assert not User.objects.filter(email="nigel@council.example").exists()
    assert not mail.outbox


def test_someone_who_already_has_an_account_is_not_invited_twice(admin_client):
    OfficerFactory(email="Nigel@Council.example")
    response = invite(admin_client)
    assert "Someone with this email address already has an account" in response.text
    assert not mail.outbox


def test_the_invitation_offers_the_council_account_where_it_is_set_up(admin_client, settings):
    settings.OIDC_RP_CLIENT_ID = "tracker"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://login.example/authorize"
    invite(admin_client, role=Role.MEMBER)
    (email,) = mail.outbox
    assert "sign in with it here" in email.body
    assert "/sign-in/council-account/" in email.body


def test_people_are_invited_from_a_csv(admin_client, directorate_a):
    response = upload(
        admin_client,
        "First name,Last name,Email,Role,Directorate\n"
        "Nigel,Richardson,nigel@council.example,director,Children's Services\n"
        "Judith,Blake,judith@council.example,member,\n"
        "Kate,Arscott,kate@council.example,,\n",
    )
    assert response.status_code == 302
    assert {u.email: u.role for u in User.objects.filter(email__endswith="council.example")} == {
        "nigel@council.example": Role.DIRECTORATE,
        "judith@council.example": Role.MEMBER,
        "kate@council.example": "",
    }
    assert len(mail.outbox) == 3


def test_a_bad_row_invites_nobody_and_says_which_row_and_column(admin_client, directorate_a):
    response = upload(
        admin_client,
        "first name,last name,email,role,directorate\n"
        "Nigel,Richardson,nigel@council.example,director,Children's Services\n"
        "Judith,Blake,judith@council.example,director,\n"
        "Kate,Arscott,not-an-email,member,\n"
        "Ann,Other,ann@council.example,mayor,\n",
    )
    assert response.status_code == 200
    text = response.text
    assert "Row 3, column directorate: Choose the directorate" in text
    assert "Row 4, column email: Enter a valid email address" in text
    assert "Row 5, column role: &#x27;mayor&#x27; is not a role" in text
    assert not User.objects.filter(email__endswith="council.example").exists()
    assert not mail.outbox


def test_a_csv_without_the_columns_is_refused(admin_client):
    response = upload(admin_client, "name,address\nNigel,Leeds\n")
    assert "Row 1 must name the columns" in response.text


def test_only_administrators_invite(client, officer):
    client.force_login(officer)
    assert client.get(reverse("accounts:invite")).status_code == 403


def test_the_user_admin_refuses_a_director_without_a_directorate_and_keeps_the_passwords(
    admin_client,
):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "newdirector",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "role": Role.DIRECTORATE,
            "email": "new@council.example",
        },
    )
    assert response.status_code == 200
    assert "Choose the directorate of a director or delegated officer" in response.text
    assert "violated" not in response.text
    assert f'value="{NEW_PASSWORD}"' in response.text
    assert not User.objects.filter(username="newdirector").exists()
