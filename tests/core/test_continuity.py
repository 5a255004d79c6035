"""A session that ends while someone is typing loses nothing: the form comes back with
what they typed after they sign in again, for them alone."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import KeptInput
from responses.models import Response
from tests.factories import DirectorateUserFactory
from tests.viewkit import signed_in

pytestmark = pytest.mark.django_db

LONG_TEXT = "The directorate accepts the recommendation. " * 40


def _session_ends():
    Session.objects.all().delete()


def _post_response(client, recommendation):
    url = reverse("responses:response_create", args=[recommendation.pk])
    return url, client.post(url, {"decision": "accepted", "text": LONG_TEXT, "save": "1"})


def test_a_form_posted_after_the_session_ended_comes_back_after_signing_in(
    director_a, recommendation
):
    client = signed_in(director_a)
    url = reverse("responses:response_create", args=[recommendation.pk])
    client.get(url)  # the form is open; the browser knows who signed in
    _session_ends()

    url, refused = _post_response(client, recommendation)
    assert refused.status_code == 302
    assert reverse("login") in refused["Location"]
    assert not Response.objects.exists()
    assert KeptInput.objects.get(user=director_a).path == url

    client.force_login(director_a)
    page = client.get(url).content.decode()
    assert LONG_TEXT.strip() in page
    assert "what you typed before your session ended" in page
    assert not KeptInput.objects.exists()  # put back once, then gone
    assert not Response.objects.exists()  # nothing saved until they choose to


def test_kept_input_is_for_its_author_alone(director_a, recommendation, directorate_a):
    client = signed_in(director_a)
    client.get(reverse("home"))
    _session_ends()
    url, _ = _post_response(client, recommendation)

    colleague = DirectorateUserFactory(username="colleague", directorate=directorate_a)
    client.force_login(colleague)
    assert LONG_TEXT.strip() not in client.get(url).content.decode()
    assert KeptInput.objects.filter(user=director_a).exists()


def test_nothing_is_kept_for_a_browser_nobody_signed_in_on(client, recommendation):
    _post_response(client, recommendation)
    assert not KeptInput.objects.exists()


def test_signing_out_forgets_who_signed_in(director_a, recommendation):
    client = signed_in(director_a)
    client.get(reverse("home"))
    client.post(reverse("logout"))
    _post_response(client, recommendation)
    assert not KeptInput.objects.exists()


def test_staying_signed_in_renews_the_session(director_a, client, settings):
    reply = signed_in(director_a).post(reverse("session_keep_alive"))
    assert reply.status_code == 200
    assert reply.json() == {"signed_in": True, "expires_in": settings.SESSION_COOKIE_AGE}
    assert client.post(reverse("session_keep_alive")).status_code == 401


def test_pages_say_when_the_session_ends(director_a, settings):
    html = signed_in(director_a).get(reverse("home")).content.decode()
    assert f'name="app-session-expires-in" content="{settings.SESSION_COOKIE_AGE}"' in html


# --- Issue 14: no query for kept input on an ordinary page ---------------------------


def _kept_input_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [q["sql"] for q in queries if KeptInput._meta.db_table in q["sql"]]


def test_an_ordinary_signed_in_page_makes_no_query_for_kept_input(director_a, recommendation):
    client = signed_in(director_a)
    url = reverse("responses:response_create", args=[recommendation.pk])
    assert _kept_input_queries(client, url) == []
    assert _kept_input_queries(client, reverse("home")) == []


def test_only_the_form_whose_input_was_kept_looks_for_it_and_only_once(director_a, recommendation):
    client = signed_in(director_a)
    client.get(reverse("home"))
    _session_ends()
    url, _ = _post_response(client, recommendation)
    client.force_login(director_a)
    assert _kept_input_queries(client, reverse("home")) == []
    assert _kept_input_queries(client, url) != []  # put back here
    assert _kept_input_queries(client, url) == []  # and then forgotten
