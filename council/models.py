"""The council's own settings, kept in the database so that an administrator sets the
tracker up in the admin without a developer: environment variables are left for secrets
and infrastructure (see README)."""

import base64

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords


class BankHolidayRegion(models.TextChoices):
    # England and Wales share their bank holidays; `holidays` names the pair "ENG".
    ENGLAND_AND_WALES = "ENG", "England and Wales"
    SCOTLAND = "SCT", "Scotland"
    NORTHERN_IRELAND = "NIR", "Northern Ireland"


class CouncilSettings(models.Model):
    """One row (pk 1): read it through `council.selectors.council_settings()`."""

    SINGLETON_PK = 1

    council_name = models.CharField(
        max_length=200,
        default="Your council",
        help_text="As it appears in the header, the footer and on every board paper.",
    )
    logo = models.BinaryField(blank=True, default=b"", editable=False)
    logo_content_type = models.CharField(max_length=50, blank=True, editable=False)
    bank_holiday_region = models.CharField(
        max_length=3,
        choices=BankHolidayRegion.choices,
        default=BankHolidayRegion.ENGLAND_AND_WALES,
        help_text="Deadlines on this region's bank holidays are flagged (never moved).",
    )
    response_deadline_months = models.PositiveSmallIntegerField(
        "response period (months)",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="The executive responds this many months after it receives a report "
        "(Local Government Act 2000 s.9FE: two). Applies to reports saved from now on.",
    )
    reminder_days_ahead = models.PositiveSmallIntegerField(
        "remind this many days ahead",
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text="Items are 'due soon', and reminded, this many days before they are due.",
    )
    statement_due_days_before_meeting = models.PositiveSmallIntegerField(
        "position statements due (days before the meeting)",
        default=10,
        validators=[MaxValueValidator(90)],
        help_text="Later than this a position statement is 'at risk'.",
    )
    report_back_lookahead_days = models.PositiveSmallIntegerField(
        "worklist looks ahead (days)",
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="How far ahead a directorate's worklist shows report-backs.",
    )
    access_contact = models.CharField(
        "who gives people access",
        max_length=300,
        blank=True,
        help_text="Shown to someone signed in without a role, e.g. "
        "'the scrutiny team (scrutiny@example.gov.uk)'.",
    )
    require_two_factor = models.BooleanField(
        "require two-factor authentication for local accounts",
        default=False,
        help_text="People who sign in with a password here (not the council account) must "
        "set up an authenticator app. Council accounts use the council's own sign-in rules.",
    )
    history = HistoricalRecords(excluded_fields=["logo"])

    class Meta:
        verbose_name = "council settings"
        verbose_name_plural = "council settings"

    def __str__(self) -> str:
        return f"Settings of {self.council_name}"

    def save(self, *args, **kwargs) -> None:
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @property
    def has_logo(self) -> bool:
        return bool(self.logo)

    @property
    def logo_data_url(self) -> str:
        """The logo inline, for board papers (which fetch nothing from the network)."""
        if not self.has_logo:
            return ""
        encoded = base64.b64encode(bytes(self.logo)).decode("ascii")
        return f"data:{self.logo_content_type};base64,{encoded}"
