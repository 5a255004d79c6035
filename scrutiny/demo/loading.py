"""What every demo loader does: find each object by its natural key and write it only where
it is missing or differs (so loading twice changes nothing), and date the historical
record as the seeds do rather than as the services stamp it (now)."""

from collections.abc import Callable
from datetime import date, datetime, time

from django.db.models import Model
from django.utils import timezone

from accounts.models import User
from recommendations.models import Recommendation
from responses.models import Response
from responses.services import response_agree, response_save_draft, response_submit


def at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def assign(instance: Model, values: dict) -> bool:
    """Set `values` on the instance; say whether any of them differed."""
    changed = False
    for name, value in values.items():
        field = instance._meta.get_field(name)
        if field.many_to_one:  # compare ids: a new instance has no related object to read
            current, wanted = getattr(instance, field.attname), value.pk if value else None
        else:
            current, wanted = getattr(instance, name), value
        if current != wanted:
            setattr(instance, name, value)
            changed = True
    return changed


def upsert(
    model: type[Model], lookup: dict, values: dict, save: Callable[[Model], object]
) -> tuple[Model, bool]:
    """Find by natural key; create or update through `save` only if it is missing or
    differs. Returns the instance and whether it was written."""
    instance = model.objects.filter(**lookup).first()
    created = instance is None
    if created:
        instance = model(**lookup)
    written = assign(instance, values) or created
    if written:
        save(instance)
    return instance, written


def respond_on(
    recommendation: Recommendation, agreed_on: date, *, director: User, officer: User, **fields
) -> Response | None:
    """The director drafts and submits the response, the officer records its agreement, all
    dated `agreed_on` (submitted at 9, agreed at noon). None where it already has one: a
    submitted response is not edited."""
    if recommendation.responses.exists():
        return None
    response = response_save_draft(recommendation=recommendation, user=director, **fields)
    response = response_submit(response=response, user=director)
    response = response_agree(response=response, user=officer)
    Response.objects.filter(pk=response.pk).update(
        created_at=at(agreed_on, 9),
        updated_at=at(agreed_on, 9),
        submitted_at=at(agreed_on, 9),
        agreed_at=at(agreed_on, 12),
    )
    return response
