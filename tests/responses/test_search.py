"""The recommendations' full-text search: what it finds, for whom, in what order, and
how it marks the words that matched. On SQLite and PostgreSQL alike."""

import re
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations import services as record_services
from recommendations.models import Recommendation
from responses import services
from responses.models import Response
from responses.search import (
    RECOMMENDATION_SEARCHED_FIELDS,
    _documents_set_clause,
    recommendations_matching,
    search_documents_refresh,
    search_highlights,
)
from tests.factories import (
    DirectorateUserFactory,
    InquiryFactory,
    MeetingFactory,
    MemberFactory,
    OfficerFactory,
    PositionStatementFactory,
    RecommendationFactory,
    RecommendationPartFactory,
    ReportFactory,
    ResponseFactory,
    agreed_response,
    submitted_response,
    tracking_status,
)

pytestmark = pytest.mark.django_db
PUBLIC = AnonymousUser()


@pytest.fixture
def report(committee):
    return ReportFactory(
        inquiry=InquiryFactory(committee=committee, title="Children's services"),
        title="Looked-after children",
        published_on=date(2012, 2, 1),
        received_on=date(2012, 2, 10),
    )


def found(words: str, user) -> list[int]:
    return list(
        recommendations_matching(Recommendation.objects.all(), words, user).values_list(
            "pk", flat=True
        )
    )


def test_a_recommendation_is_found_by_the_words_of_its_part(report):
    rec = RecommendationFactory(report=report, text="That the council reviews its offer.")
    RecommendationPartFactory(
        recommendation=rec, label="a", text="Offer travel training to every young person."
    )
    RecommendationFactory(report=report, text="That the council trains its staff.")
    assert found("travel training", PUBLIC) == [rec.pk]


def test_a_recommendation_is_found_by_its_inquiry_title(report):
    rec = RecommendationFactory(report=report, text="That the council reviews its offer.")
    assert found("children's services", PUBLIC) == [rec.pk]


def test_a_submitted_response_is_found_inside_the_council_only(report):
    rec = RecommendationFactory(report=report)
    submitted_response(rec, text="We will commission a bursary scheme.")
    assert found("bursary", MemberFactory()) == [rec.pk]
    assert found("bursary", PUBLIC) == []


def test_an_agreed_response_is_found_by_everyone(report):
    rec = RecommendationFactory(report=report)
    agreed_response(rec, text="We will commission a bursary scheme.")
    assert found("bursary", PUBLIC) == [rec.pk]


def test_a_draft_response_or_statement_is_found_by_no_one(report):
    rec = RecommendationFactory(report=report)
    ResponseFactory(recommendation=rec, text="Secret apprenticeship plans.")
    PositionStatementFactory(recommendation=rec, text="Secret apprenticeship progress.")
    assert found("apprenticeship", MemberFactory()) == []
    assert found("apprenticeship", PUBLIC) == []


def test_a_returned_response_leaves_the_council_document(report):
    rec = RecommendationFactory(report=report)
    response = submitted_response(rec, text="We will commission a bursary scheme.")
    response.state = "draft"
    response.save()
    assert found("bursary", MemberFactory()) == []


def test_words_in_the_recommendation_itself_rank_above_words_in_its_titles(committee):
    titled = RecommendationFactory(
        report=ReportFactory(
            inquiry=InquiryFactory(committee=committee), title="Travel assistance review"
        ),
        text="That the council reviews its offer.",
    )
    own = RecommendationFactory(text="That travel assistance is reviewed each year.")
    assert found("travel", PUBLIC) == [own.pk, titled.pk]


def test_the_matching_words_are_marked_and_everything_else_escaped(report):
    rec = RecommendationFactory(
        report=report, text='Fund <script>alert("x")</script> travel training now.'
    )
    [highlight] = search_highlights([rec.pk], "travel", PUBLIC).values()
    # PostgreSQL's headline drops the tag, SQLite's escapes it: neither runs it.
    assert "<script" not in highlight
    assert "alert(&quot;x&quot;)" in highlight
    assert '<mark class="app-search-match">travel</mark>' in highlight


def test_rebuilding_finds_rows_written_in_bulk(report):
    rec = RecommendationFactory(report=report, text="That the council reviews its offer.")
    Recommendation.objects.filter(pk=rec.pk).update(
        text="Canal towpaths", search_document="", search_document_council=""
    )
    assert found("towpaths", PUBLIC) == []
    call_command("rebuild_search", stdout=StringIO())
    assert found("towpaths", PUBLIC) == [rec.pk]


def test_a_refresh_rebuilds_the_rows_it_is_given_and_no_others(report):
    """The UPDATE's SET is compiled once per process; which rows it touches, every time."""
    given, other = (
        RecommendationFactory(report=report, text=text) for text in ("Canal", "Bridleway")
    )
    Recommendation.objects.update(text="Towpath", search_document="", search_document_council="")

    touched = search_documents_refresh(recommendations=Recommendation.objects.filter(pk=given.pk))

    assert touched == 1
    assert found("towpath", PUBLIC) == [given.pk]
    other.refresh_from_db()
    assert other.search_document == ""


def test_a_refresh_of_no_rows_touches_none(report):
    RecommendationFactory(report=report)

    assert search_documents_refresh(recommendations=Recommendation.objects.filter(pk__in=[])) == 0


def _refreshes(queries) -> list[str]:
    return [query["sql"] for query in queries if "search_document" in query["sql"]]


def test_a_tracking_decision_leaves_the_documents_alone(report, officer):
    """The board's decision changes the status, not the words: no rebuild for each of the
    recommendations a meeting decides on."""
    rec = RecommendationFactory(report=report, text="Offer travel training.")
    meeting = MeetingFactory(committee=report.committee, date=date(2012, 6, 1))

    with CaptureQueriesContext(connection) as queries:
        record_services.assessments_record(
            meeting=meeting,
            decisions=[record_services.TrackingDecision(rec, tracking_status(2))],
            user=officer,
        )

    assert _refreshes(queries) == []
    rec.refresh_from_db()
    assert rec.current_status == tracking_status(2)
    assert found("travel training", PUBLIC) == [rec.pk]


def test_a_save_naming_a_searched_field_rebuilds_the_document(report):
    rec = RecommendationFactory(report=report, text="That the council reviews its offer.")
    rec.text = "Canal towpaths"

    rec.save(update_fields=["text"])

    assert found("towpaths", PUBLIC) == [rec.pk]


def test_the_searched_fields_are_the_columns_the_documents_read():
    """RECOMMENDATION_SEARCHED_FIELDS, which decides when a save rebuilds nothing, against
    the recommendation's own columns in the compiled UPDATE (every other table in it is a
    subquery's, under an alias)."""
    sql, _params = _documents_set_clause(connection.vendor)
    table = Recommendation._meta.db_table
    read = set(re.findall(rf'"{table}"\."(\w+)"', sql)) - {"id"}
    columns = {
        Recommendation._meta.get_field(name).column for name in RECOMMENDATION_SEARCHED_FIELDS
    }

    assert read == columns


# --- Whether the response is in, stored with the documents ----------------------------


def _stored_flag_agrees(recommendation: Recommendation) -> bool:
    """The stored flag, beside the rule it stores (a submitted or agreed response)."""
    recommendation.refresh_from_db()
    is_in = recommendation.responses.submitted().exists()
    return recommendation.response_is_in == is_in


def test_the_stored_response_flag_follows_a_response_through_its_life(report):
    recommendation = RecommendationFactory(report=report)
    author = DirectorateUserFactory(directorate=recommendation.directorate)
    draft = services.response_save_draft(
        recommendation=recommendation, user=author, decision="accepted", text="Accepted."
    )
    assert _stored_flag_agrees(recommendation) and not recommendation.response_is_in

    submitted = services.response_submit(response=draft, user=author)
    assert _stored_flag_agrees(recommendation) and recommendation.response_is_in

    services.response_return(response=submitted, user=OfficerFactory(), reason="Say when.")
    assert _stored_flag_agrees(recommendation) and not recommendation.response_is_in

    again = services.response_submit(response=Response.objects.get(pk=submitted.pk), user=author)
    services.response_agree(response=again, user=OfficerFactory())
    assert _stored_flag_agrees(recommendation) and recommendation.response_is_in

    again.delete()
    assert _stored_flag_agrees(recommendation) and not recommendation.response_is_in


def test_rebuilding_the_documents_sets_the_stored_response_flag(report):
    with_response = agreed_response(RecommendationFactory(report=report)).recommendation
    without = RecommendationFactory(report=report)
    Recommendation.objects.update(response_is_in=False)  # as rows written in bulk are

    call_command("rebuild_search", stdout=StringIO())

    assert _stored_flag_agrees(with_response) and with_response.response_is_in
    assert _stored_flag_agrees(without) and not without.response_is_in
