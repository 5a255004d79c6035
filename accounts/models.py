import rules
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .rules import DIRECTORATE_PRIVATE_PERMISSIONS


class Role(models.TextChoices):
    OFFICER = "officer", "Scrutiny officer"
    DIRECTORATE = "directorate", "Director or delegated officer"
    MEMBER = "member", "Member (councillor or co-opted member)"


class User(AbstractUser):
    """A person who signs in. The public never do, so there is no public role."""

    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    directorate = models.ForeignKey(
        "recommendations.Directorate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text="The directorate whose responses this person drafts and submits.",
    )
    job_title = models.CharField(max_length=200, blank=True)
    telephone = models.CharField(max_length=50, blank=True)
    # Role changes are part of the audit trail; sign-ins and password hashes are not.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="directorate_users_have_a_directorate",
                condition=~Q(role="directorate") | Q(directorate__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def clean(self) -> None:
        super().clean()
        if self.role == Role.DIRECTORATE and self.directorate_id is None:
            raise ValidationError(
                {"directorate": "Choose the directorate of a director or delegated officer"}
            )

    def has_perm(self, perm: str, obj=None) -> bool:
        # Django lets a superuser through every permission; drafts are not the
        # administrator's to read or write, so those permissions go to the rules alone.
        if perm in DIRECTORATE_PRIVATE_PERMISSIONS:
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    @property
    def is_officer(self) -> bool:
        return self.is_active and (self.role == Role.OFFICER or self.is_superuser)

    @property
    def is_directorate_user(self) -> bool:
        return self.is_active and self.role == Role.DIRECTORATE and self.directorate_id is not None

    @property
    def is_member(self) -> bool:
        return self.is_active and self.role == Role.MEMBER


class GroupRoleMapping(models.Model):
    """A group the council's identity provider puts people in (a claim value, e.g. an
    Entra ID group's object id or name) and the role, and directorate, it gives here.

    At each sign-in with the council account, the first mapping (in `position` order)
    that matches one of the person's groups sets their role and directorate; someone in
    no mapped group keeps the role an administrator gave them.
    """

    group = models.CharField(
        max_length=200,
        unique=True,
        help_text="Exactly as the identity provider sends it in the groups claim.",
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    directorate = models.ForeignKey(
        "recommendations.Directorate",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="group_mappings",
        help_text="Required for directors and delegated officers.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Where someone is in several mapped groups, the lowest wins."
    )

    class Meta:
        ordering = ["position", "group"]
        verbose_name = "council account group"
        constraints = [
            models.CheckConstraint(
                name="directorate_group_mappings_have_a_directorate",
                condition=~Q(role="directorate") | Q(directorate__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group} → {self.get_role_display()}"

    def clean(self) -> None:
        if self.role == Role.DIRECTORATE and self.directorate_id is None:
            raise ValidationError(
                {"directorate": "Choose the directorate of the directors in this group"}
            )
