"""The audit trail (django-simple-history) and the check that stops lost updates.

Every service stamps the user on what it saves, so each historical row says who made
the change; a `version` number on editable records lets a service refuse a save made
from a form opened before someone else's change, and say what that change was.
"""

from dataclasses import dataclass
from datetime import datetime

import rules
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model
from simple_history.models import DeletedObject


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


def _shown(value) -> str:
    # An empty foreign key comes back from simple-history as a "deleted" object with no pk.
    if value is None or value == "" or (isinstance(value, DeletedObject) and value.pk is None):
        return "—"
    return str(value)


def _changes(model, newer, older) -> list[FieldChange]:
    if older is None:
        return []
    delta = newer.diff_against(older, foreign_keys_are_objs=True)
    return [
        FieldChange(_label(model, change.field), _shown(change.old), _shown(change.new))
        for change in delta.changes
        if change.field not in QUIET_FIELDS
    ]


def _snapshot(instance: Model, record) -> list[FieldChange]:
    """Every filled-in field of one version, each as a change from nothing."""
    changes = []
    for field in type(instance)._meta.concrete_fields:
        if field.primary_key or field.name in QUIET_FIELDS:
            continue
        try:
            value = _shown(getattr(record, field.name, None))
        except ObjectDoesNotExist:  # a related record since deleted
            value = f"Deleted {field.verbose_name}"
        if value != "—":
            changes.append(FieldChange(_label(type(instance), field.name), "—", value))
    return changes


def version_readable(user, record) -> bool:
    """May `user` read this past version of a record? For a model whose versions can be
    private on their own (`versions_are_private`: drafts), the record's "view" rule decides,
    applied to the version as it was then: a draft version is read only by those who may
    read the draft, whatever the record became later. Other versions are as readable as
    the record (checked before its history is shown)."""
    model = record.instance_type
    if not getattr(model, "versions_are_private", False):
        return True
    return record_readable(user, record.instance)


def record_readable(user, instance: Model) -> bool:
    """May `user` read the record itself (its page answers 404 otherwise)?"""
    perm = f"{instance._meta.app_label}.view_{instance._meta.model_name}"
    return not rules.perm_exists(perm) or user.has_perm(perm, instance)


def history_of(instance: Model, *, user=None) -> list[HistoryEntry]:
    """Every recorded change to `instance`, newest first, field by field.

    Given a `user`, only the versions that user may read are shown, each compared with
    the previous version shown: nothing of a version the user may not read (a draft's
    wording, say) appears, not even as the "before" of a later change.
    """
    records = list(
        instance.history.select_related("history_user").order_by("history_date", "history_id")
    )
    shown = records
    if user is not None:
        shown = [record for record in records if version_readable(user, record)]
    entries = []
    previous = None
    for record in shown:
        kind = KINDS.get(record.history_type, record.history_type)
        if previous is None and record is not records[0]:
            # Earlier versions are hidden from this user: show this one whole, as if new.
            kind, changes = f"{kind} (earlier versions are private)", _snapshot(instance, record)
        else:
            changes = _changes(type(instance), record, previous)
        entries.append(
            HistoryEntry(
                when=record.history_date, who=record.history_user, kind=kind, changes=changes
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
