"""A mail backend for tests: like locmem, but the server refuses one address."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

BROKEN_ADDRESS = "broken@example.gov.uk"
# settings.MAILERS with this backend as the default mailer.
FAILING_MAILERS = {"default": {"BACKEND": "tests.deadlines.failing_backend.EmailBackend"}}


def silent_smtp_mailers(port: int) -> dict:
    """settings.MAILERS sending by SMTP to 127.0.0.1:`port` with a one-second time limit."""
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 1},
        }
    }


class EmailBackend(LocmemBackend):
    def send_messages(self, messages):
        for message in messages:
            if BROKEN_ADDRESS in message.to:
                raise smtplib.SMTPRecipientsRefused({BROKEN_ADDRESS: (550, b"No such mailbox")})
        return super().send_messages(messages)
