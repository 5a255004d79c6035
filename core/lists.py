"""Bounded lists: what a page shows of something that can grow without limit."""

from dataclasses import dataclass, field

from django.db.models import QuerySet


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


def shortlist_of(queryset: QuerySet, limit: int, *, cap: int | None = None) -> Shortlist:
    """The first `limit` rows and the count (up to `cap`, when given): two queries,
    whatever the table holds."""
    if cap is None:
        return Shortlist(list(queryset[:limit]), queryset.count())
    total, capped = count_capped(queryset, cap)
    return Shortlist(list(queryset[:limit]), total, capped)
