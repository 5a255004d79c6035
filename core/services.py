"""The one write every simple piece of the record shares."""

from django.db import transaction
from django.db.models import Model

from .history import attribute


def record_save(*, instance: Model, user) -> Model:
    """Validate and save one piece of the record (a committee, an inquiry, a plan...),
    stamped with `user` in its history so that every write is attributable."""
    instance.full_clean()
    with transaction.atomic():
        attribute(instance, user).save()
    return instance
