"""The audit trail (django-simple-history) and the check that stops lost updates.

Every service stamps the user on what it saves, so each historical row says who made
the change; a `version` number on editable records lets a service refuse a save made
from a form opened before someone else's change, and say what that change was.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Model


def attribute(instance: Model, user) -> Model:
    """Mark the next save of `instance` as made by `user` in its history."""
    instance._history_user = user
    return instance


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: object
    kind: str  # Created, Changed, Deleted
    changes: list[FieldChange]


KINDS = {"+": "Created", "~": "Changed", "-": "Deleted"}
# Bookkeeping that changes on every save and tells a reader nothing.
QUIET_FIELDS = {"version", "updated_at", "next_report_back_on", "next_report_back_deadline"}


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # noqa: BLE001 - a field since removed from the model
        return name


def _changes(model, newer, older) -> list[FieldChange]:
    if older is None:
        return []
    delta = newer.diff_against(older, foreign_keys_are_objs=True)
    return [
        FieldChange(_label(model, change.field), str(change.old or "—"), str(change.new or "—"))
        for change in delta.changes
        if change.field not in QUIET_FIELDS
    ]


def history_of(instance: Model) -> list[HistoryEntry]:
    """Every recorded change to `instance`, newest first, field by field."""
    records = list(
        instance.history.select_related("history_user").order_by("history_date", "history_id")
    )
    entries = []
    previous = None
    for record in records:
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                kind=KINDS.get(record.history_type, record.history_type),
                changes=_changes(type(instance), record, previous),
            )
        )
        previous = record
    return list(reversed(entries))


class EditConflict(ValidationError):
    """Someone else saved this record after the form was opened."""

    def __init__(self, message: str, *, current_version: int):
        super().__init__(message, code="edit_conflict")
        self.current_version = current_version


class _Unchecked:
    def __repr__(self) -> str:
        return "UNCHECKED"


# Passed by code that is not answering a form (the demo loader, imports, tests' set-up):
# it makes no version check. A form always passes what it was sent, and a form sent
# without its version (None) is refused, never waved through.
UNCHECKED = _Unchecked()

MISSING_VERSION = (
    "This form was sent without saying which version of the record it was opened at, so "
    "it could undo someone else's change. Nothing has been saved and your edits are still "
    "in the form: check them and save again."
)


def check_version(instance: Model, expected_version: "int | None | _Unchecked") -> None:
    """Refuse the save if `instance` (read under a lock) moved on since `expected_version`,
    or if the form did not say which version it was opened at (None)."""
    if expected_version is UNCHECKED or instance.version == expected_version:
        return
    if expected_version is None:
        raise EditConflict(MISSING_VERSION, current_version=instance.version)
    seen = instance.history.filter(version=expected_version).order_by("-history_date").first()
    latest = instance.history.order_by("-history_date").first()
    changes = _changes(type(instance), latest, seen) if seen and latest else []
    who = latest.history_user if latest else None
    described = "; ".join(f"{c.field}: now “{c.new[:200]}”" for c in changes) or "see its history"
    raise EditConflict(
        f"{who or 'Someone'} changed this while you were editing it ({described}). "
        "Your edits have not been saved and are still in the form: check them against "
        "the other change and save again.",
        current_version=instance.version,
    )


# The records whose history officers can read and export, by URL name.
AUDITED_MODELS = {
    "inquiry": "recommendations.Inquiry",
    "report": "recommendations.Report",
    "recommendation": "recommendations.Recommendation",
    "meeting": "recommendations.Meeting",
    "assessment": "recommendations.TrackingAssessment",
    "response": "responses.Response",
    "position-statement": "responses.PositionStatement",
    "user": "accounts.User",
}
