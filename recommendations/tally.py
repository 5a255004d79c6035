"""The counts by status, kept by the database on every write.

The home, board and briefing pages say how many recommendations stand at each status.
Counted from the rows, that read every recommendation in the record (an index-only scan of
100,000 for the officer's home); here the database keeps a tally of them instead, board by
board and status by status, so the count reads a few hundred rows whatever the record's
size.

What is counted is what `Recommendation.objects.active()` holds: not withdrawn, nor of a
withdrawn report, nor of a report of a withdrawn inquiry. Triggers on the recommendations,
reports and inquiries keep it so whatever writes (a form, an import, the admin, a
queryset's update): each adds an entry taking a row's old state out (-1, or minus a
report's or inquiry's recommendations) and one putting its new state in. Only the
columns that decide it fire them (status, withdrawal, report; a report's withdrawal,
inquiry and board; an inquiry's withdrawal), and only when they change. A report or
inquiry cannot be deleted while it has recommendations (PROTECT), so deletes are only
the recommendations' own.

Entries are only ever added, never updated, so two transactions writing to the same
board never wait for each other's tally (a running total per board and status would be
a row that every status change locks until its commit, and two officers saving at once
could deadlock on two of them). A count sums the entries; when there are more than
`FOLD_AFTER`, it folds them into one per board and status first.

tests/recommendations/test_tally.py writes in every way the service does and checks after
each that the tally agrees with counting the rows. A restore (which loads the rows without
their parents in order) counts it again from the rows (`rebuild`), and so does every
`migrate` and `flush` (RecommendationsConfig.ready), since SQLite's flush empties the
tables in no particular order; a test database's flush that restores serialized data
sends no signal, so tests/conftest.py counts it again before each test that commits.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db import connection as default_connection
from django.db.models import Count, Sum

from .models import StatusTally

RECOMMENDATIONS = "recommendations_recommendation"
REPORTS = "recommendations_report"
INQUIRIES = "recommendations_inquiry"
TALLY = "recommendations_statustally"

# A recommendation not yet assessed has no status: its tally row's key is 0 (ids start at 1).
NOT_ASSESSED = 0

_ADD_ENTRIES = f"INSERT INTO {TALLY} (committee_id, status_key, total)"


def _status_key(recommendation: str) -> str:
    """The tally's key for the status of `recommendation` (a row or a table's alias)."""
    return f"COALESCE({recommendation}.current_status_id, {NOT_ASSESSED})"


def _recommendation(row: str, sign: int) -> str:
    """Recommendation `row` (NEW or OLD) counted in (+1) or out (-1) at its board and
    status, if it is active."""
    return f"""
    {_ADD_ENTRIES}
    SELECT p.committee_id, {_status_key(row)}, {sign}
    FROM {REPORTS} p LEFT JOIN {INQUIRIES} i ON i.id = p.inquiry_id
    WHERE p.id = {row}.report_id AND {row}.withdrawn_at IS NULL
      AND p.withdrawn_at IS NULL AND i.withdrawn_at IS NULL
    """


def _report(row: str, sign: int) -> str:
    """The active recommendations of report `row`, if it is active, in or out."""
    return f"""
    {_ADD_ENTRIES}
    SELECT {row}.committee_id, {_status_key("r")}, {sign} * COUNT(*)
    FROM {RECOMMENDATIONS} r
    WHERE r.report_id = {row}.id AND r.withdrawn_at IS NULL AND {row}.withdrawn_at IS NULL
      AND (SELECT i.withdrawn_at FROM {INQUIRIES} i WHERE i.id = {row}.inquiry_id) IS NULL
    GROUP BY {_status_key("r")}
    """


def _inquiry(row: str, sign: int) -> str:
    """The active recommendations of inquiry `row`'s active reports, if it is active."""
    return f"""
    {_ADD_ENTRIES}
    SELECT p.committee_id, {_status_key("r")}, {sign} * COUNT(*)
    FROM {RECOMMENDATIONS} r JOIN {REPORTS} p ON p.id = r.report_id
    WHERE p.inquiry_id = {row}.id AND {row}.withdrawn_at IS NULL
      AND p.withdrawn_at IS NULL AND r.withdrawn_at IS NULL
    GROUP BY p.committee_id, {_status_key("r")}
    """


# (name, event, table, the columns whose change fires it, its statements in order)
TRIGGERS: list[tuple[str, str, str, tuple[str, ...], list[str]]] = [
    ("tally_recommendation_insert", "INSERT", RECOMMENDATIONS, (), [_recommendation("NEW", 1)]),
    ("tally_recommendation_delete", "DELETE", RECOMMENDATIONS, (), [_recommendation("OLD", -1)]),
    (
        "tally_recommendation_update",
        "UPDATE",
        RECOMMENDATIONS,
        ("current_status_id", "withdrawn_at", "report_id"),
        [_recommendation("OLD", -1), _recommendation("NEW", 1)],
    ),
    (
        "tally_report_update",
        "UPDATE",
        REPORTS,
        ("withdrawn_at", "inquiry_id", "committee_id"),
        [_report("OLD", -1), _report("NEW", 1)],
    ),
    (
        "tally_inquiry_update",
        "UPDATE",
        INQUIRIES,
        ("withdrawn_at",),
        [_inquiry("OLD", -1), _inquiry("NEW", 1)],
    ),
]


def _changed(columns: tuple[str, ...], vendor: str) -> str:
    # SQLite's "IS NOT" and PostgreSQL's "IS DISTINCT FROM": unequal, NULLs included.
    unequal = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
    return " OR ".join(f"OLD.{column} {unequal} NEW.{column}" for column in columns)


def _create_statements(vendor: str) -> list[str]:
    statements = []
    for name, event, table, columns, body in TRIGGERS:
        on = f"AFTER {event}{' OF ' + ', '.join(columns) if columns else ''} ON {table}"
        when = f"WHEN ({_changed(columns, vendor)})" if columns else ""
        if vendor == "postgresql":
            statements.append(
                # Its own search path, the migration's: pg_restore empties the session's.
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql "
                "SET search_path FROM CURRENT AS $$ BEGIN "
                + "; ".join(body)
                + "; RETURN NULL; END $$"
            )
            statements.append(
                f"CREATE TRIGGER {name} {on} FOR EACH ROW {when} EXECUTE FUNCTION {name}()"
            )
        else:
            statements.append(
                f"CREATE TRIGGER {name} {on} FOR EACH ROW {when} BEGIN " + "; ".join(body) + "; END"
            )
    return statements


def uninstall_statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [f"DROP FUNCTION IF EXISTS {name}() CASCADE" for name, *_ in TRIGGERS]
    return [f"DROP TRIGGER IF EXISTS {name}" for name, *_ in TRIGGERS]


# Every board's tally counted again from the rows: after a restore, and when first made.
REBUILD = [
    f"DELETE FROM {TALLY}",
    f"""
    {_ADD_ENTRIES}
    SELECT p.committee_id, {_status_key("r")}, COUNT(*)
    FROM {RECOMMENDATIONS} r JOIN {REPORTS} p ON p.id = r.report_id
    LEFT JOIN {INQUIRIES} i ON i.id = p.inquiry_id
    WHERE r.withdrawn_at IS NULL AND p.withdrawn_at IS NULL AND i.withdrawn_at IS NULL
    GROUP BY p.committee_id, {_status_key("r")}
    """,
]


def install_statements(vendor: str) -> list[str]:
    """Make the triggers (again), then count the tally from the rows."""
    return [*uninstall_statements(vendor), *_create_statements(vendor), *REBUILD]


def _run(statements: list[str], connection) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection=default_connection) -> None:
    """A migration's step, and the end of a restore."""
    _run(install_statements(connection.vendor), connection)


def uninstall(connection=default_connection) -> None:
    """A restore's start: loading 100,000 rows one trigger at a time would cost more than
    counting them once at the end (in the same transaction, so a failed restore keeps
    the triggers)."""
    _run(uninstall_statements(connection.vendor), connection)


def rebuild(connection=default_connection) -> None:
    _run(REBUILD, connection)


def rebuild_after_migrate(*, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """After `migrate`, and after a test database's flush (which sends the same signal):
    counted again from the rows, once the tally's migration has made its table."""
    connection = connections[using]
    if TALLY in connection.introspection.table_names():
        rebuild(connection)


def missing_triggers(connection=default_connection) -> set[str]:
    """The tally's triggers the database does not have (none, when all is well)."""
    if connection.vendor == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    with connection.cursor() as cursor:
        cursor.execute(query)
        found = {row[0] for row in cursor.fetchall()}
    return {name for name, *_ in TRIGGERS} - found


def psql_script(statements: list[str]) -> bytes:
    """Statements for psql, in the restore of a pg_dump backup, where pg_restore's script
    has emptied the search path (the triggers' functions keep the one they are made in)."""
    return ("RESET search_path;\n" + "".join(f"{s.strip()};\n" for s in statements)).encode()


# A count that finds more rows than this in the tally folds it first (see `fold`).
FOLD_AFTER = 1000


def totals_by_status(
    committees: Iterable | None = None, *, fold_after: int = FOLD_AFTER
) -> dict[int | None, int]:
    """How many active recommendations stand at each status (None: not yet assessed), on
    every board or on `committees` (ids, boards or a query of boards): one query over at
    most `fold_after` rows; past that, the tally is folded and read again."""
    rows = StatusTally.objects.using(DEFAULT_DB_ALIAS).order_by()
    if committees is not None:
        rows = rows.filter(committee__in=committees)
    summed = rows.values_list("status_key").annotate(total=Sum("total"), entries=Count("pk"))
    found = list(summed)
    if sum(entries for *_, entries in found) > fold_after:
        fold()
        found = list(summed.all())  # read again: `found` was the unfolded tally's
    return {(key or None): total for key, total, _ in found}


def fold(connection=default_connection) -> None:
    """Each board's entries for a status summed into one (and those summing to nothing
    dropped). Every write adds entries and none waits for another to add its own, so
    the tally grows with the writes until a count folds it. The sums are of exactly the
    entries removed: on PostgreSQL one statement removes and sums them, whatever
    commits meanwhile (an entry committed after it began is left for the next fold);
    SQLite lets no one else write during a transaction."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"""
                WITH folded AS (DELETE FROM {TALLY} RETURNING committee_id, status_key, total)
                {_ADD_ENTRIES}
                SELECT committee_id, status_key, SUM(total) FROM folded
                GROUP BY committee_id, status_key HAVING SUM(total) <> 0
                """
            )
            return
        cursor.execute(f"SELECT MAX(id) FROM {TALLY}")
        (last,) = cursor.fetchone()
        cursor.execute(
            f"""
            {_ADD_ENTRIES}
            SELECT committee_id, status_key, SUM(total) FROM {TALLY} WHERE id <= %s
            GROUP BY committee_id, status_key HAVING SUM(total) <> 0
            """,
            [last or 0],
        )
        cursor.execute(f"DELETE FROM {TALLY} WHERE id <= %s", [last or 0])
