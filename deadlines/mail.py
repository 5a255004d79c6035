"""Building and sending the service's emails (plain text, through Django's backend)."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from accounts.models import User
from council.selectors import council_settings


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def build_message(template: str, *, to: User, context: dict) -> Message:
    """`template` names two templates: `<template>_subject.txt` and `<template>.txt`."""
    context = {
        **context,
        "site_url": site_url(),
        "council_name": council_settings().council_name,
    }
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context)
    return Message(to=to.email, subject=subject, body=body)


def send(message: Message) -> None:
    EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
    ).send()
