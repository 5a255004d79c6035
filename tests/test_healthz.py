"""The health check, and the settings' refusal to run in production on a default key."""

import pytest
from django.db import OperationalError
from django.urls import reverse

from tests.processes import run_manage

MESSAGE = "DJANGO_SECRET_KEY must be set to a long random value when DJANGO_DEBUG is off"


@pytest.mark.django_db
def test_healthz_answers_ok_once_the_database_answers(client):
    response = client.get("/healthz")
    assert reverse("healthz") == "/healthz"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok"
    # Never cached: a proxy must ask every time.
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_does_not_need_a_signed_in_user(client, officer):
    client.force_login(officer, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/healthz").json() == client.get("/healthz").json()


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    class Broken:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr("scrutiny.views.connection", Broken())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert "refused" not in response.content.decode()  # no internals in the answer


def test_without_debug_the_default_secret_key_is_refused():
    result = run_manage("check", DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert MESSAGE in result.stderr


def test_without_debug_a_short_secret_key_is_refused():
    result = run_manage("check", DJANGO_DEBUG="false", DJANGO_SECRET_KEY="too-short")
    assert result.returncode != 0
    assert MESSAGE in result.stderr


def test_without_debug_a_long_secret_key_is_accepted():
    result = run_manage(
        "check",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="k" * 20 + "-a-long-random-production-value-" + "9" * 20,
        DJANGO_ALLOWED_HOSTS="scrutiny.example.gov.uk",
    )
    assert result.returncode == 0, result.stderr
    assert MESSAGE not in result.stderr
