"""The recommendations list: filters, sorting and pagination."""

import base64
import json
import re
from datetime import date

import pytest
from django.urls import reverse

from recommendations import services
from responses.models import ResponseDecision
from tests.factories import (
    CommitteeFactory,
    DirectorateFactory,
    InquiryFactory,
    OfficerFactory,
    RecommendationFactory,
    ReportFactory,
    ResponseFactory,
    agreed_response,
    submitted_response,
    tracking_status,
)
from tests.viewkit import (
    PROBLEM,
    client_for,
    page,
    queries_for,
)

pytestmark = pytest.mark.django_db


# --- The recommendation list: filters, sorting, pagination ---------------------------


@pytest.fixture
def listed(committee, directorate_a, directorate_b, meeting):
    """Recommendations of two committees and inquiries, in every state the filters ask about."""
    placements = ReportFactory(
        inquiry=InquiryFactory(committee=committee, title="External placements"),
        title="Placements report",
        published_on=date(2012, 2, 1),
        received_on=date(2012, 2, 10),
    )
    other_board = CommitteeFactory(name="Scrutiny Board (Health)")
    health = ReportFactory(
        inquiry=InquiryFactory(committee=other_board, title="Hospital discharge"),
        title="Discharge report",
        published_on=date(2011, 5, 1),
        received_on=None,
    )
    accepted = RecommendationFactory(
        report=placements,
        number=1,
        directorate=directorate_a,
        text="ALPHA review the placements panel.",
        report_back_month=date(2012, 7, 1),
    )
    agreed_response(accepted)
    partial = RecommendationFactory(
        report=placements,
        number=2,
        directorate=directorate_a,
        text="BRAVO report the cost of placements.",
        report_back_month=date(2012, 9, 1),
    )
    submitted_response(
        partial,
        decision=ResponseDecision.PARTIALLY_ACCEPTED,
        partial_acceptance_detail="Only the cost.",
    )
    drafted = RecommendationFactory(
        report=placements,
        number=3,
        directorate=directorate_b,
        text="CHARLIE consult the carers.",
        lead_officer="Head of Fostering",
    )
    ResponseFactory(recommendation=drafted, decision=ResponseDecision.NOT_ACCEPTED)
    silent = RecommendationFactory(
        report=health, number=1, directorate=directorate_b, text="DELTA discharge sooner."
    )
    services.assessments_record(
        meeting=meeting,
        user=OfficerFactory(),
        decisions=[services.TrackingDecision(accepted, tracking_status(2))],
    )
    return {"accepted": accepted, "partial": partial, "drafted": drafted, "silent": silent}


def listed_texts(client, query: str = "") -> list[str]:
    response = client.get(reverse("recommendations:recommendation_list") + query)
    assert response.status_code == 200
    html = page(response)
    return sorted(w for w in ("ALPHA", "BRAVO", "CHARLIE", "DELTA") if w in html)


@pytest.fixture
def member_client(request, member):
    return client_for(request, "member")


def test_the_list_shows_every_recommendation_unfiltered(member_client, listed):
    assert listed_texts(member_client) == ["ALPHA", "BRAVO", "CHARLIE", "DELTA"]


def test_the_list_filters_by_committee_and_inquiry(member_client, listed, committee):
    assert listed_texts(member_client, f"?committee={committee.pk}") == [
        "ALPHA",
        "BRAVO",
        "CHARLIE",
    ]
    inquiry = listed["silent"].report.inquiry
    assert listed_texts(member_client, f"?inquiry={inquiry.pk}") == ["DELTA"]


def test_the_list_filters_by_directorate(member_client, listed, directorate_b):
    assert listed_texts(member_client, f"?directorate={directorate_b.pk}") == [
        "CHARLIE",
        "DELTA",
    ]


def test_the_list_filters_by_decision(member_client, listed):
    assert listed_texts(member_client, "?decision=accepted") == ["ALPHA"]
    assert listed_texts(member_client, "?decision=partial") == ["BRAVO"]
    # A draft's decision is the directorate's business: it counts as no response.
    assert listed_texts(member_client, "?decision=not_accepted") == []
    assert listed_texts(member_client, "?decision=none") == ["CHARLIE", "DELTA"]


def test_the_public_filters_by_agreed_decisions_only(client, listed):
    assert listed_texts(client, "?decision=partial") == []
    assert listed_texts(client, "?decision=none") == ["BRAVO", "CHARLIE", "DELTA"]


def test_the_list_filters_by_status(member_client, listed):
    assert listed_texts(member_client, f"?status={tracking_status(2).pk}") == ["ALPHA"]
    assert listed_texts(member_client, f"?status={tracking_status(4).pk}") == []


def test_the_list_filters_overdue(member_client, listed):
    # BRAVO's report-back (September 2012) is late; ALPHA was assessed; CHARLIE's response is
    # late; DELTA's report was never received, so nothing is due from it.
    assert listed_texts(member_client, "?overdue=on") == ["BRAVO", "CHARLIE"]


def test_the_list_filters_by_report_back_due_before(member_client, listed):
    assert listed_texts(member_client, "?due_before=2012-10-01") == ["BRAVO"]
    assert listed_texts(member_client, "?due_before=2012-09-01") == []


def test_the_list_searches_text_lead_officer_report_and_inquiry(member_client, listed):
    assert listed_texts(member_client, "?q=carers") == ["CHARLIE"]
    assert listed_texts(member_client, "?q=fostering") == ["CHARLIE"]
    assert listed_texts(member_client, "?q=discharge+report") == ["DELTA"]
    assert listed_texts(member_client, "?q=external+placements+cost") == ["BRAVO"]
    assert listed_texts(member_client, "?q=nothing-like-this") == []


@pytest.mark.parametrize(
    ("query", "order"),
    [
        ("?q=carers", "Best match first"),
        ("?q=+", "Report and number"),  # nothing to search for: the list's own order
        ("", "Report and number"),
        ("?q=carers&sort=due", "Next report-back, soonest first"),
    ],
)
def test_the_sort_select_names_the_order_the_list_is_in(member_client, listed, query, order):
    listing = member_client.get(reverse("recommendations:recommendation_list") + query)

    select = str(listing.context["filter"].form["sort"])
    assert re.search(r'<option value="[^"]*" selected>([^<]*)</option>', select)[1] == order


@pytest.mark.parametrize(
    ("query", "offer"),
    [
        ("?q=carers", "Download this recommendation:"),
        ("", "Download these 4 recommendations:"),
    ],
)
def test_the_download_offer_names_what_it_downloads(member_client, listed, query, offer):
    listing = member_client.get(reverse("recommendations:recommendation_list") + query)

    assert offer in " ".join(page(listing).split())


def test_the_list_combines_filters(member_client, listed, committee, directorate_a):
    query = f"?committee={committee.pk}&directorate={directorate_a.pk}&decision=partial"
    assert listed_texts(member_client, query) == ["BRAVO"]


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("due", ["ECHO", "BRAVO"]),
        ("-due", ["BRAVO", "ECHO"]),
        ("published", ["DELTA", "ALPHA"]),
        ("-published", ["ALPHA", "DELTA"]),
    ],
)
def test_the_list_sorts(member_client, listed, sort, order):
    RecommendationFactory(
        report=listed["partial"].report,
        number=5,
        text="ECHO report back in August.",
        report_back_month=date(2012, 8, 1),
    )
    html = page(member_client.get(reverse("recommendations:recommendation_list") + f"?sort={sort}"))
    positions = [html.index(word) for word in order]
    assert positions == sorted(positions)


def test_the_list_sorts_by_status(member_client, listed):
    response = member_client.get(reverse("recommendations:recommendation_list") + "?sort=status")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "?committee=abc",
        "?inquiry=999999",
        "?directorate=-1",
        "?decision=maybe",
        "?status=abc",
        "?due_before=notadate",
        "?sort=nonsense",
        "?overdue=perhaps",
        "?q=" + "x" * 500,
        # Digits to str.isdigit() that int() refuses (superscript two): hypothesis found it.
        "?committee=%C2%B2",
        "?inquiry=%C2%B2",
    ],
)
def test_bad_filter_values_are_shown_not_500(member_client, listed, query):
    response = member_client.get(reverse("recommendations:recommendation_list") + query)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?committee=abc", "Select a valid choice."),
        ("?due_before=notadate", "Report-back due before must be a real date"),
        ("?due_before_day=31&due_before_month=2&due_before_year=2012", "must be a real date"),
        ("?due_before_day=1&due_before_year=2012", "Report-back due before must include a month"),
        ("?decision=maybe", "Select a valid choice."),
    ],
)
def test_a_bad_filter_value_is_explained(member_client, listed, query, message):
    response = member_client.get(reverse("recommendations:recommendation_list") + query)
    assert response.status_code == 200
    assert PROBLEM in page(response)
    assert message in page(response)


def list_url(query: str = "") -> str:
    return reverse("recommendations:recommendation_list") + query


def texts_in_order(response) -> list[str]:
    return [rec.text for rec in response.context["object_list"]]


@pytest.fixture
def thirty(committee, directorate_a):
    report = ReportFactory(inquiry=InquiryFactory(committee=committee))
    for number in range(1, 31):
        RecommendationFactory(
            report=report, number=number, directorate=directorate_a, text=f"Item {number:02}"
        )
    RecommendationFactory(directorate=DirectorateFactory())  # filtered out
    return report


def test_the_due_before_filter_reads_the_date_boxes(member_client, listed):
    query = "?due_before_day=1&due_before_month=10&due_before_year=2012"
    assert listed_texts(member_client, query) == ["BRAVO"]


def test_the_inquiry_select_offers_only_the_chosen_committees_inquiries(
    member_client, listed, committee
):
    other = listed["silent"].report.inquiry
    unfiltered = page(member_client.get(list_url()))
    assert "External placements</option>" not in unfiltered
    chosen = page(member_client.get(list_url(f"?committee={committee.pk}")))
    assert "External placements</option>" in chosen
    assert f"{other.title}</option>" not in chosen


def test_pages_follow_one_another_keeping_the_filters(member_client, directorate_a, thirty):
    query = f"?directorate={directorate_a.pk}"
    first = member_client.get(list_url(query))
    assert first.context["page"].count == 30
    assert texts_in_order(first) == [f"Item {n:02}" for n in range(1, 26)]
    after = first.context["page"].next_cursor
    assert f"?directorate={directorate_a.pk}&amp;after={after}" in page(first)
    second = member_client.get(list_url(f"{query}&after={after}"))
    assert texts_in_order(second) == [f"Item {n:02}" for n in range(26, 31)]
    assert not second.context["page"].has_next
    before = second.context["page"].previous_cursor
    back = member_client.get(list_url(f"{query}&before={before}"))
    assert texts_in_order(back) == texts_in_order(first)


def test_the_last_page_is_the_end_of_the_list(member_client, directorate_a, thirty):
    last = member_client.get(list_url(f"?directorate={directorate_a.pk}&last=1"))
    assert texts_in_order(last) == [f"Item {n:02}" for n in range(6, 31)]
    assert last.context["page"].has_previous
    assert not last.context["page"].has_next


@pytest.mark.parametrize("sort", ["due", "-due", "published", "-published", "status", "-status"])
def test_every_sort_pages_through_every_row_once(member_client, listed, sort, settings):
    settings.RECOMMENDATIONS_PER_PAGE = 1
    seen, query = [], f"?sort={sort}"
    while True:
        response = member_client.get(list_url(query))
        seen += texts_in_order(response)
        if not response.context["page"].has_next:
            break
        query = f"?sort={sort}&after={response.context['page'].next_cursor}"
    assert sorted(seen) == sorted(r.text for r in listed.values())


def test_search_results_page_through_every_match_once_both_ways(
    member_client, directorate_a, thirty, settings
):
    settings.RECOMMENDATIONS_PER_PAGE = 7
    pages, query = [], "?q=item"
    while True:
        response = member_client.get(list_url(query))
        pages.append(texts_in_order(response))
        if not response.context["page"].has_next:
            break
        query = f"?q=item&after={response.context['page'].next_cursor}"
    seen = [text for texts in pages for text in texts]
    assert sorted(seen) == [f"Item {n:02}" for n in range(1, 31)]
    assert [len(texts) for texts in pages] == [7, 7, 7, 7, 2]
    before = response.context["page"].previous_cursor
    assert texts_in_order(member_client.get(list_url(f"?q=item&before={before}"))) == pages[-2]
    last = member_client.get(list_url("?q=item&last=1"))
    assert texts_in_order(last) == seen[-7:]


def test_a_searchs_pages_give_the_same_count(member_client, directorate_a, thirty, settings):
    # The first page counts from the ranking's own ids (core.keyset._first_rows_counted), a
    # later page by counting: the same figure.
    settings.RECOMMENDATIONS_PER_PAGE = 7
    first = member_client.get(list_url("?q=item")).context["page"]
    later = member_client.get(list_url(f"?q=item&after={first.next_cursor}")).context["page"]

    assert (first.count, first.count_is_exact) == (30, True)
    assert (later.count, later.count_is_exact) == (30, True)


def test_a_search_of_more_than_a_thousand_says_over_a_thousand(
    member_client, directorate_a, thirty
):
    from core.keyset import COUNT_LIMIT
    from recommendations.models import Recommendation
    from responses.search import search_documents_refresh

    Recommendation.objects.bulk_create(
        Recommendation(
            report=thirty,
            number=number,
            reference=str(number),
            text="Many things",
            directorate=directorate_a,
        )
        for number in range(100, 101 + COUNT_LIMIT)
    )
    search_documents_refresh(recommendations=Recommendation.objects.filter(number__gte=100))

    for query in ("?q=many", "?q=many&sort=due"):
        listing = member_client.get(list_url(query))
        assert (listing.context["page"].count, listing.context["page"].count_is_exact) == (
            COUNT_LIMIT,
            False,
        ), query
        assert len(listing.context["object_list"]) == 25


def cursor(*values) -> str:
    """A page link's cursor as the list encodes one, holding any values."""
    text = json.dumps(list(values), separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


FORGED_CURSORS = [
    cursor("x", 1, 1),  # a report id that is not a number
    cursor(10**30, 1, 1),  # ...nor one any database column holds
    cursor(1, "one", 1),
    cursor("garbage", "2012-01-01", 1, 1),  # from another sort, as long as this one's
    cursor("2012-13-45", 1, 1, 1),
]


def test_a_forged_page_link_shows_the_first_page(member_client, listed):
    forged = [f"?{side}={value}" for value in FORGED_CURSORS for side in ("after", "before")]
    for query in ("?after=abc", "?before=!!", "?after=WzEsMl0", "?page=99", *forged):
        response = member_client.get(list_url(query))
        assert response.status_code == 200, query
        assert len(response.context["object_list"]) == 4, query


def test_a_forged_page_link_of_a_sorted_list_shows_its_first_page(member_client, listed):
    for sort in ("due", "-published", "status"):
        for value in FORGED_CURSORS:
            response = member_client.get(list_url(f"?sort={sort}&after={value}"))
            assert response.status_code == 200, (sort, value)


def test_search_results_mark_the_matching_words(member_client, listed):
    html = page(member_client.get(list_url("?q=carers")))
    assert '<mark class="app-search-match">carers</mark>' in html


def test_the_list_costs_the_same_at_thirty_and_three_hundred(
    member_client, directorate_a, thirty, django_assert_num_queries
):
    query = f"?directorate={directorate_a.pk}"
    first = queries_for(member_client, list_url(query))
    last = queries_for(member_client, list_url(query + "&last=1"))
    small = len(page(member_client.get(list_url(query))))
    RecommendationFactory.create_batch(270, report=thirty, directorate=directorate_a)
    member_client.get(list_url(query))
    with django_assert_num_queries(first):
        response = member_client.get(list_url(query))
    assert len(response.context["object_list"]) == 25
    # The page's size does not grow with the table (numbers and the count aside).
    assert abs(len(page(response)) - small) < 2000
    with django_assert_num_queries(first):
        member_client.get(list_url(query + "&last=1"))
    assert last == first
