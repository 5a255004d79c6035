"""Email: built from a pair of templates and sent through Django's mail backend.

Any app may use it; it imports none of them (callers pass the address, the templates
and the context). It goes through the default mailer (settings.MAILERS), whose SMTP
connection always has a time limit (settings.EMAIL_TIMEOUT_SECONDS), so a mail server
that accepts the connection and never answers cannot hold a worker forever.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def build_message(template: str, *, to: str, context: dict) -> Message:
    """`template` names two templates: `<template>_subject.txt` and `<template>.txt`.
    Callers put the council's name in the context (council_settings(): core reads no app)."""
    context = {**context, "site_url": site_url()}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context)
    return Message(to=to, subject=subject, body=body)


def send_now(message: Message) -> None:
    """Send one email, raising on failure. Callers record the outcome."""
    EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
    ).send(using="default")
