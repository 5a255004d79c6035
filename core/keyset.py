"""Seek (keyset) pagination: a page is found from the sort keys of the row before it, so
the last page costs what the first does, and nothing counts or skips the whole table.

The queryset's own order is the order of the pages; the primary key is added as the last
key so every row has one place. Nulls sort last in either direction, as the list's sorts
do. A page link carries the keys of its edge row, encoded (`after=`, `before=`); `last=1`
is the end of the list, read backwards. A link that does not decode is the first page.
"""

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import F, Field, Model, OrderBy, Q, QuerySet

from core.lists import COUNT_CAP, count_capped, first_ids_capped

# Above this many rows, the list says "more than" rather than counting them all (the
# home pages' cap: one figure, so that a count and its list agree).
COUNT_LIMIT = COUNT_CAP


@dataclass(frozen=True)
class Key:
    name: str  # a field path or an annotation
    descending: bool
    nulls_last: bool
    nullable: bool

    def reversed(self) -> "Key":
        return Key(self.name, not self.descending, not self.nulls_last, self.nullable)

    def order(self) -> OrderBy:
        # A key that is never null sorts plainly, so an index on it serves the order.
        nulls = (
            ({"nulls_last": True} if self.nulls_last else {"nulls_first": True})
            if self.nullable
            else {}
        )
        field = F(self.name)
        return field.desc(**nulls) if self.descending else field.asc(**nulls)

    def equal(self, value) -> Q:
        return Q(**{f"{self.name}__isnull": True}) if value is None else Q(**{self.name: value})

    def after(self, value) -> Q:
        """Rows that come after `value` on this key alone."""
        nothing = Q(pk__in=[])
        nulls = Q(**{f"{self.name}__isnull": True}) if self.nullable else nothing
        if value is None:
            return nothing if self.nulls_last else ~Q(**{f"{self.name}__isnull": True})
        beyond = Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": value})
        return beyond | nulls if self.nulls_last else beyond

    def from_value(self, value) -> Q:
        """Rows at or after `value`: the same set as `after` | `equal`, in a form an index
        on the key can start from."""
        if value is None:
            return self.equal(None) | self.after(None)
        start = Q(**{f"{self.name}__{'lte' if self.descending else 'gte'}": value})
        return (
            start | Q(**{f"{self.name}__isnull": True})
            if self.nulls_last and self.nullable
            else start
        )


def _nullable(queryset: QuerySet, name: str) -> bool:
    if "__" in name or name in queryset.query.annotations:
        return True
    try:
        return queryset.model._meta.get_field(name).null
    except FieldDoesNotExist:
        return True


def keys_of(queryset: QuerySet) -> list[Key]:
    keys = []
    for item in queryset.query.order_by or queryset.model._meta.ordering:
        if isinstance(item, OrderBy) and isinstance(item.expression, F):
            name, descending = item.expression.name, item.descending
            nulls_last = not item.nulls_first
        elif isinstance(item, F):
            name, descending, nulls_last = item.name, False, True
        elif isinstance(item, str):
            name, descending, nulls_last = item.lstrip("-"), item.startswith("-"), True
        else:
            raise ValueError(f"Seek pagination needs named sort keys, not {item!r}")
        name = "pk" if name in ("pk", "id") else name
        keys.append(Key(name, descending, nulls_last, _nullable(queryset, name)))
    if not any(key.name == "pk" for key in keys):
        keys.append(Key("pk", False, True, False))
    return keys


def _value_of(row: Model, name: str) -> Any:
    value: Any = row
    for part in name.split("__"):
        if value is None:
            return None
        if part == "pk" or (isinstance(value, Model) and part == value._meta.pk.name):
            value = value.pk
            continue
        value = getattr(value, part)
    return value.pk if isinstance(value, Model) else value


def _encode(row: Model, keys: list[Key]) -> str:
    values = [_value_of(row, key.name) for key in keys]
    text = json.dumps(
        [v.isoformat() if isinstance(v, date | datetime) else v for v in values],
        separators=(",", ":"),
    )
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(cursor: str, keys: list[Key]) -> list | None:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not isinstance(values, list) or len(values) != len(keys):
        return None
    if not all(v is None or isinstance(v, str | int | float) for v in values):
        return None
    return values


def _seek(keys: list[Key], values: list) -> Q:
    """Rows strictly after `values` in the order of `keys`."""
    condition = Q(pk__in=[])
    equal_so_far = Q()
    for key, value in zip(keys, values, strict=True):
        condition |= equal_so_far & key.after(value)
        equal_so_far &= key.equal(value)
    return keys[0].from_value(values[0]) & condition


@dataclass
class KeysetPage:
    object_list: list
    has_previous: bool
    has_next: bool
    is_last: bool = False
    previous_cursor: str = ""
    next_cursor: str = ""
    count: int = 0
    count_is_exact: bool = True
    pages: dict = field(default_factory=dict)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def is_paginated(self) -> bool:
        return self.has_previous or self.has_next


def _values_or_invalid(queryset: QuerySet, keys: list[Key], cursor: str) -> list | None:
    """The cursor's values, each as its sort key's field takes it; None (the first page)
    for a cursor that does not decode or holds a value its key's field refuses (a link
    edited by hand, or carried from a list sorted otherwise), so that it never reaches
    the database as a type or range error."""
    values = _decode(cursor, keys) if cursor else None
    if values is None:
        return None
    try:
        return [
            None if value is None else _field_of(queryset, key.name).clean(value, None)
            for key, value in zip(keys, values, strict=True)
        ]
    except (ValidationError, ValueError, TypeError, FieldDoesNotExist):
        return None


def _field_of(queryset: QuerySet, name: str) -> Field:
    """The model field (or an annotation's output field) a sort key reads."""
    if name in queryset.query.annotations:
        return queryset.query.annotations[name].output_field
    model, field = queryset.model, None
    for part in name.split("__"):
        field = model._meta.pk if part == "pk" else model._meta.get_field(part)
        if field.is_relation:
            model = field.related_model
            field = field.target_field if field.many_to_one or field.one_to_one else field
    return field


def _first_rows(ordered: QuerySet, count: int, *, narrow_first: bool) -> list:
    """The first `count` rows of `ordered`. `narrow_first`: find their ids, then read those
    rows (two queries): where no index serves the order (search ranks every match), the
    database then sorts the matches without carrying every joined column of each."""
    if not narrow_first:
        return list(ordered[:count])
    return _rows_by_id(ordered, list(ordered.values_list("pk", flat=True)[:count]))


def _rows_by_id(ordered: QuerySet, ids: list) -> list:
    rows = {row.pk: row for row in ordered.order_by().filter(pk__in=ids)}
    # A row gone between the two queries (deleted meanwhile) is left out, not an error.
    return [rows[pk] for pk in ids if pk in rows]


def _first_rows_counted(ordered: QuerySet, count: int) -> tuple[list, tuple[int, bool]]:
    """The first `count` rows of a whole list read narrow first (`_first_rows`), and how
    many rows it has, counting no further than COUNT_LIMIT (as `count_capped`): its ids
    are read on to the cap (core.lists.first_ids_capped). The database ranks every match
    to find the first ids anyway, and reading 1,001 of them cost a search's first page
    about 1 ms at 100,000 recommendations, where counting the matches again took 7."""
    ids, total, stopped = first_ids_capped(ordered, count, COUNT_LIMIT)
    return _rows_by_id(ordered, ids), (total, stopped)


def keyset_page(
    queryset: QuerySet, *, per_page: int, params, narrow_first: bool = False
) -> KeysetPage:
    """The page `params` (a request's GET) asks for: `after=`, `before=`, `last=1`, or
    the first page. One query for the rows (two with `narrow_first`, see `_first_rows`)
    and one bounded count (none on the first page of a list read narrow first: its ids
    count it, see `_first_rows_counted`)."""
    keys = keys_of(queryset)
    backwards = [key.reversed() for key in keys]
    counted: tuple[int, bool] | None = None  # how many rows the list has (count_capped)
    after = _values_or_invalid(queryset, keys, params.get("after", ""))
    before = _values_or_invalid(queryset, keys, params.get("before", ""))
    if before is not None:
        rows = _first_rows(
            queryset.filter(_seek(backwards, before)).order_by(*(k.order() for k in backwards)),
            per_page + 1,
            narrow_first=narrow_first,
        )
        has_previous, has_next = len(rows) > per_page, True
        rows = rows[:per_page][::-1]
        is_last = False
    elif params.get("last") and after is None:
        rows = _first_rows(
            queryset.order_by(*(k.order() for k in backwards)),
            per_page + 1,
            narrow_first=narrow_first,
        )
        has_previous, has_next = len(rows) > per_page, False
        rows = rows[:per_page][::-1]
        is_last = True
    else:
        ordered = queryset.order_by(*(k.order() for k in keys))
        if after is not None:
            ordered = ordered.filter(_seek(keys, after))
        if narrow_first and after is None:
            rows, counted = _first_rows_counted(ordered, per_page + 1)
        else:
            rows = _first_rows(ordered, per_page + 1, narrow_first=narrow_first)
        has_previous, has_next = after is not None, len(rows) > per_page
        rows = rows[:per_page]
        is_last = not has_next
    if not rows:
        has_next = False
    count, stopped = counted if counted is not None else count_capped(queryset, COUNT_LIMIT)
    return KeysetPage(
        object_list=rows,
        has_previous=has_previous and bool(rows),
        has_next=has_next,
        is_last=is_last,
        previous_cursor=_encode(rows[0], keys) if rows else "",
        next_cursor=_encode(rows[-1], keys) if rows else "",
        count=count,
        count_is_exact=not stopped,
    )
