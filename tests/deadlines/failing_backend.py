"""A mail backend for tests: like locmem, but the server refuses one address."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

BROKEN_ADDRESS = "broken@example.gov.uk"


class EmailBackend(LocmemBackend):
    def send_messages(self, messages):
        for message in messages:
            if BROKEN_ADDRESS in message.to:
                raise smtplib.SMTPRecipientsRefused({BROKEN_ADDRESS: (550, b"No such mailbox")})
        return super().send_messages(messages)
