"""Numbered items: a report's recommendations, a plan's strands."""

from django.db.models import QuerySet


def next_number(numbered: QuerySet) -> int:
    """The number a new item among `numbered` (its siblings, each with a `number`) takes:
    one after the highest, 1 for the first."""
    highest = numbered.order_by("-number").values_list("number", flat=True).first()
    return (highest or 0) + 1
