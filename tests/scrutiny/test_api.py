"""The open-data API: what the public may see, paginated and filtered like the list."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from tests.factories import ReportFactory, agreed_response, submitted_response, tracking_status
from tests.viewkit import signed_in


@pytest.fixture
def api(db):
    return Client()


def test_the_openapi_schema_is_valid_openapi_3(api):
    response = api.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate(schema)
    assert "/api/v1/recommendations" in schema["paths"]


def test_recommendations_come_with_reference_agreed_response_and_latest_decision(
    api, published_report, officer
):
    first = published_report.recommendations.get(number=1)
    agreed_response(first, text="We will do it.")
    from recommendations import services
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(committee=published_report.committee)
    services.assessments_record(
        meeting=meeting,
        decisions=[services.TrackingDecision(first, tracking_status(4), "Going well")],
        user=officer,
    )
    body = api.get("/api/v1/recommendations").json()
    assert body["count"] == 3
    item = next(i for i in body["items"] if i["id"] == first.pk)
    assert item["reference"] == "1"
    assert item["agreed_response"]["text"] == "We will do it."
    assert item["latest_tracking_decision"]["status"]["position"] == 4
    assert item["latest_tracking_decision"]["comment"] == "Going well"


def test_a_submitted_but_not_agreed_response_is_not_public(api, recommendation, officer):
    submitted_response(recommendation)
    item = api.get(f"/api/v1/recommendations/{recommendation.pk}").json()
    assert item["agreed_response"] is None


def test_private_reports_and_their_recommendations_are_not_in_the_api(
    api, published_report, officer
):
    exempt = ReportFactory(inquiry=published_report.inquiry, is_exempt=True, exempt_rule="10.4(3)")
    assert api.get(f"/api/v1/reports/{exempt.pk}").status_code == 404
    ids = [r["id"] for r in api.get("/api/v1/reports").json()["items"]]
    assert ids == [published_report.pk]
    # Signed in or not, the API is the public's view.
    assert signed_in(officer).get(f"/api/v1/reports/{exempt.pk}").status_code == 404


def test_recommendations_filter_like_the_list_page(api, published_report, directorate_b):
    body = api.get(f"/api/v1/recommendations?directorate={directorate_b.pk}").json()
    assert [item["reference"] for item in body["items"]] == ["3"]


def test_the_status_filter_takes_none_for_not_yet_assessed_as_the_list_page_does(
    api, published_report, officer
):
    from recommendations import services
    from tests.factories import MeetingFactory

    first = published_report.recommendations.get(number=1)
    services.assessments_record(
        meeting=MeetingFactory(committee=published_report.committee),
        decisions=[services.TrackingDecision(first, tracking_status(4), "Going well")],
        user=officer,
    )
    body = api.get("/api/v1/recommendations?status=none").json()
    assert sorted(item["reference"] for item in body["items"]) == ["2", "3"]
    page = api.get("/recommendations/?status=none")
    assert {rec.pk for rec in page.context["object_list"]} == {i["id"] for i in body["items"]}
    assessed = api.get(f"/api/v1/recommendations?status={tracking_status(4).pk}").json()
    assert [item["reference"] for item in assessed["items"]] == ["1"]


def test_a_status_that_is_neither_an_id_nor_none_is_a_clear_422(api, published_report):
    response = api.get("/api/v1/recommendations?status=abc")
    assert response.status_code == 422
    assert "status" in response.json()["detail"]


def test_a_bad_filter_is_a_clear_422(api, published_report):
    response = api.get("/api/v1/recommendations?committee=999999")
    assert response.status_code == 422
    response = api.get("/api/v1/recommendations?committee=abc")
    assert response.status_code == 422


def test_lists_are_paginated_by_next_and_previous_links(api, published_report):
    first = api.get("/api/v1/recommendations?page_size=2").json()
    assert (first["count"], first["count_is_exact"], first["previous"]) == (3, True, None)

    second = api.get(first["next"]).json()
    assert second["next"] is None
    back = api.get(second["previous"]).json()

    # Newest report first, then by number: the list page's order.
    assert [i["reference"] for i in first["items"] + second["items"]] == ["1", "2", "3"]
    assert back["items"] == first["items"]
    assert "page_size=2" in first["next"]


def test_the_next_page_keeps_the_filters(api, published_report):
    committee = published_report.committee_id
    first = api.get(f"/api/v1/recommendations?page_size=1&committee={committee}").json()

    assert f"committee={committee}" in first["next"]
    assert api.get(first["next"]).json()["count"] == 3


def test_a_later_page_costs_the_queries_the_first_does(api, published_report):
    first = queries_of(api, "/api/v1/recommendations?page_size=1")
    second = queries_of(api, api.get("/api/v1/recommendations?page_size=1").json()["next"])

    assert len(second) == len(first)


@pytest.mark.parametrize(
    "forged",
    [
        "rubbish",
        "WyJ4IiwxLDFd",
        "WzEsIm9uZSIsMV0",
        "WzEwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAsMSwxXQ",
    ],
    ids=["undecodable", "a report id of letters", "a number of letters", "an id too large"],
)
def test_a_forged_cursor_is_the_first_page(api, published_report, forged):
    first = api.get("/api/v1/recommendations?page_size=2").json()

    for side in ("after", "before"):
        answer = api.get(f"/api/v1/recommendations?page_size=2&{side}={forged}")
        assert answer.status_code == 200
        assert answer.json() == first


@pytest.mark.parametrize(
    "path", ["/api/v1/committees", "/api/v1/meetings", "/api/v1/inquiries", "/api/v1/reports"]
)
def test_a_forged_cursor_on_any_list_is_its_first_page(api, published_report, path):
    for forged in ("WyJ4IiwxXQ", "WyJ4IiwieCIsMV0", "WyIyMDEyLTEzLTQ1IiwieCIsMV0"):
        assert api.get(f"{path}?after={forged}").status_code == 200


def test_a_page_size_over_100_is_a_clear_422(api, published_report):
    assert api.get("/api/v1/recommendations?page_size=101").status_code == 422


@pytest.mark.parametrize(
    "path", ["/api/v1/committees", "/api/v1/meetings", "/api/v1/inquiries", "/api/v1/reports"]
)
def test_every_list_answers(api, published_report, path):
    response = api.get(path)
    assert response.status_code == 200
    assert "items" in response.json()


def queries_of(client, path: str) -> list:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return queries.captured_queries


def test_page_numbers_are_a_clear_422(api, published_report):
    answer = api.get("/api/v1/recommendations?page=2")

    assert answer.status_code == 422
    assert "next and previous links" in answer.text


def test_recommendations_filter_by_agreed_decision(api, published_report):
    first, second, _third = published_report.recommendations.order_by("number")
    agreed_response(first)
    submitted_response(second)  # in, but not agreed: the public reads no response yet

    accepted = api.get("/api/v1/recommendations?decision=accepted").json()
    none_yet = api.get("/api/v1/recommendations?decision=none").json()

    assert [item["id"] for item in accepted["items"]] == [first.pk]
    assert {item["id"] for item in none_yet["items"]} == {
        r.pk for r in published_report.recommendations.exclude(pk=first.pk)
    }
