"""A backup restores into an empty database as the same record."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from scrutiny.backup import record_models


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in record_models()}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_as_the_same_record(tmp_path):
    call_command("load_demo", verbosity=0)
    before = row_counts()
    backup = tmp_path / "backup.json"
    call_command("backup", output=str(backup))

    call_command("flush", interactive=False, verbosity=0)
    assert all(count == 0 for label, count in row_counts().items() if "TrackingStatus" not in label)
    call_command("restore", str(backup))

    assert row_counts() == before
    recommendation = apps.get_model("recommendations", "Recommendation").objects.get(
        report__title="Inquiry into external placements", number=3
    )
    assert recommendation.text.startswith("That the director of children")
    assert recommendation.current_status.name == "Achieved"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_database_that_already_holds_records(tmp_path):
    call_command("load_demo", verbosity=0)
    backup = tmp_path / "backup.json"
    call_command("backup", output=str(backup))
    before = row_counts()
    with pytest.raises(CommandError, match="empty database"):
        call_command("restore", str(backup))
    assert row_counts() == before


@pytest.mark.django_db
def test_restore_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing.json"))
