"""Bounded lists: what a page shows of something that can grow without limit."""

from dataclasses import dataclass, field

from django.db.models import QuerySet


@dataclass
class Shortlist:
    """The first few of a list and how many there are in all ("12 of 340 shown")."""

    items: list = field(default_factory=list)
    total: int = 0

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return self.total > 0

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def shortlist_of(queryset: QuerySet, limit: int) -> Shortlist:
    """The first `limit` rows and the count: two queries, whatever the table holds."""
    return Shortlist(list(queryset[:limit]), queryset.count())
