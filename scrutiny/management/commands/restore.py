import json
import os
import tempfile
from pathlib import Path

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from recommendations import tally
from recommendations.models import TrackingStatus
from scrutiny.backup import (
    RestoreFailed,
    database_is_empty,
    is_pg_dump,
    pg_dump_check,
    pg_restore_from,
    pg_tools_fit,
)


def check_backup_file(path: Path) -> bool:
    """Refuse, with a message saying why, a file that is not a whole backup: empty,
    truncated, or something else altogether. True when the (JSON) backup brings its own
    content types and permissions (older backups named them by natural key)."""
    if path.stat().st_size == 0:
        raise CommandError(f"{path} is empty: it is not a backup. Nothing was changed.")
    if is_pg_dump(path):
        if not pg_tools_fit():
            raise CommandError(
                f"{path} is a PostgreSQL backup (pg_dump): restore it into PostgreSQL, with "
                "pg_restore and psql on the PATH. Nothing was changed."
            )
        try:
            pg_dump_check(path)
        except RestoreFailed as error:
            raise CommandError(
                f"{path} is not a whole backup ({error}). Nothing was changed."
            ) from error
        return True
    try:
        with path.open(encoding="utf-8") as stream:
            data = json.load(stream)
    except UnicodeDecodeError as error:
        raise CommandError(
            f"{path} is not a backup made by `manage.py backup` (it is not text). "
            "Nothing was changed."
        ) from error
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{path} is not a whole backup: it stops or goes wrong at line {error.lineno}, "
            f"column {error.colno} (a copy cut short?). Nothing was changed."
        ) from error
    if not isinstance(data, list) or not all(
        isinstance(row, dict) and "model" in row and "fields" in row for row in data
    ):
        raise CommandError(
            f"{path} is not a backup made by `manage.py backup`. Nothing was changed."
        )
    return any(row["model"] == "contenttypes.contenttype" for row in data)


class Command(BaseCommand):
    help = "Restore a `backup` file (whatever its name) into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A file written by `manage.py backup`.")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file} does not exist.")
        own_content_types = check_backup_file(path)
        if not database_is_empty():
            raise CommandError(
                "The database already holds records: restore only into an empty database "
                "(create it and run `manage.py migrate` first). Nothing was changed."
            )
        if is_pg_dump(path):
            try:
                pg_restore_from(path)
            except RestoreFailed as error:
                raise CommandError(
                    f"{file} could not be restored, and nothing was changed: {error}"
                ) from error
            self.stdout.write(self.style.SUCCESS(f"Restored from {file}."))
            return
        # loaddata picks the format by the file's extension; a backup is JSON whatever it
        # is called, so it is read through an owner-only copy named .json.
        descriptor, copy = tempfile.mkstemp(suffix=".json", prefix="scrutiny-restore-")
        try:
            with os.fdopen(descriptor, "wb") as target, path.open("rb") as source:
                while chunk := source.read(1024 * 1024):
                    target.write(chunk)
            with transaction.atomic():
                # The backup carries the council's own tracking scale: it replaces the default.
                TrackingStatus.objects.all().delete()
                if own_content_types:
                    Permission.objects.all().delete()
                    ContentType.objects.all().delete()
                    ContentType.objects.clear_cache()
                tally.uninstall()  # counted once at the end, not row by row
                call_command("loaddata", copy, verbosity=0)
                tally.install()
        except (DeserializationError, DatabaseError) as error:
            raise CommandError(
                f"{file} could not be restored, and nothing was changed: {error}"
            ) from error
        finally:
            Path(copy).unlink(missing_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Restored from {file}."))
