"""Export everything the service keeps, and restore it into an empty database.

Two engines, one guarantee (tests/test_backup.py: a backup restores into an empty,
migrated database as the same record):

- on PostgreSQL, when `pg_dump`, `pg_restore` and `psql` of the server's major version
  (or newer) are on the PATH, PostgreSQL's own custom-format dump of the record's
  tables, data only, and its restore in one transaction (minutes at 100,000
  recommendations, where dumpdata took half an hour);
- otherwise (SQLite, or no client tools) Django's JSON dump, with plain primary keys.

Either way the dump holds the content types and permissions too, so every reference to
them restores exactly; the restore replaces the empty database's own.
"""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from recommendations import tally
from recommendations.models import TrackingStatus

# Rebuilt by migrations, or transient, or derived (the tally of statuses, which a restore
# counts again from the rows): not part of the council's record.
EXCLUDED = [
    "sessions",
    "admin.logentry",
    "axes",
    "recommendations.StatusTally",
]

# The first bytes of a pg_dump custom-format file.
PG_DUMP_MAGIC = b"PGDMP"


class RestoreFailed(Exception):
    """The restore did not happen, and nothing was changed."""


def record_models() -> list:
    """The models of the project's own apps: every app that is not Django's or a vendor's."""
    return [
        model
        for config in apps.get_app_configs()
        if config.path.startswith(str(settings.BASE_DIR))
        and not config.path.startswith(str(settings.BASE_DIR / ".venv"))
        for model in config.get_models()
    ]


def database_is_empty() -> bool:
    """True when no row of the record exists (the data migration's default tracking
    scale does not count: a restore replaces it)."""
    return all(
        not model.objects.exists()
        for model in record_models()
        if model is not TrackingStatus and not model._meta.proxy and not _excluded(model)
    )


def _excluded(model) -> bool:
    return model._meta.app_label in EXCLUDED or model._meta.label in EXCLUDED


def backup_tables() -> list[str]:
    """Every table of the backup (the many-to-many ones too), all but EXCLUDED's."""
    return sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy and not _excluded(model)
        }
    )


def replaced_on_restore() -> list[str]:
    """What a freshly migrated database holds that the backup brings its own of."""
    return [ContentType._meta.db_table, Permission._meta.db_table, TrackingStatus._meta.db_table]


# --- PostgreSQL's own tools ------------------------------------------------------------


def _major_version(program: str) -> int | None:
    try:
        output = subprocess.run(
            [program, "--version"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    found = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(found.group(1)) if found else None


def pg_tools_fit() -> bool:
    """pg_dump, pg_restore and psql are on the PATH and not older than the server
    (pg_dump refuses a newer server)."""
    if connection.vendor != "postgresql":
        return False
    connection.ensure_connection()
    server = connection.pg_version // 10000
    tools = ("pg_dump", "pg_restore", "psql")
    return all(shutil.which(tool) for tool in tools) and all(
        (_major_version(tool) or 0) >= server for tool in tools
    )


def _pg_environment() -> dict[str, str]:
    """libpq's environment for the database Django uses (never the password on the
    command line, where other users could see it)."""
    database = connection.settings_dict
    environment = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def pg_dump_to(stream) -> None:
    """Write the record's tables, data only, in pg_dump's custom format to `stream`."""
    tables = [f"--table={table}" for table in backup_tables()]
    subprocess.run(
        ["pg_dump", "--format=custom", "--data-only", "--no-owner", "--no-privileges", *tables],
        stdout=stream,
        stderr=subprocess.PIPE,
        env=_pg_environment(),
        check=True,
    )


def is_pg_dump(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(PG_DUMP_MAGIC)) == PG_DUMP_MAGIC


def pg_dump_check(path: Path) -> None:
    """pg_restore can read the file's table of contents (RestoreFailed if not)."""
    listing = subprocess.run(
        ["pg_restore", "--list", str(path)], capture_output=True, text=True, check=False
    )
    if listing.returncode:
        raise RestoreFailed(listing.stderr.strip() or "pg_restore cannot read it")


def pg_restore_from(path: Path) -> None:
    """Load a `pg_dump_to` file in one transaction: the empty database's own content
    types, permissions and default tracking scale are replaced by the backup's, and
    the whole restore is committed only once pg_restore has read the whole file
    (foreign keys are deferred to the commit: Django makes them so). RestoreFailed,
    with nothing changed, on any error."""
    environment = _pg_environment()
    with tempfile.TemporaryFile() as restore_errors, tempfile.TemporaryFile() as psql_errors:
        psql = subprocess.Popen(
            ["psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--output=/dev/null"],
            stdin=subprocess.PIPE,
            stderr=psql_errors,
            env=environment,
        )
        restore = subprocess.Popen(
            ["pg_restore", "--data-only", "--no-owner", "--no-privileges", "--file=-", str(path)],
            stdout=subprocess.PIPE,
            stderr=restore_errors,
            env=environment,
        )
        try:
            psql.stdin.write(b"BEGIN;\n")
            psql.stdin.write(f"TRUNCATE {', '.join(replaced_on_restore())} CASCADE;\n".encode())
            # The tally of statuses is counted once at the end (see tally.uninstall).
            psql.stdin.write(tally.psql_script(tally.uninstall_statements("postgresql")))
            shutil.copyfileobj(restore.stdout, psql.stdin, 1024 * 1024)
            restored = restore.wait() == 0
            if restored:
                # Statistics first: without them the planner counts the tally by walking
                # an index once per report (13 s at 100,000, not 0.1 s), and the pages
                # would be planned as badly until autovacuum came round.
                psql.stdin.write(b"ANALYZE;\n")
                psql.stdin.write(tally.psql_script(tally.install_statements("postgresql")))
                psql.stdin.write(b"COMMIT;\n")
            # Else no COMMIT: psql ends, and its transaction is rolled back.
            psql.stdin.close()
        except BrokenPipeError:  # psql stopped at an error: its transaction is gone
            restore.kill()
            restore.wait()
            restored = False
        loaded = psql.wait() == 0 and restored
        if not loaded:
            restore_errors.seek(0)
            psql_errors.seek(0)
            message = (psql_errors.read() + restore_errors.read()).decode(errors="replace")
            raise RestoreFailed(message.strip() or "pg_restore or psql failed")
    ContentType.objects.clear_cache()
