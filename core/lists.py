"""Bounded lists: what a page shows of something that can grow without limit."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, Expression, F, IntegerField, OrderBy, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from core.numbers import thousands


class Counted:
    """Some items shown of `total` in all (counted up to a cap: `capped` says counting
    stopped there). Shared by the shortlists and the worklist."""

    items: list
    total: int
    capped: bool

    @property
    def total_label(self) -> str:
        """ "1,250", or "over 1,000" when counting stopped (see count_capped)."""
        return f"over {thousands(self.total)}" if self.capped else thousands(self.total)

    @property
    def more(self) -> int:
        return self.total - len(self.items)

    def __bool__(self) -> bool:
        return self.total > 0


@dataclass
class Shortlist(Counted):
    """The first few of a list and how many there are in all ("12 of 340 shown")."""

    items: list = field(default_factory=list)
    total: int = 0
    capped: bool = False  # there are more than `total`: counting stopped there

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)


# Home pages and worklists count what needs attention up to this many and then say "over
# 1,000": counting further would cost the page in proportion to the whole record, and
# the full lists (which page through everything) give the exact figure.
COUNT_CAP = 1000


def capped(found: int, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """A count of rows read no further than `cap` + 1, as lists give it: (count, whether
    counting stopped at the cap)."""
    return min(found, cap), found > cap


def count_capped(queryset: QuerySet, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many rows, counting no further than `cap`: (count, whether it stopped)."""
    # Unordered: which rows fill the cap does not change how many there are, and a sort
    # would make the database find and order every qualifying row first.
    return capped(queryset.order_by()[: cap + 1].count(), cap)


def first_ids_capped(
    queryset: QuerySet, limit: int, cap: int = COUNT_CAP
) -> tuple[list[int], int, bool]:
    """The first `limit` ids of an ordered list and how many rows it has, counting no
    further than `cap` (as `count_capped`): (ids, count, whether counting stopped), in one
    query, for a list whose order no index serves. The database then sorts every
    qualifying row for the first ids anyway, and reading up to `cap` + 1 of them from that
    sort costs less than a second query that finds the rows again to count them: at
    100,000 recommendations the home pages' attention lists took half the time where they
    hold fewer than `cap`, and the same where they hold more.

    Where an index serves the order, the first ids are read by walking it and stopping,
    and reading `cap` + 1 of them costs more than an unordered count that stops at the
    cap (a directorate's worklist): use `count_capped` there."""
    ids = list(queryset.values_list("pk", flat=True)[: cap + 1])
    return ids[:limit], *capped(len(ids), cap)


def shortlist_capped(
    queryset: QuerySet, limit: int, *, rows: QuerySet, cap: int = COUNT_CAP
) -> Shortlist:
    """The first `limit` rows of an ordered list and how many it has, counting no further
    than `cap` (`first_ids_capped`), the rows read from `rows` (which says what to load
    with them): two queries, the first of them the ids alone."""
    ids, total, stopped = first_ids_capped(queryset, limit, cap)
    loaded = rows.in_bulk(ids) if ids else {}
    # A row gone between the two queries (deleted meanwhile) is left out, not an error.
    return Shortlist([loaded[pk] for pk in ids if pk in loaded], total, stopped)


def _count_columns(subsets: dict[str, Q]) -> dict[str, str]:
    """Each count a list gives ("total", then each named subset) and the column that holds it."""
    return {name: f"shortlist_{name}" for name in ("total", *subsets)}


def _window_counts(subsets: dict[str, Q], partition: list | None = None) -> dict[str, Window]:
    """The window aggregates that count a list's rows in all ("total") and in each named
    subset, over the whole list or each of its parts."""
    filters = {"total": None, **subsets}
    return {
        column: Window(Count("pk", filter=filters[name]), partition_by=partition)
        for name, column in _count_columns(subsets).items()
    }


def _ordering(field_name: str) -> OrderBy:
    descending = field_name.startswith("-")
    column = F(field_name.removeprefix("-"))
    return column.desc() if descending else column.asc()


def first_ids_counted_by(
    queryset: QuerySet, limit: int, *, part: Expression, order: Sequence[str], **subsets: Q
) -> dict[object, tuple[list[int], dict[str, int]]]:
    """For each part of a list (the rows with the same value of `part`): its first `limit`
    ids in `order` and its counts (in all, "total", and in each of the named `subsets`), in
    one query however many parts there are. Parts without rows are absent.

    Ids, not rows: every qualifying row is ranked and counted, so the database does that
    with the columns of the order alone, and the caller reads the few rows it shows.

    The parts are numbered (`part` is an integer expression): the rows are read as the
    database gives them (`_first_of_each_part`), and an integer is one on every database."""
    if not isinstance(getattr(part, "_output_field_or_none", None), IntegerField):
        raise TypeError(f"A list's parts are numbered; {part!r} is not an integer expression")
    partition = [part]
    ranked = queryset.annotate(
        shortlist_part=part,
        shortlist_rank=Window(
            RowNumber(), partition_by=partition, order_by=[_ordering(name) for name in order]
        ),
        **_window_counts(subsets, partition),
    )
    columns = _count_columns(subsets)
    parts: dict[object, tuple[list[int], dict[str, int]]] = {}
    selected = ("pk", "shortlist_part", *columns.values())
    for pk, part_value, *counts in _first_of_each_part(
        ranked.order_by().values_list(*selected, "shortlist_rank"), selected, limit
    ):
        ids, _ = parts.setdefault(part_value, ([], dict(zip(columns, counts, strict=True))))
        ids.append(pk)
    return parts


def _first_of_each_part(ranked: QuerySet, selected: Sequence[str], limit: int) -> list[tuple]:
    """The `selected` columns of the rows of `ranked` whose `shortlist_rank` in their
    `shortlist_part` is `limit` or better, by part and rank.

    Filtering on the window in the ORM (`filter(shortlist_rank__lte=limit)`) makes the
    same query, but Django builds it by compiling the ranked query within two more, which
    took three times as long as compiling the ranked query alone (15 ms of each of the
    work programme's two lists at 100,000 recommendations, more than the database took).
    So the ranked query is compiled once and wrapped here."""
    connection = connections[ranked.db]
    try:
        sql, params = ranked.query.get_compiler(connection=connection).as_sql()
    except EmptyResultSet:  # a condition that matches nothing (`pk__in=[]`): no rows
        return []
    name = connection.ops.quote_name
    columns = ", ".join(name(column) for column in selected)
    part, rank = name("shortlist_part"), name("shortlist_rank")
    with connection.cursor() as cursor:
        cursor.execute(
            # Column names are ours and quoted; every value is a parameter.
            f"SELECT {columns} FROM ({sql}) ranked "  # noqa: S608
            f"WHERE {rank} <= %s ORDER BY {part}, {rank}",
            (*params, limit),
        )
        return cursor.fetchall()


def shortlists_of(querysets: Iterable[QuerySet], limit: int, *, rows: QuerySet) -> list[Shortlist]:
    """The first `limit` rows and how many there are in all, for several lists of the same
    table (a home page's coming meetings):
    each list's first `limit` ids and its count in a narrow query, then the rows of every
    list at once, read from `rows` (which says what to load with them).

    A list whose order no index serves sorts and counts every qualifying row; asked for
    ids alone, the database does that with the columns of the sort, not with every
    joined table's (at 100,000 recommendations a board's backlog of 1,200: 5 ms a list,
    not 9, and one plan of the eight-table join instead of one per list)."""
    ranked = [
        list(
            queryset.annotate(**_window_counts({})).values_list("pk", _count_columns({})["total"])[
                :limit
            ]
        )
        for queryset in querysets
    ]
    wanted = {pk for found in ranked for pk, _ in found}
    loaded = rows.in_bulk(wanted) if wanted else {}
    return [
        # A row gone between the two queries (deleted meanwhile) is left out, not an error.
        Shortlist([loaded[pk] for pk, _ in found if pk in loaded], found[0][1] if found else 0)
        for found in ranked
    ]
