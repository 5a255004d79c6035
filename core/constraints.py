"""Database constraints the apps' models share."""

from django.db import models
from django.db.models import F, Q


def dates_in_order(name: str, earlier: str, later: str) -> models.CheckConstraint:
    """`later` is never before `earlier` where both are given: the database's own refusal,
    behind the forms' (core.forms.DatesInOrderMixin)."""
    return models.CheckConstraint(
        name=name,
        condition=Q(**{f"{later}__isnull": True})
        | Q(**{f"{earlier}__isnull": True})
        | Q(**{f"{later}__gte": F(earlier)}),
    )
