"""The default mailer as the settings build it from the environment (scrutiny/settings.py):
each case in a process of its own, since settings are read once per process."""

import json

from tests.processes import run_manage

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k" * 20 + "-a-long-random-production-value-" + "9" * 20,
    "DJANGO_ALLOWED_HOSTS": "scrutiny.example.gov.uk",
}
SHOW_MAILER = (
    "import json; from django.core import mail; m = mail.mailers.default; "
    "print(json.dumps({'backend': type(m).__name__, 'module': type(m).__module__, "
    "'host': getattr(m, 'host', None), 'port': getattr(m, 'port', None), "
    "'timeout': getattr(m, 'timeout', None), 'username': getattr(m, 'username', None)}))"
)


def _default_mailer(**environment: str) -> dict:
    result = run_manage("shell", "-c", SHOW_MAILER, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_in_production_mail_goes_by_smtp_to_the_server_named_with_a_time_limit():
    mailer = _default_mailer(
        **PRODUCTION, DJANGO_EMAIL_HOST="smtp.example.gov.uk", DJANGO_EMAIL_PORT="587"
    )

    assert mailer["module"] == "django.core.mail.backends.smtp"
    assert (mailer["host"], mailer["port"], mailer["timeout"]) == ("smtp.example.gov.uk", 587, 30)


def test_the_time_limit_and_credentials_come_from_the_environment():
    mailer = _default_mailer(
        **PRODUCTION,
        DJANGO_EMAIL_TIMEOUT="5",
        DJANGO_EMAIL_HOST_USER="scrutiny",
        DJANGO_EMAIL_HOST_PASSWORD="secret",
    )

    assert (mailer["timeout"], mailer["username"]) == (5, "scrutiny")


def test_a_backend_built_on_smtp_gets_the_smtp_settings_when_asked():
    mailer = _default_mailer(
        **PRODUCTION,
        DJANGO_EMAIL_BACKEND="tests.mail_backends.SigningSmtpBackend",
        DJANGO_EMAIL_SMTP_OPTIONS="true",
        DJANGO_EMAIL_HOST="smtp.example.gov.uk",
    )

    assert mailer["backend"] == "SigningSmtpBackend"
    assert (mailer["host"], mailer["timeout"]) == ("smtp.example.gov.uk", 30)


def test_with_debug_on_mail_is_printed_to_the_console():
    mailer = _default_mailer(DJANGO_DEBUG="true")

    assert mailer["module"] == "django.core.mail.backends.console"
