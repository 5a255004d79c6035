"""A backup restores into an empty database as the same record."""

import shutil

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations import tally
from scrutiny.backup import EXCLUDED, record_models
from tests.factories import RecommendationFactory


def row_counts() -> dict[str, int]:
    """The rows of the record (not the tally of statuses, counted again on restore)."""
    return {
        model._meta.label: model.objects.count()
        for model in record_models()
        if model._meta.label not in EXCLUDED
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_as_the_same_record(tmp_path):
    call_command("load_demo", verbosity=0)
    before, statuses_before = row_counts(), tally.totals_by_status()
    backup = tmp_path / "backup.json"
    call_command("backup", output=str(backup))

    call_command("flush", interactive=False, verbosity=0)
    assert all(count == 0 for label, count in row_counts().items() if "TrackingStatus" not in label)
    call_command("restore", str(backup))

    assert row_counts() == before
    # The tally is not in the backup: the restore counted it again from the rows, and
    # keeps it from now on.
    assert tally.missing_triggers() == set()
    assert {key: total for key, total in tally.totals_by_status().items() if total} == {
        key: total for key, total in statuses_before.items() if total
    }
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


# --- Issue 12, finding 10 ------------------------------------------------------------


@pytest.mark.django_db
def test_a_backup_is_readable_by_its_owner_only(tmp_path):
    backup = tmp_path / "backup.json"
    call_command("backup", output=str(backup))
    assert backup.stat().st_mode & 0o777 == 0o600


@pytest.mark.django_db
def test_a_backup_over_an_existing_world_readable_file_is_made_owner_only(tmp_path):
    backup = tmp_path / "backup.json"
    backup.write_text("old")
    backup.chmod(0o644)
    call_command("backup", output=str(backup))
    assert backup.stat().st_mode & 0o777 == 0o600


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("name", ["x.bak", "backup", "nightly.backup.2012-07-19"])
def test_a_backup_restores_whatever_its_file_is_called(tmp_path, name):
    call_command("load_demo", verbosity=0)
    before = row_counts()
    backup = tmp_path / name
    call_command("backup", output=str(backup))
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(backup))
    assert row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b'[{"model": "recommendations.directorate", "pk": 1, "fie', "not a whole backup"),
        (b"\x89PNG\r\n\x1a\n\x00\x00garbage", "not a backup"),
        (b'{"hello": "world"}', "not a backup made by"),
        (b"[1, 2, 3]", "not a backup made by"),
    ],
    ids=["empty", "truncated", "binary", "other-json", "list-of-numbers"],
)
def test_a_file_that_is_not_a_whole_backup_gets_a_clear_message(tmp_path, content, message):
    bad = tmp_path / "backup.json"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(bad))


@pytest.mark.django_db
def test_a_backup_of_the_wrong_records_changes_nothing(tmp_path):
    bad = tmp_path / "backup.json"
    bad.write_text('[{"model": "recommendations.nosuchmodel", "pk": 1, "fields": {}}]')
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("restore", str(bad))
    assert tally.missing_triggers() == set()  # dropped for the load, back with the rollback


# --- Issue 14: a backup at any size ---------------------------------------------------

POSTGRESQL_TOOLS = pytest.mark.skipif(
    connection.vendor != "postgresql" or not shutil.which("pg_dump"),
    reason="PostgreSQL with its client tools only",
)


def _queries_of_a_backup(tmp_path) -> int:
    with CaptureQueriesContext(connection) as queries:
        call_command("backup", output=str(tmp_path / "backup"))
    return len(queries)


@pytest.mark.django_db
def test_a_backup_makes_the_same_queries_for_3_recommendations_as_for_30(
    tmp_path, published_report
):
    few = _queries_of_a_backup(tmp_path)
    for number in range(4, 31):
        RecommendationFactory(report=published_report, number=number)
    assert _queries_of_a_backup(tmp_path) == few


@POSTGRESQL_TOOLS
@pytest.mark.django_db
def test_on_postgresql_a_backup_is_pg_dumps_own_format(tmp_path):
    backup = tmp_path / "backup"
    call_command("backup", output=str(backup))
    assert backup.read_bytes().startswith(b"PGDMP")


@POSTGRESQL_TOOLS
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_cut_short_postgresql_backup_changes_nothing(tmp_path):
    call_command("load_demo", verbosity=0)
    backup = tmp_path / "backup"
    call_command("backup", output=str(backup))
    call_command("flush", interactive=False, verbosity=0)
    content = backup.read_bytes()
    backup.write_bytes(content[: len(content) * 2 // 3])
    statuses = list(apps.get_model("recommendations", "TrackingStatus").objects.values("name"))
    with pytest.raises(CommandError, match="(nothing was changed|Nothing was changed)"):
        call_command("restore", str(backup))
    assert all(count == 0 for label, count in row_counts().items() if "TrackingStatus" not in label)
    assert (
        list(apps.get_model("recommendations", "TrackingStatus").objects.values("name")) == statuses
    )
    assert tally.missing_triggers() == set()  # dropped for the load, back with the rollback
