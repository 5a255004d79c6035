"""Bounded lists: what a page shows of something that can grow without limit."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Window


class Counted:
    """Some items shown of `total` in all (counted up to a cap: `capped` says counting
    stopped there). Shared by the shortlists and the worklist."""

    items: list
    total: int
    capped: bool

    @property
    def total_label(self) -> str:
        """ "1,250", or "over 1,000" when counting stopped (see count_capped)."""
        return f"over {self.total:,}" if self.capped else f"{self.total:,}"

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


def count_capped(queryset: QuerySet, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many rows, counting no further than `cap`: (count, whether it stopped)."""
    # Unordered: which rows fill the cap does not change how many there are, and a sort
    # would make the database find and order every qualifying row first.
    counted = queryset.order_by()[: cap + 1].count()
    return min(counted, cap), counted > cap


def first_rows_counted(queryset: QuerySet, limit: int, **subsets: Q) -> tuple[list, dict[str, int]]:
    """The first `limit` rows, and how many rows there are in all ("total") and in each
    of the named `subsets`, in one query: the counts are window aggregates, which the
    database takes over every row that qualifies before it applies the LIMIT. For a list
    whose order no index serves (so the database reads every row to sort it anyway) this
    halves the queries and the work of a separate COUNT."""
    names = {"total": "shortlist_total", **{name: f"shortlist_{name}" for name in subsets}}
    rows = list(
        queryset.annotate(
            shortlist_total=Window(Count("pk")),
            **{names[name]: Window(Count("pk", filter=subset)) for name, subset in subsets.items()},
        )[:limit]
    )
    counts = {name: getattr(rows[0], column) if rows else 0 for name, column in names.items()}
    return rows, counts


def shortlist_of(queryset: QuerySet, limit: int) -> Shortlist:
    """The first `limit` rows and how many there are in all: one query, whatever the
    table holds (see first_rows_counted)."""
    rows, counts = first_rows_counted(queryset, limit)
    return Shortlist(rows, counts["total"])
