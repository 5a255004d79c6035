"""The recommendations list's full-text search.

Each recommendation stores what its search reads (`Recommendation.search_document*` and,
on PostgreSQL, the GIN-indexed `search_vector*`): its own words and its parts (weighted
highest), its report's, inquiry's or inspection's title, lead officer and other body, then
the response and position statements. There are two documents because there are two kinds
of reader (`response_states_readable_by`): inside the council, submitted and agreed work;
everyone else, agreed work only. Drafts are in neither: a draft is its directorate's
business until it is submitted.

The documents are rebuilt in the database by one UPDATE (`search_documents_refresh`) on
every write that changes the searched words (the receivers below, connected in
`ResponsesConfig.ready`); `manage.py rebuild_search` rebuilds them all, for rows written
in bulk (imports, the demo) or before this existed.

PostgreSQL ranks with `ts_rank` and highlights with `ts_headline`; SQLite matches every
word as a substring of the document and ranks words in the recommendation's own text
first. Highlights are escaped here and marked with <mark>, never trusted as HTML.
"""

import functools
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import (
    Case,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    QuerySet,
    StringAgg,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.db.models.signals import post_delete, post_save
from django.db.models.sql import UpdateQuery
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from accounts.models import User
from recommendations.models import Inquiry, Recommendation, RecommendationPart, Report

from .models import PositionStatement, Response, ResponseState
from .selectors import response_states_readable_by, response_submitted_exists

CONFIG = "english"
TEXT = TextField()
# At most this many words of a query are searched for (SQLite: one condition each).
MAX_WORDS = 10
# Private-use characters mark a highlighted word until the text is escaped.
START, STOP = "\ue000", "\ue001"
HIGHLIGHT_WORDS = 35
# The two kinds of reader: the states of responses and statements each document holds.
PUBLIC_STATES = [ResponseState.AGREED]
COUNCIL_STATES = [ResponseState.SUBMITTED, ResponseState.AGREED]


def _words(queryset: QuerySet, expression) -> Coalesce:
    """The words of a recommendation's related rows, joined, as a subquery."""
    return Coalesce(
        Subquery(
            queryset.filter(recommendation=OuterRef("pk"))
            .order_by()
            .values("recommendation")
            .annotate(words=StringAgg(expression, delimiter=Value(" "), output_field=TEXT))
            .values("words")[:1]
        ),
        Value(""),
        output_field=TEXT,
    )


def _record_words() -> Concat:
    return Concat(
        F("text"), Value(" "), _words(RecommendationPart.objects, F("text")), output_field=TEXT
    )


def _title_words() -> Concat:
    titles = Report.objects.filter(pk=OuterRef("report_id")).values(
        words=Concat(
            F("title"),
            Value(" "),
            Coalesce(F("inquiry__title"), Value(""), output_field=TEXT),
            Value(" "),
            Coalesce(F("inspection__title"), Value(""), output_field=TEXT),
            output_field=TEXT,
        )
    )
    return Concat(
        Coalesce(Subquery(titles[:1]), Value(""), output_field=TEXT),
        Value(" "),
        F("lead_officer"),
        Value(" "),
        F("other_body"),
        output_field=TEXT,
    )


def _work_words(states: list[str]) -> Concat:
    """The responses and position statements in `states` (never drafts)."""
    return Concat(
        _words(
            Response.objects.filter(state__in=states),
            Concat(F("text"), Value(" "), F("proposed_action"), output_field=TEXT),
        ),
        Value(" "),
        _words(PositionStatement.objects.filter(state__in=states), F("text")),
        output_field=TEXT,
    )


def _document(states: list[str]) -> Concat:
    return Concat(
        _record_words(),
        Value(" "),
        _title_words(),
        Value(" "),
        _work_words(states),
        output_field=TEXT,
    )


def _vector(states: list[str]) -> SearchVector:
    return (
        SearchVector(_record_words(), config=CONFIG, weight="A")
        + SearchVector(_title_words(), config=CONFIG, weight="B")
        + SearchVector(_work_words(states), config=CONFIG, weight="C")
    )


def search_documents_refresh(*, recommendations: QuerySet[Recommendation]) -> int:
    """Rebuild the stored search documents of `recommendations`, and whether each one's
    response is in (`Recommendation.response_is_in`): one UPDATE."""
    set_clause, set_params = _documents_set_clause(connection.vendor)
    targets = Recommendation.objects.filter(pk__in=recommendations.values("pk")).query.chain(
        UpdateQuery
    )
    try:
        where, where_params = targets.get_compiler(connection.alias).compile(targets.where)
    except EmptyResultSet:  # no rows given (an import that created none)
        return 0
    with transaction.mark_for_rollback_on_error(), connection.cursor() as cursor:
        cursor.execute(f"{set_clause} WHERE {where}", (*set_params, *where_params))
        return cursor.rowcount


@functools.cache
def _documents_set_clause(vendor: str) -> tuple[str, tuple]:
    """`UPDATE … SET` the documents, compiled once per process: the same on every write,
    and compiling its nested subqueries cost more than running them (40 ms of Python a
    write on PostgreSQL, against 5 ms to run, docs/performance.md). Every write compiles
    only which rows it touches."""
    values = {
        "response_is_in": response_submitted_exists(),
        "search_document": _document(PUBLIC_STATES),
        "search_document_council": _document(COUNCIL_STATES),
    }
    if vendor == "postgresql":
        values["search_vector"] = _vector(PUBLIC_STATES)
        values["search_vector_council"] = _vector(COUNCIL_STATES)
    update = Recommendation.objects.all().query.chain(UpdateQuery)
    update.add_update_values(values)
    return update.get_compiler(connection.alias).as_sql()


def _columns_for(user: User) -> tuple[str, str]:
    """The document and vector this user's search reads."""
    if ResponseState.SUBMITTED in response_states_readable_by(user):
        return "search_document_council", "search_vector_council"
    return "search_document", "search_vector"


def search_words(value: str) -> list[str]:
    return value.split()[:MAX_WORDS]


def recommendations_matching(
    recommendations: QuerySet[Recommendation], value: str, user: User
) -> QuerySet[Recommendation]:
    """The recommendations whose document (as this user may read it) has every word,
    annotated with `search_rank` (higher is better) and ordered by it."""
    words = search_words(value)
    if not words:
        return recommendations
    document, vector = _columns_for(user)
    if connection.vendor == "postgresql":
        query = SearchQuery(" ".join(words), config=CONFIG, search_type="websearch")
        # As double precision, so that the rank a page link carries compares exactly.
        rank = Cast(SearchRank(F(vector), query), FloatField())
        matching = recommendations.filter(**{vector: query})
    else:
        rank = sum(
            (Case(When(text__icontains=word, then=Value(1)), default=Value(0)) for word in words),
            start=Value(0),
        )
        rank = Cast(rank, IntegerField())
        matching = recommendations
        for word in words:
            matching = matching.filter(**{f"{document}__icontains": word})
    return matching.annotate(search_rank=rank).order_by(
        F("search_rank").desc(), F("report").desc(), "number", "pk"
    )


def _highlight_in_python(text: str, words: list[str]) -> str:
    """SQLite's headline: the stretch of the document around the first match, with every
    match marked."""
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    tokens = text.split()
    first = next((i for i, token in enumerate(tokens) if pattern.search(token)), 0)
    start = max(0, first - HIGHLIGHT_WORDS // 3)
    stretch = " ".join(tokens[start : start + HIGHLIGHT_WORDS])
    return pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", stretch)


def marked(headline: str) -> SafeString:
    """The headline as HTML: everything escaped, then the marked words in <mark>."""
    cleaned = escape(headline)
    return mark_safe(  # noqa: S308 - escaped above; only our own markers become tags
        cleaned.replace(START, '<mark class="app-search-match">').replace(STOP, "</mark>")
    )


def search_highlights(
    recommendation_ids: list[int], value: str, user: User
) -> dict[int, SafeString]:
    """For the page's recommendations: the words that matched, in context, as safe HTML
    (one query, whatever the page's size)."""
    words = search_words(value)
    if not words or not recommendation_ids:
        return {}
    document, _vector_column = _columns_for(user)
    rows = Recommendation.objects.filter(pk__in=recommendation_ids)
    if connection.vendor == "postgresql":
        query = SearchQuery(" ".join(words), config=CONFIG, search_type="websearch")
        headlines = rows.annotate(
            headline=SearchHeadline(
                document,
                query,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=HIGHLIGHT_WORDS,
                min_words=HIGHLIGHT_WORDS // 2,
            )
        ).values_list("pk", "headline")
    else:
        headlines = (
            (pk, _highlight_in_python(text, words)) for pk, text in rows.values_list("pk", document)
        )
    return {pk: marked(headline) for pk, headline in headlines}


# --- Keeping the documents in step with every write --------------------------------


# The recommendation's own columns that its documents read (`_record_words`,
# `_title_words`), by field name and column name as `save(update_fields=...)` may give
# them. A save naming none of them (a tracking decision's status, once for every
# recommendation the board decided on) leaves the documents as they are; a test compares
# this with the columns the compiled UPDATE reads.
RECOMMENDATION_SEARCHED_FIELDS = frozenset(
    {"text", "report", "report_id", "lead_officer", "other_body"}
)


def _refresher(recommendations_of, searched_fields: frozenset[str] | None = None):
    """A receiver that rebuilds the documents of `recommendations_of(instance)`: the
    recommendations whose words the saved or deleted row is part of. With
    `searched_fields`, a save of named fields none of which is searched rebuilds nothing."""

    def refresh(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
        if raw:  # loaddata (restore) brings the documents with the rows
            return
        if (
            searched_fields is not None
            and update_fields is not None
            and searched_fields.isdisjoint(update_fields)
        ):
            return
        search_documents_refresh(recommendations=recommendations_of(instance))

    return refresh


_refresh_recommendation = _refresher(
    lambda row: Recommendation.objects.filter(pk=row.pk), RECOMMENDATION_SEARCHED_FIELDS
)
_refresh_its_recommendation = _refresher(
    lambda row: Recommendation.objects.filter(pk=row.recommendation_id)
)
_refresh_report = _refresher(lambda row: Recommendation.objects.filter(report=row.pk))
_refresh_inquiry = _refresher(lambda row: Recommendation.objects.filter(report__inquiry=row.pk))
_refresh_inspection = _refresher(
    lambda row: Recommendation.objects.filter(report__inspection=row.pk)
)


def connect_receivers() -> None:
    """Called from ResponsesConfig.ready. The inspection is named, not imported: it is a
    layer above, and a report's inspection title is part of its recommendations' words."""
    post_save.connect(_refresh_recommendation, sender=Recommendation, dispatch_uid="search_rec")
    for model in (RecommendationPart, Response, PositionStatement):
        uid = f"search_{model.__name__}"
        post_save.connect(_refresh_its_recommendation, sender=model, dispatch_uid=uid)
        post_delete.connect(_refresh_its_recommendation, sender=model, dispatch_uid=uid)
    post_save.connect(_refresh_report, sender=Report, dispatch_uid="search_report")
    post_save.connect(_refresh_inquiry, sender=Inquiry, dispatch_uid="search_inquiry")
    post_save.connect(
        _refresh_inspection, sender="inspections.Inspection", dispatch_uid="search_inspection"
    )
