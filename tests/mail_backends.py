"""Mail backends for the settings tests."""

from django.core.mail.backends.smtp import EmailBackend as SmtpBackend


class SigningSmtpBackend(SmtpBackend):
    """A council's own backend built on Django's SMTP backend (it might sign each message)."""
